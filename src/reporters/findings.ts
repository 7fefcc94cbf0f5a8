// What several reporters (and the GitHub Action) ask of a run: counts, and which findings matter most.
import type { Finding, LintRun, RuleMeta } from '../types.js';

export interface FindingCounts {
  errors: number;
  warnings: number;
  /** Hidden by a directive, the baseline or the configuration. */
  suppressed: number;
}

export function countFindings(run: LintRun): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, suppressed: 0 };
  for (const result of run.results) {
    for (const finding of result.findings) {
      // A summary of findings past the per-file cap counts as the findings it stands for, at its severity.
      const weight = finding.omitted ?? 1;
      if (finding.severity === 'error') counts.errors += weight;
      else counts.warnings += weight;
    }
    for (const finding of result.suppressed) counts.suppressed += finding.omitted ?? 1;
  }
  return counts;
}

/** `1 error`, `2 errors`: counts in human output. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The findings that count (not suppressed), in the run's order: file, line, column, rule. */
export function activeFindings(run: LintRun): Finding[] {
  return run.results.flatMap((result) => result.findings);
}

/**
 * Orders findings most severe first, for when only some can be shown (GitHub's annotation and result limits):
 * errors before warnings, files that could not be read before anything found in the others, then by the rule's
 * security severity, then in the run's order (the sort is stable).
 */
export function bySeverity(rules: readonly RuleMeta[]): (a: Finding, b: Finding) => number {
  const securitySeverity = new Map(rules.map((meta) => [meta.id, meta.securitySeverity]));
  const rank = (finding: Finding) => [
    finding.severity === 'error' ? 0 : 1,
    finding.fatal ? 0 : 1,
    -(securitySeverity.get(finding.ruleId) ?? 0),
  ];
  return (a, b) => {
    const left = rank(a);
    const right = rank(b);
    for (let i = 0; i < left.length; i++) if (left[i] !== right[i]) return left[i]! - right[i]!;
    return 0;
  };
}
