/** Messages longer than this are cut: a parser quoting a 1 MB line must not print it. */
export declare const MAX_MESSAGE_CHARS = 300;
/** Masked, one line, at most MAX_MESSAGE_CHARS (an ellipsis last when cut), never a workflow command. */
export declare function safeMessage(text: string, max?: number): string;
/** At most `max` UTF-16 units, the last an ellipsis when something was cut; a surrogate pair is never split. */
export declare function cutTo(text: string, max: number): string;
/** A path for a message: control characters visible, never a workflow command, not masked (paths are not secrets). */
export declare function safePath(path: string): string;
/**
 * The runner reads `::command::` at the start of a line once leading white space is trimmed, and the legacy
 * `##[command]` anywhere in a line (actions/runner ActionCommand.TryParseV2 / TryParse). A backslash in front of the
 * `::`, and between `##` and `[`, makes either plain text; escape sequences and colour codes before the `::` count
 * as white space here, since a terminal shows nothing for them.
 */
export declare function defuseWorkflowCommand(text: string): string;
/** Every line of a whole output (a report, a help text) defused on its own: text may wrap onto a line of its own. */
export declare function defuseWorkflowCommandLines(text: string): string;
/**
 * JSON text (a report, a printed configuration) that is inert in a terminal and a CI log and still parses to the
 * same value: JSON.stringify leaves DEL, C1 controls, line separators and bidirectional overrides raw, and any `##[`
 * in a string would be a legacy workflow command. Outside strings JSON holds none of these, so each is written as
 * its `\uXXXX` escape.
 */
export declare function inertJson(json: string): string;
/** Each line of a multi-line message made safe on its own (configuration errors list one problem per line). */
export declare function safeLines(text: string, max?: number): string;
