// `diff --format text`: for a terminal. Every value from the repository goes through the output layer (safe-text:
// names and paths escaped, values and messages masked as well) and every line is defused, so that no file can forge
// a workflow command or a terminal escape.
import { changeTitle } from '../../diff/settings.js';
import type { PostureDiff, SettingValue } from '../../diff/types.js';
import { defuseWorkflowCommandLines, safeMessage, safePath } from '../../text/safe-text.js';
import { headline } from './headline.js';

const STATUS = { added: 'added', removed: 'removed', modified: 'modified' } as const;
const KIND = { connectedApp: 'Connected App', externalClientApp: 'External Client App' } as const;
const MARK = { widened: '+', narrowed: '-', changed: '~' } as const;

export function renderDiffText(diff: PostureDiff): string {
  const value = (shown: SettingValue) => (shown === null ? '(none)' : safeMessage(String(shown)));
  const out: string[] = [`Posture diff ${safePath(diff.base.ref)} -> ${safePath(diff.head.ref)}: ${headline(diff)}`];
  for (const app of diff.apps) {
    const renamed = app.renamedTo ? `, renamed to ${safePath(app.renamedTo)}` : app.renamedFrom ? `, renamed from ${safePath(app.renamedFrom)}` : '';
    out.push('', `${safePath(app.app)} (${KIND[app.kind]}, ${STATUS[app.status]}${renamed})`);
    for (const change of app.changes) {
      out.push(`  ${MARK[change.effect]} ${change.severity.padEnd(7)} ${changeTitle(change)}: ${value(change.before)} -> ${value(change.after)} (${change.effect})`);
      out.push(`            ${safeMessage(change.message)}`);
    }
  }
  const list = (title: string, findings: PostureDiff['findings']['new']) => {
    if (findings.length === 0) return;
    out.push('', title);
    for (const finding of findings) out.push(`  ${finding.severity.padEnd(7)} ${safePath(finding.file)}:${finding.line}:${finding.column} ${safeMessage(finding.message)} (${finding.ruleId})`);
  };
  list('New findings:', diff.findings.new);
  list('Fixed findings:', diff.findings.fixed);
  for (const notice of diff.notices) out.push('', `Note: ${safeMessage(notice)}`);
  return `${defuseWorkflowCommandLines(out.join('\n'))}\n`;
}
