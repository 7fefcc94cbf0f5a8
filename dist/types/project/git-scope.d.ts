import type { Discovery } from './discover.js';
import { type LintScope } from './scope.js';
import { type ReadResult } from './read.js';
/**
 * What `--staged` and `--changed-since` hand the engine instead of a walk: the changed files (and the rest of the
 * apps they belong to), where their contents come from, and the files the change deletes.
 */
export interface GitScope {
    discovery: Discovery;
    /** Contents as the change has them: the git index for --staged, the working tree for --changed-since. */
    fileSource: {
        read(path: string): ReadResult;
    };
    /** Absolute paths of the files the change deletes, for the rules that judge a removal. */
    deletedFiles: string[];
}
export interface GitScopeOptions {
    cwd: string;
    /** Only changes under these paths (files or folders, relative to cwd); everything when empty. */
    paths?: readonly string[];
    /** The configuration's `ignorePatterns`, relative to the git root. */
    ignorePatterns?: readonly string[];
    /** The run's scope, when resolved already (its SFDX project is used rather than looked up again). */
    scope?: LintScope;
}
/** `--staged`: what `git commit` would record, read from the index (one `git cat-file` for all contents). */
export declare function stagedScope(options: GitScopeOptions): Promise<GitScope>;
/**
 * `--changed-since <ref>`: the working tree's files that differ from the merge base of `ref` and HEAD (what a pull
 * request touched, uncommitted and untracked files included), read from disk.
 */
export declare function changedSinceScope(ref: string, options: GitScopeOptions): Promise<GitScope>;
