// Text from a linted repository reaches terminals and CI logs: an ESC (`&#27;[2K` in an XML value), an OSC sequence or a
// BEL must arrive as visible text, never as a command to the terminal; a line break must not start a new log line.

/** C0 controls, DEL, C1 controls, line/paragraph separators and the bidirectional overrides ("Trojan Source"). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Every control character as a visible escape (`\n`, `\x1b`, `\u202e`), so one value prints as one inert line. */
export function escapeControlChars(text: string): string {
  return text.replace(CONTROL, (char) => {
    const named = NAMED[char];
    if (named) return named;
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

