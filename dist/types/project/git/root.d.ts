import { GitError } from './run.js';
/** No git work tree holds the directory (or git cannot run): `--staged`, `--changed-since`, `--config-from`, diff. */
export declare class NotInRepositoryError extends GitError {
}
/** The top of the git work tree holding `directory`, or undefined outside git (or without git installed). */
export declare function findGitRoot(directory: string): string | undefined;
/** The top of the work tree holding `cwd`; rejects with a NotInRepositoryError outside a repository. */
export declare function topLevel(cwd: string): Promise<string>;
