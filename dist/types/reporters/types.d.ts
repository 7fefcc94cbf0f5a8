import type { LintRun } from '../types.js';
export interface ReporterOptions {
    /** Colour (and terminal hyperlinks) allowed: the caller decides from its own output (the CLI: a TTY without NO_COLOR). */
    color: boolean;
    /** Width of the terminal the text format is for (the CLI: its TTY's). A COLUMNS of 40 or more in `env` wins; else this; else 80. */
    columns?: number;
    /** `--quiet`: errors only. */
    quiet: boolean;
    /** SARIF `automationDetails.id`. */
    sarifCategory?: string;
    /** The working directory, for relative paths in human output. */
    cwd: string;
    env: NodeJS.ProcessEnv;
}
/** A report format: one module, one job. Renders the whole run into the text written to stdout or a file. */
export interface Reporter {
    format: string;
    render(run: LintRun, options: ReporterOptions): string | Promise<string>;
    /**
     * Starts loading what render may need, for a caller with time to spare now (waiting on git) and findings likely
     * later; render loads it anyway when it is not done.
     */
    warmUp?(): void;
}
