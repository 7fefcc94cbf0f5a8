// Reading `calint-disable…` directives out of a file's text. XML files (all Salesforce metadata) hold them in
// `<!-- -->` comments; other files (a key file, a script) on a line whose comment starts with the directive.
import { LineIndex } from '../parser/positions.js';
import type { Position } from '../types.js';

/** Cheap pre-check: a file without this text has no directives. */
export const DIRECTIVE_MARKER = 'calint-';

export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable';

export interface Directive {
  /** `unknown` for a look-alike such as `calint-disable-line`. */
  kind: DirectiveKind | 'unknown';
  /** The keyword as written, e.g. `calint-disable-next-line`. */
  keyword: string;
  rules: string[];
  /** The text after the separator; undefined when there is no separator, '' when nothing follows it. */
  reason?: string;
  /** The directive's text on its first line. */
  at: Position;
  /** The last line of the directive's comment. */
  lastLine: number;
  /** For disable-next-line: the line it applies to (the next line holding content), if any. */
  targetLine?: number;
}

// Sticky: the keyword must open the comment body, so nothing else in a long comment is searched.
const KEYWORD = /calint-(disable-next-line|disable-line|disable|enable)(?![\w-])/y;

/**
 * The reason separator: ` -- ` as ESLint writes it, or ` - `. XML 1.0 forbids `--` inside a comment and strict
 * XML parsers reject such a file, so metadata files may use the single hyphen; rule ids never hold a spaced hyphen.
 */
const SEPARATOR = /\s--?(?:\s|$)/;


const isXml = (file: string) => file.toLowerCase().endsWith('.xml');

export function parseDirectives(file: string, text: string): Directive[] {
  if (!text.includes(DIRECTIVE_MARKER)) return [];
  const lines = new LineIndex(file, text);
  const xml = isXml(file);
  const directives = xml ? xmlDirectives(text, lines) : lineDirectives(text, lines);
  let nextContent: Int32Array | undefined;
  for (const directive of directives) {
    if (directive.kind === 'disable-next-line') {
      nextContent ??= nextContentLines(lines, xml);
      const target = nextContent[directive.lastLine]!;
      if (target !== 0) directive.targetLine = target;
    }
  }
  return directives;
}

/** Directives at the start of `<!-- … -->` comment bodies; the body may span lines. */
function xmlDirectives(text: string, lines: LineIndex): Directive[] {
  const found: Directive[] = [];
  // The next search starts after the comment just read: a `<!--` inside a comment opens nothing, and resuming
  // inside it would read the same long comment again for every `<!--` it holds.
  for (let open = text.indexOf('<!--'); open !== -1; ) {
    const bodyStart = open + 4;
    const close = text.indexOf('-->', bodyStart);
    const bodyEnd = close === -1 ? text.length : close;
    const body = text.slice(bodyStart, bodyEnd);
    const lead = body.length - body.trimStart().length;
    KEYWORD.lastIndex = lead;
    const match = KEYWORD.exec(body);
    if (match) {
      const rest = body.slice(match.index + match[0].length);
      // Its span ends at its last word; it applies after the line holding `-->`.
      found.push({ ...directive(match[0], match[1]!, rest, bodyStart + match.index, bodyStart + body.trimEnd().length, lines), lastLine: lines.lineOf(bodyEnd) });
    }
    if (close === -1) break;
    open = text.indexOf('<!--', close + 3);
  }
  return found;
}

/** Directive lines of other files: the directive opens a comment (`# calint-…`, `// calint-…`, `/* calint-…`). */
const LINE_DIRECTIVE = /^[ \t]*(?:#+|\/\/+|\/\*+|\*|--|;+|<!--|%|'|REM\b|rem\b)[ \t]*(calint-(disable-next-line|disable-line|disable|enable)(?![\w-]))([^\r\n]*)/gm;

function lineDirectives(text: string, lines: LineIndex): Directive[] {
  const found: Directive[] = [];
  for (const match of text.matchAll(LINE_DIRECTIVE)) {
    const keywordStart = match.index + match[0].length - match[1]!.length - match[3]!.length;
    const rest = withoutCommentCloser(match[3]!);
    found.push(directive(match[1]!, match[2]!, rest, keywordStart, keywordStart + match[1]!.length + rest.length, lines));
  }
  return found;
}

// Closers of the comment a directive line may end with: C's star-slash, `-->`, `--}}` (Handlebars), `#}` (Jinja).
const COMMENT_CLOSERS = ['*/', '-->', '--}}', '#}'];

/**
 * The directive's text without the comment closer that ends its line (and the blanks around it). String methods, not
 * `/\s*(?:\*\/|…)\s*$/`: a regex that must reach the end is tried again from every blank of a long run of them.
 */
function withoutCommentCloser(rest: string): string {
  const trimmed = rest.trimEnd();
  const closer = COMMENT_CLOSERS.find((candidate) => trimmed.endsWith(candidate));
  return closer === undefined ? rest : trimmed.slice(0, -closer.length).trimEnd();
}

function directive(keyword: string, name: string, rest: string, start: number, end: number, lines: LineIndex): Directive {
  const kind = name === 'disable-line' ? 'unknown' : (name as DirectiveKind);
  const separator = SEPARATOR.exec(rest);
  const ruleText = separator ? rest.slice(0, separator.index) : rest;
  const rules = ruleText.split(/[\s,]+/).filter(Boolean);
  const reason = separator ? rest.slice(separator.index + separator[0].length).replace(/\s+/g, ' ').trim() : undefined;
  const span = lines.at(start, end);
  // A directive's finding spans its first line only: that text is its fingerprint content.
  const firstLineEnd = span.endLine === span.line ? span.endColumn! : lines.lineText(span.line).length + 1;
  return {
    kind,
    keyword,
    rules,
    ...(reason !== undefined ? { reason } : {}),
    at: { file: span.file, line: span.line, column: span.column, endLine: span.line, endColumn: firstLineEnd },
    lastLine: span.endLine ?? span.line,
  };
}

/**
 * For each line number, the first later line that holds content (0 if none): blank lines and comment-only lines
 * (stacked directives) are skipped. Computed once, from the last line up, so that thousands of stacked directives
 * do not each walk the same lines again.
 */
function nextContentLines(lines: LineIndex, xml: boolean): Int32Array {
  const next = new Int32Array(lines.lineCount + 2);
  for (let line = lines.lineCount; line >= 1; line--) {
    const text = lines.lineText(line).trim();
    const skipped = text === '' || (xml ? /^<!--.*-->$/.test(text) : isDirectiveLine(text));
    next[line - 1] = skipped ? next[line]! : line;
  }
  return next;
}

function isDirectiveLine(text: string): boolean {
  LINE_DIRECTIVE.lastIndex = 0;
  const directive = LINE_DIRECTIVE.test(text);
  LINE_DIRECTIVE.lastIndex = 0;
  return directive;
}
