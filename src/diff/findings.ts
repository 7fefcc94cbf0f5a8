// findings.new / findings.fixed: lint findings at head whose fingerprints are not at base, and the reverse.
import { relativePath } from '../engine/fingerprint.js';
import type { Finding, LintRun } from '../types.js';
import type { DiffFinding } from './types.js';

/**
 * Compared by fingerprint (rule, app, repository-relative file, offending content). A finding whose fingerprint
 * changed only because its file moved (the same rule, app and message on both sides) is neither new nor fixed:
 * moving an app between package directories changes nothing.
 */
export function compareFindings(base: LintRun, head: LintRun): { new: DiffFinding[]; fixed: DiffFinding[] } {
  const before = active(base);
  const after = active(head);
  const beforePrints = new Set(before.map((finding) => finding.fingerprint));
  const afterPrints = new Set(after.map((finding) => finding.fingerprint));
  const added = after.filter((finding) => !beforePrints.has(finding.fingerprint));
  const gone = before.filter((finding) => !afterPrints.has(finding.fingerprint));
  const moved = new Map<string, number>();
  const movedKey = (finding: Finding) => (finding.app ? `${finding.ruleId}\0${finding.app}\0${finding.message}` : undefined);
  for (const finding of gone) {
    const key = movedKey(finding);
    if (key) moved.set(key, (moved.get(key) ?? 0) + 1);
  }
  const stillThere = new Map<string, number>();
  const fresh = added.filter((finding) => {
    const key = movedKey(finding);
    const left = key ? moved.get(key) ?? 0 : 0;
    if (left === 0) return true;
    moved.set(key!, left - 1);
    stillThere.set(key!, (stillThere.get(key!) ?? 0) + 1);
    return false;
  });
  const fixed = gone.filter((finding) => {
    const key = movedKey(finding);
    const left = key ? stillThere.get(key) ?? 0 : 0;
    if (left === 0) return true;
    stillThere.set(key!, left - 1);
    return false;
  });
  return { new: fresh.map((finding) => shown(head.root, finding)), fixed: fixed.map((finding) => shown(base.root, finding)) };
}

function active(run: LintRun): Finding[] {
  return run.results.flatMap((result) => result.findings);
}

function shown(root: string, finding: Finding): DiffFinding {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    file: relativePath(root, finding.at.file),
    line: finding.at.line,
    column: finding.at.column,
    ...(finding.app ? { app: finding.app } : {}),
    fingerprint: finding.fingerprint,
  };
}
