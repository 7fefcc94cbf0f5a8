import { existsSync, lstatSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore from 'ignore';
import { externalClientAppCompanionsOnDisk } from './app-companions.js';
import { listRepositoryFiles, listRepositoryFilesAsync, type RepositoryListing } from './git/index.js';
import { ignorePatternMatcher } from './ignore-patterns.js';
import { classifyPath, type ClassifiedFile } from './metadata-types.js';
import { readCheckedText } from './read.js';
import { resolveLintScope, type LintScope } from './scope.js';
import { isDirectory, walkFiles } from './walk.js';

export interface DiscoveredMetadata {
  path: string;
  classified: ClassifiedFile;
  forceIgnored: boolean;
  /** Not asked for, but needed to assemble an External Client App whose other files were given. */
  companion?: boolean;
}

export interface Discovery {
  /** Where repository-relative paths start: the git root, else the SFDX project root, else the working directory. */
  root: string;
  projectRoot?: string;
  gitRoot?: string;
  /** Metadata files to parse. */
  metadata: DiscoveredMetadata[];
  /** Every file for the repository-wide checks (secret scan, destructive manifests). */
  scanFiles: string[];
  /** Explicit paths that do not exist. */
  missing: string[];
  /** Things the user should know about what was (not) linted. */
  notices: string[];
}

export interface DiscoverOptions {
  cwd: string;
  paths: string[];
  /** Extra ignore patterns (config `ignorePatterns`), relative to `root`. */
  ignorePatterns?: string[];
  /** `--no-ignore`: neither .forceignore nor ignorePatterns leave anything out. */
  noIgnore?: boolean;
  /** The scope of the run, when the caller resolved it already (the library does, once per run). */
  scope?: LintScope;
  /** git's listing of the folders given, asked ahead (listFilesAhead); asked here otherwise. */
  listed?: { folders: readonly string[]; listing: RepositoryListing };
}

const isInside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);

/** isInside against several parents, with their prefixes built once (it runs for every file of the repository). */
function insideAnyOf(parents: readonly string[]): (child: string) => boolean {
  const prefixes = parents.map((parent) => (parent.endsWith(sep) ? parent : parent + sep));
  return (child) => prefixes.some((prefix) => child.startsWith(prefix)) || parents.includes(child);
}

/**
 * Step one of the pipeline: which files to lint. Directories resolve through `sfdx-project.json` (every package
 * directory inside them) or are walked whole; explicit files are linted when their suffix is a known type.
 */
export function discover(options: DiscoverOptions): Discovery {
  const scope = options.scope ?? resolveLintScope(options);
  const { paths, project, gitRoot, root, forceIgnore } = scope;
  const userIgnored = options.noIgnore ? () => false : ignorePatternMatcher(root, options.ignorePatterns);
  const notices: string[] = [...(project?.problems ?? [])];
  if (forceIgnore?.refused) notices.push(refusedIgnoreFile(join(project!.root, '.forceignore'), forceIgnore.refused));

  const metadata = new Map<string, DiscoveredMetadata>();
  // An array, not a Set: git lists each file once, so the only repeats are of paths given twice (a folder and a file
  // in it), and those go in one pass after the sort (inOrderOnce) instead of a hash of each of 20,000 paths.
  const scanFiles: string[] = [];
  const missing: string[] = [];
  const explicitFiles: string[] = [];
  const partialFolderFiles: string[] = [];
  const addMetadata = (path: string, companion = false, listed = false) => {
    // The name first: it rules out nearly every file of the repository, without hashing its path.
    const classified = classifyPath(path);
    if (!classified || metadata.has(path) || userIgnored(path)) return;
    // git lists a tracked file deleted in the working tree: not there to lint (under --staged the index counts, and
    // that path does not come through here). A dangling link is there, and said to be unreadable.
    if (listed && !existsOrLink(path)) return;
    metadata.set(path, { path, classified, forceIgnored: forceIgnore?.denies(path) ?? false, ...(companion ? { companion } : {}) });
  };

  // One listing for every folder given (git answers them all at once).
  const folders = foldersOf(paths);
  const listedAhead = options.listed && sameFolders(options.listed.folders, folders) ? options.listed.listing : undefined;
  const listed = gitRoot ? (listedAhead ?? listRepositoryFiles(gitRoot, folders)) : undefined;
  const listingOf = (folder: string) => listed?.[folders.indexOf(folder)];

  for (const path of paths) {
    if (!existsSync(path) && !isDanglingLink(path)) {
      missing.push(path);
      continue;
    }
    if (!isDirectory(path)) {
      // Explicit files (as pre-commit passes them): linted when known, scanned for secrets always. One the user named
      // but an ignore rule leaves out is said, never passed in silence (ESLint warns the same way).
      const shown = relative(options.cwd, path) || path;
      if (userIgnored(path)) notices.push(`${shown} is ignored by ignorePatterns in the configuration; use --no-ignore to lint it.`);
      else if (classifyPath(path) && forceIgnore?.denies(path)) {
        const at = forceIgnore.deniedAt(path)?.line;
        notices.push(`${shown} is ignored by .forceignore${at ? ` line ${at}` : ' (a default pattern)'}; use --no-ignore to lint it.`);
      }
      if (!userIgnored(path)) scanFiles.push(path);
      addMetadata(path);
      explicitFiles.push(path);
      continue;
    }
    const files = repositoryFilesUnder(path, gitRoot, listingOf(path), project?.root ?? path, notices);
    // A folder below the project root may hold only part of an app (see the companions below).
    const partial = project !== undefined && !isInside(project.root, path);
    const packageDirs = project ? project.packageDirectories : [path];
    // Metadata counts inside package directories only (outside them it never deploys), unless the user
    // pointed at a folder outside every package directory on purpose. Decided per folder given, not per file.
    const outsideEveryPackage = !packageDirs.some((dir) => isInside(dir, path) || isInside(path, dir));
    const insidePackage = insideAnyOf(packageDirs);
    const checkedFolders = new Set<string>();
    let previousFolder: string | undefined;
    // Indexed: an interpreted for-of allocates an iterator result per step, for each of the repository's files.
    for (let index = 0; index < files.length; index++) {
      const file = files[index]!;
      if (userIgnored(file)) continue;
      scanFiles.push(file);
      // A folder named like a metadata file is a mistake worth a message, not a silent skip. Each folder is looked at
      // once; most files are in the folder of the file before them (git lists in order), which is seen without a copy.
      if (previousFolder === undefined || !isFileOf(previousFolder, file)) {
        const folder = folderOf(file);
        previousFolder = folder;
        if (!checkedFolders.has(folder)) {
          checkedFolders.add(folder);
          if (folder !== path && classifyPath(folder)) addMetadata(folder, false, true);
        }
      }
      if (outsideEveryPackage || insidePackage(file)) {
        addMetadata(file, false, true);
        if (partial) partialFolderFiles.push(file);
      }
    }
  }

  // An External Client App is several files: one given alone, or a folder holding part of it (the policies folder),
  // is linted with the rest of its app, so the app is judged the same whatever path was given.
  for (const companion of externalClientAppCompanionsOnDisk([...explicitFiles, ...partialFolderFiles].filter((path) => metadata.has(path)), root)) addMetadata(companion, true);

  return {
    root,
    ...(project ? { projectRoot: project.root } : {}),
    ...(gitRoot ? { gitRoot } : {}),
    metadata: [...metadata.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    scanFiles: inOrderOnce(scanFiles),
    missing,
    notices,
  };
}

/**
 * `options` with the git listing discover() needs asked ahead, without blocking the thread: the ~50 ms git takes on
 * a 20,000-file repository then overlap whatever else the caller has started (the CLI loads its reporter meanwhile).
 * The scope is resolved here when the caller has not. `onTracked` is handed, for each folder given, the tracked files
 * discovery considers as soon as git has listed them (before the untracked ones): the engine starts reading them.
 */
export async function listFilesAhead(options: DiscoverOptions, onTracked?: (files: readonly (readonly string[] | undefined)[]) => void): Promise<DiscoverOptions> {
  const scope = options.scope ?? resolveLintScope(options);
  const gitRoot = scope.gitRoot;
  if (!gitRoot) return { ...options, scope };
  const folders = foldersOf(scope.paths);
  if (folders.length === 0) return { ...options, scope };
  const tracked = onTracked && ((listing: RepositoryListing) => listing && onTracked(listing));
  return { ...options, scope, listed: { folders, listing: await listRepositoryFilesAsync(gitRoot, folders, tracked) } };
}

const foldersOf = (paths: readonly string[]) => paths.filter((path) => existsSync(path) && isDirectory(path));
const sameFolders = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((folder, index) => folder === b[index]);

/** In a git repository: the files git holds (`listed`); elsewhere a walk that honours the top-level .gitignore. */
function repositoryFilesUnder(directory: string, gitRoot: string | undefined, listed: readonly string[] | undefined, ignoreRoot: string, notices: string[]): readonly string[] {
  if (gitRoot && listed) return listed;
  const gitignorePath = join(ignoreRoot, '.gitignore');
  const gitignoreText = readCheckedText(gitignorePath, { within: ignoreRoot });
  const gitignore = gitignoreText.ok ? ignore().add(gitignoreText.text) : undefined;
  if (!gitignoreText.ok && !gitignoreText.missing && !notices.some((notice) => notice.startsWith(gitignorePath))) {
    notices.push(refusedIgnoreFile(gitignorePath, gitignoreText.reason));
  }
  return walkFiles(directory, gitignore ? { ignore: gitignore, ignoreRoot } : {});
}

/**
 * `dirname(file)` for each of a repository's files: on POSIX the part before the last `/` of an absolute path
 * (`dirname` validates and scans the whole path, ~10 ms of 20,000 files); elsewhere, or for a file at the root,
 * `dirname` itself.
 */
function folderOf(file: string): string {
  const slash = sep === '/' ? file.lastIndexOf('/') : -1;
  return slash > 0 ? file.slice(0, slash) : dirname(file);
}

/** Whether `file` is directly in `folder` (a folderOf result), on POSIX; elsewhere false, and folderOf decides. */
function isFileOf(folder: string, file: string): boolean {
  return sep === '/' && file.length > folder.length + 1 && file.charCodeAt(folder.length) === 47 && file.startsWith(folder) && file.indexOf('/', folder.length + 1) === -1;
}

/**
 * `paths` sorted, each once: git's listing comes sorted, so one pass usually shows there is nothing to sort (a sort of
 * 20,000 costs ~10 ms), and a path given twice is then next to itself.
 */
function inOrderOnce(paths: string[]): string[] {
  for (let i = 1; i < paths.length; i++) {
    if (paths[i]! < paths[i - 1]!) {
      paths.sort();
      break;
    }
  }
  let kept = 0;
  for (let i = 0; i < paths.length; i++) if (kept === 0 || paths[i] !== paths[kept - 1]) paths[kept++] = paths[i]!;
  paths.length = kept;
  return paths;
}

/**
 * A .forceignore or .gitignore that exists but was refused (a FIFO, a device, over the size limit, not UTF-8) counts as
 * absent, which lints more, never less; still the user is told: a file the linter could not read is never silent.
 */
function refusedIgnoreFile(path: string, reason: string): string {
  return `${path} was not read (${reason}); the lint runs as if it were absent.`;
}

function existsOrLink(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function isDanglingLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
