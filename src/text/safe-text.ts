// The one layer every message the tool prints goes through (docs/security.md): whatever a hostile repository puts in
// a file name, an XML value or a parser complaint, what comes out shows no secret in full, is one inert line of
// bounded length, and cannot be taken for a GitHub workflow command.
import { maskSecretsInHead } from '../secrets/mask.js';
import { escapeControlChars } from './control-chars.js';

/** Messages longer than this are cut: a parser quoting a 1 MB line must not print it. */
export const MAX_MESSAGE_CHARS = 300;

/** Masked, one line, at most MAX_MESSAGE_CHARS (an ellipsis last when cut), never a workflow command. */
export function safeMessage(text: string, max = MAX_MESSAGE_CHARS): string {
  // Masked on a bounded window (maskSecretsInHead), so that a 5 MB message costs what a short one does and a secret
  // the window cuts is still masked; then escaped, then cut to what is shown.
  const safe = escapeControlChars(maskSecretsInHead(text, max));
  return defuseWorkflowCommand(cutTo(safe, max));
}

/** At most `max` UTF-16 units, the last an ellipsis when something was cut; a surrogate pair is never split. */
export function cutTo(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(max - 2)) ? max - 2 : max - 1;
  return `${text.slice(0, cut)}…`;
}

/** A path for a message: control characters visible, never a workflow command, not masked (paths are not secrets). */
export function safePath(path: string): string {
  return defuseWorkflowCommand(escapeControlChars(path));
}

/**
 * The runner reads `::command::` at the start of a line once leading white space is trimmed, and the legacy
 * `##[command]` anywhere in a line (actions/runner ActionCommand.TryParseV2 / TryParse). A backslash in front of the
 * `::`, and between `##` and `[`, makes either plain text; escape sequences and colour codes before the `::` count
 * as white space here, since a terminal shows nothing for them.
 */
export function defuseWorkflowCommand(text: string): string {
  return text.replace(LEADING_COMMAND, '$1\\::').replace(LEGACY_COMMAND, '##\\[');
}

const LEADING_COMMAND = /^((?:\s|\u001b\[[0-9;]*m)*)::/;
const LEGACY_COMMAND = /##\[/g;

/** Every line of a whole output (a report, a help text) defused on its own: text may wrap onto a line of its own. */
export function defuseWorkflowCommandLines(text: string): string {
  return text.split('\n').map(defuseWorkflowCommand).join('\n');
}

/**
 * JSON text (a report, a printed configuration) that is inert in a terminal and a CI log and still parses to the
 * same value: JSON.stringify leaves DEL, C1 controls, line separators and bidirectional overrides raw, and any `##[`
 * in a string would be a legacy workflow command. Outside strings JSON holds none of these, so each is written as
 * its `\uXXXX` escape.
 */
export function inertJson(json: string): string {
  return json.replace(JSON_RAW, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(LEGACY_COMMAND, '##\\u005b');
}

const JSON_RAW = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Each line of a multi-line message made safe on its own (configuration errors list one problem per line). */
export function safeLines(text: string, max = MAX_MESSAGE_CHARS): string {
  return text.split('\n').map((line) => safeMessage(line, max)).join('\n');
}
