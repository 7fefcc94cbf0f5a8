import { readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Ignore } from 'ignore';

/** Folders no Salesforce project wants linted: dependencies, VCS data and the CLI's local state (auth files). */
export const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.sf', '.sfdx', '.hg', '.svn']);

/** A segment named like one of SKIPPED_DIRECTORIES: one regex test instead of splitting each of 20,000 paths. */
const SKIPPED_SEGMENT = new RegExp(`(?:^|/)(?:${[...SKIPPED_DIRECTORIES].map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?:/|$)`);

/** Whether a repository path (relative, `/`-separated, as git names it) lies under a folder the linter skips. */
export function isUnderSkippedDirectory(repositoryPath: string): boolean {
  return SKIPPED_SEGMENT.test(repositoryPath);
}

export interface WalkOptions {
  /** .gitignore-style filter, relative to `ignoreRoot`. */
  ignore?: Ignore;
  ignoreRoot?: string;
}

/**
 * Lists the files under a directory. Follows symbolic links to directories inside it once (a real-path set breaks loops),
 * skips SKIPPED_DIRECTORIES, and never throws: unreadable directories are passed over.
 */
export function walkFiles(directory: string, options: WalkOptions = {}): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  let rootReal: string;
  try {
    rootReal = realpathSync.native(directory);
  } catch {
    return files;
  }
  const stack = [directory];
  while (stack.length > 0) {
    const current = stack.pop()!;
    let real: string;
    try {
      // The native realpath: one system call per folder, where the JavaScript one lstat()s every path component.
      real = realpathSync.native(current);
    } catch {
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory() || (entry.isSymbolicLink() && isDirectoryLink(path) && leadsInside(path, rootReal))) {
        if (SKIPPED_DIRECTORIES.has(entry.name) || isIgnored(path, true, options)) continue;
        stack.push(path);
      } else if (!isIgnored(path, false, options)) {
        // Files, dangling links and special files alike: the reader explains what is wrong with them.
        files.push(path);
      }
    }
  }
  return files.sort();
}

/** Whether the path is a directory (following links); false for anything that cannot be stat'ed. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A link to a folder is followed only inside the walked root: a committed link to `/` must not be walked. */
function leadsInside(path: string, rootReal: string): boolean {
  try {
    const rel = relative(rootReal, realpathSync.native(path));
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  } catch {
    return false;
  }
}

function isDirectoryLink(path: string): boolean {
  try {
    return readdirSync(path) !== undefined;
  } catch {
    return false;
  }
}

function isIgnored(path: string, directory: boolean, options: WalkOptions): boolean {
  if (!options.ignore || !options.ignoreRoot) return false;
  const rel = relative(options.ignoreRoot, path);
  if (!rel || rel.startsWith('..')) return false;
  const posix = sep === '/' ? rel : rel.split(sep).join('/');
  return options.ignore.ignores(directory ? `${posix}/` : posix);
}
