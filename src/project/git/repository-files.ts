import { realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
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

/** The top of the git work tree holding `directory`, or undefined outside git (or without git installed). */
export function findGitRoot(directory: string): string | undefined {
  return ask(directory, ['rev-parse', '--show-toplevel'])?.trim() || undefined;
}

/**
 * Files the repository holds under each of `directories` (inside `gitRoot`): tracked ones plus untracked ones that
 * .gitignore does not exclude (they are what the next `git add -A` commits). Absolute paths, sorted, one list per
 * directory (undefined for one outside the work tree), or undefined when git cannot answer. ONE `git ls-files` for all of them: listing a 20,000-file
 * repository costs ~90 ms, so it is asked once per run, never once per folder or once more for the deleted files.
 */
export function listRepositoryFiles(gitRoot: string, directories: readonly string[]): (string[] | undefined)[] | undefined {
  const specs = directories.map((directory) => pathspecOf(gitRoot, directory));
  const inside = specs.filter((spec) => spec !== undefined);
  if (inside.length === 0) return specs.map(() => undefined);
  // -t tags each line with why it is listed: `H ` tracked, `? ` untracked, `R ` deleted in the working tree (a
  // deleted file is listed twice, tracked and deleted), `S ` skip-worktree, `M ` unmerged.
  const out = ask(gitRoot, ['ls-files', '-z', '-t', '--cached', '--others', '--deleted', '--exclude-standard', '--full-name', '--', ...inside.map((spec) => spec.pathspec)]);
  if (out === undefined) return undefined;
  const entries = out.split('\0');
  // A file deleted in the working tree but still in the index is not there to lint (under --staged the index
  // counts, and that path does not come through here).
  const deleted = new Set<string>();
  for (const entry of entries) if (entry.startsWith('R ')) deleted.add(entry.slice(2));
  const names = new Set<string>();
  for (const entry of entries) {
    if (entry.length < 3 || entry.startsWith('R ')) continue;
    const name = entry.slice(2);
    if (!deleted.has(name)) names.add(name);
  }
  const sorted = [...names].sort();
  return specs.map((spec) => {
    if (spec === undefined) return undefined; // outside this work tree: the caller walks it
    const { prefix } = spec;
    const files: string[] = [];
    for (const name of sorted) if (prefix === '' || name.startsWith(prefix)) files.push(`${gitRoot}/${name}`);
    return files;
  });
}

/**
 * A pathspec for a directory, from the top of the work tree, and the prefix its files' names start with. git's root
 * is a real path, so the directory's is taken too: a checkout reached through a symbolic link still matches.
 * Literal: no glob magic in folder names (`[abc]`, `*`) is interpreted.
 */
function pathspecOf(gitRoot: string, directory: string): { pathspec: string; prefix: string } | undefined {
  let real = directory;
  try {
    real = realpathSync(directory);
  } catch {
    // a folder that vanished: git lists nothing under it
  }
  const inside = relative(gitRoot, real).split(sep).join('/');
  if (inside === '..' || inside.startsWith('../') || isAbsolute(inside)) return undefined;
  return inside === '' ? { pathspec: ':(top)', prefix: '' } : { pathspec: `:(top,literal)${inside}`, prefix: `${inside}/` };
}
