/**
 * Text from linted files as inert Markdown: one line, control characters visible (`\x1b`: `-f markdown` may go to
 * a terminal), and every character that could start emphasis, code, a link, HTML, an entity or a new table cell is
 * backslash-escaped (CommonMark renders `\x` as `x` for ASCII punctuation). With `[` escaped no link can form, so
 * `(`, `)` and `!` need nothing. What GitHub links by itself in plain text is broken up with a zero-width joiner:
 * an `@mention` (which notifies the person) or an e-mail address, a `#123` reference, a bare `https://` or `www.`
 * address.
 */
export declare function markdownText(text: string): string;
