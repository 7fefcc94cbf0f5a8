// Values from repository files end up in messages that reach terminals and CI logs. An escape character written as
// `&#27;` in XML (`ESC [2K` erases a line, an OSC sequence sets a window title or a hyperlink, BEL rings) must show as
// text, never act. Used where messages are made, so that the model and rules side does not depend on any reporter.

/** C0 controls (line breaks and tabs included), DEL and the C1 controls (`\x9b` is a one-character CSI). */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/** `s` with every C0/C1 control character and DEL written as a visible `\x1b`-style escape. */
export function escapeControlChars(s: string): string {
  return s.replace(CONTROL_CHARACTERS, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
