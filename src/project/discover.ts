import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import ignore from 'ignore';
import { ForceIgnoreMatcher } from './forceignore.js';
import { findGitRoot, listRepositoryFiles } from './git.js';
import { classifyFileName, type ClassifiedFile } from './metadata-types.js';
import { SKIPPED_DIRECTORIES, walkFiles } from './walk.js';

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
}

export interface DiscoverOptions {
  cwd: string;
  paths: string[];
  /** Extra ignore patterns (config `ignorePatterns`), relative to `root`. */
  ignorePatterns?: string[];
}

interface SfdxProject {
  root: string;
  packageDirectories: string[];
}

/** The nearest `sfdx-project.json` at or above `start`, with its package directories as absolute paths. */
export function findSfdxProject(start: string): SfdxProject | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const file = join(dir, 'sfdx-project.json');
    if (existsSync(file)) {
      let packageDirectories: string[] = [];
      try {
        const json = JSON.parse(readFileSync(file, 'utf8')) as { packageDirectories?: { path?: unknown }[] };
        packageDirectories = (json.packageDirectories ?? [])
          .map((entry) => entry?.path)
          .filter((path): path is string => typeof path === 'string')
          .map((path) => resolve(dir, path));
      } catch {
        // A broken sfdx-project.json is not ours to judge: walk the whole project instead.
      }
      return { root: dir, packageDirectories: packageDirectories.length ? packageDirectories : [dir] };
    }
    if (dirname(dir) === dir) return undefined;
  }
}

const isInside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);

/**
 * Step one of the pipeline: which files to lint. Directories resolve through `sfdx-project.json` (every package
 * directory inside them) or are walked whole; explicit files are linted when their suffix is a known type.
 */
export function discover(options: DiscoverOptions): Discovery {
  const paths = (options.paths.length ? options.paths : ['.']).map((path) => (isAbsolute(path) ? path : resolve(options.cwd, path)));
  const anchor = paths.length === 1 && isDirectory(paths[0]!) ? paths[0]! : options.cwd;
  const project = findSfdxProject(anchor);
  const gitRoot = findGitRoot(existsSync(anchor) ? anchor : options.cwd);
  const root = gitRoot ?? project?.root ?? options.cwd;
  const forceIgnore = project ? ForceIgnoreMatcher.load(project.root) : undefined;
  const userIgnore = options.ignorePatterns?.length ? ignore().add(options.ignorePatterns) : undefined;
  const userIgnored = (path: string) => {
    if (!userIgnore || !isInside(path, root)) return false;
    const rel = path.slice(root.length + 1).split(sep).join('/');
    return rel !== '' && userIgnore.ignores(rel);
  };

  const metadata = new Map<string, DiscoveredMetadata>();
  const scanFiles = new Set<string>();
  const missing: string[] = [];
  const explicitFiles: string[] = [];
  const addMetadata = (path: string, companion = false) => {
    if (metadata.has(path) || userIgnored(path)) return;
    const classified = classifyFileName(basename(path));
    if (!classified) return;
    metadata.set(path, { path, classified, forceIgnored: forceIgnore?.denies(path) ?? false, ...(companion ? { companion } : {}) });
  };

  for (const path of paths) {
    if (!existsSync(path) && !isDanglingLink(path)) {
      missing.push(path);
      continue;
    }
    if (!isDirectory(path)) {
      // Explicit files (as pre-commit passes them): linted when known, scanned for secrets always.
      if (!userIgnored(path)) scanFiles.add(path);
      addMetadata(path);
      explicitFiles.push(path);
      continue;
    }
    const files = repositoryFilesUnder(path, gitRoot, project?.root ?? path);
    const packageDirs = project ? project.packageDirectories : [path];
    const checkedFolders = new Set<string>();
    for (const file of files) {
      if (userIgnored(file)) continue;
      scanFiles.add(file);
      // A folder named like a metadata file is a mistake worth a message, not a silent skip.
      const folder = dirname(file);
      if (!checkedFolders.has(folder)) {
        checkedFolders.add(folder);
        if (folder !== path && classifyFileName(basename(folder))) addMetadata(folder);
      }
      // Metadata counts inside package directories only (outside them it never deploys), unless the user
      // pointed at a folder outside every package directory on purpose.
      if (packageDirs.some((dir) => isInside(file, dir)) || !packageDirs.some((dir) => isInside(dir, path) || isInside(path, dir))) {
        addMetadata(file);
      }
    }
  }

  for (const path of explicitFiles) {
    const file = metadata.get(path);
    if (file) for (const companion of externalClientAppCompanions(file)) addMetadata(companion, true);
  }

  return {
    root,
    ...(project ? { projectRoot: project.root } : {}),
    ...(gitRoot ? { gitRoot } : {}),
    metadata: [...metadata.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    scanFiles: [...scanFiles].sort(),
    missing,
  };
}

/** In a git repository: the files git holds; elsewhere a walk that honours the top-level .gitignore. */
function repositoryFilesUnder(directory: string, gitRoot: string | undefined, ignoreRoot: string): string[] {
  if (gitRoot) {
    const listed = listRepositoryFiles(gitRoot, directory);
    if (listed) return listed.filter((file) => !file.split('/').some((part) => SKIPPED_DIRECTORIES.has(part)));
  }
  const gitignorePath = join(ignoreRoot, '.gitignore');
  const gitignore = existsSync(gitignorePath) ? ignore().add(readFileSync(gitignorePath, 'utf8')) : undefined;
  return walkFiles(directory, gitignore ? { ignore: gitignore, ignoreRoot } : {});
}

const ECA_SUFFIXES = ['eca', 'ecaGlblOauth', 'ecaOauth', 'ecaOauthPlcy', 'ecaPlcy'];

/**
 * The other files of an External Client App given alone: an ECA is several files joined by name, and a rule
 * over a policy file alone would guess. Looks in the sibling folders of the file's folder (the SFDX layout).
 */
function externalClientAppCompanions(file: DiscoveredMetadata): string[] {
  if (!ECA_SUFFIXES.includes(file.classified.type.suffix)) return [];
  const typesRoot = dirname(dirname(file.path));
  const name = file.classified.componentName;
  const found: string[] = [];
  let folders: string[];
  try {
    folders = readdirNames(typesRoot);
  } catch {
    return [];
  }
  for (const folder of folders) {
    for (const suffix of ECA_SUFFIXES) {
      for (const candidate of [join(typesRoot, folder, `${name}.${suffix}-meta.xml`), join(typesRoot, folder, `${name}.${suffix}`)]) {
        if (candidate !== file.path && existsSync(candidate)) found.push(candidate);
      }
    }
  }
  return found;
}

function readdirNames(directory: string): string[] {
  return readdirSync(directory).filter((name) => !SKIPPED_DIRECTORIES.has(name));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
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
