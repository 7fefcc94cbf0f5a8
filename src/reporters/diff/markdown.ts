// `diff --format markdown`: the PR comment and job summary. A hidden marker lets the Action find its own comment;
// every value from the repository is escaped, so no file can inject links, HTML or table cells.
import { changeTitle } from '../../diff/settings.js';
import type { DiffFinding, PostureDiff, SettingValue } from '../../diff/types.js';
import { safePath } from '../../text/safe-text.js';
import { plural } from '../findings.js';
import { markdownText } from '../markdown-text.js';
import { fitMarkdown, type MarkdownSection } from '../markdown-budget.js';
import { headline } from './headline.js';

export const POSTURE_MARKER = '<!-- connected-app-lint:posture -->';

/** GitHub refuses a comment over 65,536 characters: the body is at most that many bytes (never fewer characters). */
export const COMMENT_LIMIT = 65_536;
/** The "Apps:" line names apps up to about this many bytes, then counts the rest. */
const APPS_LINE_BYTES = 4_000;

export interface DiffMarkdownOptions {
  /** The whole body's limit in UTF-8 bytes (default: a pull-request comment's). */
  maxBytes?: number;
  /** Where what was left out can be read, for the "…and N more" lines (default: the JSON format). */
  elsewhere?: string;
}

const EFFECT = { widened: '🔺 widened', narrowed: '🔻 narrowed', changed: '↔️ changed' } as const;
const SEVERITY = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;
const KIND = { connectedApp: 'Connected App', externalClientApp: 'External Client App' } as const;

export function renderDiffMarkdown(diff: PostureDiff, options: DiffMarkdownOptions = {}): string {
  const md = (text: string) => markdownText(text);
  // A value as code (GitHub neither links nor mentions inside it), escaped like any text: one line, control characters visible, no `##[`.
  const value = (shown: SettingValue) =>
    shown === null ? '—' : `\`${safePath(String(shown).replace(/[\r\n]+/g, ' ')).replace(/`/g, "'")}\``.replace(/\|/g, '\\|');
  const icon = diff.apps.some((app) => app.changes.some((change) => change.severity === 'error')) || diff.findings.new.some((f) => f.severity === 'error') ? '❌' : diff.summary.widened || diff.summary.added || diff.summary.removed ? '⚠️' : '✅';
  const elsewhere = options.elsewhere ?? 'run `connected-app-lint diff --format json` for all of them';
  const top: string[] = [
    POSTURE_MARKER,
    `### ${icon} connected-app-lint posture: ${md(headline(diff))}`,
    '',
    `Compared ${md(diff.base.ref)}${diff.base.commit ? ` (${diff.base.commit.slice(0, 7)})` : ''} with ${md(diff.head.ref)}${diff.head.commit ? ` (${diff.head.commit.slice(0, 7)})` : ''}.`,
  ];
  const rows: string[] = [];
  const details: string[] = [];
  for (const app of diff.apps) {
    const name = `${md(app.app)}${app.renamedTo ? ` → ${md(app.renamedTo)}` : ''}`;
    for (const change of app.changes) {
      rows.push(`| ${name} | ${md(changeTitle(change))} | ${value(change.before)} | ${value(change.after)} | ${EFFECT[change.effect]} |`);
      details.push(`- ${SEVERITY[change.severity]} ${md(change.message)}`);
    }
  }
  const findingLines = (findings: DiffFinding[]) => findings.map((f) => `- ${f.severity === 'error' ? '❌' : '⚠️'} \`${f.ruleId}\` ${md(f.file)}:${f.line}: ${md(f.message)}`);
  const more = (what: string) => (omitted: number) => [`- …and ${plural(omitted, what)}: ${elsewhere}.`];
  const sections: MarkdownSection[] = [
    {
      head: ['', '| App | Change | Before | After | Effect |', '| --- | --- | --- | --- | --- |'],
      items: rows,
      more: (omitted) => ['', `…and ${plural(omitted, 'more change')}: ${elsewhere}.`],
      priority: 0,
    },
    {
      head: ['', '<details><summary>What each change means</summary>', '', `Apps: ${appsLine(diff, md)}.`, ''],
      items: rows.length > 0 ? details : [],
      foot: ['', '</details>'],
      more: more('more change'),
      priority: 3,
    },
    { head: ['', `**New findings (${diff.findings.new.length})**`, ''], items: findingLines(diff.findings.new), more: more('more new finding'), priority: 1, maxItems: 50 },
    {
      head: ['', `<details><summary>Fixed findings (${diff.findings.fixed.length})</summary>`, ''],
      items: findingLines(diff.findings.fixed),
      foot: ['', '</details>'],
      more: more('more fixed finding'),
      priority: 4,
      maxItems: 50,
    },
    { head: [''], items: diff.notices.map((notice) => `> ${md(notice)}`), more: (omitted) => [`> …and ${plural(omitted, 'more notice')}: ${elsewhere}.`], priority: 2 },
  ];
  return fitMarkdown(top, sections, options.maxBytes ?? COMMENT_LIMIT) ?? '';
}

/** "Billing (Connected App, modified), …": the apps' names up to APPS_LINE_BYTES, then how many more. */
function appsLine(diff: PostureDiff, md: (text: string) => string): string {
  const names: string[] = [];
  let bytes = 0;
  for (const app of diff.apps) {
    const entry = `${md(app.app)} (${KIND[app.kind]}, ${app.status})`;
    bytes += Buffer.byteLength(entry) + 2;
    if (bytes > APPS_LINE_BYTES) return `${names.join(', ')} and ${plural(diff.apps.length - names.length, 'more app')}`;
    names.push(entry);
  }
  return names.join(', ');
}

/** The comment once the change no longer touches any app: kept (with the marker) so the thread still makes sense. */
export function renderNoLongerApplies(diff: PostureDiff): string {
  return `${POSTURE_MARKER}\n### ✅ connected-app-lint posture: no longer applies\n\nThe latest changes (${markdownText(diff.head.ref)}${diff.head.commit ? ` ${diff.head.commit.slice(0, 7)}` : ''}) change no app's access and bring no new finding.\n`;
}
