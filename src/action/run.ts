import { UsageError } from '../errors.js';
import { Linter } from '../linter/linter.js';
import type { LinterOptions } from '../linter/options.js';
import { WriteError, writeFileSafely } from '../project/write.js';
import { countFindings, plural, type FindingCounts } from '../reporters/findings.js';
import { githubReporter } from '../reporters/github.js';
import { sarifReporter } from '../reporters/sarif.js';
import type { ReporterOptions } from '../reporters/types.js';
import { workflowCommand } from '../reporters/workflow-commands.js';
import { safeLines, safePath } from '../text/safe-text.js';
import type { Environment } from '../types.js';
import { getInput, setOutputs } from './io.js';
import { resolve } from 'node:path';
import { commentMode, runPostureDiff } from './posture.js';
import type { CommentMode } from './pr-comment.js';

// The GitHub Action: a thin shell over the library's Linter, as the CLI is, so configuration files, suppressions and
// the baseline behave exactly as they do locally. Inputs map onto Linter options directly (no argv round trip), so
// each mistake is reported in the input's own name. The reporters are imported directly rather than through the lazy
// registry, so the bundle carries only the two formats it writes.

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export const EXIT = { passed: 0, failed: 1, error: 2 } as const;

export interface ActionInputs {
  paths: string[];
  /** A configuration file (a path outside the checkout is a trusted policy). */
  config: string;
  /** A git ref the configuration and baseline are read from (the pull request's base). */
  configFrom: string;
  environment?: Environment;
  sarifFile: string;
  failOn: FailOn;
  maxWarnings?: number;
  sarifCategory: string;
  /** Load plugin code from the checkout: off unless the workflow says `plugins: true` (docs/security.md). */
  plugins: boolean;
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

/** A mistake in the workflow's `with:` block; the message starts with the input's name. */
export class InputError extends Error {}

/** Runs the action and returns the process exit code: 0 passed, 1 failed by `fail-on`, 2 bad input or crash. */
export async function runAction(io: ActionIo): Promise<number> {
  try {
    const inputs = readInputs(io.env);
    const workspace = io.env.GITHUB_WORKSPACE || io.cwd;
    const linter = new Linter(linterOptions(inputs, workspace, io.env));
    const { run } = await linter.lintTarget({ paths: inputs.paths });

    const reporterOptions: ReporterOptions = {
      color: false,
      quiet: false,
      cwd: workspace,
      env: io.env,
      ...(inputs.sarifCategory ? { sarifCategory: inputs.sarifCategory } : {}),
    };
    io.stdout.write(await githubReporter.render(run, reporterOptions));
    let sarifPath = '';
    if (inputs.sarifFile) {
      sarifPath = resolve(workspace, inputs.sarifFile);
      try {
        // Never through a symbolic link the checkout holds: the pull request controls the workspace (docs/security.md).
        writeFileSafely(sarifPath, await sarifReporter.render(run, reporterOptions), { what: 'SARIF report', base: workspace });
      } catch (error) {
        if (error instanceof WriteError) throw new InputError(`sarif-file: ${error.message}`);
        throw error;
      }
      io.stdout.write(`connected-app-lint: SARIF report written to ${safePath(sarifPath)}\n`);
    }

    const posture = inputs.compareTo
      ? await runPostureDiff(
          { compareTo: inputs.compareTo, comment: inputs.comment, token: inputs.githubToken, config: inputs.config, configFrom: inputs.configFrom, environment: inputs.environment, failOn: inputs.failOn === 'never' ? 'never' : 'error' },
          workspace,
          io,
        )
      : undefined;

    const counts = countFindings(run);
    setOutputs(io.env, { errors: counts.errors, warnings: counts.warnings, 'sarif-file': sarifPath, widened: posture?.outputs.widened ?? '', removed: posture?.outputs.removed ?? '', added: posture?.outputs.added ?? '' });
    const failure = [failureReason(counts, inputs.failOn, inputs.maxWarnings), posture?.failure].filter(Boolean).join('; ') || undefined;
    if (!failure) return EXIT.passed;
    io.stdout.write(`connected-app-lint: failing the step: ${failure}\n`);
    return EXIT.failed;
  } catch (error) {
    const report = actionErrorReport(error);
    io.stdout.write(`${workflowCommand('error', { title: 'connected-app-lint' }, safeLines(report.message))}\n`);
    if (report.stack !== undefined) io.stderr.write(`${safeLines(report.stack, 2000)}\n`);
    return EXIT.error;
  }
}

/**
 * What the step says about an error that ends it: a known one (a bad input, a usage or configuration problem, a
 * refused write) in its own words; anything else as an internal error, with the stack for a bug report.
 */
export function actionErrorReport(error: unknown): { message: string; stack?: string } {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof InputError) return { message: `invalid input: ${message}` };
  if (error instanceof UsageError || error instanceof WriteError) return { message };
  return { message: `internal error: ${message}`, stack: (error instanceof Error ? error.stack : undefined) ?? '' };
}

const BOOLEAN = new Map([['true', true], ['false', false], ['', false]]);

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const failOn = getInput(env, 'fail-on') || 'error';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new InputError(`fail-on must be one of ${FAIL_ON.join(', ')}, not "${failOn}"`);
  const paths = getInput(env, 'path')
    .split(/\r?\n/)
    .map((path) => path.trim())
    .filter(Boolean);
  const environment = getInput(env, 'environment');
  if (environment && environment !== 'production' && environment !== 'sandbox') throw new InputError(`environment must be production or sandbox, not "${environment}"`);
  const maxWarningsText = getInput(env, 'max-warnings');
  const maxWarnings = maxWarningsText === '' ? undefined : Number(maxWarningsText);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < -1)) throw new InputError(`max-warnings takes a whole number, not "${maxWarningsText}"`);
  const plugins = BOOLEAN.get(getInput(env, 'plugins').toLowerCase());
  if (plugins === undefined) throw new InputError(`plugins must be true or false, not "${getInput(env, 'plugins')}"`);
  const config = getInput(env, 'config');
  const configFrom = getInput(env, 'config-from');
  if (config && configFrom) throw new InputError('config-from cannot be combined with config; give one trusted source');
  const githubToken = getInput(env, 'github-token');
  const comment = commentMode(getInput(env, 'comment'), githubToken);
  if (typeof comment !== 'string') throw new InputError(comment.invalid);
  return {
    paths: paths.length ? paths : ['.'],
    config,
    configFrom,
    ...(environment ? { environment: environment as Environment } : {}),
    sarifFile: getInput(env, 'sarif-file'),
    failOn: failOn as FailOn,
    ...(maxWarnings !== undefined && maxWarnings >= 0 ? { maxWarnings } : {}),
    sarifCategory: getInput(env, 'sarif-category'),
    plugins,
    compareTo: getInput(env, 'compare-to'),
    comment,
    githubToken,
  };
}

/** The inputs as Linter options: the workflow is trusted, the checkout is not (no symbolic link is ever written through). */
export function linterOptions(inputs: ActionInputs, workspace: string, env: NodeJS.ProcessEnv): LinterOptions {
  return {
    cwd: workspace,
    env,
    ...(inputs.config ? { config: inputs.config } : {}),
    ...(inputs.configFrom ? { configFrom: inputs.configFrom } : {}),
    plugins: inputs.plugins,
    ...(inputs.environment ? { environment: inputs.environment } : {}),
  };
}

/** Why the step fails under `fail-on`, or undefined when it passes. */
export function failureReason(counts: FindingCounts, failOn: FailOn, maxWarnings: number | undefined): string | undefined {
  if (failOn === 'never') return undefined;
  if (counts.errors > 0) return `${plural(counts.errors, 'error')} (fail-on: ${failOn})`;
  if (failOn === 'warning' && counts.warnings > 0) return `${plural(counts.warnings, 'warning')} (fail-on: warning)`;
  if (maxWarnings !== undefined && counts.warnings > maxWarnings) return `${plural(counts.warnings, 'warning')}, more than max-warnings ${maxWarnings}`;
  return undefined;
}
