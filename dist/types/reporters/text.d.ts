import type { Reporter } from './types.js';
/**
 * Human output through eslint-formatter-pretty: the format ESLint users already read. It sorts its input in place,
 * so it gets a copy. File names are the repository's: control characters in them are made visible before the
 * formatter prints them, and every line of the output is defused, since a name or a wrapped message may put `::` at
 * the start of a line. Colour and width come from the options alone: this module reads no process state.
 */
export declare const textReporter: Reporter;
