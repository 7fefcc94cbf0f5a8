// The one layer every message the tool prints goes through (docs/security.md): whatever a hostile repository puts in
// a file name, an XML value or a parser complaint, what comes out shows no secret in full, is one inert line of
// bounded length, and cannot be taken for a GitHub workflow command.
import { maskSecretsIn } from '../secrets/mask.js';
import { escapeControlChars } from './control-chars.js';

/** Messages longer than this are cut: a parser quoting a 1 MB line must not print it. */
export const MAX_MESSAGE_CHARS = 300;

/** Masked, one line, at most MAX_MESSAGE_CHARS (plus an ellipsis), never starting with `::`. */
export function safeMessage(text: string, max = MAX_MESSAGE_CHARS): string {
  // Cut before masking (bounded work), but with room: a secret cut in half would no longer be recognised as one.
  const head = text.length > max * 4 ? text.slice(0, max * 4) : text;
  let safe = escapeControlChars(maskSecretsIn(head));
  if (safe.length > max || head.length < text.length) safe = `${Array.from(safe).slice(0, max).join('')}…`;
  return defuseWorkflowCommand(safe);
}

/** A path for a message: control characters visible, never a workflow command, not masked (paths are not secrets). */
export function safePath(path: string): string {
  return defuseWorkflowCommand(escapeControlChars(path));
}

/** Text that starts with `::` would be a workflow command at the start of a log line; a space in front defuses it. */
export function defuseWorkflowCommand(text: string): string {
  return text.startsWith('::') ? ` ${text}` : text;
}

/** Each line of a multi-line message made safe on its own (configuration errors list one problem per line). */
export function safeLines(text: string, max = MAX_MESSAGE_CHARS): string {
  return text.split('\n').map((line) => safeMessage(line, max)).join('\n');
}
