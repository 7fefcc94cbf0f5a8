/**
 * Masks a secret for display: at most the first 4 characters (and at most a quarter of the value, so a
 * 6-character secret shows 1), then `…****`, e.g. `3MVG…****`. Never returns the full value; `''` for `''`.
 * Works on code points, so a surrogate pair is never split.
 */
export declare function maskSecret(value: string): string;
/**
 * The text with every secret the repository scan recognises (access token, SFDX auth URL, private key) masked in
 * place, so that the words around it stay readable. A private key hit only spans its header, so everything from
 * the header on is masked: its body follows the header and has no end the scan marks. One pass, left to right:
 * the output is built once from the pieces, however many secrets the text holds.
 */
export declare function maskSecretsIn(text: string): string;
/**
 * The first `shown` characters of `text` with every secret masked, in bounded time: only `shown` + SCAN_MARGIN
 * characters are scanned, so a 5 MB value costs what a 5 kB one does. The result may be longer than `shown`; the
 * caller cuts it (after escaping) to what it prints.
 *
 * A token or a key that starts in the shown part is recognised from its first hundred characters, which the margin
 * holds. An SFDX auth URL is recognised only once its `@host` is read, and nothing bounds the length before it: so
 * when the window cuts the text, an auth URL still open at the cut (a `force://` in the run of auth-URL characters
 * that reaches it) is masked from its scheme on, as the full scan would have masked it.
 */
export declare function maskSecretsInHead(text: string, shown: number): string;
