import type { Severity } from '../types.js';
import type { FindingPostProcessor } from '../engine/lint.js';
/** What the directives are judged against. */
export interface SuppressionOptions {
    /**
     * `ran`: the rule ran, so a directive for it that suppresses nothing is stale; `idle`: it exists but did not run
     * here (turned off, not selected with --only, a plugin under --no-plugins), so the directive is not judged;
     * `unknown`: no such rule (a typo).
     */
    ruleStatus(ruleId: string): 'ran' | 'idle' | 'unknown';
    /** Known rule ids, for "did you mean" hints. */
    ruleIds: readonly string[];
    /** The configured severity of a directive problem (missing reason: error, unused: warning); undefined when off. */
    severity(requested: Severity): Severity | undefined;
}
export declare function createSuppressionProcessor(options: SuppressionOptions): FindingPostProcessor;
