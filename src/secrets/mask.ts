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
