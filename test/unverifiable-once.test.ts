// DECISIONS 16: what the repository cannot show is said once per app, not by every rule that would need it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/lint.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'rules', 'eca-policy-verifiable', 'bad-no-policy-file');

describe('an External Client App without its OAuth policy file', () => {
  it('gets one "cannot be verified" finding with every rule on, in production and in a sandbox', async () => {
    for (const environment of ['production', 'sandbox'] as const) {
      const run = await lint({ cwd: FIXTURE, paths: [FIXTURE], environment, config: { config: {} } });
      const unverifiable = run.results
        .flatMap((result) => result.findings)
        .filter((finding) => finding.message.includes('cannot be verified'));
      expect(unverifiable.map((finding) => finding.ruleId), environment).toEqual(['eca-policy-verifiable']);
      expect(unverifiable[0]!.message).toContain('App "Dealer"');
    }
  });
});
