/** What happened to one file between two states of a repository (git's raw diff, one entry per path). */
export interface FileChange {
    /** Repository-relative path, `/`-separated, as git prints it. */
    path: string;
    /** A: added, C: copied, M: modified, R: renamed, T: type changed, D: deleted. */
    status: 'A' | 'C' | 'M' | 'R' | 'T' | 'D';
    /** The file's mode after the change (`100644`, `120000` for a symbolic link …); `000000` when deleted. */
    mode: string;
    /** The blob after the change: the staged content for `--staged`; all zeros when it is the working tree's. */
    oid: string;
    /** The blob before the change (the deleted content for D). */
    previousOid: string;
    /** R and C: the path it came from. */
    from?: string;
}
export declare const RAW_DIFF: string[];
/**
 * What `git commit` would record: the index against HEAD (against the empty tree before the first commit).
 * Pathspecs are relative to `cwd`. Inside a `git commit` hook, GIT_INDEX_FILE (inherited) names the index to read.
 */
export declare function stagedChanges(cwd: string, pathspecs?: readonly string[]): Promise<FileChange[]>;
/** What changed between `base` (a commit) and the working tree, tracked files only. */
export declare function workingTreeChangesSince(cwd: string, base: string, pathspecs?: readonly string[]): Promise<FileChange[]>;
/** Untracked files that .gitignore does not exclude (repository-relative): new files not yet added. */
export declare function untrackedFiles(cwd: string, pathspecs?: readonly string[]): Promise<string[]>;
/** Tracked and untracked (not ignored) files of the working tree matching the pathspecs (repository-relative). */
export declare function workingTreeFiles(cwd: string, pathspecs: readonly string[]): Promise<string[]>;
/**
 * The commit to compare a branch with: the merge base of `ref` and HEAD, so that what `ref` gained since the branch
 * was cut does not count as a change of the branch (as `git diff ref...HEAD` does). Falls back to `ref` itself when
 * there is no merge base, e.g. in a shallow clone.
 */
export declare function comparisonBase(cwd: string, ref: string): Promise<string>;
/** An index entry: the staged blob of a path. */
export interface IndexEntry {
    path: string;
    mode: string;
    oid: string;
}
/** The index's entries matching the pathspecs (stage 0 only: a conflicted path cannot be committed anyway). */
export declare function indexEntries(cwd: string, pathspecs: readonly string[]): Promise<IndexEntry[]>;
/** Parses `git diff --raw -z` output: `:mode mode oid oid status\0path\0` (two paths for R and C). */
export declare function parseRawDiff(output: string): FileChange[];
