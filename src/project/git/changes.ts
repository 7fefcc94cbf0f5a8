import { git, GitError } from './run.js';

/** What happened to one file between two states of a repository (git's raw diff, one entry per path). */
export interface FileChange {
  /** Repository-relative path, `/`-separated, as git prints it. */
  path: string;
  /** A: added, C: copied, M: modified, R: renamed, T: type changed, D: deleted. */
  status: 'A' | 'C' | 'M' | 'R' | 'T' | 'D';
  /** The file's mode after the change (`100644`, `120000` for a symbolic link …); `000000` when deleted. */
  mode: string;
  /** The blob after the change: the staged content for `--staged`; all zeros when it is the working tree's. */
  oid: string;
  /** The blob before the change (the deleted content for D). */
  previousOid: string;
  /** R and C: the path it came from. */
  from?: string;
}

// --no-abbrev: full object names for `git cat-file`; --find-renames: a moved file is a rename, not a delete plus an
// add; --no-ext-diff / --no-textconv: the user's diff drivers must not run (and cost time) for a name listing.
export const RAW_DIFF = ['diff', '--raw', '-z', '--no-abbrev', '--no-ext-diff', '--no-textconv', '--find-renames', '--ignore-submodules=all'];

/**
 * What `git commit` would record: the index against HEAD (against the empty tree before the first commit).
 * Pathspecs are relative to `cwd`. Inside a `git commit` hook, GIT_INDEX_FILE (inherited) names the index to read.
 */
export async function stagedChanges(cwd: string, pathspecs: readonly string[] = []): Promise<FileChange[]> {
  return parseRawDiff(await git(cwd, [...RAW_DIFF, '--cached', '--', ...pathspecs]));
}

/** What changed between `base` (a commit) and the working tree, tracked files only. */
export async function workingTreeChangesSince(cwd: string, base: string, pathspecs: readonly string[] = []): Promise<FileChange[]> {
  return parseRawDiff(await git(cwd, [...RAW_DIFF, base, '--', ...pathspecs]));
}

/** Untracked files that .gitignore does not exclude (repository-relative): new files not yet added. */
export async function untrackedFiles(cwd: string, pathspecs: readonly string[] = []): Promise<string[]> {
  return splitNul(await git(cwd, ['ls-files', '-z', '--others', '--exclude-standard', '--full-name', '--', ...pathspecs]));
}

/** Tracked and untracked (not ignored) files of the working tree matching the pathspecs (repository-relative). */
export async function workingTreeFiles(cwd: string, pathspecs: readonly string[]): Promise<string[]> {
  return splitNul(await git(cwd, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name', '--', ...pathspecs]));
}

/**
 * The commit to compare a branch with: the merge base of `ref` and HEAD, so that what `ref` gained since the branch
 * was cut does not count as a change of the branch (as `git diff ref...HEAD` does). Falls back to `ref` itself when
 * there is no merge base, e.g. in a shallow clone.
 */
export async function comparisonBase(cwd: string, ref: string): Promise<string> {
  let commit: string;
  try {
    commit = (await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
  } catch {
    throw new GitError(`unknown git revision "${ref}" (in a shallow clone, fetch it first, e.g. git fetch --depth=1 origin ${ref})`);
  }
  try {
    return (await git(cwd, ['merge-base', commit, 'HEAD'])).trim() || commit;
  } catch {
    return commit;
  }
}

/** An index entry: the staged blob of a path. */
export interface IndexEntry {
  path: string;
  mode: string;
  oid: string;
}

/** The index's entries matching the pathspecs (stage 0 only: a conflicted path cannot be committed anyway). */
export async function indexEntries(cwd: string, pathspecs: readonly string[]): Promise<IndexEntry[]> {
  const entries: IndexEntry[] = [];
  for (const record of splitNul(await git(cwd, ['ls-files', '-z', '--stage', '--full-name', '--', ...pathspecs]))) {
    const match = /^(\d+) ([0-9a-f]+) (\d)\t(.*)$/s.exec(record);
    if (match && match[3] === '0') entries.push({ mode: match[1]!, oid: match[2]!, path: match[4]! });
  }
  return entries;
}

function splitNul(output: string): string[] {
  return output.split('\0').filter((field) => field !== '');
}

/** Parses `git diff --raw -z` output: `:mode mode oid oid status\0path\0` (two paths for R and C). */
export function parseRawDiff(output: string): FileChange[] {
  const fields = output.split('\0');
  const changes: FileChange[] = [];
  for (let i = 0; i < fields.length; i++) {
    const header = /^:(\d+) (\d+) ([0-9a-f]+) ([0-9a-f]+) ([A-Z])\d*$/.exec(fields[i]!);
    if (!header) continue;
    const [, , mode, previousOid, oid, status] = header as unknown as [string, string, string, string, string, string];
    const twoPaths = status === 'R' || status === 'C';
    const first = fields[++i];
    const second = twoPaths ? fields[++i] : undefined;
    if (first === undefined || (twoPaths && second === undefined)) break;
    // U (unmerged) and X (unknown) cannot be committed as they are: nothing to lint.
    if (!'ACMRTD'.includes(status)) continue;
    changes.push({
      path: twoPaths ? second! : first,
      status: status as FileChange['status'],
      mode,
      oid,
      previousOid,
      ...(twoPaths ? { from: first } : {}),
    });
  }
  return changes;
}
