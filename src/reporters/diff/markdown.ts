// `diff --format markdown`: the PR comment and job summary. A hidden marker lets the Action find its own comment;
// every value from the repository is escaped, so no file can inject links, HTML or table cells.
import { changeTitle } from '../../diff/settings.js';
import type { DiffFinding, PostureDiff, SettingValue } from '../../diff/types.js';
import { escapeControlChars } from '../../text/control-chars.js';
import { defuseWorkflowCommand } from '../../text/safe-text.js';
import { plural } from '../findings.js';
import { markdownText } from '../github-summary.js';
import { headline } from './headline.js';

export const POSTURE_MARKER = '<!-- connected-app-lint:posture -->';

/** GitHub refuses comments over 65,536 characters: rows stop short of it, with room for the rest. */
const COMMENT_BUDGET = 60_000;

const EFFECT = { widened: '🔺 widened', narrowed: '🔻 narrowed', changed: '↔️ changed' } as const;
const SEVERITY = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;
const KIND = { connectedApp: 'Connected App', externalClientApp: 'External Client App' } as const;

export function renderDiffMarkdown(diff: PostureDiff): string {
  const md = (text: string) => markdownText(text);
  // A value as code (GitHub neither links nor mentions inside it), escaped like any text: one line, control characters visible, no `##[`.
  const value = (shown: SettingValue) =>
    shown === null ? '—' : `\`${defuseWorkflowCommand(escapeControlChars(String(shown).replace(/[\r\n]+/g, ' '))).replace(/`/g, "'")}\``.replace(/\|/g, '\\|');
  const icon = diff.apps.some((app) => app.changes.some((change) => change.severity === 'error')) || diff.findings.new.some((f) => f.severity === 'error') ? '❌' : diff.summary.widened || diff.summary.added || diff.summary.removed ? '⚠️' : '✅';
  const out: string[] = [
    POSTURE_MARKER,
    `### ${icon} connected-app-lint posture: ${md(headline(diff))}`,
    '',
    `Compared ${md(diff.base.ref)}${diff.base.commit ? ` (${diff.base.commit.slice(0, 7)})` : ''} with ${md(diff.head.ref)}${diff.head.commit ? ` (${diff.head.commit.slice(0, 7)})` : ''}.`,
  ];
  let bytes = 0;
  let omitted = 0;
  const rows: string[] = [];
  const details: string[] = [];
  for (const app of diff.apps) {
    const name = `${md(app.app)}${app.renamedTo ? ` → ${md(app.renamedTo)}` : ''}`;
    for (const change of app.changes) {
      const row = `| ${name} | ${md(changeTitle(change))} | ${value(change.before)} | ${value(change.after)} | ${EFFECT[change.effect]} |`;
      const detail = `- ${SEVERITY[change.severity]} ${md(change.message)}`;
      bytes += row.length + detail.length + 2;
      if (bytes > COMMENT_BUDGET) {
        omitted++;
        continue;
      }
      rows.push(row);
      details.push(detail);
    }
  }
  if (rows.length > 0) {
    out.push('', '| App | Change | Before | After | Effect |', '| --- | --- | --- | --- | --- |', ...rows);
    if (omitted > 0) out.push('', `…and ${plural(omitted, 'more change')}: a comment holds at most 65,536 characters; \`diff --format json\` has them all.`);
    const kinds = diff.apps.map((app) => `${md(app.app)} (${KIND[app.kind]}, ${app.status})`).join(', ');
    out.push('', '<details><summary>What each change means</summary>', '', `Apps: ${kinds}.`, '', ...details, '', '</details>');
  }
  const findingLines = (findings: DiffFinding[]) =>
    findings.slice(0, 50).map((f) => `- ${f.severity === 'error' ? '❌' : '⚠️'} \`${f.ruleId}\` ${md(f.file)}:${f.line}: ${md(f.message)}`);
  if (diff.findings.new.length > 0) {
    out.push('', `**New findings (${diff.findings.new.length})**`, '', ...findingLines(diff.findings.new));
    if (diff.findings.new.length > 50) out.push(`- …and ${diff.findings.new.length - 50} more`);
  }
  if (diff.findings.fixed.length > 0) {
    out.push('', `<details><summary>Fixed findings (${diff.findings.fixed.length})</summary>`, '', ...findingLines(diff.findings.fixed), '', '</details>');
  }
  if (diff.notices.length > 0) out.push('', ...diff.notices.map((notice) => `> ${md(notice)}`));
  return `${out.join('\n')}\n`;
}

/** The comment once the change no longer touches any app: kept (with the marker) so the thread still makes sense. */
export function renderNoLongerApplies(diff: PostureDiff): string {
  return `${POSTURE_MARKER}\n### ✅ connected-app-lint posture: no longer applies\n\nThe latest changes (${markdownText(diff.head.ref)}${diff.head.commit ? ` ${diff.head.commit.slice(0, 7)}` : ''}) change no app's access and bring no new finding.\n`;
}
