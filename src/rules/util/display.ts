// How rules quote user-written values in messages: short, on one line, and never with a credential in full.
import { maskUrlCredentials } from '../../secrets/url-credentials.js';
import { escapeControlChars } from '../../text/control-chars.js';
import { cutTo } from '../../text/safe-text.js';

const MAX_QUOTED = 200;

/** A URL as written, for a message: credentials masked, on one line, a hostile very long value cut (the finding's position points at the whole of it anyway). */
export function quoteUrl(value: string): string {
  const oneLine = escapeControlChars(maskUrlCredentials(value, MAX_QUOTED).replace(/\s+/g, ' '));
  return `"${cutTo(oneLine, MAX_QUOTED + 1)}"`;
}
