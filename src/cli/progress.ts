import { performance } from 'node:perf_hooks';
import type { LintProgress } from '../engine/lint.js';
import { isCi } from '../linter/options.js';

/** Runs shorter than this show nothing: a line that flashes and vanishes is noise. */
const SHOW_AFTER_MS = 1000;
/** Redraw at most this often; a terminal write per file would cost more than the file. */
const REDRAW_EVERY_MS = 100;
/** Carriage return + erase to end of line: the line is redrawn in place and leaves nothing behind. */
const CLEAR_LINE = '\r\u001b[K';

const PHASE_LABEL: Record<LintProgress['phase'], string> = {
  parse: 'parsing metadata',
  scan: 'scanning repository files',
};

export interface ProgressContext {
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  format: string;
  /** The report goes to --output-file, so stdout is free. */
  toFile: boolean;
}

/**
 * Whether a person is watching: stderr is a terminal, this is not CI, and stdout is not a report for a machine
 * (`--format json|sarif` written to stdout is usually piped, and an interleaved progress line would confuse a reader
 * of the terminal). CI is judged as everywhere else in the run (`isCi`: `CI=false`, `CI=0` and an empty `CI` are not CI).
 */
export function wantsProgress({ stderr, env, format, toFile }: ProgressContext): boolean {
  if ((stderr as NodeJS.WriteStream).isTTY !== true) return false;
  if (isCi(env)) return false;
  if (!toFile && (format === 'json' || format === 'sarif')) return false;
  return true;
}

export interface ProgressLine {
  /** Pass to `lint()` as `onProgress`. */
  update(progress: LintProgress): void;
  /** Erase the line (if one was drawn) before the report is written. */
  clear(): void;
}

/**
 * A one-line progress indicator on stderr that appears only once a run has lasted a second. The linter works
 * synchronously, so no timer could fire meanwhile: the line is drawn from the progress callbacks themselves.
 */
export function createProgressLine(stderr: NodeJS.WritableStream, now: () => number = () => performance.now()): ProgressLine {
  const started = now();
  let lastDraw = -Infinity;
  let drawn = false;
  return {
    update(progress) {
      const time = now();
      if (time - started < SHOW_AFTER_MS || time - lastDraw < REDRAW_EVERY_MS) return;
      lastDraw = time;
      drawn = true;
      stderr.write(`${CLEAR_LINE}connected-app-lint: ${PHASE_LABEL[progress.phase]} ${progress.done.toLocaleString('en-US')}/${progress.total.toLocaleString('en-US')}`);
    },
    clear() {
      if (drawn) stderr.write(CLEAR_LINE);
      drawn = false;
    },
  };
}

/** The progress line for this run, or undefined when nobody would see it. */
export function progressFor(context: ProgressContext): ProgressLine | undefined {
  return wantsProgress(context) ? createProgressLine(context.stderr) : undefined;
}
