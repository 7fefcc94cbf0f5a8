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

/**
 * Files the repository holds under each of `directories` (inside `gitRoot`): tracked ones plus untracked ones that
 * .gitignore does not exclude (they are what the next `git add -A` commits). Absolute paths, sorted, one list per
 * directory (undefined for one outside the work tree), or undefined when git cannot answer. ONE `git ls-files` for
 * all of them: listing a 20,000-file repository costs ~60 ms, so it is asked once per run, never once per folder.
 *
 * A tracked file deleted in the working tree is listed too: asking git for those (`--deleted`) would cost it a
 * `stat` of every file (half the listing's time), and the linter opens every file anyway; the caller leaves out
 * the metadata files that are not there, and the secret scan passes over a file it cannot find.
 */
export function listRepositoryFiles(gitRoot: string, directories: readonly string[]): (string[] | undefined)[] | undefined {
  const specs = directories.map((directory) => pathspecOf(gitRoot, directory));
  const inside = specs.filter((spec) => spec !== undefined);
  if (inside.length === 0) return specs.map(() => undefined);
  const out = ask(gitRoot, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name', '--', ...inside.map((spec) => spec.pathspec)]);
  if (out === undefined) return undefined;
  // A Set: an unmerged file is listed once per stage.
  const names = new Set(out.split('\0'));
  names.delete('');
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
