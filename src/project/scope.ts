import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { ForceIgnoreMatcher } from './forceignore.js';
import { findGitRoot } from './git/index.js';
import { readCheckedText } from './read.js';
import { isDirectory } from './walk.js';

/**
 * Where a run stands, worked out once: the paths asked about, the SFDX project and its package directories, the git
 * work tree, `.forceignore`. Discovery, the secret scan, the configuration lookup, the default baseline and
 * `--staged` / `--changed-since` all read it, so they never answer "which project?" differently.
 */
export interface LintScope {
  cwd: string;
  /** The paths asked about, absolute (the working directory when none was given). */
  paths: string[];
  /** Where the project and the configuration are looked up from: the one directory linted, else the working directory. */
  anchor: string;
  project?: SfdxProject;
  /** The top of the git work tree around the anchor; undefined outside git. */
  gitRoot?: string;
  /** Where repository-relative paths start: the git root, else the SFDX project root, else the working directory. */
  root: string;
  /** The project's `.forceignore`; undefined without a project or under `--no-ignore`. */
  forceIgnore?: ForceIgnoreMatcher;
}

export interface SfdxProject {
  root: string;
  packageDirectories: string[];
  /** What is wrong with sfdx-project.json, said to the user instead of silently linting less. */
  problems: string[];
}

export function resolveLintScope(options: { cwd: string; paths?: readonly string[]; noIgnore?: boolean }): LintScope {
  const { cwd } = options;
  const given = options.paths?.length ? options.paths : ['.'];
  const spelled = given.map((path) => (isAbsolute(path) ? path : resolve(cwd, path)));
  const spelledAnchor = spelled.length === 1 && isDirectory(spelled[0]!) ? spelled[0]! : cwd;
  const gitRoot = findGitRoot(existsSync(spelledAnchor) ? spelledAnchor : cwd);
  // git names the work tree by its real path, and lists its files under it: a path reached through a symbolic link
  // (`lint link-to-checkout`, a short 8.3 name on Windows) is taken by its real path, or no listed file would lie in
  // its package directories and the apps would go unlinted in silence. Paths already under the root stay as given.
  const paths = gitRoot === undefined ? spelled : spelled.map((path) => inRepositorySpelling(path, gitRoot));
  const anchor = spelled.length === 1 && spelledAnchor === spelled[0] ? paths[0]! : cwd;
  const project = findSfdxProject(anchor, gitRoot);
  const forceIgnore = project && !options.noIgnore ? ForceIgnoreMatcher.load(project.root, gitRoot ?? project.root) : undefined;
  return {
    cwd,
    paths,
    anchor,
    ...(project ? { project } : {}),
    ...(gitRoot ? { gitRoot } : {}),
    root: gitRoot ?? project?.root ?? cwd,
    ...(forceIgnore ? { forceIgnore } : {}),
  };
}

/**
 * The `sfdx-project.json` at or above `start` that decides, with its package directories as absolute paths: inside git
 * the outermost one up to the git root (`repository`), as the Salesforce CLI deploys the repository's project and
 * never a second sfdx-project.json a pull request adds inside a package directory (which would otherwise list an
 * empty folder and hide every app); outside git the nearest. A nested one passed over is named in `problems`. The file
 * is read never through a symbolic link out of `repository`, or out of its own folder outside git.
 */
export function findSfdxProject(start: string, repository: string | undefined): SfdxProject | undefined {
  let nearest: string | undefined;
  let decides: string | undefined;
  const top = repository === undefined ? undefined : resolve(repository);
  for (let dir = start; ; dir = dirname(dir)) {
    // git names the work tree by its real path (forward slashes on Windows); `dir` may go through a symbolic link.
    const atTop = top !== undefined && realPathOf(dir) === top;
    if (existsSync(join(dir, 'sfdx-project.json'))) {
      nearest ??= dir;
      decides = dir;
      if (repository === undefined) break;
    }
    if (atTop || dir === repository || dirname(dir) === dir) break;
  }
  if (decides === undefined) return undefined;
  const project = readSfdxProject(decides, repository);
  if (nearest !== decides) {
    project.problems.push(`${join(nearest!, 'sfdx-project.json')} is not used: the repository's project at ${join(decides, 'sfdx-project.json')} decides what is linted.`);
  }
  return project;
}

/** `path` as git spells it under `gitRoot`: unchanged when it already is, else its real path when that lies inside. */
function inRepositorySpelling(path: string, gitRoot: string): string {
  const top = resolve(gitRoot);
  const inside = (candidate: string) => candidate === top || candidate.startsWith(top.endsWith(sep) ? top : top + sep);
  if (inside(path) || !existsSync(path)) return path;
  const real = realPathOf(path);
  return inside(real) ? real : path;
}

function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function readSfdxProject(dir: string, repository: string | undefined): SfdxProject {
  const file = join(dir, 'sfdx-project.json');
  let packageDirectories: string[] = [];
  const problems: string[] = [];
  try {
    const read = readCheckedText(file, { within: repository ?? dir });
    if (!read.ok) throw new Error(read.reason);
    packageDirectories = packageDirectoryPaths(read.text).map((path) => resolve(dir, path));
  } catch (error) {
    // A broken sfdx-project.json is not ours to judge, but linting less must not go unnoticed.
    problems.push(`${file} could not be read (${(error as Error).message}); the whole project folder is linted instead.`);
  }
  for (const path of packageDirectories) {
    if (!existsSync(path)) problems.push(`package directory ${path} (from ${file}) does not exist; nothing is linted there.`);
  }
  return { root: dir, packageDirectories: packageDirectories.length ? packageDirectories : [dir], problems };
}

/**
 * The `packageDirectories[].path` values of an sfdx-project.json text, as written (relative to its folder): for the
 * project on disk and for one at a git revision (the posture diff). Throws when the text is not such a file.
 */
export function packageDirectoryPaths(text: string): string[] {
  const json = JSON.parse(text) as { packageDirectories?: { path?: unknown }[] };
  return (json.packageDirectories ?? []).map((entry) => entry?.path).filter((path): path is string => typeof path === 'string');
}
