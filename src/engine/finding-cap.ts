// The cap on findings per rule per file: a hostile file (620,000 plain-http callbacks in 9 MB) must not cost a
// finding object, message and fingerprint each (1.5 GB for one file, out of memory for four). Reports past the cap
// are counted, not built, and stand in the output as one summary finding per rule and file.
import type { Position, Severity } from '../types.js';
import type { RawFinding } from './run-rules.js';

/**
 * Findings one rule lists in one file. A real app registers a few dozen callbacks at most, and nobody reads past a
 * hundred findings of one kind in one file (GitHub shows ten annotations per type per step); 100 findings cost
 * ~200 KB, so the worst case stays ~100 per rule and file however large the file.
 */
export const MAX_FINDINGS_PER_RULE_PER_FILE = 100;

/** One rule's reports in one file: how many were listed, and the summary finding once some are not. */
interface FileTally {
  listed: number;
  summary?: OmittedFindings;
}

/** The summary finding: a RawFinding whose message is written when read, so a dropped report costs one increment. */
export interface OmittedFindings extends RawFinding {
  omitted: number;
}

export class FindingCap {
  /** rule id -> file -> tally; holds only the rules and files that reported. */
  private readonly tallies = new Map<string, Map<string, FileTally>>();

  constructor(
    /** Where a summary finding goes when it is created (the runner's findings, in report order). */
    private readonly emit: (summary: OmittedFindings) => void,
    private readonly limit: number = MAX_FINDINGS_PER_RULE_PER_FILE,
  ) {}

  /** The counter of one rule's reports, per file: looked up once per rule run, then one map look-up per report. */
  forRule(ruleId: string): (at: Position, severity: Severity, app: string | undefined) => boolean {
    let byFile = this.tallies.get(ruleId);
    if (!byFile) {
      byFile = new Map();
      this.tallies.set(ruleId, byFile);
    }
    const files = byFile;
    /** Whether to list the report; when not, it is counted in the file's summary finding (created at the first one). */
    return (at, severity, app) => {
      let tally = files.get(at.file);
      if (!tally) {
        tally = { listed: 0 };
        files.set(at.file, tally);
      }
      if (tally.listed < this.limit) {
        tally.listed++;
        return true;
      }
      if (tally.summary) {
        tally.summary.omitted++;
        // The summary counts as an error when any finding it stands for is one: the exit code stays 1.
        if (severity === 'error') tally.summary.severity = 'error';
        return false;
      }
      tally.summary = omittedFindings(ruleId, at, severity, app, this.limit);
      this.emit(tally.summary);
      return false;
    };
  }
}

function omittedFindings(ruleId: string, at: Position, severity: Severity, app: string | undefined, listed: number): OmittedFindings {
  return {
    ruleId,
    severity,
    at: { file: at.file, line: at.line, column: at.column },
    ...(app !== undefined ? { app } : {}),
    omitted: 1,
    get message() {
      return omittedMessage(this.app, ruleId, this.omitted, listed);
    },
  };
}

/** `App "X": 619,900 more callback-url-https findings beyond the first 100 in this file are not listed`. */
export function omittedMessage(app: string | undefined, ruleId: string, omitted: number, listed: number): string {
  const count = `${omitted.toLocaleString('en-US')} more ${ruleId} finding${omitted === 1 ? '' : 's'} beyond the first ${listed} in this file`;
  return `${app !== undefined ? `App "${app}": ` : ''}${count} ${omitted === 1 ? 'is' : 'are'} not listed`;
}
