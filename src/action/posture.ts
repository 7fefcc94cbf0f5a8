// The Action's posture diff (input `compare-to`): the diff against the pull request's base, written to the job
// summary, kept as ONE pull-request comment, counted in the step outputs, and gated like `diff` on the CLI.
import { computeDiff } from '../diff/compute.js';
import type { DiffFailOn } from '../diff/gate.js';
import { diffFailure } from '../diff/gate.js';
import { isEmptyDiff } from '../reporters/diff/headline.js';
import { COMMENT_LIMIT, POSTURE_MARKER, renderDiffMarkdown, renderNoLongerApplies } from '../reporters/diff/markdown.js';
import { appendJobSummary, jobSummaryRoom } from '../reporters/job-summary-file.js';
import { workflowCommand } from '../reporters/workflow-commands.js';
import { safeMessage } from '../text/safe-text.js';
import { commentTarget, COMMENT_MODES, syncComment, type CommentMode } from './pr-comment.js';

export interface PostureInputs {
  compareTo: string;
  comment: CommentMode;
  token: string;
  config: string;
  configFrom?: string;
  environment?: string;
  failOn: DiffFailOn;
}

export interface PostureResult {
  outputs: { widened: number; removed: number; added: number };
  /** Why the step fails under the gate, if it does. */
  failure?: string;
}

/** `comment`: always, on-change or never; empty means on-change with a token and never without one. */
export function commentMode(value: string, token: string): CommentMode | { invalid: string } {
  if (value === '') return token ? 'on-change' : 'never';
  if (!(COMMENT_MODES as readonly string[]).includes(value)) return { invalid: `comment must be one of ${COMMENT_MODES.join(', ')}, not "${value}"` };
  return value as CommentMode;
}

export async function runPostureDiff(inputs: PostureInputs, workspace: string, io: { env: NodeJS.ProcessEnv; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): Promise<PostureResult> {
  const diff = await computeDiff(
    {
      base: inputs.compareTo,
      mergeBase: false,
      staged: false,
      noConfig: false,
      noInlineConfig: false,
      // Plugins are code from the repository under review: the lint step decides about them, the diff never runs them.
      noPlugins: true,
      ...(inputs.config ? { config: inputs.config } : {}),
      ...(inputs.configFrom ? { configFrom: inputs.configFrom } : {}),
      ...(inputs.environment === 'production' || inputs.environment === 'sandbox' ? { environment: inputs.environment } : {}),
    },
    { cwd: workspace, env: io.env },
  );
  const log = (line: string) => io.stdout.write(`${line}\n`);
  log(`connected-app-lint: posture diff against ${safeMessage(inputs.compareTo)}: ${diff.summary.widened} widened, ${diff.summary.added} added, ${diff.summary.removed} removed`);

  // The job summary is shared with the lint summary of the same step: the diff gets the room that is left.
  const room = jobSummaryRoom(io.env);
  if (room !== undefined) {
    const markdown = renderDiffMarkdown(diff, { maxBytes: room - 1 });
    const problem = markdown ? appendJobSummary(io.env, `\n${markdown}`) : "connected-app-lint: no room left in the step's 1 MiB job summary for the posture diff.";
    if (problem) log(problem);
  }

  if (inputs.comment !== 'never') {
    const target = inputs.token ? commentTarget(io.env, inputs.token) : { skip: 'no github-token was given' };
    if ('skip' in target) log(`connected-app-lint: no pull-request comment: ${target.skip}.`);
    else {
      const body = renderDiffMarkdown(diff, { maxBytes: COMMENT_LIMIT, elsewhere: `see the job summary, or run \`connected-app-lint diff --format json\`` });
      const outcome = await syncComment(target, POSTURE_MARKER, { body, empty: isEmptyDiff(diff), noLongerApplies: renderNoLongerApplies(diff) }, inputs.comment);
      // The warning quotes the API's answer: masked, escaped and bounded like any text from outside.
      if (outcome.warning) log(workflowCommand('warning', { title: 'connected-app-lint' }, safeMessage(outcome.warning, 1000)));
      else if (outcome.action !== 'none') log(`connected-app-lint: pull-request comment ${outcome.action}${outcome.url ? `: ${safeMessage(outcome.url)}` : ''}`);
    }
  }
  const failure = diffFailure(diff, inputs.failOn);
  return { outputs: { widened: diff.summary.widened, removed: diff.summary.removed, added: diff.summary.added }, ...(failure ? { failure } : {}) };
}
