import type { Position, Severity } from '../types.js';
import type { RawFinding } from './run-rules.js';
/**
 * Findings one rule lists in one file. A real app registers a few dozen callbacks at most, and nobody reads past a
 * hundred findings of one kind in one file (GitHub shows ten annotations per type per step); 100 findings cost
 * ~200 KB, so the worst case stays ~100 per rule and file however large the file.
 */
export declare const MAX_FINDINGS_PER_RULE_PER_FILE = 100;
/** The summary finding: a RawFinding whose message is written when read, so a dropped report costs one increment. */
export interface OmittedFindings extends RawFinding {
    omitted: number;
}
export declare class FindingCap {
    /** Where a summary finding goes when it is created (the runner's findings, in report order). */
    private readonly emit;
    private readonly limit;
    /** rule id -> file -> tally; holds only the rules and files that reported. */
    private readonly tallies;
    constructor(
    /** Where a summary finding goes when it is created (the runner's findings, in report order). */
    emit: (summary: OmittedFindings) => void, limit?: number);
    /** The counter of one rule's reports, per file: looked up once per rule run, then one map look-up per report. */
    forRule(ruleId: string): (at: Position, severity: Severity, app: string | undefined) => boolean;
}
/** `App "X": 619,900 more callback-url-https findings beyond the first 100 in this file are not listed`. */
export declare function omittedMessage(app: string | undefined, ruleId: string, omitted: number, listed: number): string;
