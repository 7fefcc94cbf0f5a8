// Reads that could escape the repository: control files (configuration, .forceignore, baseline, sfdx-project.json),
// the trusted policy's comparison of the gate's files, and the diff's working-tree side. A committed symbolic link
// out of the repository is refused, never read and echoed; a blob at a ref is read within the same size limits as a
// file. In-process (runCli), so that these run the sources rather than the built bundle.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectedApp, makeProject, runCli, tempDir } from '../helpers/cli.js';
import { git, gitRepository } from '../helpers/git.js';

const APP = 'force-app/main/default/connectedApps/A.connectedApp-meta.xml';
const PROJECT = JSON.stringify({ packageDirectories: [{ path: 'force-app' }] });
/** What a link in a pull request would point at on the runner: a file that must never be quoted back. */
const PRIVATE = 'root:x:0:0:PRIVATE-LINE-FROM-OUTSIDE:/root:/bin/bash';

/** A file outside every repository, with `text`. */
function outsideFile(text: string, name = 'passwd'): string {
  const file = join(tempDir('calint-outside-'), name);
  writeFileSync(file, text);
  return file;
}

describe('control files linked out of the repository', () => {
  for (const name of ['connected-app-lint.yaml', 'connected-app-lint.json']) {
    it(`${name} linked to a file outside is refused (exit 2) without quoting it`, async () => {
      const root = gitRepository({ 'sfdx-project.json': PROJECT, [APP]: connectedApp('A') });
      symlinkSync(outsideFile(PRIVATE), join(root, name));
      const run = await runCli(['lint', '.'], { cwd: root });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`${name.replace('.', '\\.')}.*symbolic link to a file outside the repository`));
      expect(run.stderr + run.stdout).not.toContain('PRIVATE-LINE');
    });
  }

  it('a configuration linked to a file inside the repository is still read', async () => {
    const root = gitRepository({ 'sfdx-project.json': PROJECT, [APP]: connectedApp('A', ['Full']), 'config/shared.yaml': 'rules:\n  no-full-scope: off\n' });
    symlinkSync(join(root, 'config', 'shared.yaml'), join(root, 'connected-app-lint.yaml'));
    const run = await runCli(['lint', '--format', 'json', '.'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('no-full-scope');
  });

  it('--config given on the command line may name a file outside the repository (the user chose it)', async () => {
    const root = gitRepository({ 'sfdx-project.json': PROJECT, [APP]: connectedApp('A', ['Full']) });
    const config = outsideFile('rules:\n  no-full-scope: off\n', 'connected-app-lint.yaml');
    const run = await runCli(['lint', '--format', 'json', '--config', config, '.'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('no-full-scope');
  });

  it('--config given on the command line is still read through the checked reader (a device is refused)', async () => {
    const root = gitRepository({ 'sfdx-project.json': PROJECT, [APP]: connectedApp('A') });
    const run = await runCli(['lint', '--config', '/dev/zero', '.'], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\/dev\/zero.*not a regular file/);
  });

  it('the default baseline linked outside is refused (exit 2) without quoting it', async () => {
    const root = gitRepository({ 'sfdx-project.json': PROJECT, [APP]: connectedApp('A') });
    symlinkSync(outsideFile(PRIVATE), join(root, '.calint-baseline.json'));
    const run = await runCli(['lint', '.'], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\.calint-baseline\.json.*symbolic link to a file outside the repository/);
    expect(run.stderr + run.stdout).not.toContain('PRIVATE-LINE');
  });

  it('a .forceignore linked outside is not applied, and is named in a notice', async () => {
    const root = makeProject({ 'sfdx-project.json': PROJECT, [APP]: connectedApp('A') });
    symlinkSync(outsideFile('**/A.connectedApp-meta.xml\n'), join(root, '.forceignore'));
    const run = await runCli(['lint', '.'], { cwd: root });
    expect(run.stdout).toMatch(/in 1 app \(1 metadata file/);
    expect(run.stdout + run.stderr).toMatch(/\.forceignore was not read \(symbolic link to a file outside the repository/);
  });

  it('an sfdx-project.json linked outside is not read, and is named in a notice', async () => {
    const root = gitRepository({ [APP]: connectedApp('A') });
    symlinkSync(outsideFile(JSON.stringify({ packageDirectories: [{ path: 'elsewhere' }] })), join(root, 'sfdx-project.json'));
    const run = await runCli(['lint', '.'], { cwd: root });
    expect(run.stdout).toMatch(/in 1 app \(1 metadata file/);
    expect(run.stdout + run.stderr).toMatch(/sfdx-project\.json could not be read \(symbolic link to a file outside the repository/);
  });
});

describe('--config-from: the working tree side of the gate', () => {
  /** A repository whose `base` tag holds a .forceignore; the caller then changes the working tree. */
  function gateRepository(): string {
    const root = gitRepository({ 'sfdx-project.json': PROJECT, [APP]: connectedApp('A'), '.forceignore': '**/legacy/**\n' });
    git(root, 'tag', 'base');
    return root;
  }

  it('a .forceignore linked outside (same text as the base) counts as changed, not read through the link', async () => {
    const root = gateRepository();
    const link = join(root, '.forceignore');
    git(root, 'rm', '-q', '.forceignore');
    symlinkSync(outsideFile('**/legacy/**\n'), link);
    const run = await runCli(['lint', '--config-from', 'base', '.'], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toMatch(/This change modifies \.forceignore, part of the lint gate/);
  });

  it('a .forceignore linked to /dev/zero counts as changed, and the run ends', async () => {
    const root = gateRepository();
    git(root, 'rm', '-q', '.forceignore');
    symlinkSync('/dev/zero', join(root, '.forceignore'));
    const run = await runCli(['lint', '--config-from', 'base', '.'], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toMatch(/This change modifies \.forceignore, part of the lint gate/);
  });

  it('a configuration blob over the 1 MB limit at the ref is refused like a file over the limit (exit 2)', async () => {
    const padding = '# a comment line that pads the configuration over the control-file limit\n'.repeat(15_000);
    const root = gitRepository({ 'sfdx-project.json': PROJECT, [APP]: connectedApp('A'), 'connected-app-lint.yaml': `${padding}environment: production\n` });
    const run = await runCli(['lint', '--config-from', 'HEAD', '.'], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot read configuration file connected-app-lint\.yaml at HEAD \([0-9a-f]{12}\): file is 1\.\d MB, over the 1 MB limit/);
  });

  it('a configuration within the limit at the ref is still read', async () => {
    const root = gitRepository({ 'sfdx-project.json': PROJECT, [APP]: connectedApp('A', ['Full']), 'connected-app-lint.yaml': '\uFEFFrules:\n  no-full-scope: off\n' });
    const run = await runCli(['lint', '--format', 'json', '--config-from', 'HEAD', '.'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('no-full-scope');
  });
});

describe('diff: the working-tree side', () => {
  it('an app file linked out of the repository is not read, so its content is never published', async () => {
    const root = gitRepository({ 'sfdx-project.json': PROJECT, [APP]: connectedApp('A') });
    const secret = connectedApp('A', ['Full']).replace('https://app.example.com/cb', 'https://private-outside.example.com/cb');
    git(root, 'rm', '-q', APP);
    mkdirSync(join(root, 'force-app/main/default/connectedApps'), { recursive: true });
    symlinkSync(outsideFile(secret, 'A.connectedApp-meta.xml'), join(root, APP));
    const run = await runCli(['diff', 'HEAD', '--format', 'markdown'], { cwd: root });
    expect(run.stdout + run.stderr).not.toContain('private-outside');
    expect(run.stdout + run.stderr).not.toMatch(/\bFull\b/);
  });
});
