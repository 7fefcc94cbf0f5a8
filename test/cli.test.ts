// End-to-end runs of the built bin, as a user runs it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectedApp, makeProject, REPO, runCli, spawnCli, tempDir } from './helpers/cli.js';

const demo = join(REPO, 'fixtures', 'demo');
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };

describe('the real bin (the rest of this file runs main() in-process)', () => {
  it('answers --version without loading the linter, and lints the demo with exit 1', () => {
    expect(spawnCli(['--version'])).toMatchObject({ status: 0, stdout: `${pkg.version}\n` });
    const run = spawnCli(['lint', demo, '--format', 'json']);
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as unknown[]).length).toBeGreaterThan(0);
  });
});

describe('connected-app-lint CLI', () => {
  it('--version and --help', async () => {
    expect(await runCli(['--version'])).toMatchObject({ status: 0, stdout: `${pkg.version}\n` });
    const help = await runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--max-warnings');
  });

  it('usage errors exit 2 with a message and no stack trace', async () => {
    for (const args of [['lint', '--format', 'nope'], ['lint', '--bogus'], ['lint', '--env', 'staging'], ['lint', '--max-warnings', 'x']]) {
      const result = await runCli([...args, demo]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^connected-app-lint: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('lints the demo: JSON in ESLint shape with lines and columns of Full in a Connected App and an ECA', async () => {
    const result = await runCli(['lint', demo, '--format', 'json']);
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout) as Array<Record<string, unknown> & { filePath: string; messages: Record<string, unknown>[] }>;
    for (const entry of json) {
      expect(Object.keys(entry).sort()).toEqual(
        ['errorCount', 'fatalErrorCount', 'filePath', 'fixableErrorCount', 'fixableWarningCount', 'messages', 'suppressedMessages', 'usedDeprecatedRules', 'warningCount'].sort(),
      );
      expect(entry.filePath.startsWith('/')).toBe(true);
    }
    const full = json.flatMap((entry) => entry.messages.filter((message) => message.ruleId === 'no-full-scope').map((message) => [entry.filePath.split('/').pop(), message.line, message.column, message.severity]));
    expect(full).toEqual([
      ['Partner_Api.ecaOauth-meta.xml', 3, 37, 2],
      ['Legacy_Sync.connectedApp-meta.xml', 14, 9, 2],
    ]);
    // The forceignored retired app never deploys: metadata rules skip it.
    const retired = json.find((entry) => entry.filePath.endsWith('Retired_Reporting.connectedApp-meta.xml'));
    expect(retired?.messages.filter((message) => message.ruleId === 'no-full-scope')).toEqual([]);
  });

  it('text output names the rule, and writes to --output-file when asked', async () => {
    const text = await runCli(['lint', demo]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('no-full-scope');
    expect(text.stdout).not.toMatch(/\u001b\[/); // no colour when stdout is not a TTY
    const out = join(tempDir(), 'report.json');
    const toFile = await runCli(['lint', demo, '--format', 'json', '--output-file', out]);
    expect(toFile.status).toBe(1);
    expect(toFile.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toBeInstanceOf(Array);
  });

  it('exit codes: 0 clean, 1 errors, warnings against --max-warnings, --quiet shows errors only', async () => {
    const clean = makeProject({ 'connectedApps/Ok.connectedApp-meta.xml': connectedApp('Ok') });
    const onlyRule = ['--only', 'no-full-scope'];
    expect((await runCli(['lint', clean, ...onlyRule])).status).toBe(0);
    const bad = makeProject({ 'connectedApps/Bad.connectedApp-meta.xml': connectedApp('Bad', ['Full']) });
    expect((await runCli(['lint', bad, ...onlyRule])).status).toBe(1);
    // Turn the error into a warning through the configuration, then count it.
    const warnConfig = join(bad, 'connected-app-lint.json');
    writeFileSync(warnConfig, JSON.stringify({ rules: { 'no-full-scope': 'warn' } }));
    expect((await runCli(['lint', bad, ...onlyRule, '--config', warnConfig])).status).toBe(0);
    expect((await runCli(['lint', bad, ...onlyRule, '--config', warnConfig, '--max-warnings', '0'])).status).toBe(1);
    expect((await runCli(['lint', bad, ...onlyRule, '--config', warnConfig, '--max-warnings', '1'])).status).toBe(0);
    const quiet = await runCli(['lint', bad, ...onlyRule, '--config', warnConfig, '--quiet', '--format', 'json']);
    expect(JSON.parse(quiet.stdout)[0].messages).toEqual([]);
  });

  it('says why it exits: too many warnings, an unknown --only rule, a mistyped command, a missing package directory', async () => {
    const bad = makeProject({ 'connectedApps/Bad.connectedApp-meta.xml': connectedApp('Bad', ['Full']) });
    writeFileSync(join(bad, 'connected-app-lint.json'), JSON.stringify({ rules: { 'no-full-scope': 'warn' } }));
    const tooMany = await runCli(['lint', bad, '--only', 'no-full-scope', '--max-warnings', '0', '--format', 'json']);
    expect(tooMany.status).toBe(1);
    expect(tooMany.stderr).toContain('too many warnings (1; --max-warnings is 0)');

    const typo = await runCli(['lint', bad, '--only', 'no-full-scop']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('--only names no known rule: no-full-scop');

    const command = await runCli(['lnt'], { cwd: bad });
    expect(command.status).toBe(2);
    expect(command.stderr).toContain('the commands are lint, rules and init');
    expect(command.stderr).not.toContain("Run 'connected-app-lint --help' for usage");

    const project = makeProject({
      'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }, { path: 'gone' }] }),
      'force-app/connectedApps/Ok.connectedApp-meta.xml': connectedApp('Ok'),
    });
    const missingDir = await runCli(['lint', project, '--format', 'json']);
    expect(missingDir.stderr).toMatch(/package directory .*gone .*does not exist/);
    const text = await runCli(['lint', project]);
    expect(text.stdout).toMatch(/package directory .*gone .*does not exist/);
  });
});
