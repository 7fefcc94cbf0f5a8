import { git, GitError, gitSync } from './run.js';

// Where the git work tree starts: one question (`git rev-parse --show-toplevel`), asked synchronously by the scope
// (path discovery is synchronous) and asynchronously by the git-backed commands, with one error when there is none.

const SHOW_TOPLEVEL = ['rev-parse', '--show-toplevel'];

/** No git work tree holds the directory (or git cannot run): `--staged`, `--changed-since`, `--config-from`, diff. */
export class NotInRepositoryError extends GitError {}

/** The top of the git work tree holding `directory`, or undefined outside git (or without git installed). */
export function findGitRoot(directory: string): string | undefined {
  try {
    return gitSync(directory, SHOW_TOPLEVEL).trim() || undefined;
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}

/** The top of the work tree holding `cwd`; rejects with a NotInRepositoryError outside a repository. */
export async function topLevel(cwd: string): Promise<string> {
  try {
    return (await git(cwd, SHOW_TOPLEVEL)).trim();
  } catch (error) {
    if (error instanceof GitError) throw new NotInRepositoryError(`${cwd} is not inside a git work tree (git: ${error.message})`);
    throw error;
  }
}
