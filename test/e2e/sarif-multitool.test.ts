// Microsoft's SARIF Multitool (a .NET binary shipped in an npm package) with GitHub's ingestion rules, on the SARIF
// logs of real projects: what GitHub code scanning would refuse or misread.
import { beforeAll, describe, expect, it } from 'vitest';
import { sarifSamples } from '../helpers/sarif-projects.js';
import { runMultitool, writeTempSarif } from '../helpers/sarif.js';

describe('sarif-multitool', () => {
  let samples: Awaited<ReturnType<typeof sarifSamples>>;

  beforeAll(async () => {
    samples = await sarifSamples();
  });

  it('validate --rule-kind "Sarif;Gh": no error and no GitHub ingestion (GH*) result', () => {
    const files = Object.entries(samples).map(([name, sample]) => writeTempSarif(name, sample.text));
    const verdict = runMultitool(files);
    const problems = verdict.filter((result) => result.level === 'error' || result.ruleId.startsWith('GH'));
    expect(problems, JSON.stringify(problems, null, 1)).toEqual([]);

    // The GitHub rules really ran: a result without a location is a GH error.
    const noLocation = structuredClone(samples.demo.log) as unknown as { runs: { results: { locations?: unknown }[] }[] };
    delete noLocation.runs[0]!.results[0]!.locations;
    const check = runMultitool([writeTempSarif('no-location', JSON.stringify(noLocation))]);
    expect(check.some((result) => result.ruleId.startsWith('GH') && result.level === 'error')).toBe(true);
  }, 300_000); // the .NET validator takes 5-20 s per call, more on a busy machine
});
