import { relativePath } from '../engine/fingerprint.js';
import { safeMessage, safePath } from '../text/safe-text.js';
import type { Finding, LintRun } from '../types.js';
import { activeFindings, bySeverity, countFindings, plural, type FindingCounts } from './findings.js';
import { renderJobSummary } from './github-summary.js';
import { appendJobSummary, jobSummaryRoom } from './job-summary-file.js';
import type { Reporter, ReporterOptions } from './types.js';
import { workflowCommand } from './workflow-commands.js';

/** GitHub keeps at most this many annotations of each level per step and silently drops the rest. */
export const ANNOTATIONS_PER_LEVEL = 10;

/**
 * `--format github`: workflow-command annotations, most severe first and within GitHub's per-step limits, the
 * rest as plain log lines with one notice saying how many there are; and, when the runner provides
 * GITHUB_STEP_SUMMARY, a Markdown job summary appended to it. Every line is also readable in a terminal.
 */
/** Room in the job summary kept for what the same step writes after the lint summary (the posture diff). */
const LATER_IN_STEP_BYTES = 16 * 1024;

export const githubReporter: Reporter = {
  format: 'github',
  render(run, options) {
    const lines = annotationLines(run, options);
    // The step's summary may already hold text (an earlier step): the lint gets the room left, less a share kept for
    // what the same step writes after it (the Action's posture diff).
    const room = jobSummaryRoom(options.env);
    if (room !== undefined) {
      const markdown = renderJobSummary(run, options, Math.max(0, room - LATER_IN_STEP_BYTES));
      const problem = markdown ? appendJobSummary(options.env, markdown) : "connected-app-lint: no room left in the step's 1 MiB job summary for the lint summary.";
      if (problem) lines.push(problem);
    }
    return `${lines.join('\n')}\n`;
  },
};

export function annotationLines(run: LintRun, options: Pick<ReporterOptions, 'quiet' | 'env'>): string[] {
  const findings = activeFindings(run)
    .filter((finding) => !options.quiet || finding.severity === 'error')
    .sort(bySeverity(run.rules));
  const annotated: Finding[] = [];
  const rest: Finding[] = [];
  const used = { error: 0, warning: 0 };
  for (const finding of findings) {
    if (used[finding.severity] < ANNOTATIONS_PER_LEVEL) {
      used[finding.severity]++;
      annotated.push(finding);
    } else {
      rest.push(finding);
    }
  }

  const lines = annotated.map((finding) => annotation(run, finding));
  if (rest.length > 0) {
    lines.push(`${plural(rest.length, 'more finding')}:`);
    for (const finding of rest) lines.push(plainLine(run, finding));
    lines.push(workflowCommand('notice', { title: 'connected-app-lint' }, moreNotice(rest, Boolean(options.env.GITHUB_STEP_SUMMARY))));
  }
  lines.push(totalsLine(run, countFindings(run), options.quiet));
  // Notices (a change to the lint gate, plugins not loaded) become notice annotations, escaped like the rest.
  for (const notice of run.notices) lines.push(workflowCommand('notice', { title: 'connected-app-lint' }, notice));
  return lines;
}

function annotation(run: LintRun, finding: Finding): string {
  const { at } = finding;
  return workflowCommand(
    finding.severity,
    {
      file: relativePath(run.root, at.file),
      line: at.line,
      endLine: at.endLine ?? at.line,
      col: at.column,
      endColumn: at.endColumn,
      title: finding.ruleId,
    },
    finding.message,
  );
}

function plainLine(run: LintRun, finding: Finding): string {
  const where = `${relativePath(run.root, finding.at.file)}:${finding.at.line}:${finding.at.column}`;
  return `  ${safePath(where)}  ${finding.severity}  ${safeMessage(finding.message)}  ${finding.ruleId}`;
}

function moreNotice(rest: Finding[], hasSummary: boolean): string {
  const errors = rest.filter((finding) => finding.severity === 'error').length;
  const warnings = rest.length - errors;
  const parts = [errors && plural(errors, 'error'), warnings && plural(warnings, 'warning')].filter(Boolean);
  return (
    `${plural(rest.length, 'more finding')} (${parts.join(', ')}) not annotated: GitHub shows at most ` +
    `${ANNOTATIONS_PER_LEVEL} errors and ${ANNOTATIONS_PER_LEVEL} warnings per step. The full list is in this step's log` +
    `${hasSummary ? ' and in the job summary' : ''}, and in code scanning when the SARIF report is uploaded.`
  );
}

function totalsLine(run: LintRun, counts: FindingCounts, quiet: boolean): string {
  const apps = plural(run.stats.apps, 'app');
  const suppressed = counts.suppressed ? `, ${counts.suppressed} suppressed` : '';
  if (counts.errors + counts.warnings === 0) return `connected-app-lint: no problems in ${apps}${suppressed}.`;
  const warnings = quiet ? '' : `, ${plural(counts.warnings, 'warning')}`;
  return `connected-app-lint: ${plural(counts.errors, 'error')}${warnings} in ${apps}${suppressed}.`;
}
