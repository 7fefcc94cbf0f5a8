// Every SARIF log the linter writes passes the OASIS SARIF 2.1.0 schema: real projects, suppressions, a run cut to
// GitHub's result limit, and the CLI's own output file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GITHUB_SARIF_LIMITS, sarifReporter, type SarifLog } from '../../src/reporters/sarif.js';
import { REPO, runCli, tempDir } from '../helpers/cli.js';
import { finding, sarifSamples, syntheticRun } from '../helpers/sarif-projects.js';
import { schemaErrors } from './sarif-schema.js';

describe('SARIF output against the OASIS schema', () => {
  let samples: Awaited<ReturnType<typeof sarifSamples>>;

  beforeAll(async () => {
    samples = await sarifSamples();
  });

  it('the demo, more than ten errors, a parse failure and suppressed findings pass', () => {
    for (const [name, sample] of Object.entries(samples)) expect(schemaErrors(sample.log), name).toEqual([]);
    // The validator does reject a broken log, so a pass means something.
    const invalid = structuredClone(samples.demo.log) as unknown as { runs: { results: { level: string }[] }[] };
    invalid.runs[0]!.results[0]!.level = 'fatal';
    expect(schemaErrors(invalid).length).toBeGreaterThan(0);
  });

  it(`a run cut to ${GITHUB_SARIF_LIMITS.resultsPerRun} results, with its notification, passes`, async () => {
    const findings = Array.from({ length: GITHUB_SARIF_LIMITS.resultsPerRun + 100 }, (_, index) => finding(index % 2 ? 'quiet' : 'loud', index));
    const log = JSON.parse(await sarifReporter.render(syntheticRun(findings), { color: false, quiet: false, cwd: '/repo', env: {} })) as SarifLog;
    expect(log.runs[0].invocations[0].toolExecutionNotifications).toHaveLength(1);
    expect(schemaErrors(log)).toEqual([]);
  });

  it('the file the CLI writes with --format sarif -o passes', async () => {
    const out = join(tempDir(), 'calint.sarif');
    const cli = await runCli(['lint', join(REPO, 'fixtures', 'demo'), '--format', 'sarif', '-o', out, '--sarif-category', 'demo']);
    expect(cli.status, cli.stderr).toBe(1);
    expect(schemaErrors(JSON.parse(readFileSync(out, 'utf8')))).toEqual([]);
  });
});
