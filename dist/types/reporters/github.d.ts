import type { LintRun } from '../types.js';
import type { Reporter, ReporterOptions } from './types.js';
/** GitHub keeps at most this many annotations of each level per step and silently drops the rest. */
export declare const ANNOTATIONS_PER_LEVEL = 10;
export declare const githubReporter: Reporter;
export declare function annotationLines(run: LintRun, options: Pick<ReporterOptions, 'quiet' | 'env'>): string[];
