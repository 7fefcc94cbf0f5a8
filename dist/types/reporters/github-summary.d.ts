import type { LintRun } from '../types.js';
import type { ReporterOptions } from './types.js';
/** GitHub caps a step's job summary at 1 MiB: more, and it drops the step's whole summary. */
export declare const JOB_SUMMARY_BYTES: number;
/**
 * The Markdown job summary: totals, one row per app with the settings a reviewer checks, and the findings
 * (most severe first) linked to the files. Everything taken from the linted files is escaped. At most `maxBytes`
 * (the room the step's summary has left): rows that do not fit are counted in a "…and N more" line, the apps table
 * taking at most half so that thousands of apps still leave room for the findings. Empty when not even the totals fit.
 */
export declare function renderJobSummary(run: LintRun, options: Pick<ReporterOptions, 'quiet' | 'env'>, maxBytes?: number): string;
