import type { Finding, LintRun, RuleMeta } from '../types.js';
export interface FindingCounts {
    errors: number;
    warnings: number;
    /** Hidden by a directive, the baseline or the configuration. */
    suppressed: number;
}
export declare function countFindings(run: LintRun): FindingCounts;
/** `1 error`, `2 errors`: counts in human output. */
export declare function plural(count: number, noun: string): string;
/** The findings that count (not suppressed), in the run's order: file, line, column, rule. */
export declare function activeFindings(run: LintRun): Finding[];
/**
 * Orders findings most severe first, for when only some can be shown (GitHub's annotation and result limits):
 * errors before warnings, files that could not be read before anything found in the others, then by the rule's
 * security severity, then in the run's order (the sort is stable).
 */
export declare function bySeverity(rules: readonly RuleMeta[]): (a: Finding, b: Finding) => number;
