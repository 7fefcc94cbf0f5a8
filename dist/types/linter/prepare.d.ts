import type { LoadedConfig } from '../config/types.js';
import type { LintOptions } from '../engine/lint.js';
import { type LoadedPlugin } from '../config/plugins.js';
import { type LintScope } from '../project/scope.js';
import type { LintRun, Rule } from '../types.js';
import { type LinterOptions } from './options.js';
import { type TrustedRef } from './trusted-policy.js';
/** Which files lint: paths (a walk), or a git change. */
export interface LintTarget {
    paths: readonly string[];
    staged?: boolean;
    changedSince?: string;
}
/** What judged a run, for `--debug`, the job summary and `--print-config`. */
export interface RunSetup {
    /** One phrase: the configuration file and where it was read from, or "no configuration file". */
    configuration: string;
    config: LoadedConfig;
    /** The baseline file consulted (it may not exist), and where it was read from. */
    baseline: string;
    /** Plugins whose code was loaded. */
    plugins: readonly LoadedPlugin[];
    /** Plugins the configuration lists that were not loaded, and why. */
    skippedPlugins?: {
        specs: readonly string[];
        reason: string;
    };
    rules: readonly Rule[];
}
/** What the library hands the engine, and what it does once the run is done (e.g. write a baseline). */
export interface PreparedLint {
    options: LintOptions;
    setup: RunSetup;
    /** Notices about the gate itself (a pull request changing its configuration), added to the run's. */
    notices: string[];
    after: (run: LintRun) => Promise<void> | void;
}
/** The configuration, plugins, suppressions, baseline and git scope of one run: what the CLI and the Action share. */
export declare function prepareLint(options: LinterOptions, target: LintTarget): Promise<PreparedLint>;
/** The LintScope of a run over `paths`: the one answer to "which project, which root" for the run and `--print-config`. */
export declare function lintScopeFor(options: LinterOptions, paths: readonly string[]): LintScope;
/**
 * The configuration that applies to a run over `scope`: the explicit file, the one at the trusted ref, or the
 * nearest one on disk from the scope's anchor; with one phrase saying which.
 */
export declare function loadRunConfig(options: LinterOptions, scope: LintScope, trusted?: TrustedRef): Promise<{
    loaded: LoadedConfig;
    configuration: string;
}>;
