// Per-command options with "did you mean", `rules <id>`, `--print-config`, `--debug`, and several output files whose
// format follows their extension.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectedApp, makeProject } from './helpers/cli.js';
import { runMain } from './helpers/in-process.js';

const SFDX = '{"packageDirectories":[{"path":"force-app"}]}';
const APP = 'force-app/main/default/connectedApps/Wide.connectedApp-meta.xml';

describe('options belong to their command', () => {
  it.each([
    [['rules', '--staged'], 'rules has no option --staged (it is an option of lint)'],
    [['rules', '--baseline', 'x'], 'rules has no option --baseline (it is an option of lint)'],
    [['lint', '--force'], 'lint has no option --force (it is an option of init)'],
    [['lint', '--baselin', 'x'], 'lint has no option --baselin (did you mean --baseline?)'],
    [['init', '--staged'], 'init has no option --staged (it is an option of lint)'],
  ])('%j is a usage error', async (argv, message) => {
    const run = await runMain(argv, makeProject({}));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('rules <id>', () => {
  it("prints that rule's page, and suggests a close id for a typo", async () => {
    const root = makeProject({});
    const page = await runMain(['rules', 'pkce-required'], root);
    expect(page.status).toBe(0);
    expect(page.stdout.startsWith('# pkce-required\n')).toBe(true);
    const typo = await runMain(['rules', 'pkce-requird'], root);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('no rule "pkce-requird" (did you mean "pkce-required"?)');
  });
});

describe('--print-config and --debug', () => {
  it('print the configuration that applies to a path, and what judged a run', async () => {
    const root = makeProject({
      'sfdx-project.json': SFDX,
      [APP]: connectedApp('Wide', ['Full']),
      'connected-app-lint.yaml': 'environment: sandbox\n',
      'force-app/connected-app-lint.yaml': 'rules:\n  no-full-scope: warn\n',
    });
    const printed = await runMain(['lint', '--print-config', 'force-app'], root);
    expect(printed.status).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual({ configuration: join('force-app', 'connected-app-lint.yaml'), rules: { 'no-full-scope': 'warn' } });
    // A single file is linted from the working directory, so the configuration found from there judges it.
    const file = JSON.parse((await runMain(['lint', '--print-config', APP], root)).stdout) as { configuration: string; environment: string };
    expect(file).toEqual({ configuration: 'connected-app-lint.yaml', environment: 'sandbox' });
    expect((await runMain(['lint', '--debug', APP], root)).stderr).toContain('configuration: connected-app-lint.yaml;');
    const top = JSON.parse((await runMain(['lint', '--print-config', '.'], root)).stdout) as { configuration: string; environment: string };
    expect(top).toEqual({ configuration: 'connected-app-lint.yaml', environment: 'sandbox' });

    const debug = await runMain(['lint', '--debug', 'force-app'], root);
    expect(debug.stderr).toContain(`configuration: ${join('force-app', 'connected-app-lint.yaml')}; baseline: .calint-baseline.json; plugins: none`);
  });
});

describe('configuration values printed by rules and --print-config', () => {
  it('reach the terminal inert: no raw ESC, C1 or bidirectional control from the configuration', async () => {
    const hostile = 'x\u001b]0;pwned\u0007\u009b2J\u202e';
    const root = makeProject({
      'sfdx-project.json': SFDX,
      'connected-app-lint.json': JSON.stringify({ plugins: [`./${hostile}.mjs`], apps: { Billing: { ipRelaxation: { reason: hostile } } } }),
    });
    const rules = await runMain(['rules'], root);
    expect(rules.status).toBe(0);
    expect(rules.stderr).toContain('not loading ./x\\x1b]0;pwned\\x07\\x9b2J\\u202e.mjs');
    const printed = await runMain(['lint', '--print-config', '.'], root);
    expect(printed.status).toBe(0);
    expect((JSON.parse(printed.stdout) as { apps: { Billing: { ipRelaxation: { reason: string } } } }).apps.Billing.ipRelaxation.reason).toBe(hostile);
    for (const output of [rules.stderr, printed.stdout]) expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
  });
});

describe('--output-file', () => {
  it('may be given more than once; each file takes the format of its extension', async () => {
    const root = makeProject({ 'sfdx-project.json': SFDX, [APP]: connectedApp('Wide', ['Full']) });
    const run = await runMain(['lint', '-o', 'out/calint.sarif', '-o', 'out/calint.json', '-o', 'out/calint.md', '-o', 'out/calint.txt'], root);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect((JSON.parse(readFileSync(join(root, 'out/calint.sarif'), 'utf8')) as { version: string }).version).toBe('2.1.0');
    expect(Array.isArray(JSON.parse(readFileSync(join(root, 'out/calint.json'), 'utf8')))).toBe(true);
    expect(readFileSync(join(root, 'out/calint.md'), 'utf8')).toContain('## connected-app-lint');
    expect(readFileSync(join(root, 'out/calint.txt'), 'utf8')).toContain('no-full-scope');
  });

  it('an explicit --format wins for a single file', async () => {
    const root = makeProject({ 'sfdx-project.json': SFDX, [APP]: connectedApp('Wide', ['Full']) });
    await runMain(['lint', '--format', 'json', '-o', 'report.sarif'], root);
    expect(Array.isArray(JSON.parse(readFileSync(join(root, 'report.sarif'), 'utf8')))).toBe(true);
  });
});

describe('a file named on the command line but ignored', () => {
  it('gets a notice naming the .forceignore line, and --no-ignore lints it', async () => {
    const root = makeProject({
      'sfdx-project.json': SFDX,
      [APP]: connectedApp('Wide', ['Full']),
      '.forceignore': '# local only\n**/Wide.connectedApp-meta.xml\n',
    });
    const ignored = await runMain(['lint', APP], root);
    expect(ignored.status).toBe(0);
    expect(ignored.stdout).toContain(`${APP} is ignored by .forceignore line 2; use --no-ignore to lint it.`);
    const linted = await runMain(['lint', '--no-ignore', APP], root);
    expect(linted.status).toBe(1);
    expect(linted.stdout).toContain('no-full-scope');
  });

  it('an ignorePatterns match gets its own notice', async () => {
    const root = makeProject({ 'sfdx-project.json': SFDX, [APP]: connectedApp('Wide', ['Full']), 'connected-app-lint.yaml': 'ignorePatterns: ["**/Wide.*"]\n' });
    const ignored = await runMain(['lint', APP], root);
    expect(ignored.stdout).toContain(`${APP} is ignored by ignorePatterns in the configuration; use --no-ignore to lint it.`);
    expect((await runMain(['lint', '--no-ignore', APP], root)).status).toBe(1);
  });
});
