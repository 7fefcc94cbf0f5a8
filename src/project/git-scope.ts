import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { externalClientAppPathspecs, isExternalClientAppFile, sameAppFiles } from './app-companions.js';
import type { DiscoveredMetadata, Discovery } from './discover.js';
import { findSfdxProject, type LintScope } from './scope.js';
import { ForceIgnoreMatcher } from './forceignore.js';
import {
  comparisonBase,
  indexEntries,
  stagedChanges,
  topLevel,
  untrackedFiles,
  workingTreeChangesSince,
  workingTreeFiles,
  type FileChange,
  blobReadResult,
  readBlobs,
  type BlobRead,
} from './git/index.js';
import { ignorePatternMatcher } from './ignore-patterns.js';
import { classifyFileName, lintedTypes } from './metadata-types.js';
import { MAX_FILE_BYTES, readTextFile, type ReadResult } from './read.js';
import { isDirectory, isUnderSkippedDirectory } from './walk.js';

/**
 * What `--staged` and `--changed-since` hand the engine instead of a walk: the changed files (and the rest of the
 * apps they belong to), where their contents come from, and the files the change deletes.
 */
export interface GitScope {
  discovery: Discovery;
  /** Contents as the change has them: the git index for --staged, the working tree for --changed-since. */
  fileSource: { read(path: string): ReadResult };
  /** Absolute paths of the files the change deletes, for the rules that judge a removal. */
  deletedFiles: string[];
}

export interface GitScopeOptions {
  cwd: string;
  /** Only changes under these paths (files or folders, relative to cwd); everything when empty. */
  paths?: readonly string[];
  /** The configuration's `ignorePatterns`, relative to the git root. */
  ignorePatterns?: readonly string[];
  /** The run's scope, when resolved already (its SFDX project is used rather than looked up again). */
  scope?: LintScope;
}

/** `--staged`: what `git commit` would record, read from the index (one `git cat-file` for all contents). */
export async function stagedScope(options: GitScopeOptions): Promise<GitScope> {
  const { cwd } = options;
  const asked = inRepository(cwd, stagedChanges(cwd, userPathspecs(options)));
  const project = readProject(options); // while git works
  const [gitRoot, changes] = await asked;
  const index: RepositoryState = {
    changedFile: (change) => ({ path: change.path, oid: change.oid, fromDisk: change.mode === SYMLINK_MODE }),
    list: async (pathspecs) =>
      (await indexEntries(cwd, pathspecs)).map((entry) => ({ path: entry.path, oid: entry.oid, fromDisk: entry.mode === SYMLINK_MODE })),
  };
  return buildScope(describeRepository(gitRoot, project, options), changes, index, 'not in the git index');
}

/**
 * `--changed-since <ref>`: the working tree's files that differ from the merge base of `ref` and HEAD (what a pull
 * request touched, uncommitted and untracked files included), read from disk.
 */
export async function changedSinceScope(ref: string, options: GitScopeOptions): Promise<GitScope> {
  const { cwd } = options;
  const pathspecs = userPathspecs(options);
  const asked = inRepository(cwd, comparisonBase(cwd, ref));
  const project = readProject(options); // while git works
  const [gitRoot, base] = await asked;
  const [tracked, untracked] = await Promise.all([workingTreeChangesSince(cwd, base, pathspecs), untrackedFiles(cwd, pathspecs)]);
  const changes: FileChange[] = [
    ...tracked,
    ...untracked.map((path): FileChange => ({ path, status: 'A', mode: REGULAR_MODE, oid: '', previousOid: '' })),
  ];
  const workingTree: RepositoryState = {
    changedFile: (change) => ({ path: change.path, oid: '', fromDisk: true }),
    list: async (pathspecs) =>
      (await workingTreeFiles(cwd, pathspecs)).filter((path) => existsSync(join(gitRoot, path))).map((path) => ({ path, oid: '', fromDisk: true })),
  };
  return buildScope(describeRepository(gitRoot, project, options), changes, workingTree, 'cannot be read');
}

/** The top of the work tree and the answer to a question asked at the same time; "not a repository" comes first. */
async function inRepository<T>(cwd: string, question: Promise<T>): Promise<[string, T]> {
  const [root, answer] = await Promise.allSettled([topLevel(cwd), question]);
  if (root.status === 'rejected') throw root.reason; // a NotInRepositoryError
  if (answer.status === 'rejected') throw answer.reason;
  return [root.value, answer.value];
}

/** The paths given, as literal git pathspecs relative to the working directory (git rejects those outside). */
function userPathspecs(options: GitScopeOptions): string[] {
  return (options.paths ?? []).map((path) => `:(literal)${path}`);
}

const SYMLINK_MODE = '120000';
const GITLINK_MODE = '160000';
const REGULAR_MODE = '100644';

/** A file in one state of the repository: repository-relative path and where its content is. */
interface StateFile {
  path: string;
  /** The blob to read, unless `fromDisk`. */
  oid: string;
  /** Read from the working tree (the --changed-since state; a staged symbolic link, read through). */
  fromDisk: boolean;
}

/** The state of the repository being linted: the index, or the working tree. */
interface RepositoryState {
  changedFile(change: FileChange): StateFile;
  /** Files of this state that match git pathspecs. */
  list(pathspecs: string[]): Promise<StateFile[]>;
}

interface Repository {
  gitRoot: string;
  projectRoot?: string;
  /** Repository-relative package directories ('' for the whole repository); undefined without sfdx-project.json. */
  packageDirectories?: string[];
  /** Excluded by the configuration's ignorePatterns. */
  ignored(path: string): boolean;
  /** Excluded by .forceignore: metadata rules skip it, the secret scan does not. */
  forceIgnored(path: string): boolean;
}

/** The SFDX project around the files, with real paths (git prints paths from its real top folder). */
interface ProjectFiles {
  root?: string;
  packageDirectories?: string[];
  forceIgnore?: ForceIgnoreMatcher;
}

/** Reads what does not depend on git's answers: the SFDX project, its .forceignore, the metadata registry. */
function readProject(options: GitScopeOptions): ProjectFiles {
  lintedTypes(); // loads the registry now, while git works, rather than at the first file name
  const paths = (options.paths ?? []).map((path) => (isAbsolute(path) ? path : resolve(options.cwd, path)));
  // The SFDX project is found as `lint <dir>` finds it: from the one folder given, else from the working directory.
  const anchor = paths.length === 1 && isDirectory(paths[0]!) ? paths[0]! : options.cwd;
  const project = options.scope ? options.scope.project : findSfdxProject(anchor, undefined);
  if (!project) return {};
  const root = realPath(project.root);
  const repository = options.scope?.gitRoot ? realPath(options.scope.gitRoot) : root;
  return { root, packageDirectories: project.packageDirectories.map(realPath), forceIgnore: ForceIgnoreMatcher.load(root, repository) };
}

function describeRepository(gitRoot: string, project: ProjectFiles, options: GitScopeOptions): Repository {
  const userIgnored = ignorePatternMatcher(gitRoot, options.ignorePatterns);
  const { forceIgnore } = project;
  return {
    gitRoot,
    ...(project.root ? { projectRoot: project.root } : {}),
    ...(project.packageDirectories ? { packageDirectories: project.packageDirectories.map((path) => relative(gitRoot, path).split(sep).join('/')) } : {}),
    ignored: userIgnored,
    forceIgnored: (path) => forceIgnore?.denies(path) ?? false,
  };
}

async function buildScope(repository: Repository, changes: FileChange[], state: RepositoryState, unreadable: string): Promise<GitScope> {
  const { gitRoot } = repository;
  const absolute = (path: string) => join(gitRoot, path);
  const wanted = (path: string) => !isUnderSkippedDirectory(path) && !repository.ignored(absolute(path));
  // Metadata counts inside package directories only, as for `lint .`: findings here are a subset of a full lint's.
  const isLintedMetadata = (path: string) =>
    classifyFileName(posix.basename(path)) !== undefined &&
    (repository.packageDirectories?.some((directory) => isInsideRepositoryPath(path, directory)) ?? true);

  const changed = changes
    .filter((change) => change.status !== 'D' && change.mode !== GITLINK_MODE && wanted(change.path))
    .map((change) => state.changedFile(change));
  const deleted = removedFiles(changes).filter((removal) => wanted(removal.path));

  // An External Client App is several files: a change to one of them lints the whole app, unchanged files included.
  const isSeed = (path: string) => isLintedMetadata(path) && isExternalClientAppFile(path);
  const changedSeeds = changed.filter((file) => isSeed(file.path));
  const deletedSeeds = deleted.filter((removal) => isSeed(removal.path));
  const changedPaths = new Set(changed.map((file) => file.path));
  const candidates =
    changedSeeds.length + deletedSeeds.length > 0
      ? (
          await state.list(externalClientAppPathspecs([...changedSeeds, ...deletedSeeds].map((seed) => seed.path)))
        ).filter((file) => !changedPaths.has(file.path) && wanted(file.path) && isLintedMetadata(file.path))
      : [];

  // One read for every content: the changed files, the candidates, the old side of deleted ECA files.
  const blobs = await readBlobs(
    gitRoot,
    [...[...changed, ...candidates].filter((file) => !file.fromDisk).map((file) => file.oid), ...deletedSeeds.map((removal) => removal.previousOid)],
    MAX_FILE_BYTES,
  );
  const contents = contentsOf(gitRoot, [...changed, ...candidates], blobs, unreadable);
  const currentText = (file: StateFile) => textOf(contents.get(absolute(file.path)));
  const previousText = (removal: Removal) => {
    return textOf(blobReadResult(blobs.get(removal.previousOid)));
  };
  const companions = new Set(
    sameAppFiles(
      [...changedSeeds.map((file) => ({ path: file.path, text: currentText(file) })), ...deletedSeeds.map((removal) => ({ path: removal.path, text: previousText(removal) }))],
      candidates.map((file) => ({ path: file.path, text: currentText(file) })),
    ),
  );

  const metadata: DiscoveredMetadata[] = [];
  for (const path of [...changedPaths, ...companions]) {
    const classified = isLintedMetadata(path) ? classifyFileName(posix.basename(path)) : undefined;
    if (!classified) continue;
    const file = absolute(path);
    metadata.push({ path: file, classified, forceIgnored: repository.forceIgnored(file), ...(companions.has(path) ? { companion: true } : {}) });
  }
  metadata.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  return {
    discovery: {
      root: gitRoot,
      ...(repository.projectRoot ? { projectRoot: repository.projectRoot } : {}),
      gitRoot,
      metadata,
      // The repository-wide checks see the changed files only: the rest of the repository was linted when it changed.
      scanFiles: [...changedPaths].map(absolute).sort(),
      missing: [],
      notices: [],
    },
    fileSource: { read: (path) => contents.get(path) ?? { ok: false, reason: unreadable } },
    deletedFiles: deleted.map((removal) => absolute(removal.path)).sort(),
  };
}

const textOf = (read: ReadResult | undefined) => (read?.ok ? read.text : undefined);

interface Removal {
  path: string;
  /** The removed content's blob. */
  previousOid: string;
}

/**
 * Files the change removes: deletions, and the old side of renames. A component that only moved (the same
 * metadata type and name is among the changed files, e.g. a move between folders or to source format) is not
 * removed: reporting it would announce a deletion that deploys as an update.
 */
function removedFiles(changes: FileChange[]): Removal[] {
  const componentKey = (path: string) => {
    const classified = classifyFileName(posix.basename(path));
    return classified ? `${classified.type.name}/${classified.componentName}` : undefined;
  };
  const remaining = new Set(changes.filter((change) => change.status !== 'D').map((change) => componentKey(change.path)));
  return changes
    .flatMap((change): Removal[] => {
      if (change.status === 'D') return [{ path: change.path, previousOid: change.previousOid }];
      if (change.status === 'R') return [{ path: change.from!, previousOid: change.previousOid }];
      return [];
    })
    .filter((removal) => {
      const key = componentKey(removal.path);
      return key === undefined || !remaining.has(key);
    });
}

/** Contents by absolute path: blobs from the batch read, working-tree files from disk. */
function contentsOf(gitRoot: string, files: StateFile[], blobs: Map<string, BlobRead>, unreadable: string): Map<string, ReadResult> {
  const contents = new Map<string, ReadResult>();
  for (const file of files) {
    const path = join(gitRoot, file.path);
    if (file.fromDisk) {
      contents.set(path, readTextFile(path, gitRoot));
      continue;
    }
    contents.set(path, blobReadResult(blobs.get(file.oid), unreadable));
  }
  return contents;
}

function isInsideRepositoryPath(path: string, directory: string): boolean {
  return directory === '' || path === directory || path.startsWith(`${directory}/`);
}

function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

