import { realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { git, GitError, gitSync } from './run.js';

/** The answer, or undefined when git says no (outside a repository, git not installed): the caller walks instead. */
function ask(question: () => string): string | undefined {
  try {
    return question();
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
export function listRepositoryFiles(gitRoot: string, directories: readonly string[]): RepositoryListing {
  const question = listingQuestion(gitRoot, directories);
  return question.args ? question.answer(ask(() => gitSync(gitRoot, question.args!))) : question.answer(undefined);
}

/**
 * listRepositoryFiles without blocking: the thread is free while git lists (a lint loads its reporter meanwhile).
 * The same question, the same answer.
 */
export async function listRepositoryFilesAsync(gitRoot: string, directories: readonly string[]): Promise<RepositoryListing> {
  const question = listingQuestion(gitRoot, directories);
  if (!question.args) return question.answer(undefined);
  let out: string | undefined;
  try {
    out = await git(gitRoot, question.args);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
  }
  return question.answer(out);
}

/** One list of absolute paths per directory asked (undefined: outside the work tree); undefined: git cannot answer. */
export type RepositoryListing = (string[] | undefined)[] | undefined;

/** The git arguments for a listing (none when no directory is inside the work tree), and how to read git's answer. */
function listingQuestion(gitRoot: string, directories: readonly string[]): { args?: string[]; answer(out: string | undefined): RepositoryListing } {
  const specs = directories.map((directory) => pathspecOf(gitRoot, directory));
  const inside = specs.filter((spec) => spec !== undefined);
  if (inside.length === 0) return { answer: () => specs.map(() => undefined) };
  const args = ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name', '--', ...inside.map((spec) => spec.pathspec)];
  const answer = (out: string | undefined): RepositoryListing => {
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
  };
  return { args, answer };
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
