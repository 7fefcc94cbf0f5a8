// `--fail-on`: when a diff fails the check (exit 1).
import type { PostureDiff } from './types.js';

export const DIFF_FAIL_ON = ['widened', 'error', 'never'] as const;
export type DiffFailOn = (typeof DIFF_FAIL_ON)[number];

/**
 * Why the diff fails under `failOn`, or undefined when it passes. `error` (the default): a change of error severity
 * (a Full scope, a plain-http callback, a file that cannot be read) or a new error finding. `widened`: that, or any
 * change that widens an app's access.
 */
export function diffFailure(diff: PostureDiff, failOn: DiffFailOn): string | undefined {
  if (failOn === 'never') return undefined;
  const changes = diff.apps.flatMap((app) => app.changes);
  const errorChanges = changes.filter((change) => change.severity === 'error').length;
  const newErrors = diff.findings.new.filter((finding) => finding.severity === 'error').length;
  const reasons: string[] = [];
  if (errorChanges > 0) reasons.push(`${errorChanges} error-severity change${errorChanges === 1 ? '' : 's'}`);
  if (newErrors > 0) reasons.push(`${newErrors} new error finding${newErrors === 1 ? '' : 's'}`);
  if (failOn === 'widened') {
    const widened = changes.filter((change) => change.effect === 'widened').length;
    if (widened > 0 && errorChanges === 0) reasons.push(`${widened} widening change${widened === 1 ? '' : 's'}`);
  }
  return reasons.length ? `${reasons.join(' and ')} (fail-on: ${failOn})` : undefined;
}
