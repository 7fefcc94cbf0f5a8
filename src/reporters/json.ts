import type { FileResult, Finding, LintRun } from '../types.js';
import { inertJson } from '../text/safe-text.js';
import type { Reporter, ReporterOptions } from './types.js';

/** ESLint's LintMessage, plus our `fingerprint` (extra properties are ignored by ESLint formatters). */
export interface EslintMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fatal?: true;
  fingerprint: string;
  suppressions?: { kind: 'directive' | 'external'; justification: string }[];
}

/** ESLint's LintResult, exactly, so that any ESLint formatter can read our output. */
export interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  suppressedMessages: EslintMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  usedDeprecatedRules: [];
}

function toMessage(finding: Finding): EslintMessage {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity === 'error' ? 2 : 1,
    message: finding.message,
    line: finding.at.line,
    column: finding.at.column,
    ...(finding.at.endLine !== undefined ? { endLine: finding.at.endLine } : {}),
    ...(finding.at.endColumn !== undefined ? { endColumn: finding.at.endColumn } : {}),
    ...(finding.fatal ? { fatal: true as const } : {}),
    fingerprint: finding.fingerprint,
    ...(finding.suppressed
      ? { suppressions: [{ kind: finding.suppressed.kind === 'directive' ? ('directive' as const) : ('external' as const), justification: finding.suppressed.justification }] }
      : {}),
  };
}

export function toEslintResults(run: LintRun, options: Pick<ReporterOptions, 'quiet'>): EslintResult[] {
  return run.results.map((result: FileResult) => {
    const shown = options.quiet ? result.findings.filter((finding) => finding.severity === 'error') : result.findings;
    const messages = shown.map(toMessage);
    return {
      filePath: result.file,
      messages,
      suppressedMessages: result.suppressed.map(toMessage),
      errorCount: messages.filter((message) => message.severity === 2).length,
      fatalErrorCount: messages.filter((message) => message.fatal).length,
      warningCount: messages.filter((message) => message.severity === 1).length,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    };
  });
}

export const jsonReporter: Reporter = {
  format: 'json',
  // File paths as they are (tools open them), written inert: a hostile file name holds no raw control character.
  render: (run, options) => `${inertJson(JSON.stringify(toEslintResults(run, options)))}\n`,
};
