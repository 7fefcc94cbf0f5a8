// `connected-app-lint diff`: what a change does to every app's access. Reads both sides from git, builds each side's
// apps and lint findings as `lint` does, and compares them.
import { realpathSync } from 'node:fs';
import { posix, relative, sep } from 'node:path';
import { findSfdxProject } from '../project/scope.js';
import { classifyFileName } from '../project/metadata-types.js';
import { compareSnapshots } from './compare.js';
import { compareFindings } from './findings.js';
import { changesBetween, listSideFiles, localSide, repositoryRoot, resolveCommit, type FileChange, type ResolvedSide } from './read-side.js';
import { buildSnapshot, type BaseLintOptions } from './snapshot.js';
import type { AppDiff, DiffSummary, PostureDiff } from './types.js';

export interface PostureDiffOptions {
  cwd: string;
  /** A git ref. */
  base: string;
  /** A git ref; the working tree when absent (the index with `staged`). */
  head?: string;
  /** Compare with the merge base of `base` and the head commit (HEAD for the working tree or index). */
  mergeBase?: boolean;
  staged?: boolean;
  /** Configuration, rules and post-processors, as the CLI prepares them for `lint`. */
  lintOptions?: BaseLintOptions;
}

export async function postureDiff(options: PostureDiffOptions): Promise<PostureDiff> {
  const gitRoot = await repositoryRoot(options.cwd);
  const head: ResolvedSide =
    options.head !== undefined ? await resolveCommit(gitRoot, options.head) : localSide(options.staged ? 'index' : 'worktree');
  const base = await resolveCommit(gitRoot, options.base, options.mergeBase ? { mergeBase: head.commit ?? 'HEAD' } : {});

  const [baseFiles, headFiles, changes] = await Promise.all([listSideFiles(gitRoot, base), listSideFiles(gitRoot, head), changesBetween(gitRoot, base, head)]);
  const changedPaths = new Set(changes.flatMap((change) => (change.from ? [change.path, change.from] : [change.path])));
  const projectDirectory = sfdxProjectDirectory(options.cwd, gitRoot);
  const lintOptions = options.lintOptions ?? {};
  const [baseSnapshot, headSnapshot] = await Promise.all([
    buildSnapshot({ gitRoot, side: base, files: baseFiles, projectDirectory, changedPaths, lintOptions }),
    buildSnapshot({ gitRoot, side: head, files: headFiles, projectDirectory, changedPaths, deletedPaths: deletedPaths(changes), lintOptions }),
  ]);
  const compared = compareSnapshots(baseSnapshot, headSnapshot, changes, gitRoot);
  const findings = compareFindings(baseSnapshot.run, headSnapshot.run);
  return {
    base: { ref: base.ref, commit: base.commit ?? null },
    head: { ref: head.ref, commit: head.commit ?? null },
    summary: summarize(compared.apps, findings),
    apps: compared.apps,
    findings,
    notices: [...new Set([...headSnapshot.run.notices, ...compared.notices])],
  };
}

/** The SFDX project the working directory is in, as a repository-relative folder; undefined outside one. */
function sfdxProjectDirectory(cwd: string, gitRoot: string): string | undefined {
  const project = findSfdxProject(cwd, gitRoot);
  if (!project) return undefined;
  let root = project.root;
  try {
    root = realpathSync.native(root);
  } catch {
    // keep the path as found
  }
  const folder = relative(gitRoot, root).split(sep).join('/');
  return folder.startsWith('..') ? undefined : folder;
}

/** Files the change deletes; a component that only moved (same type and name still there) is not deleted. */
function deletedPaths(changes: readonly FileChange[]): string[] {
  const component = (path: string) => {
    const classified = classifyFileName(posix.basename(path));
    return classified ? `${classified.type.name}/${classified.componentName}` : undefined;
  };
  const remaining = new Set(changes.filter((change) => change.status !== 'D').map((change) => component(change.path)));
  return changes
    .flatMap((change) => (change.status === 'D' ? [change.path] : change.status === 'R' && change.from ? [change.from] : []))
    .filter((path) => {
      const key = component(path);
      return key === undefined || !remaining.has(key);
    });
}

export function summarize(apps: readonly AppDiff[], findings: PostureDiff['findings']): DiffSummary {
  const modified = apps.filter((app) => app.status === 'modified');
  const hasEffect = (app: AppDiff, effect: string) => app.changes.some((change) => change.effect === effect);
  return {
    widened: modified.filter((app) => hasEffect(app, 'widened')).length,
    narrowed: modified.filter((app) => !hasEffect(app, 'widened') && hasEffect(app, 'narrowed')).length,
    added: apps.filter((app) => app.status === 'added').length,
    removed: apps.filter((app) => app.status === 'removed').length,
    modified: modified.length,
    newFindings: findings.new.length,
    fixedFindings: findings.fixed.length,
  };
}
