// `diff --format text`: for a terminal. Every value from the repository goes through singleLine and has its control
// characters removed, so that no file can forge a workflow command or a terminal escape.
import { changeTitle } from '../../diff/settings.js';
import type { PostureDiff, SettingValue } from '../../diff/types.js';
import { singleLine } from '../workflow-commands.js';
import { headline } from './headline.js';

const STATUS = { added: 'added', removed: 'removed', modified: 'modified' } as const;
const KIND = { connectedApp: 'Connected App', externalClientApp: 'External Client App' } as const;
const MARK = { widened: '+', narrowed: '-', changed: '~' } as const;

export function renderDiffText(diff: PostureDiff): string {
  const safe = (text: string) => singleLine(text).replace(/[\u0080-\u009f]/g, ' ');
  const value = (shown: SettingValue) => (shown === null ? '(none)' : safe(String(shown)));
  const out: string[] = [`Posture diff ${safe(diff.base.ref)} -> ${safe(diff.head.ref)}: ${headline(diff)}`];
  for (const app of diff.apps) {
    const renamed = app.renamedTo ? `, renamed to ${safe(app.renamedTo)}` : app.renamedFrom ? `, renamed from ${safe(app.renamedFrom)}` : '';
    out.push('', `${safe(app.app)} (${KIND[app.kind]}, ${STATUS[app.status]}${renamed})`);
    for (const change of app.changes) {
      out.push(`  ${MARK[change.effect]} ${change.severity.padEnd(7)} ${changeTitle(change)}: ${value(change.before)} -> ${value(change.after)} (${change.effect})`);
      out.push(`            ${safe(change.message)}`);
    }
  }
  const list = (title: string, findings: PostureDiff['findings']['new']) => {
    if (findings.length === 0) return;
    out.push('', title);
    for (const finding of findings) out.push(`  ${finding.severity.padEnd(7)} ${safe(finding.file)}:${finding.line}:${finding.column} ${safe(finding.message)} (${finding.ruleId})`);
  };
  list('New findings:', diff.findings.new);
  list('Fixed findings:', diff.findings.fixed);
  for (const notice of diff.notices) out.push('', `Note: ${safe(notice)}`);
  return `${out.join('\n')}\n`;
}
