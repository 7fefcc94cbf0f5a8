import { escapeControlChars } from '../text/control-chars.js';
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
  const chars = Array.from(value);
  const keep = Math.min(4, Math.floor(chars.length / 4));
  const masked = chars.slice(0, keep).join('') + MASK_TAIL;
  // Pathological input that already looks masked (e.g. 'a…****') must not come back unchanged.
  return masked === value ? MASK_TAIL : masked;
}

/**
 * The text with every secret the repository scan recognises (access token, SFDX auth URL, private key) masked in
 * place, so that the words around it stay readable. A private key hit only spans its header, so everything from
 * the header on is masked: its body follows the header and has no end the scan marks.
 */
export function maskSecretsIn(text: string): string {
  const hits = scanText(text);
  let masked = text;
  // Right to left, so that the offsets of the hits still to do stay valid.
  for (let index = hits.length - 1; index >= 0; index--) {
    const hit = hits[index]!;
    const end = hit.kind === 'private-key' ? masked.length : hit.end;
    masked = `${masked.slice(0, hit.start)}${maskSecret(masked.slice(hit.start, end))}${masked.slice(end)}`;
  }
  return masked;
}

/** Longest message built from repository text (a parse error quoting a tag): enough to recognise the spot. */
export const MAX_MESSAGE_LENGTH = 300;

/**
 * A message that quotes repository text, made safe to print: control characters escaped, secrets masked first (on the whole text, so that a
 * token cut by the limit is still recognised), then cut to `max` characters. A 1 MB tag name gives a short message.
 */
export function boundedMessage(text: string, max: number = MAX_MESSAGE_LENGTH): string {
  const masked = escapeControlChars(maskSecretsIn(text));
  if (masked.length <= max) return masked;
  let cut = max - 1;
  // Never split a surrogate pair.
  if (cut > 0 && /[\uD800-\uDBFF]/.test(masked.charAt(cut - 1))) cut--;
  return `${masked.slice(0, cut)}…`;
}
