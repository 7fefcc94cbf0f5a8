// How rules quote user-written values in messages: short, on one line, and never with a credential in full.
import { maskSecret } from '../../secrets/mask.js';

const MAX_QUOTED = 200;

/**
 * A URL as written, for a message: the password of any `user:password@` part is masked, and a hostile very long
 * value is cut (the finding's position points at the whole of it anyway).
 */
export function quoteUrl(value: string): string {
  const masked = value.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#@:]*:)([^/?#@]*)@/, (_all, head: string, password: string) => `${head}${maskSecret(password)}@`);
  const oneLine = masked.replace(/\s+/g, ' ');
  return `"${oneLine.length > MAX_QUOTED ? `${oneLine.slice(0, MAX_QUOTED)}…` : oneLine}"`;
}
