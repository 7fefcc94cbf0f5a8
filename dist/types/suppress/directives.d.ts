import type { Position } from '../types.js';
/** Cheap pre-check: a file without this text has no directives. */
export declare const DIRECTIVE_MARKER = "calint-";
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
export declare function parseDirectives(file: string, text: string): Directive[];
