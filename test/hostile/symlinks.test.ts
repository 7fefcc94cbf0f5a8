// Symbolic links committed by a pull request: never read through one that leads out of the repository (a link to
// ~/.ssh/id_rsa would be echoed), and never walk a folder link out of the linted root (a link to `/`).
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectedApp, makeProject, spawnCli, tempDir } from '../helpers/cli.js';
import { git, gitRepository } from '../helpers/git.js';

const key = generateKeyPairSync('rsa', { modulusLength: 1024, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } }).privateKey;
const APP = 'force-app/main/default/connectedApps/A.connectedApp-meta.xml';
const PROJECT = JSON.stringify({ packageDirectories: [{ path: 'force-app' }] });

/** A private key outside every repository: what a link in a pull request would point at on the runner. */
function outsideSecret(): string {
  const file = join(tempDir('calint-outside-'), 'id_rsa');
  writeFileSync(file, key);
  return file;
}

const lint = (root: string) => spawnCli(['lint', '--format', 'text', '.'], { cwd: root, timeout: 60_000 });

describe('a link to a file outside the repository', () => {
  it('is not read, and is named once as skipped (no git)', () => {
    const root = makeProject({ 'sfdx-project.json': PROJECT, [APP]: connectedApp('A') });
    mkdirSync(join(root, 'notes'));
    symlinkSync(outsideSecret(), join(root, 'notes', 'deploy.txt'));
    const result = lint(root);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/private key/i);
    expect(result.stdout).toMatch(/1 symbolic link\(s\) pointing outside the repository were skipped for safety, not read: notes\/deploy\.txt/);
  });

  it('is not read when committed to git', () => {
    const root = gitRepository({ 'sfdx-project.json': PROJECT, [APP]: connectedApp('A') });
    symlinkSync(outsideSecret(), join(root, 'server.key'));
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'a link');
    const result = lint(root);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/private key/i);
    expect(result.stdout).toMatch(/skipped for safety, not read: server\.key/);
  });

  it('inside the repository is still read', () => {
    const root = makeProject({ 'sfdx-project.json': PROJECT, [APP]: connectedApp('A'), 'keys/real.pem': key });
    symlinkSync(join(root, 'keys', 'real.pem'), join(root, 'server.key'));
    const result = lint(root);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/server\.key[\s\S]*private key/i);
  });
});

describe('a link to a folder outside the linted root', () => {
  it('is not walked (a link to the file-system root)', () => {
    const root = makeProject({ 'sfdx-project.json': PROJECT, [APP]: connectedApp('A') });
    symlinkSync('/', join(root, 'everything'));
    const result = lint(root);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/No problems in 1 app/);
  });
});
