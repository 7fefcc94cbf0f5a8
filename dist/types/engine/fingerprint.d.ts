import type { Position } from '../types.js';
/** Repository-relative path with forward slashes: the same on every machine and OS. */
export declare function relativePath(root: string, file: string): string;
/**
 * The offending content of a finding: the text of its first line from the start column, trimmed. Enough to tell
 * findings apart (`<scopes>Full</scopes>`, one callback URL), and blind to line moves and to edits elsewhere in
 * a multi-line element.
 */
export declare function offendingContent(lineText: string, at: Position): string;
/**
 * A fingerprint of rule, app, file and offending content, never of the line number: moving lines keeps it, so
 * baselines and GitHub alerts survive edits above a finding. Findings with equal keys are numbered in order
 * (`:1`, `:2`), the shape GitHub's `primaryLocationLineHash` uses.
 */
export declare class FingerprintAllocator {
    private readonly seen;
    next(parts: {
        ruleId: string;
        app?: string;
        file: string;
        content: string;
    }): string;
}
