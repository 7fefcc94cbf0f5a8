import type { LintOptions } from '../engine/lint.js';
import type { LintScope } from '../project/scope.js';
/**
 * `--staged` / `--changed-since`: the discovery, contents and deleted files of the change, for `lint()`.
 * Nothing (a normal walk) without either option. git's refusals become usage errors (exit 2).
 */
export declare function gitScope(args: {
    staged?: boolean;
    changedSince?: string;
    paths: readonly string[];
}, scope: LintScope, ignorePatterns?: readonly string[]): Promise<Pick<LintOptions, 'discovery' | 'fileSource' | 'deletedFiles'>>;
