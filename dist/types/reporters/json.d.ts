import type { LintRun } from '../types.js';
import type { Reporter, ReporterOptions } from './types.js';
/** ESLint's LintMessage, plus our `fingerprint` (extra properties are ignored by ESLint formatters). */
export interface EslintMessage {
    ruleId: string;
    severity: 1 | 2;
    message: string;
    line: number;
    column: number;
    endLine?: number;
    endColumn?: number;
    fatal?: true;
    fingerprint: string;
    suppressions?: {
        kind: 'directive' | 'external';
        justification: string;
    }[];
}
/** ESLint's LintResult, exactly, so that any ESLint formatter can read our output. */
export interface EslintResult {
    filePath: string;
    messages: EslintMessage[];
    suppressedMessages: EslintMessage[];
    errorCount: number;
    fatalErrorCount: number;
    warningCount: number;
    fixableErrorCount: number;
    fixableWarningCount: number;
    usedDeprecatedRules: [];
}
export declare function toEslintResults(run: LintRun, options: Pick<ReporterOptions, 'quiet'>): EslintResult[];
export declare const jsonReporter: Reporter;
