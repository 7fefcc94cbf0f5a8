// The step's job summary file (GITHUB_STEP_SUMMARY): the one place that appends to it, for the lint summary (the
// `github` format) and the Action's posture diff alike. GitHub drops a step's WHOLE summary when it passes 1 MiB, so
// text that does not fit in what the step has left is not written at all; writers ask for the room first.
import { appendFileSync, statSync } from 'node:fs';
import { JOB_SUMMARY_BYTES } from './github-summary.js';
import { safeMessage } from '../text/safe-text.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Bytes this step's job summary can still take; undefined when the runner gives no summary file. */
export function jobSummaryRoom(env: Env): number | undefined {
  const path = env.GITHUB_STEP_SUMMARY;
  if (!path) return undefined;
  let used = 0;
  try {
    used = statSync(path).size;
  } catch {
    // not there yet: the append creates it
  }
  return Math.max(0, JOB_SUMMARY_BYTES - used);
}

/**
 * Appends `markdown` to the job summary, if there is one. Returns the log line to print when it could not (never
 * throws): the file cannot be written, or the text would take the step's summary past 1 MiB.
 */
export function appendJobSummary(env: Env, markdown: string): string | undefined {
  const room = jobSummaryRoom(env);
  if (room === undefined) return undefined;
  const bytes = Buffer.byteLength(markdown);
  if (bytes > room) return `connected-app-lint: could not write the job summary: ${bytes} bytes do not fit in the ${room} left of the step's 1 MiB.`;
  try {
    appendFileSync(env.GITHUB_STEP_SUMMARY!, markdown);
    return undefined;
  } catch (error) {
    return `connected-app-lint: could not write the job summary: ${safeMessage((error as Error).message)}`;
  }
}
