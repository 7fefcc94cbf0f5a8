// The trusted policy (docs/security.md): on a pull request the checkout is the attacker's, so the configuration and
// the baseline that judge it can be read from a commit the attacker does not control (the base branch) through git,
// never from the working tree. The files of the gate that the head changes relative to that commit are named in a
// notice, whatever the outcome, so a reviewer sees a pull request that tries to move its own goalposts.
import { join, relative, sep } from 'node:path';
import { parseConfig, CONFIG_FILE_NAMES, configSearchDirectories } from '../config/config.js';
import type { LoadedConfig } from '../config/types.js';
import { UsageError } from '../errors.js';
import { blobReadResult, git, GitError, NotInRepositoryError, readBlobs, topLevel } from '../project/git/index.js';
import { MAX_BASELINE_BYTES, MAX_CONTROL_FILE_BYTES, readCheckedText, type CheckedRead } from '../project/read.js';

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

const NOT_AT_REF: CheckedRead = { ok: false, missing: true, reason: 'not in the commit' };

/**
 * The text of a file as `ref` holds it, with the checked reader's limits: a regular file of at most `maxBytes`
 * (streamed, so a huge blob is counted, never held), UTF-8. `missing` when the commit has no such file.
 */
export async function readAtRef(trusted: TrustedRef, file: string, maxBytes = MAX_CONTROL_FILE_BYTES): Promise<CheckedRead> {
  const path = toGitPath(trusted.gitRoot, file);
  if (path.startsWith('..')) return NOT_AT_REF;
  // `<mode> <type> <oid>\t<path>`
  const entry = (await git(trusted.gitRoot, ['ls-tree', '-z', '--full-tree', trusted.commit, '--', path])).split('\0').find((record) => record.endsWith(`\t${path}`));
  if (!entry) return NOT_AT_REF;
  const [mode, , oid = ''] = entry.slice(0, entry.indexOf('\t')).split(' ');
  if (mode !== '100644' && mode !== '100755') return { ok: false, missing: false, reason: 'not a regular file (a symbolic link, a folder or a submodule)' };
  const read = blobReadResult((await readBlobs(trusted.gitRoot, [oid], maxBytes)).get(oid));
  return read.ok ? { ok: true, text: read.text } : { ok: false, missing: false, reason: read.reason };
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
    const read = await readAtRef(trusted, file);
    if (!read.ok) throw new UsageError(`cannot read configuration file ${toGitPath(trusted.gitRoot, file)} at ${describeRef(trusted)}: ${read.reason}`);
    const text = read.text;
    return { ...(await parseConfig(file, text, trusted.gitRoot)), source: `${toGitPath(trusted.gitRoot, file)} at ${describeRef(trusted)}` };
  }
  return { config: {}, source: `no configuration file at ${describeRef(trusted)} (defaults)` };
}

export const describeRef = (trusted: TrustedRef) => (trusted.commit.startsWith(trusted.ref) ? trusted.commit.slice(0, 12) : `${trusted.ref} (${trusted.commit.slice(0, 12)})`);

/** The gate's files: control files (configuration candidates, .forceignore) and the baseline, which may be larger. */
export interface GateFiles {
  controlFiles: readonly string[];
  baseline: string;
}

/**
 * The gate's files whose working-tree content differs from `ref`'s: each gets a notice. Compared by content, so an
 * uncommitted or untracked change counts as much as a committed one. The working tree is the pull request's: read
 * through the checked reader, within the repository; a file that cannot be read there (a link out of the
 * repository, a device, over the limit) counts as changed, never as the same.
 */
export async function changedGateFiles(trusted: TrustedRef, files: GateFiles): Promise<string[]> {
  const limits = new Map<string, number>(files.controlFiles.map((file) => [file, MAX_CONTROL_FILE_BYTES]));
  limits.set(files.baseline, MAX_BASELINE_BYTES);
  const changed: string[] = [];
  for (const [file, maxBytes] of limits) {
    const before = await readAtRef(trusted, file, maxBytes);
    const now = readCheckedText(file, { within: trusted.gitRoot, maxBytes });
    if (!sameContent(before, now)) changed.push(toGitPath(trusted.gitRoot, file));
  }
  return changed;
}

/** Both absent, or both read and equal; anything unreadable on either side is a change. */
function sameContent(before: CheckedRead, now: CheckedRead): boolean {
  if (before.ok && now.ok) return before.text === now.text;
  return !before.ok && !now.ok && before.missing && now.missing;
}

/** Every configuration file name the working tree could use from `searchFrom` up (for the change notice). */
export function configCandidates(searchFrom: string, gitRoot: string): string[] {
  return configSearchDirectories(searchFrom)
    .filter((dir) => !relative(gitRoot, dir).startsWith('..'))
    .flatMap((dir) => CONFIG_FILE_NAMES.map((name) => join(dir, name)));
}

