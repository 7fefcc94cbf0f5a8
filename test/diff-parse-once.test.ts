// The posture diff reads each side's apps from the lint of that side: every metadata file of a side is parsed once,
// not once for the model and again inside lint().
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { connectedApp } from './helpers/cli.js';
import { git, gitRepository, SFDX_PROJECT, TYPES, writeFiles } from './helpers/git.js';
import { runMain } from './helpers/in-process.js';

const parsedPaths = vi.hoisted(() => [] as string[]);
vi.mock('../src/parser/xml.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/parser/xml.js')>();
  return {
    ...original,
    parseXml: (path: string, text: string) => {
      parsedPaths.push(path);
      return original.parseXml(path, text);
    },
  };
});

const BILLING = `${TYPES}/connectedApps/Billing.connectedApp-meta.xml`;

describe('diff parses each side once', () => {
  it('a changed app file is parsed once at the base and once at the head', async () => {
    const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT, [BILLING]: connectedApp('Billing', ['Api']) });
    writeFiles(root, { [BILLING]: connectedApp('Billing', ['Api', 'Full']) });
    git(root, 'commit', '-qam', 'widen');
    parsedPaths.length = 0;
    const run = await runMain(['diff', 'HEAD~1', '--format', 'json'], root);
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as { apps: { app: string }[] }).apps.map((app) => app.app)).toEqual(['Billing']);
    expect(parsedPaths.filter((path) => path === join(root, BILLING))).toHaveLength(2);
  });
});
