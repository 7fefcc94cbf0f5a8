// The posture diff as the library runs it: the configuration, suppressions and baseline `lint` would use, then the
// comparison of both sides. The CLI's `diff` command and the Action's `compare-to` both call this.
import { UsageError } from '../errors.js';
import { prepareLint } from '../linter/prepare.js';
import type { Environment } from '../types.js';
import { postureDiff } from './posture-diff.js';
import { GitError, NotInRepositoryError } from './read-side.js';
import type { PostureDiff } from './types.js';

export interface DiffRequest {
  base: string;
  head?: string;
  mergeBase: boolean;
  staged: boolean;
  environment?: Environment;
  config?: string;
  /** Read the configuration and baseline from this trusted commit (see LinterOptions.configFrom). */
  configFrom?: string;
  noConfig: boolean;
  noInlineConfig: boolean;
  noPlugins: boolean;
}

/** The diff with the configuration, plugins and suppressions `lint` would use in `cwd`. Git refusals are usage errors. */
export async function computeDiff(args: DiffRequest, io: { cwd: string; env: Readonly<Record<string, string | undefined>> }): Promise<PostureDiff> {
  const { options, notices } = await prepareLint(
    {
      cwd: io.cwd,
      env: io.env,
      config: args.noConfig ? false : args.config,
      ...(args.configFrom ? { configFrom: args.configFrom } : {}),
      inlineConfig: !args.noInlineConfig,
      // Undefined: plugins load locally as configured, never on CI without --plugins (DECISIONS 15).
      ...(args.noPlugins ? { plugins: false } : {}),
      ...(args.environment ? { environment: args.environment } : {}),
    },
    { paths: [] },
  );
  const { cwd: _cwd, paths: _paths, ...lintOptions } = options;
  try {
    const diff = await postureDiff({
      cwd: io.cwd,
      base: args.base,
      ...(args.head !== undefined ? { head: args.head } : {}),
      mergeBase: args.mergeBase,
      staged: args.staged,
      lintOptions,
    });
    // With configFrom: a change to the gate's own files (configuration, .forceignore, baseline) is said, as lint says it.
    return notices.length ? { ...diff, notices: [...new Set([...notices, ...diff.notices])] } : diff;
  } catch (error) {
    if (error instanceof NotInRepositoryError) throw new UsageError(`diff: ${error.message}; diff compares two states of a repository`);
    // git's refusals, and an unknown ref or a missing merge base said with the `git fetch` that helps.
    if (error instanceof GitError) throw new UsageError(`diff: ${error.message}`);
    throw error;
  }
}

