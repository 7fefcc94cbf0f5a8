import type { Position } from '../types.js';

/**
 * Maps character offsets of one text to 1-based lines and columns. Built once per file; every position in the
 * linter comes from here, so nobody else counts lines. Columns count UTF-16 code units (SARIF `utf16CodeUnits`).
 */
export class LineIndex {
  private readonly starts: number[];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }

  /** Line (1-based) holding the offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** The position spanning [start, end) of the text. */
  at(start: number, end: number = start): Position {
    const line = this.lineOf(start);
    const endLine = this.lineOf(end);
    return {
      file: this.file,
      line,
      column: start - this.starts[line - 1]! + 1,
      endLine,
      endColumn: end - this.starts[endLine - 1]! + 1,
    };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const next = this.starts[line];
    return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/** The position of the first line of a file, used for file-level findings. */
export function fileStart(file: string): Position {
  return { file, line: 1, column: 1 };
}
