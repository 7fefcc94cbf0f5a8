// Text from linted files inside Markdown (the job summary, `-f markdown`, the posture comment): the one escaper.
import { escapeControlChars } from '../text/control-chars.js';

/**
 * Text from linted files as inert Markdown: one line, control characters visible (`\x1b`: `-f markdown` may go to
 * a terminal), and every character that could start emphasis, code, a link, HTML, an entity or a new table cell is
 * backslash-escaped (CommonMark renders `\x` as `x` for ASCII punctuation). With `[` escaped no link can form, so
 * `(`, `)` and `!` need nothing. What GitHub links by itself in plain text is broken up with a zero-width joiner:
 * an `@mention` (which notifies the person) or an e-mail address, a `#123` reference, a bare `https://` or `www.`
 * address.
 */
export function markdownText(text: string): string {
  return escapeControlChars(text.replace(/[\r\n\u2028\u2029]+/g, ' '))
    .replace(/[\\`*_[\]<>|~&]/g, (char) => `\\${char}`)
    .replace(GITHUB_AUTOLINK, (match) => `${match.slice(0, -1)}${ZWJ}${match.slice(-1)}`);
}

const ZWJ = '\u200d';
/** The character before which a zero-width joiner goes is the last of each match. */
const GITHUB_AUTOLINK = /[@#][\p{L}\p{N}_]|:\/|\bwww\./giu;
