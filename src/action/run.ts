import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseCliArgs, UsageError, type LintArgs } from '../cli/args.js';
import { prepareLint } from '../cli/prepare.js';
import { lint } from '../engine/lint.js';
import { countFindings, plural, type FindingCounts } from '../reporters/findings.js';
import { githubReporter } from '../reporters/github.js';
import { sarifReporter } from '../reporters/sarif.js';
import type { ReporterOptions } from '../reporters/types.js';
import { singleLine, workflowCommand } from '../reporters/workflow-commands.js';
import { getInput, setOutputs } from './io.js';
import { commentMode, runPostureDiff } from './posture.js';
import type { CommentMode } from './pr-comment.js';

// The GitHub Action: the same library call as the CLI (`prepareLint` then `lint`), so configuration files,
// suppressions and the baseline behave exactly as they do locally; the reporters are imported directly rather
// than through the lazy registry, so the bundle carries only the two formats it writes.

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export const EXIT = { passed: 0, failed: 1, error: 2 } as const;

export interface ActionInputs {
  paths: string[];
  config: string;
  environment: string;
  sarifFile: string;
  failOn: FailOn;
  maxWarnings: string;
  sarifCategory: string;
  /** A ref to diff the apps' security posture against (empty: no diff). */
  compareTo: string;
  comment: CommentMode;
  githubToken: string;
}

export interface ActionIo {
  env: NodeJS.ProcessEnv;
  /** Used when GITHUB_WORKSPACE is not set. */
  cwd: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** A mistake in the workflow's `with:` block. */
class InputError extends Error {}

/** Runs the action and returns the process exit code: 0 passed, 1 failed by `fail-on`, 2 bad input or crash. */
export async function runAction(io: ActionIo): Promise<number> {
  try {
    const inputs = readInputs(io.env);
    const workspace = io.env.GITHUB_WORKSPACE || io.cwd;
    const args = lintArgs(inputs);
    const prepared = await prepareLint(args, workspace, { stderr: io.stderr });
    const run = await lint(prepared.options);
    await prepared.after?.(run);

    const reporterOptions: ReporterOptions = {
      color: false,
      quiet: false,
      cwd: workspace,
      env: io.env,
      ...(args.sarifCategory !== undefined ? { sarifCategory: args.sarifCategory } : {}),
    };
    io.stdout.write(await githubReporter.render(run, reporterOptions));
    let sarifPath = '';
    if (inputs.sarifFile) {
      sarifPath = resolve(workspace, inputs.sarifFile);
      mkdirSync(dirname(sarifPath), { recursive: true });
      writeFileSync(sarifPath, await sarifReporter.render(run, reporterOptions));
      io.stdout.write(`connected-app-lint: SARIF report written to ${singleLine(sarifPath)}\n`);
    }

    const posture = inputs.compareTo
      ? await runPostureDiff(
          { compareTo: inputs.compareTo, comment: inputs.comment, token: inputs.githubToken, config: inputs.config, environment: inputs.environment, failOn: inputs.failOn === 'never' ? 'never' : 'error' },
          workspace,
          io,
        )
      : undefined;

    const counts = countFindings(run);
    setOutputs(io.env, { errors: counts.errors, warnings: counts.warnings, 'sarif-file': sarifPath, widened: posture?.outputs.widened ?? '', removed: posture?.outputs.removed ?? '', added: posture?.outputs.added ?? '' });
    const failure = [failureReason(counts, inputs.failOn, args.maxWarnings), posture?.failure].filter(Boolean).join('; ') || undefined;
    if (!failure) return EXIT.passed;
    io.stdout.write(`connected-app-lint: failing the step: ${failure}\n`);
    return EXIT.failed;
  } catch (error) {
    const known = error instanceof InputError || error instanceof UsageError;
    const message = known ? `invalid input: ${inInputTerms((error as Error).message)}` : `internal error: ${(error as Error).message}`;
    io.stdout.write(`${workflowCommand('error', { title: 'connected-app-lint' }, message)}\n`);
    if (!known) io.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return EXIT.error;
  }
}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const failOn = getInput(env, 'fail-on') || 'error';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new InputError(`fail-on must be one of ${FAIL_ON.join(', ')}, not "${failOn}"`);
  const paths = getInput(env, 'path')
    .split(/\r?\n/)
    .map((path) => path.trim())
    .filter(Boolean);
  const githubToken = getInput(env, 'github-token');
  const comment = commentMode(getInput(env, 'comment'), githubToken);
  if (typeof comment !== 'string') throw new InputError(comment.invalid);
  return {
    paths: paths.length ? paths : ['.'],
    config: getInput(env, 'config'),
    environment: getInput(env, 'environment'),
    sarifFile: getInput(env, 'sarif-file'),
    failOn: failOn as FailOn,
    maxWarnings: getInput(env, 'max-warnings'),
    sarifCategory: getInput(env, 'sarif-category'),
    compareTo: getInput(env, 'compare-to'),
    comment,
    githubToken,
  };
}

/**
 * The inputs as CLI arguments, parsed by the CLI's own parser: the action gets the CLI's defaults and
 * validation for every option, including ones added later. Paths follow `--`, so none is taken for an option.
 */
export function lintArgs(inputs: ActionInputs): LintArgs {
  const argv = ['lint', '--format', 'github'];
  if (inputs.config) argv.push('--config', inputs.config);
  if (inputs.environment) argv.push('--env', inputs.environment);
  if (inputs.maxWarnings) argv.push('--max-warnings', inputs.maxWarnings);
  if (inputs.sarifCategory) argv.push('--sarif-category', inputs.sarifCategory);
  argv.push('--', ...inputs.paths);
  const args = parseCliArgs(argv);
  if (args.command !== 'lint') throw new InputError('the inputs do not describe a lint run');
  return args;
}

/** The CLI parser's messages name its flags; the workflow author wrote inputs. */
const INPUT_OF_FLAG: Record<string, string> = { '--env': 'environment', '--max-warnings': 'max-warnings', '--config': 'config', '--sarif-category': 'sarif-category' };

function inInputTerms(message: string): string {
  return message.replace(/--[a-z-]+/g, (flag) => INPUT_OF_FLAG[flag] ?? flag);
}

/** Why the step fails under `fail-on`, or undefined when it passes. */
export function failureReason(counts: FindingCounts, failOn: FailOn, maxWarnings: number | undefined): string | undefined {
  if (failOn === 'never') return undefined;
  if (counts.errors > 0) return `${plural(counts.errors, 'error')} (fail-on: ${failOn})`;
  if (failOn === 'warning' && counts.warnings > 0) return `${plural(counts.warnings, 'warning')} (fail-on: warning)`;
  if (maxWarnings !== undefined && counts.warnings > maxWarnings) return `${plural(counts.warnings, 'warning')}, more than max-warnings ${maxWarnings}`;
  return undefined;
}
