import { lint, toolVersion } from '../engine/lint.js';
import { FORMATS, loadReporter } from '../reporters/index.js';
import type { EslintResult } from '../reporters/json.js';
import { toEslintResults } from '../reporters/json.js';
import type { ReporterOptions } from '../reporters/types.js';
import { UsageError } from '../errors.js';
import type { LintProgress } from '../engine/lint.js';
import type { LintRun } from '../types.js';
import { safeMessage } from '../text/safe-text.js';
import type { LinterOptions } from './options.js';
import { lintScopeFor, loadRunConfig, prepareLint, type LintTarget, type RunSetup } from './prepare.js';
import type { LoadedConfig } from '../config/types.js';

/** ESLint's LintResult shape: what `--format json` prints, one per file. */
export type LintResult = EslintResult;

/** A run with what judged it: the results, the full run (for formatters) and the setup. */
export interface LinterRun {
  results: LintResult[];
  run: LintRun;
  setup: RunSetup;
}

/** A formatter: the same code the CLI's `--format` uses. */
export interface Formatter {
  format(run: LintRun, options?: Partial<ReporterOptions>): Promise<string>;
}

/**
 * The linter as a library, ESLint-shaped: configuration, plugins, directives and the baseline are loaded exactly as
 * the CLI loads them (the CLI and the GitHub Action are thin shells over this class).
 *
 * ```js
 * const linter = new Linter({ cwd: '/path/to/sfdx-project' });
 * const results = await linter.lintFiles();
 * ```
 */
export class Linter {
  readonly options: LinterOptions;
  private lastRun: LinterRun | undefined;

  constructor(options: LinterOptions) {
    if (!options || typeof options.cwd !== 'string' || options.cwd === '') throw new UsageError('new Linter({ cwd }) needs the project directory as cwd');
    this.options = { env: {}, ...options };
  }

  /** Lints files and folders (relative to cwd; the whole project by default). */
  async lintFiles(paths: readonly string[] = []): Promise<LintResult[]> {
    return (await this.lintTarget({ paths })).results;
  }

  /** Lints what is staged in git, as `git commit` would record it (pre-commit). */
  async lintStaged(paths: readonly string[] = []): Promise<LintResult[]> {
    return (await this.lintTarget({ paths, staged: true })).results;
  }

  /** Lints the files changed since a git ref, with the rest of their apps. */
  async lintChangedSince(ref: string, paths: readonly string[] = []): Promise<LintResult[]> {
    return (await this.lintTarget({ paths, changedSince: ref })).results;
  }

  /** The full run behind the last `lint*` call (apps, notices, stats), for formatters; undefined before any. */
  get lastResult(): LinterRun | undefined {
    return this.lastRun;
  }

  /** Lints and returns everything: results, the full run and what judged it. */
  async lintTarget(target: LintTarget & { onProgress?: (progress: LintProgress) => void }): Promise<LinterRun> {
    // Without a listener, what the library must say at once (plugins skipped) ends up with the run's notices.
    const warnings: string[] = [];
    const prepared = await prepareLint(this.options.onWarning ? this.options : { ...this.options, onWarning: (message) => warnings.push(message) }, target);
    const run = await lint(target.onProgress ? { ...prepared.options, onProgress: target.onProgress } : prepared.options);
    for (const notice of [...warnings, ...prepared.notices]) run.notices.push(safeMessage(notice));
    run.configuration = prepared.setup.configuration;
    await prepared.after(run);
    this.lastRun = { results: toEslintResults(run, { quiet: false }), run, setup: prepared.setup };
    return this.lastRun;
  }

  /**
   * The configuration a lint of this file or folder (relative to cwd) uses, with the phrase saying where it came
   * from (`--print-config`). One configuration judges a run: for a single file, the one found from cwd up.
   */
  async calculateConfigForFile(path: string): Promise<{ configuration: string; config: LoadedConfig['config'] }> {
    // The run's own scope: a lint of this path searches from the same anchor and stops at the same root.
    const { loaded, configuration } = await loadRunConfig(this.options, lintScopeFor(this.options, [path]));
    return { configuration, config: loaded.config };
  }

  /** The formats `loadFormatter` knows: text, json, sarif, github. */
  static readonly formats: readonly string[] = FORMATS;

  /** A formatter by name, as `--format` takes it. */
  static async loadFormatter(name: string): Promise<Formatter> {
    const reporter = await loadReporter(name);
    if (!reporter) throw new UsageError(`unknown format "${name}"; use one of ${FORMATS.join(', ')}`);
    return {
      format: async (run, options = {}) => reporter.render(run, { color: false, quiet: false, cwd: run.root, env: {}, ...options }),
    };
  }

  /** Formats a run (e.g. `linter.lastResult.run`) in one of the formats. */
  static async formatResults(run: LintRun, name: string, options: Partial<ReporterOptions> = {}): Promise<string> {
    return (await Linter.loadFormatter(name)).format(run, options);
  }

  static readonly version = toolVersion;
}
