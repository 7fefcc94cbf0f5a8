import type { Position } from '../types.js';
/**
 * Maps character offsets of one text to 1-based lines and columns. Built once per file; every position in the
 * linter comes from here, so nobody else counts lines. Columns count UTF-16 code units (SARIF `utf16CodeUnits`).
 */
export declare class LineIndex {
    readonly file: string;
    readonly text: string;
    private readonly starts;
    constructor(file: string, text: string);
    /** Line (1-based) holding the offset. */
    lineOf(offset: number): number;
    /** The position spanning [start, end) of the text. */
    at(start: number, end?: number): Position;
    /** The text of a 1-based line, without its line break. */
    lineText(line: number): string;
    get lineCount(): number;
}
/** The position of the first line of a file, used for file-level findings. */
export declare function fileStart(file: string): Position;
