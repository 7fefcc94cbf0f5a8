import { execFileSync } from 'node:child_process';

const GIT_BUFFER = 512 * 1024 * 1024;

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: GIT_BUFFER, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/** The top of the git work tree holding `directory`, or undefined outside git (or without git installed). */
export function findGitRoot(directory: string): string | undefined {
  return git(directory, ['rev-parse', '--show-toplevel'])?.trim() || undefined;
}

/**
 * Files the repository holds under `directory`: tracked ones plus untracked ones that .gitignore does not exclude
 * (they are what the next `git add -A` commits). Absolute paths, or undefined when git cannot answer.
 */
export function listRepositoryFiles(gitRoot: string, directory: string): string[] | undefined {
  const out = git(directory, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name', '--', '.']);
  if (out === undefined) return undefined;
  // A file deleted in the working tree but still in the index is not there to lint (under --staged the index
  // counts, and that path does not come through here).
  const deleted = new Set((git(directory, ['ls-files', '-z', '--deleted', '--full-name', '--', '.']) ?? '').split('\0'));
  const files = new Set<string>();
  for (const name of out.split('\0')) if (name && !deleted.has(name)) files.add(`${gitRoot}/${name}`);
  return [...files].sort();
}

export { git as runGit };
