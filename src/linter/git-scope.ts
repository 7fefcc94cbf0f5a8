import type { LintOptions } from '../engine/lint.js';
import { GitError, NotInRepositoryError } from '../project/git/index.js';
import { changedSinceScope, stagedScope } from '../project/git-scope.js';
import { UsageError } from '../errors.js';
import type { LintScope } from '../project/scope.js';

/**
 * `--staged` / `--changed-since`: the discovery, contents and deleted files of the change, for `lint()`.
 * Nothing (a normal walk) without either option. git's refusals become usage errors (exit 2).
 */
export async function gitScope(
  args: { staged?: boolean; changedSince?: string; paths: readonly string[] },
  scope: LintScope,
  ignorePatterns?: readonly string[],
): Promise<Pick<LintOptions, 'discovery' | 'fileSource' | 'deletedFiles'>> {
  if (!args.staged && args.changedSince === undefined) return {};
  const option = args.staged ? '--staged' : '--changed-since';
  const options = { cwd: scope.cwd, paths: args.paths, scope, ...(ignorePatterns ? { ignorePatterns } : {}) };
  try {
    return args.staged ? await stagedScope(options) : await changedSinceScope(args.changedSince!, options);
  } catch (error) {
    if (error instanceof NotInRepositoryError) {
      throw new UsageError(`${option} needs a git repository: ${error.message}. Run it inside one, or lint paths instead.`);
    }
    if (error instanceof GitError) throw new UsageError(`${option}: ${error.message}`);
    throw error;
  }
}
