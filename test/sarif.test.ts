// `--format sarif` on real projects (the demo, a project with more than ten errors, a broken file), plus GitHub's
// limits on synthetic runs. The OASIS schema checks are in test/shared/sarif-schema.test.ts (the schema lives in
// ../shared), sarif-multitool's GitHub ingestion rules in test/e2e/sarif-multitool.test.ts.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSarifLog, GITHUB_SARIF_LIMITS, sarifReporter, type SarifLog } from '../src/reporters/sarif.js';
import { copyToTemp, REPO, runCli, tempDir } from './helpers/cli.js';
import {
  DEMO_SECRET,
  finding,
  LEGACY_SYNC,
  manyErrorsProject,
  MANY_SECRET,
  results,
  sarifOf,
  sarifSamples,
  type SarifOutput,
  syntheticRun,
} from './helpers/sarif-projects.js';

describe('SARIF output', () => {
  let demo: SarifOutput;
  let many: SarifOutput;
  let broken: SarifOutput;
  let suppressedText: string;

  beforeAll(async () => {
    const samples = await sarifSamples();
    ({ demo, many, broken } = samples);
    suppressedText = samples.suppressed.text;
  });

  it('the projects are what the tests need: findings, more than ten errors, a parse failure', async () => {
    expect(results(demo.log).length).toBeGreaterThan(0);
    expect(results(many.log).filter((result) => result.level === 'error').length).toBeGreaterThan(10);
    expect(broken.run.parseFailures).toHaveLength(1);
  });

  it('describes every rule that ran, within GitHub limits, with docs, tags, precision and security-severity', () => {
    const { driver } = demo.log.runs[0].tool;
    expect(driver).toMatchObject({ name: 'connected-app-lint', semanticVersion: demo.run.toolVersion });
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules.map((rule) => rule.id)).toEqual(demo.run.rules.map((meta) => meta.id));
    for (const rule of driver.rules) {
      const meta = demo.run.rules.find((candidate) => candidate.id === rule.id)!;
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.shortDescription.text.length).toBeLessThanOrEqual(1024);
      expect(rule.fullDescription.text.length).toBeLessThanOrEqual(1024);
      if (rule.name !== undefined) expect(rule.name.toLowerCase()).not.toBe(rule.id.toLowerCase());
      expect(rule.helpUri).toBe(meta.docs);
      expect(rule.help.markdown).toContain(meta.docs);
      expect(rule.properties.tags).toContain('security');
      expect(rule.properties['security-severity']).toMatch(/^\d+\.\d$/);
      expect(Number(rule.properties['security-severity'])).toBeCloseTo(meta.securitySeverity, 1);
      expect(rule.properties.precision).toBe(meta.precision);
      expect(rule.defaultConfiguration.level).toBe(meta.severity.production === 'error' ? 'error' : 'warning');
    }
    expect(driver.rules.find((rule) => rule.id === 'no-full-scope')?.name).toBe('NoFullScope');
  });

  it('results: ruleId and ruleIndex agree, level is the effective severity, one repository-relative location', async () => {
    const log = demo.log;
    const { rules } = log.runs[0].tool.driver;
    expect(log.runs[0].originalUriBaseIds['%SRCROOT%']!.uri).toMatch(/^file:\/\/.*\/$/);
    const findings = demo.run.results.flatMap((result) => result.findings);
    expect(results(log)).toHaveLength(findings.length);
    results(log).forEach((result, index) => {
      const source = findings[index]!;
      expect(rules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(result.ruleId).toBe(source.ruleId);
      expect(result.level).toBe(source.severity);
      expect(result.message.text).toBe(source.message);
      expect(result.locations).toHaveLength(1);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(artifactLocation.uri).not.toMatch(/^(\/|file:|\.\.)/);
      expect(region.startLine).toBe(source.at.line);
      expect(region.startColumn).toBe(source.at.column);
      if (region.endColumn !== undefined) expect(region.endColumn).toBe(source.at.endColumn);
      expect(result.partialFingerprints.primaryLocationLineHash).toBe(source.fingerprint);
      expect(result.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:\d+$/);
    });
    const full = results(log).find((result) => result.ruleId === 'no-full-scope' && result.locations[0].physicalLocation.artifactLocation.uri === LEGACY_SYNC);
    expect(full?.locations[0].physicalLocation.region).toEqual({ startLine: 14, startColumn: 9, endColumn: 30 });
  });

  it('fingerprints are unchanged after lines are inserted above a finding, on the demo and on the many-errors project', async () => {
    for (const project of [copyToTemp(join(REPO, 'fixtures', 'demo')), manyErrorsProject()]) {
      const before = await sarifOf(project);
      const file = results(before.log)[0]!.locations[0].physicalLocation.artifactLocation.uri;
      const path = join(project, decodeURIComponent(file));
      const lines = readFileSync(path, 'utf8').split('\n');
      lines.splice(1, 0, '<!-- a comment -->', '<!-- moved -->', '');
      writeFileSync(path, lines.join('\n'));
      const after = await sarifOf(project);

      const key = (result: SarifLog['runs'][0]['results'][number]) => `${result.ruleId} ${result.partialFingerprints.primaryLocationLineHash}`;
      expect(results(after.log).map(key).sort()).toEqual(results(before.log).map(key).sort());
      const moved = results(after.log).filter((result) => result.locations[0].physicalLocation.artifactLocation.uri === file);
      expect(moved.length).toBeGreaterThan(0);
      for (const result of moved) {
        const old = results(before.log).find((candidate) => key(candidate) === key(result))!;
        expect(result.locations[0].physicalLocation.region.startLine).toBe(old.locations[0].physicalLocation.region.startLine + 3);
      }
    }
  });

  it('never contains a secret in full', async () => {
    expect(demo.text).not.toContain(DEMO_SECRET);
    expect(many.text).not.toContain(MANY_SECRET);
    expect(suppressedText).not.toContain(DEMO_SECRET);
    // The secrets are there to be found (reported masked), so the check above is not vacuous.
    expect(results(demo.log).some((result) => result.message.text.includes(DEMO_SECRET.slice(0, 4)))).toBe(true);
    expect(demo.text).not.toContain('"snippet"');
  });

  it('suppressed findings are results with suppressions: inSource for directives, external for the baseline', async () => {
    const log = JSON.parse(suppressedText) as SarifLog;
    const suppressed = results(log).filter((result) => result.suppressions);
    expect(suppressed.map((result) => result.suppressions)).toEqual([
      [{ kind: 'inSource', justification: 'Legacy partner, tracked in SEC-42' }],
      [{ kind: 'external' }],
    ]);
    expect(results(log)).toHaveLength(results(demo.log).length);
  });

  it('parse failures are error results and tool execution notifications, and the execution is not successful', async () => {
    const run = broken.log.runs[0];
    const failure = broken.run.parseFailures[0]!;
    const result = run.results.find((candidate) => candidate.ruleId === 'parse-error')!;
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('force-app/main/default/connectedApps/Broken.connectedApp-meta.xml');
    expect(result.locations[0].physicalLocation.region.startLine).toBe(failure.at.line);
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications).toEqual([
      expect.objectContaining({ level: 'error', message: { text: failure.message }, associatedRule: { id: 'parse-error', index: 0 } }),
    ]);
    // The other file was still linted.
    expect(run.results.some((candidate) => candidate.ruleId === 'no-full-scope')).toBe(true);
    expect(demo.log.runs[0].invocations[0]).toEqual({ executionSuccessful: true, toolExecutionNotifications: [] });
  });

  it('automationDetails.id: connected-app-lint/ by default; a category gets its trailing slash', async () => {
    expect(demo.log.runs[0].automationDetails.id).toBe('connected-app-lint/');
    expect(many.log.runs[0].automationDetails.id).toBe('salesforce/apps/');
    expect(buildSarifLog(demo.run, { sarifCategory: 'nightly/run-7/' }).runs[0].automationDetails.id).toBe('nightly/run-7/');
  });

  it(`keeps at most ${GITHUB_SARIF_LIMITS.resultsPerRun} results, the most severe, and says so in a notification`, async () => {
    // 25,100 warnings first, then 150 errors at the end of the run's order: a plain cut would lose every error.
    const warnings = Array.from({ length: 25_100 }, (_, index) => finding('quiet', index));
    const errors = Array.from({ length: 150 }, (_, index) => finding('loud', 25_100 + index));
    const run = syntheticRun([...warnings, ...errors]);
    const log = JSON.parse(await sarifReporter.render(run, { color: false, quiet: false, cwd: '/repo', env: {} })) as SarifLog;
    const kept = results(log);
    expect(kept).toHaveLength(25_000);
    expect(kept.filter((result) => result.level === 'error')).toHaveLength(150);
    const notices = log.runs[0].invocations[0].toolExecutionNotifications;
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ level: 'warning' });
    expect(notices[0]!.message.text).toContain('250 of 25250 results were left out');
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(true);
  });

  it('stays under 10 MB gzipped, keeping the most severe results', async () => {
    // 3,000 findings with 8 KB of incompressible text each: about 12 MB once gzipped.
    const findings = Array.from({ length: 3_000 }, (_, index) => finding(index % 10 === 0 ? 'loud' : 'quiet', index, randomBytes(4_000).toString('hex')));
    const text = await sarifReporter.render(syntheticRun(findings), { color: false, quiet: false, cwd: '/repo', env: {} });
    const gzipped = gzipSync(text);
    expect(gzipped.length).toBeLessThanOrEqual(GITHUB_SARIF_LIMITS.gzippedBytes);
    const log = JSON.parse(gunzipSync(gzipped).toString('utf8')) as SarifLog;
    const kept = results(log);
    expect(kept.length).toBeLessThan(3_000);
    expect(kept.length).toBeGreaterThan(1_500);
    expect(kept.filter((result) => result.level === 'error')).toHaveLength(300);
    expect(log.runs[0].invocations[0].toolExecutionNotifications[0]!.message.text).toMatch(/^\d+ of 3000 results were left out/);
  });

  it('the CLI writes it with --format sarif -o and --sarif-category', async () => {
    const out = join(tempDir(), 'reports', 'calint.sarif');
    const cli = await runCli(['lint', join(REPO, 'fixtures', 'demo'), '--format', 'sarif', '-o', out, '--sarif-category', 'demo']);
    expect(cli.status).toBe(1);
    const log = JSON.parse(readFileSync(out, 'utf8')) as SarifLog;
    expect(log.runs[0].automationDetails.id).toBe('demo/');
    // Inside this repository the root is the git root, so URIs start at fixtures/demo.
    expect(results(log).map((result) => result.locations[0].physicalLocation.artifactLocation.uri)).toContain(`fixtures/demo/${LEGACY_SYNC}`);
  });
});
