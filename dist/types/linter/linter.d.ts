import { toolVersion } from '../engine/lint.js';
import type { EslintResult } from '../reporters/json.js';
import type { ReporterOptions } from '../reporters/types.js';
import type { LintProgress } from '../engine/lint.js';
import type { LintRun } from '../types.js';
import type { LinterOptions } from './options.js';
import { type LintTarget, type RunSetup } from './prepare.js';
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
export declare class Linter {
    readonly options: LinterOptions;
    private lastRun;
    constructor(options: LinterOptions);
    /** Lints files and folders (relative to cwd; the whole project by default). */
    lintFiles(paths?: readonly string[]): Promise<LintResult[]>;
    /** Lints what is staged in git, as `git commit` would record it (pre-commit). */
    lintStaged(paths?: readonly string[]): Promise<LintResult[]>;
    /** Lints the files changed since a git ref, with the rest of their apps. */
    lintChangedSince(ref: string, paths?: readonly string[]): Promise<LintResult[]>;
    /** The full run behind the last `lint*` call (apps, notices, stats), for formatters; undefined before any. */
    get lastResult(): LinterRun | undefined;
    /** Lints and returns everything: results, the full run and what judged it. */
    lintTarget(target: LintTarget & {
        onProgress?: (progress: LintProgress) => void;
    }): Promise<LinterRun>;
    /**
     * The configuration a lint of this file or folder (relative to cwd) uses, with the phrase saying where it came
     * from (`--print-config`). One configuration judges a run: for a single file, the one found from cwd up.
     */
    calculateConfigForFile(path: string): Promise<{
        configuration: string;
        config: LoadedConfig['config'];
    }>;
    /** The formats `loadFormatter` knows: text, json, sarif, github. */
    static readonly formats: readonly string[];
    /** A formatter by name, as `--format` takes it. */
    static loadFormatter(name: string): Promise<Formatter>;
    /** Formats a run (e.g. `linter.lastResult.run`) in one of the formats. */
    static formatResults(run: LintRun, name: string, options?: Partial<ReporterOptions>): Promise<string>;
    static readonly version: typeof toolVersion;
}
