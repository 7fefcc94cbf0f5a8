import { scanText } from './scan.js';

/** The fixed tail: it never encodes the secret's length. */
const MASK_TAIL = '…****';

/**
 * Masks a secret for display: at most the first 4 characters (and at most a quarter of the value, so a
 * 6-character secret shows 1), then `…****`, e.g. `3MVG…****`. Never returns the full value; `''` for `''`.
 * Works on code points, so a surrogate pair is never split.
 */
export function maskSecret(value: string): string {
  if (value.length === 0) return '';
  // Only the first few code points matter: a private key masked to the end of a 5 MB text is not split whole.
  const chars = Array.from(value.length > 64 ? value.slice(0, 64) : value);
  const count = value.length > 64 ? Infinity : chars.length;
  const keep = Math.min(4, Math.floor(count / 4));
  // keep <= 4 code points, far before a surrogate pair the slice above may have split.
  const masked = chars.slice(0, keep).join('') + MASK_TAIL;
  // Pathological input that already looks masked (e.g. 'a…****') must not come back unchanged.
  return masked === value ? MASK_TAIL : masked;
}

/**
 * The text with every secret the repository scan recognises (access token, SFDX auth URL, private key) masked in
 * place, so that the words around it stay readable. A private key hit only spans its header, so everything from
 * the header on is masked: its body follows the header and has no end the scan marks. One pass, left to right:
 * the output is built once from the pieces, however many secrets the text holds.
 */
export function maskSecretsIn(text: string): string {
  const hits = scanText(text);
  if (hits.length === 0) return text;
  const pieces: string[] = [];
  let done = 0;
  let index = 0;
  while (index < hits.length) {
    const start = hits[index]!.start;
    // Hits that overlap (a token inside an auth URL) are masked as one span.
    let end = spanEnd(hits[index]!, text);
    index++;
    while (index < hits.length && hits[index]!.start < end) end = Math.max(end, spanEnd(hits[index++]!, text));
    pieces.push(text.slice(done, Math.max(done, start)), maskSecret(text.slice(Math.max(done, start), end)));
    done = end;
  }
  pieces.push(text.slice(done));
  return pieces.join('');
}

function spanEnd(hit: ReturnType<typeof scanText>[number], text: string): number {
  return hit.kind === 'private-key' ? text.length : hit.end;
}

/** Characters an SFDX auth URL is made of (AUTH_URL_RE in scan.ts). */
const AUTH_URL_CHAR = /[A-Za-z0-9._=:@/-]/;

/** How far past the shown part the scan reads: many times the longest real secret the scan recognises. */
const SCAN_MARGIN = 4096;

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
export function maskSecretsInHead(text: string, shown: number): string {
  const window = shown + SCAN_MARGIN;
  if (text.length <= window) return maskSecretsIn(text);
  let cut = window;
  if (/[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut--;
  const masked = maskSecretsIn(text.slice(0, cut));
  let runStart = masked.length;
  while (runStart > 0 && AUTH_URL_CHAR.test(masked.charAt(runStart - 1))) runStart--;
  const open = masked.indexOf('force://', runStart);
  return open === -1 ? masked : `${masked.slice(0, open)}${maskSecret(masked.slice(open))}`;
}
