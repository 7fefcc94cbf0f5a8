import { realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { isUnderSkippedDirectory } from '../walk.js';
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
 * .gitignore does not exclude (they are what the next `git add -A` commits), except under the folders the linter
 * never reads (SKIPPED_DIRECTORIES, judged on the path inside the repository: a checkout that itself lives under
 * `.sf` is fine). Absolute paths, sorted, one list per directory (undefined for one outside the work tree), or
 * undefined when git cannot answer. ONE `git ls-files` for
 * all of them: listing a 20,000-file repository costs ~60 ms, so it is asked once per run, never once per folder.
 *
 * A tracked file deleted in the working tree is listed too: asking git for those (`--deleted`) would cost it a
 * `stat` of every file (half the listing's time), and the linter opens every file anyway; the caller leaves out
 * the metadata files that are not there, and the secret scan passes over a file it cannot find.
 */
export function listRepositoryFiles(gitRoot: string, directories: readonly string[]): RepositoryListing {
  const question = listingQuestion(gitRoot, directories);
  if (!question.args) return question.answer(undefined);
  const out = ask(() => gitSync(gitRoot, question.args!));
  return question.answer(out === undefined ? undefined : sortedNames(out));
}

/**
 * listRepositoryFiles without blocking: the thread is free while git lists (a lint loads its reporter meanwhile).
 * The same question, the same answer, asked as two: the tracked files come from the index at once, while listing the
 * untracked ones walks the whole tree (most of the ~50 ms on 20,000 files). `onTracked` is handed the tracked files
 * as soon as they are in, so the caller starts on them while git walks.
 */
export async function listRepositoryFilesAsync(gitRoot: string, directories: readonly string[], onTracked?: (tracked: RepositoryListing) => void): Promise<RepositoryListing> {
  const question = listingQuestion(gitRoot, directories);
  if (!question.args) return question.answer(undefined);
  const answered = async (args: readonly string[]) => {
    try {
      return await git(gitRoot, args);
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      return undefined;
    }
  };
  const untracked = answered(question.untrackedArgs!);
  // Handled at once: should it fail while the tracked files are awaited, that is no unhandled rejection (it is awaited below).
  untracked.catch(() => undefined);
  const trackedOut = await answered(question.trackedArgs!);
  const tracked = trackedOut === undefined ? undefined : sortedNames(trackedOut);
  const trackedListing = question.answer(tracked);
  if (trackedListing) onTracked?.(trackedListing);
  const others = await untracked;
  const othersListing = question.answer(others === undefined ? undefined : sortedNames(others));
  if (!trackedListing || !othersListing) return undefined;
  // The tracked files' paths are the ones handed out already: only the untracked ones are added.
  return trackedListing.map((files, index) => files && mergeSorted(files, othersListing[index] ?? []));
}

/**
 * git's NUL-separated names, sorted, each once (an unmerged file is listed once per stage). git lists in byte order,
 * which is JavaScript's string order for every name without characters beyond U+FFFF: then one pass checks it and
 * no sort is needed (sorting 20,000 paths costs ~10 ms); otherwise they are sorted here.
 */
export function sortedNames(out: string): string[] {
  const names = out.split('\0');
  let kept = 0;
  // Indexed loops over the listing here and below: V8 interprets most of a short run, and an interpreted for-of
  // allocates an iterator result per step (20,000 names, several passes).
  for (let index = 0; index < names.length; index++) {
    const name = names[index]!;
    if (name === '') continue;
    const previous = kept > 0 ? names[kept - 1]! : undefined;
    if (name === previous) continue;
    if (previous !== undefined && name < previous) return [...new Set(out.split('\0'))].filter((each) => each !== '').sort();
    names[kept++] = name;
  }
  names.length = kept;
  return names;
}

/** Two sorted lists of names as one, sorted, each name once (`a` itself when `b` is empty). */
export function mergeSorted(a: readonly string[], b: readonly string[]): readonly string[] {
  if (b.length === 0) return a;
  const merged: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (merged.length === 0 || merged[merged.length - 1] !== next) merged.push(next);
  }
  return merged;
}

/** One list of absolute paths per directory asked (undefined: outside the work tree); undefined: git cannot answer. */
export type RepositoryListing = (readonly string[] | undefined)[] | undefined;

interface ListingQuestion {
  /** Every file in one call: tracked, and untracked but not ignored. None when no directory is inside the work tree. */
  args?: string[];
  /** The same in two calls: the tracked files (the index, at once), and the untracked ones (a walk of the tree). */
  trackedArgs?: string[];
  untrackedArgs?: string[];
  /** git's answer (its names, sortedNames) as a listing; undefined: git did not answer. */
  answer(names: readonly string[] | undefined): RepositoryListing;
}

/** The git arguments for a listing, and how to read git's answer. */
function listingQuestion(gitRoot: string, directories: readonly string[]): ListingQuestion {
  const specs = directories.map((directory) => pathspecOf(gitRoot, directory));
  const inside = specs.filter((spec) => spec !== undefined);
  if (inside.length === 0) return { answer: () => specs.map(() => undefined) };
  const pathspecs = ['--', ...inside.map((spec) => spec.pathspec)];
  const answer = (names: readonly string[] | undefined): RepositoryListing => {
    if (names === undefined) return undefined;
    return specs.map((spec) => {
      if (spec === undefined) return undefined; // outside this work tree: the caller walks it
      const { prefix } = spec;
      const files: string[] = [];
      for (let index = 0; index < names.length; index++) {
        const name = names[index]!;
        if ((prefix === '' || name.startsWith(prefix)) && !isUnderSkippedDirectory(name)) files.push(`${gitRoot}/${name}`);
      }
      return files;
    });
  };
  return {
    args: ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name', ...pathspecs],
    trackedArgs: ['ls-files', '-z', '--cached', '--full-name', ...pathspecs],
    untrackedArgs: ['ls-files', '-z', '--others', '--exclude-standard', '--full-name', ...pathspecs],
    answer,
  };
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
