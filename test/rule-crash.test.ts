// A rule that throws never ends the run: it becomes a finding on the file it was checking.
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/lint.js';
import { defineMeta } from '../src/rules/util/meta.js';
import { builtinRules } from '../src/rules/index.js';
import type { Rule } from '../src/types.js';
import { connectedApp, makeProject } from './helpers/cli.js';

const boom: Rule = {
  meta: defineMeta({ id: 'test/boom', description: 'd', fullDescription: 'd', severity: { production: 'error', sandbox: 'error' }, tags: [], securitySeverity: 1 }),
  checkApp() {
    throw new Error('kaboom');
  },
};

describe('a crashing rule', () => {
  it('is reported on the app file, and every other rule still runs', async () => {
    const root = makeProject({ 'connectedApps/Crashy.connectedApp-meta.xml': connectedApp('Crashy', ['Full']) });
    const run = await lint({ cwd: root, paths: [root], rules: [...builtinRules, boom] });
    const findings = run.results.flatMap((result) => result.findings);
    const crash = findings.find((finding) => finding.message.includes('kaboom'));
    expect(crash?.at.file).toBe(`${root}/connectedApps/Crashy.connectedApp-meta.xml`);
    expect(crash?.message).toContain('test/boom');
    expect(findings.map((finding) => finding.ruleId)).toContain('no-full-scope');
  });
});
