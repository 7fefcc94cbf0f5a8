/** Every control character as a visible escape (`\n`, `\x1b`, `\u202e`), so one value prints as one inert line. */
export declare function escapeControlChars(text: string): string;
