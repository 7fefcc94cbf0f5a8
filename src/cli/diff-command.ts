// `connected-app-lint diff`: the posture diff, written in the chosen format; the exit code from --fail-on.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { diffFailure } from '../diff/gate.js';
import { postureDiff } from '../diff/posture-diff.js';
import { GitError, SideError } from '../diff/read-side.js';
import type { PostureDiff } from '../diff/types.js';
import { renderDiffJson } from '../reporters/diff/json.js';
import { renderDiffMarkdown } from '../reporters/diff/markdown.js';
import { renderDiffText } from '../reporters/diff/text.js';
import { singleLine } from '../reporters/workflow-commands.js';
import { UsageError, type LintArgs } from './args.js';
import type { DiffArgs } from './diff-args.js';
import { prepareLint } from './prepare.js';

/** The diff with the configuration, plugins and suppressions `lint` would use in `cwd`. Git refusals are usage errors. */
export async function computeDiff(args: DiffArgs, cwd: string, io: { stderr: NodeJS.WritableStream }): Promise<PostureDiff> {
  const lintArgs: LintArgs = {
    command: 'lint',
    paths: [],
    format: 'json',
    quiet: false,
    debug: args.debug,
    noConfig: args.noConfig,
    noInlineConfig: args.noInlineConfig,
    updateBaseline: false,
    noPlugins: args.noPlugins,
    staged: false,
    only: [],
    ...(args.config !== undefined ? { config: args.config } : {}),
    ...(args.environment ? { environment: args.environment } : {}),
  };
  const { options } = await prepareLint(lintArgs, cwd, io);
  const { cwd: _cwd, paths: _paths, ...lintOptions } = options;
  try {
    return await postureDiff({
      cwd,
      base: args.base,
      ...(args.head !== undefined ? { head: args.head } : {}),
      mergeBase: args.mergeBase,
      staged: args.staged,
      lintOptions,
    });
  } catch (error) {
    if (error instanceof SideError || error instanceof GitError) throw new UsageError(`diff: ${(error as Error).message}`);
    throw error;
  }
}

export function renderDiff(diff: PostureDiff, format: DiffArgs['format']): string {
  return format === 'json' ? renderDiffJson(diff) : format === 'markdown' ? renderDiffMarkdown(diff) : renderDiffText(diff);
}

export async function runDiff(args: DiffArgs, io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): Promise<number> {
  const cwd = process.cwd();
  const diff = await computeDiff(args, cwd, io);
  const report = renderDiff(diff, args.format);
  if (args.outputFile !== undefined) {
    const path = resolve(cwd, args.outputFile);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, report);
  } else {
    io.stdout.write(report);
  }
  if (args.format !== 'text') for (const notice of diff.notices) io.stderr.write(`connected-app-lint: ${singleLine(notice)}\n`);
  const failure = diffFailure(diff, args.failOn);
  if (failure && args.format === 'text') io.stderr.write(`connected-app-lint: ${failure}\n`);
  return failure ? 1 : 0;
}
