import type { LintOptions } from '../engine/lint.js';
import type { LintRun } from '../types.js';
import type { LintArgs } from './args.js';

/** What the CLI hands the library, and what it does once the run is done (e.g. write a baseline). */
export interface PreparedLint {
  options: LintOptions;
  after?: (run: LintRun) => Promise<void> | void;
}

/** Turns command-line arguments into library options: configuration, plugins, suppressions, git sources. */
export async function prepareLint(args: LintArgs, cwd: string, _io: { stderr: NodeJS.WritableStream }): Promise<PreparedLint> {
  return {
    options: {
      cwd,
      paths: args.paths,
      ...(args.environment ? { environment: args.environment } : {}),
      ...(args.only.length ? { only: args.only } : {}),
    },
  };
}
