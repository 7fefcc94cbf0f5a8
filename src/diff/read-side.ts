// The diff's ONE door to git: which commits the two sides are, which files each side holds, their contents (one
// batched `git cat-file` per side), and what changed between them. Everything else in src/diff works on the plain
// data returned here, so porting to another git layer (src/project/git/) touches this file only.
import { join } from 'node:path';
import { blobReadResult, git, GitError, NotInRepositoryError, parseRawDiff, RAW_DIFF, readBlobs, topLevel, untrackedFiles, workingTreeFiles, type FileChange } from '../project/git/index.js';
import { MAX_FILE_BYTES, readTextFile, type ReadResult } from '../project/read.js';

export type { FileChange };

/** A state of the repository one side of the diff is read from. */
export type SideSpec = { kind: 'commit'; ref: string } | { kind: 'index' } | { kind: 'worktree' };

/** A side, resolved: what the user called it and, for a commit, its full object name. */
export interface ResolvedSide {
  spec: SideSpec;
  /** As the user gave it (`HEAD~1`), or `index` / `working tree`. */
  ref: string;
  /** The commit; undefined for the index and the working tree. */
  commit?: string;
}

/** A file of one side: repository-relative path and where its content is. */
export interface SideFile {
  path: string;
  /** The blob to read; undefined for a working-tree file (read from disk). */
  oid?: string;
}

/** The top of the work tree holding `cwd`; a NotInRepositoryError outside one. */
export const repositoryRoot = topLevel;

/**
 * Resolves a ref to its commit. With `mergeBase`, the merge base of the ref and `against` (HEAD). A ref git does not
 * know is said with the exact `git fetch` that brings it, since in CI the usual cause is a shallow clone.
 */
export async function resolveCommit(gitRoot: string, ref: string, options: { mergeBase?: string } = {}): Promise<ResolvedSide> {
  let commit: string;
  try {
    commit = (await git(gitRoot, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
  } catch {
    throw new GitError(`unknown git revision "${ref}"${(await isShallow(gitRoot)) ? ` in this shallow clone: run ${fetchCommand(ref)} first` : `: run ${fetchCommand(ref)} if it is on the remote`}`);
  }
  if (options.mergeBase === undefined) return { spec: { kind: 'commit', ref }, ref, commit };
  try {
    const base = (await git(gitRoot, ['merge-base', commit, options.mergeBase])).trim();
    if (base) return { spec: { kind: 'commit', ref: base }, ref: `merge base of ${ref} and ${options.mergeBase}`, commit: base };
  } catch {
    // no merge base: said below
  }
  const shallow = await isShallow(gitRoot);
  throw new GitError(
    `${ref} and ${options.mergeBase} have no merge base${shallow ? ' in this shallow clone: run git fetch --unshallow (or git fetch --deepen=100) first' : ''}`,
  );
}

/** The side that is not a commit: `index` for --staged, else the working tree. */
export function localSide(kind: 'index' | 'worktree'): ResolvedSide {
  return { spec: { kind }, ref: kind === 'index' ? 'index' : 'working tree' };
}

async function isShallow(gitRoot: string): Promise<boolean> {
  try {
    return (await git(gitRoot, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  } catch {
    return false;
  }
}

/** `git fetch` for a ref: `origin/main` is branch `main` of `origin`; anything else (a SHA, a tag) is fetched by name. */
function fetchCommand(ref: string): string {
  const remoteBranch = /^origin\/(.+)$/.exec(ref);
  if (remoteBranch) return `git fetch --no-tags origin ${remoteBranch[1]}:refs/remotes/origin/${remoteBranch[1]}`;
  return `git fetch --no-tags --depth=1 origin ${ref}`;
}

/** Every file the side holds (submodules and symbolic links left out: neither is metadata). */
export async function listSideFiles(gitRoot: string, side: ResolvedSide): Promise<SideFile[]> {
  const files: SideFile[] = [];
  if (side.spec.kind === 'worktree') {
    for (const path of await workingTreeFiles(gitRoot, [':(top)'])) files.push({ path });
    return files;
  }
  const output =
    side.spec.kind === 'index'
      ? await git(gitRoot, ['ls-files', '-z', '--stage', '--full-name', '--', ':(top)'])
      : await git(gitRoot, ['ls-tree', '-r', '-z', '--full-tree', side.commit!]);
  // ls-files: `mode oid stage\tpath`; ls-tree: `mode type oid\tpath`.
  for (const record of output.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const fields = record.slice(0, tab).split(' ');
    const mode = fields[0];
    const oid = side.spec.kind === 'index' ? fields[1] : fields[2];
    if (side.spec.kind === 'index' && fields[2] !== '0') continue; // a conflicted path
    if (mode !== '100644' && mode !== '100755') continue;
    if (oid) files.push({ path: record.slice(tab + 1), oid });
  }
  return files;
}

/**
 * The contents of `files` (absolute path -> read result): blobs in one batch, working-tree files from disk, never
 * through a symbolic link out of the repository (what is read here can end up in a pull-request comment).
 */
export async function readSideFiles(gitRoot: string, files: readonly SideFile[]): Promise<Map<string, ReadResult>> {
  const blobs = await readBlobs(
    gitRoot,
    files.flatMap((file) => (file.oid ? [file.oid] : [])),
    MAX_FILE_BYTES,
  );
  const contents = new Map<string, ReadResult>();
  for (const file of files) {
    const path = join(gitRoot, file.path);
    if (!file.oid) {
      contents.set(path, readTextFile(path, gitRoot));
      continue;
    }
    contents.set(path, blobReadResult(blobs.get(file.oid)));
  }
  return contents;
}

/** What changed from `base` (a commit) to `head`, renames paired; untracked files count as added on the working tree. */
export async function changesBetween(gitRoot: string, base: ResolvedSide, head: ResolvedSide): Promise<FileChange[]> {
  const top = ['--', ':(top)'];
  switch (head.spec.kind) {
    case 'commit':
      return parseRawDiff(await git(gitRoot, [...RAW_DIFF, base.commit!, head.commit!, ...top]));
    case 'index':
      return parseRawDiff(await git(gitRoot, [...RAW_DIFF, '--cached', base.commit!, ...top]));
    case 'worktree': {
      const [tracked, untracked] = await Promise.all([git(gitRoot, [...RAW_DIFF, base.commit!, ...top]), untrackedFiles(gitRoot, [':(top)'])]);
      return [...parseRawDiff(tracked), ...untracked.map((path): FileChange => ({ path, status: 'A', mode: '100644', oid: '', previousOid: '' }))];
    }
  }
}

export { GitError, NotInRepositoryError };
