/** git said no: not a repository, an unknown ref … The message is git's own first line, fit for the user. */
export declare class GitError extends Error {
}
/**
 * Settings given on every git command line (where they outrank every configuration file):
 * - `diff.relative=false`: paths always come from the top of the repository, whatever the user's configuration;
 * - `safe.bareRepository=explicit`: a folder of the checkout holding HEAD, objects/, refs/ and a config is never used
 *   as a repository git discovers (git runs in the folders the user lints): its committed config could set
 *   `core.worktree` and `core.fsmonitor`, a command git runs, and its index would decide what is linted;
 * - `core.fsmonitor=false`: no file-system monitor command runs, whatever any configuration says.
 */
export declare const FIXED_CONFIG: readonly string[];
/**
 * Runs git and resolves with its stdout, or rejects with a GitError carrying git's complaint. Asynchronous so that
 * independent questions (where is the top, what is staged) cost one process time, not two. The output is held in
 * memory, so it is bounded like execFileSync's maxBuffer: over `maxBytes` (512 MB by default) git is stopped and the
 * run gets a GitError saying so, never an out-of-memory crash.
 */
export declare function git(cwd: string, args: readonly string[], options?: {
    maxBytes?: number;
}): Promise<string>;
/**
 * `git` for the synchronous path discovery still takes (a plain `lint` walk): same arguments, same GitError.
 * [Follow-up: make discovery async and drop this.]
 */
export declare function gitSync(cwd: string, args: readonly string[]): string;
