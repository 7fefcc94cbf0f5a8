import { GitError, gitSync } from './run.js';

/** The answer, or undefined when git says no (outside a repository, git not installed): the caller walks instead. */
function ask(directory: string, args: string[]): string | undefined {
  try {
    return gitSync(directory, args);
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}

/**
 * Files the repository holds under `directory`: tracked ones plus untracked ones that .gitignore does not exclude
 * (they are what the next `git add -A` commits). Absolute paths, or undefined when git cannot answer.
 */
export function listRepositoryFiles(gitRoot: string, directory: string): string[] | undefined {
  const out = ask(directory, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name', '--', '.']);
  if (out === undefined) return undefined;
  // A file deleted in the working tree but still in the index is not there to lint (under --staged the index
  // counts, and that path does not come through here).
  const deleted = new Set((ask(directory, ['ls-files', '-z', '--deleted', '--full-name', '--', '.']) ?? '').split('\0'));
  const files = new Set<string>();
  for (const name of out.split('\0')) if (name && !deleted.has(name)) files.add(`${gitRoot}/${name}`);
  return [...files].sort();
}

