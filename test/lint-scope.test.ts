// One answer whatever the entry point: an External Client App is judged with all of its files in the project, whether
// the project, the folder of one of its parts, or one file is linted; the findings on a file are the same each time.
import { generateKeyPairSync } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ECA_PATHS, externalClientApp } from './helpers/apps.js';
import { connectedApp, makeProject } from './helpers/cli.js';
import { runMain } from './helpers/in-process.js';

const SFDX = '{"packageDirectories":[{"path":"force-app"}]}';

async function findingsOn(root: string, path: string, file: string): Promise<string[]> {
  const run = await runMain(['lint', '--format', 'json', path], root);
  expect(run.status, run.stderr).toBeLessThan(2);
  const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
  return results.filter((result) => result.filePath === join(root, file)).flatMap((result) => result.messages.map((message) => `${message.line} ${message.ruleId}`)).sort();
}

describe('an External Client App is judged with all of its files', () => {
  const project = () =>
    makeProject({
      'sfdx-project.json': SFDX,
      ...externalClientApp('Partner', { scopes: 'Full, RefreshToken', ipRelaxation: 'BypassIpRestriction' }),
      'force-app/main/default/connectedApps/Other.connectedApp-meta.xml': connectedApp('Other'),
    });

  it.each([
    ['the policies folder', 'force-app/main/default/extlClntAppOauthPolicies', ECA_PATHS.policy('Partner')],
    ['the OAuth settings folder', 'force-app/main/default/extlClntAppOauthSettings', ECA_PATHS.oauth('Partner')],
    ['one file', ECA_PATHS.policy('Partner'), ECA_PATHS.policy('Partner')],
  ])('linting %s gives the same findings on its files as linting the project', async (_name, path, file) => {
    const root = project();
    const whole = await findingsOn(root, '.', file);
    expect(whole.length).toBeGreaterThan(0);
    expect(await findingsOn(root, path, file)).toEqual(whole);
  });
});

describe('findings are reported for the files asked about', () => {
  it("linting one file of an External Client App reads the app's other files but reports on that file only", async () => {
    const root = makeProject({ 'sfdx-project.json': SFDX, ...externalClientApp('Partner', { scopes: 'Full, RefreshToken', ipRelaxation: 'BypassIpRestriction' }) });
    const run = await runMain(['lint', '--format', 'json', ECA_PATHS.policy('Partner')], root);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(results.map((result) => result.filePath)).toEqual([join(root, ECA_PATHS.policy('Partner'))]);
    // The whole project reports the Full scope on the OAuth settings file, which was not asked about here.
    expect(await findingsOn(root, '.', ECA_PATHS.oauth('Partner'))).toContainEqual(expect.stringMatching(/no-full-scope$/));
  });
});

describe('a Connected App gets the same findings whatever path is linted', () => {
  const APP = 'force-app/main/default/connectedApps/Wide.connectedApp-meta.xml';
  it.each([
    ['the connectedApps folder', 'force-app/main/default/connectedApps'],
    ['the package directory', 'force-app'],
    ['the file', APP],
  ])('linting %s', async (_name, path) => {
    const root = makeProject({
      'sfdx-project.json': SFDX,
      [APP]: connectedApp('Wide', ['Full', 'RefreshToken']),
      'force-app/main/default/connectedApps/Other.connectedApp-meta.xml': connectedApp('Other'),
    });
    const whole = await findingsOn(root, '.', APP);
    expect(whole).toContainEqual(expect.stringMatching(/no-full-scope$/));
    expect(await findingsOn(root, path, APP)).toEqual(whole);
  });
});

describe('the secret scan covers every file the repository holds', () => {
  const KEY = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const secretApp = connectedApp('Old').replace('<isAdminApproved>', '<consumerSecret>A1B2C3D4E5F6071829304A5B6C7D8E9F</consumerSecret><isAdminApproved>');
  const project = () =>
    makeProject({
      'sfdx-project.json': SFDX,
      'force-app/main/default/connectedApps/Other.connectedApp-meta.xml': connectedApp('Other'),
      'backup/Old.connectedApp-meta.xml': secretApp,
      'backup/Clean.connectedApp-meta.xml': connectedApp('Clean'),
      'notes.txt': `the old key:\n${KEY}`,
    });

  it.each([
    ['without git (a walk that honours .gitignore)', false],
    ['in a git repository (tracked and untracked-not-ignored files)', true],
  ])('finds a consumer secret in a metadata file outside the package directories, and a key in a plain file, %s', async (_name, useGit) => {
    const root = project();
    writeFileSync(join(root, '.gitignore'), 'ignored/\n');
    mkdirSync(join(root, 'ignored'));
    writeFileSync(join(root, 'ignored/key.txt'), KEY);
    if (useGit) {
      git(root, 'init', '-q');
      git(root, 'add', 'backup', 'sfdx-project.json', 'force-app');
      git(root, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'x');
    }
    const secrets = async (path: string) => {
      const run = await runMain(['lint', '--format', 'json', path], root);
      const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
      return results.flatMap((result) => result.messages.filter((message) => message.ruleId === 'no-secrets-in-repo').map((message) => [result.filePath, message.message]));
    };
    const found = await secrets('.');
    expect(found.map(([file]) => file).sort()).toEqual([join(root, 'backup/Old.connectedApp-meta.xml'), join(root, 'notes.txt')]);
    expect(found.find(([file]) => file.endsWith('Old.connectedApp-meta.xml'))![1]).toMatch(/consumer secret \(A1B2/);
    // Not linted as metadata: the backup apps get no other finding (they never deploy).
    const run = await runMain(['lint', '--format', 'json', '.'], root);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(results.filter((result) => result.filePath.includes('backup')).flatMap((result) => result.messages.map((message) => message.ruleId))).toEqual(['no-secrets-in-repo']);
  });
});

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore' });
}

describe('a repository reached through a symbolic link', () => {
  it('gets the same findings as the repository itself (git names it by its real path)', async () => {
    const outer = makeProject({});
    const real = join(outer, 'real');
    const root = makeProject({ 'sfdx-project.json': SFDX, 'force-app/main/default/connectedApps/Wide.connectedApp-meta.xml': connectedApp('Wide', ['Full']) });
    renameSync(root, real);
    execFileSync('git', ['init', '-q'], { cwd: real });
    symlinkSync(real, join(outer, 'link'), 'dir');
    const rules = async (path: string) => {
      const run = await runMain(['lint', '--format', 'json', path], outer);
      expect(run.status, run.stderr).toBe(1);
      return (JSON.parse(run.stdout) as { messages: { ruleId: string }[] }[]).flatMap((result) => result.messages.map((message) => message.ruleId)).sort();
    };
    const direct = await rules('real');
    expect(direct).toContain('no-full-scope');
    expect(await rules('link')).toEqual(direct);
  });
});
