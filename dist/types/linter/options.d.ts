import type { Environment } from '../types.js';
/** What a caller of the library decides; the CLI and the Action map their flags and inputs onto these. */
export interface LinterOptions {
    /** Directory paths are relative to, and where the configuration search starts; `process.cwd()` only in the bin. */
    cwd: string;
    /** The environment variables the run may consult (CI detection, GitHub variables for reports); `{}` by default. */
    env?: Readonly<Record<string, string | undefined>>;
    /** A configuration file (relative to cwd, or outside the checkout); `false` for none (`--no-config`); else searched. */
    config?: string | false;
    /**
     * `--config-from <ref>`: read the configuration (and the baseline) from this git commit, not the working tree,
     * so a pull request cannot change the gate that judges it.
     */
    configFrom?: string;
    /**
     * Load plugin code the configuration lists: `true` always, `false` never; undefined loads it except on CI
     * (`env.CI`), where the checkout may be an attacker's pull request (DECISIONS 15).
     */
    plugins?: boolean;
    /** `calint-disable` directives count (default true). */
    inlineConfig?: boolean;
    /** Baseline file (relative to cwd); `.calint-baseline.json` at the lint root when present, by default. */
    baseline?: string;
    /** Record the current findings in the baseline after the run (`--update-baseline`). */
    updateBaseline?: boolean;
    /** Production or sandbox; loses to a per-app environment, wins over the configuration's (DECISIONS 2). */
    environment?: Environment;
    /** `false` lints what .forceignore and ignorePatterns leave out (`--no-ignore`). */
    ignore?: boolean;
    /** Run only these rule ids. */
    only?: string[];
    /**
     * Writing to a path that is a symbolic link is refused; these exact paths (the user typed them, outside CI) may
     * be one.
     */
    trustedWritePaths?: readonly string[];
    /** Told what the library decided that the user should know at once (plugins skipped); collected as notices by default. */
    onWarning?: (message: string) => void;
}
/** Whether `env` describes a CI job: `CI` set to anything but `false`/`0`/empty (GitHub, GitLab, CircleCI … set `true`). */
export declare function isCi(env: Readonly<Record<string, string | undefined>> | undefined): boolean;
