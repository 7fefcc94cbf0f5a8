// The trusted policy (docs/security.md): on a pull request the checkout is the attacker's, so the configuration and
// the baseline that judge it can be read from a commit the attacker does not control (the base branch) through git,
// never from the working tree. The files of the gate that the head changes relative to that commit are named in a
// notice, whatever the outcome, so a reviewer sees a pull request that tries to move its own goalposts.
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseConfig, CONFIG_FILE_NAMES, configSearchDirectories } from '../config/config.js';
import type { LoadedConfig } from '../config/types.js';
import { UsageError } from '../errors.js';
import { git, GitError, NotInRepositoryError, topLevel } from '../project/git/index.js';

/** A commit the configuration is read from: the name the user gave and the commit it resolved to. */
export interface TrustedRef {
  ref: string;
  commit: string;
  gitRoot: string;
}

/** Resolves `ref` to a commit of the repository holding `cwd`; a usage error naming the option otherwise. */
export async function resolveTrustedRef(ref: string, cwd: string): Promise<TrustedRef> {
  try {
    const gitRoot = await topLevel(cwd);
    const commit = (await git(gitRoot, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
    return { ref, commit, gitRoot };
  } catch (error) {
    if (error instanceof NotInRepositoryError) throw new UsageError(`config-from: ${error.message}`);
    if (error instanceof GitError) throw new UsageError(`config-from: ${ref} is not a commit of the repository at ${cwd} (${error.message || 'unknown revision'})`);
    throw error;
  }
}

const toGitPath = (gitRoot: string, file: string) => relative(gitRoot, file).split(sep).join('/');

/** The text of a file as `ref` holds it, or undefined when the commit has no such file. */
export async function readAtRef(trusted: TrustedRef, file: string): Promise<string | undefined> {
  const path = toGitPath(trusted.gitRoot, file);
  if (path.startsWith('..')) return undefined;
  const listed = await git(trusted.gitRoot, ['ls-tree', '-z', '--name-only', '--full-tree', trusted.commit, '--', path]);
  if (!listed.split('\0').includes(path)) return undefined;
  return (await git(trusted.gitRoot, ['cat-file', 'blob', `${trusted.commit}:${path}`])).replace(/^\uFEFF/, '');
}

/**
 * The configuration `ref` holds for the linted directory: the same search as on disk (nearest directory first, up
 * to the repository root), over the commit's tree. The file keeps its working-tree path, so that plugins and
 * ignore patterns resolve as they would there; `source` says where it was read from.
 */
export async function loadConfigAtRef(trusted: TrustedRef, searchFrom: string): Promise<LoadedConfig & { source: string }> {
  const directories = configSearchDirectories(searchFrom).filter((dir) => !relative(trusted.gitRoot, dir).startsWith('..'));
  const candidates = directories.flatMap((dir) => CONFIG_FILE_NAMES.map((name) => join(dir, name)));
  const paths = candidates.map((file) => toGitPath(trusted.gitRoot, file));
  const listed = new Set((await git(trusted.gitRoot, ['ls-tree', '-z', '--name-only', '--full-tree', trusted.commit, '--', ...paths])).split('\0'));
  for (const dir of directories) {
    const found = CONFIG_FILE_NAMES.map((name) => join(dir, name)).filter((file) => listed.has(toGitPath(trusted.gitRoot, file)));
    if (found.length > 1) throw new UsageError(`${trusted.ref} holds ${found.length} configuration files in ${toGitPath(trusted.gitRoot, dir) || '.'}; keep one`);
    const file = found[0];
    if (!file) continue;
    const text = (await readAtRef(trusted, file)) ?? '';
    return { ...(await parseConfig(file, text, trusted.gitRoot)), source: `${toGitPath(trusted.gitRoot, file)} at ${describeRef(trusted)}` };
  }
  return { config: {}, source: `no configuration file at ${describeRef(trusted)} (defaults)` };
}

export const describeRef = (trusted: TrustedRef) => (trusted.commit.startsWith(trusted.ref) ? trusted.commit.slice(0, 12) : `${trusted.ref} (${trusted.commit.slice(0, 12)})`);

/**
 * The gate's files (configuration, .forceignore, baseline) whose working-tree content differs from `ref`'s: each
 * gets a notice. Compared by content, so an uncommitted or untracked change counts as much as a committed one.
 */
export async function changedGateFiles(trusted: TrustedRef, files: readonly string[]): Promise<string[]> {
  const changed: string[] = [];
  for (const file of new Set(files)) {
    const before = await readAtRef(trusted, file);
    let now: string | undefined;
    try {
      now = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    } catch {
      now = undefined;
    }
    if (before !== now) changed.push(toGitPath(trusted.gitRoot, file));
  }
  return changed;
}

/** Every configuration file name the working tree could use from `searchFrom` up (for the change notice). */
export function configCandidates(searchFrom: string, gitRoot: string): string[] {
  return configSearchDirectories(searchFrom)
    .filter((dir) => !relative(gitRoot, dir).startsWith('..'))
    .flatMap((dir) => CONFIG_FILE_NAMES.map((name) => join(dir, name)));
}

