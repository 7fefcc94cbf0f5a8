// SARIF logs the SARIF tests of every tier share: real projects (the demo, more than ten errors, a broken file) and
// synthetic runs for GitHub's limits.
import { join } from 'node:path';
import { lint } from '../../src/engine/lint.js';
import { sarifReporter, type SarifLog } from '../../src/reporters/sarif.js';
import type { Finding, LintRun } from '../../src/types.js';
import { connectedApp, copyToTemp, makeProject, REPO } from './cli.js';

export const DEMO_SECRET = '8F3A1C2B9D7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9E8F7A6B5C4D3E2F1A';
export const MANY_SECRET = 'Zq8vN3rT6yW1pL4kX7mC0bH5jG2dF9sA';
export const LEGACY_SYNC = 'integrations/main/default/connectedApps/Legacy_Sync.connectedApp-meta.xml';

/** Twelve apps that each request Full (and more), one with a committed consumer secret: well over ten errors. */
export function manyErrorsProject(): string {
  const files: Record<string, string> = { 'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] }) };
  for (let i = 1; i <= 12; i++) {
    files[`force-app/main/default/connectedApps/App_${i}.connectedApp-meta.xml`] = connectedApp(`App ${i}`, ['Api', 'Full']);
  }
  files['force-app/main/default/connectedApps/App_1.connectedApp-meta.xml'] = connectedApp('App 1', ['Api', 'Full']).replace(
    '<callbackUrl>',
    `<consumerSecret>${MANY_SECRET}</consumerSecret>\n        <callbackUrl>`,
  );
  return makeProject(files);
}

export interface SarifOutput {
  run: LintRun;
  text: string;
  log: SarifLog;
}

export async function sarifOf(dir: string, sarifCategory?: string): Promise<SarifOutput> {
  const run = await lint({ cwd: dir, paths: [dir] });
  const text = await sarifReporter.render(run, { color: false, quiet: false, cwd: dir, env: {}, ...(sarifCategory ? { sarifCategory } : {}) });
  return { run, text, log: JSON.parse(text) as SarifLog };
}

/** The demo with one finding suppressed by a directive and one by the baseline (as the engine marks them). */
export function withSuppressions(run: LintRun): LintRun {
  const results = run.results.map((result) => ({ ...result, findings: [...result.findings], suppressed: [...result.suppressed] }));
  const target = results.find((result) => result.findings.length >= 2)!;
  const [first, second] = target.findings.splice(0, 2) as [Finding, Finding];
  target.suppressed.push(
    { ...first, suppressed: { kind: 'directive', justification: 'Legacy partner, tracked in SEC-42' } },
    { ...second, suppressed: { kind: 'baseline', justification: '' } },
  );
  return { ...run, results };
}

/** A LintRun as the engine would produce it, with made-up findings (for limits no real project reaches). */
export function syntheticRun(findings: Finding[]): LintRun {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) byFile.set(finding.at.file, [...(byFile.get(finding.at.file) ?? []), finding]);
  return {
    root: '/repo',
    toolVersion: '0.1.0',
    results: [...byFile].map(([file, list]) => ({ file, findings: list, suppressed: [] })),
    rules: [
      { id: 'loud', description: 'A loud rule.', fullDescription: 'A loud rule.', severity: { production: 'error', sandbox: 'error' }, docs: 'https://example.com/loud', tags: ['security'], securitySeverity: 9 },
      { id: 'quiet', description: 'A quiet rule.', fullDescription: 'A quiet rule.', severity: { production: 'warn', sandbox: 'warn' }, docs: 'https://example.com/quiet', tags: ['security'], securitySeverity: 2 },
    ],
    parseFailures: [],
    stats: { files: byFile.size, metadataFiles: byFile.size, apps: 0, scannedFiles: 0, durationMs: 0, baselineHidden: 0 },
    apps: [],
    notices: [],
  };
}

export function finding(ruleId: 'loud' | 'quiet', index: number, message = `Finding ${index}.`): Finding {
  return {
    ruleId,
    severity: ruleId === 'loud' ? 'error' : 'warning',
    message,
    at: { file: `/repo/force-app/f${index % 50}.connectedApp-meta.xml`, line: index + 1, column: 1, endLine: index + 1, endColumn: 10 },
    fingerprint: `${index.toString(16).padStart(16, '0')}:1`,
  };
}

export const results = (log: SarifLog) => log.runs[0].results;

/** A project with one unparsable app next to a parsable one. */
export function brokenProject(): string {
  return makeProject({
    'force-app/main/default/connectedApps/Broken.connectedApp-meta.xml': '<?xml version="1.0"?>\n<ConnectedApp>\n  <label>Broken</label>\n  <oauthConfig>\n',
    'force-app/main/default/connectedApps/Fine.connectedApp-meta.xml': connectedApp('Fine', ['Full']),
  });
}

/** The SARIF logs the tests of every tier check: the demo, more than ten errors, a parse failure, suppressions. */
export async function sarifSamples(): Promise<{
  demo: SarifOutput;
  many: SarifOutput;
  broken: SarifOutput;
  suppressed: { text: string; log: SarifLog };
}> {
  const demo = await sarifOf(copyToTemp(join(REPO, 'fixtures', 'demo')));
  const many = await sarifOf(manyErrorsProject(), 'salesforce/apps');
  const broken = await sarifOf(brokenProject());
  const suppressedText = await sarifReporter.render(withSuppressions(demo.run), { color: false, quiet: false, cwd: REPO, env: {} });
  return { demo, many, broken, suppressed: { text: suppressedText, log: JSON.parse(suppressedText) as SarifLog } };
}
