// The one-line verdict every diff format starts with: "2 apps widened, 1 removed".
import { plural } from '../findings.js';
import type { PostureDiff } from '../../diff/types.js';

export function headline(diff: PostureDiff): string {
  const { summary } = diff;
  const parts: string[] = [];
  if (summary.widened) parts.push(`${plural(summary.widened, 'app')} widened`);
  if (summary.narrowed) parts.push(`${parts.length ? summary.narrowed : plural(summary.narrowed, 'app')} narrowed`);
  const otherModified = summary.modified - summary.widened - summary.narrowed;
  if (otherModified) parts.push(`${parts.length ? otherModified : plural(otherModified, 'app')} changed`);
  if (summary.added) parts.push(`${parts.length ? summary.added : plural(summary.added, 'app')} added`);
  if (summary.removed) parts.push(`${parts.length ? summary.removed : plural(summary.removed, 'app')} removed`);
  if (summary.newFindings) parts.push(plural(summary.newFindings, 'new finding'));
  if (summary.fixedFindings) parts.push(`${summary.fixedFindings} fixed`);
  return parts.length ? parts.join(', ') : "no change to any app's access";
}

/** Nothing to say: no app changed and no finding came or went. */
export function isEmptyDiff(diff: PostureDiff): boolean {
  return diff.apps.length === 0 && diff.findings.new.length === 0 && diff.findings.fixed.length === 0;
}
