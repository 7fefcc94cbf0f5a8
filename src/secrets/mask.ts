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

/** Characters a secret the scan knows is made of: tokens, SFDX auth URLs, base64 key bodies. */
const SECRET_CHAR = /[A-Za-z0-9._=:@/!+-]/;

/** How far past the shown part the scan reads: the longest secret the scan recognises fits many times. */
const SCAN_MARGIN = 4096;

/**
 * The first `shown` characters of `text` with every secret masked, in bounded time: only `shown` + SCAN_MARGIN
 * characters are scanned, so a 5 MB value costs what a 5 kB one does. The result may be longer than `shown`; the
 * caller cuts it (after escaping) to what it prints.
 *
 * A secret cut by the scanned window may not be recognised (an auth URL without its `@host`). So when the text is
 * longer than the window, the run of secret-like characters that reaches the cut is masked as if it were one: a
 * secret that began in the shown part and ran past the window never shows more than its masked prefix.
 */
export function maskSecretsInHead(text: string, shown: number): string {
  const window = shown + SCAN_MARGIN;
  if (text.length <= window) return maskSecretsIn(text);
  let cut = window;
  if (/[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut--;
  const masked = maskSecretsIn(text.slice(0, cut));
  let runStart = masked.length;
  while (runStart > 0 && SECRET_CHAR.test(masked.charAt(runStart - 1))) runStart--;
  return runStart === masked.length ? masked : `${masked.slice(0, runStart)}${maskSecret(masked.slice(runStart))}`;
}
