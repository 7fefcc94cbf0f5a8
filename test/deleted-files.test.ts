// Deleting an app revokes its tokens: with --staged, the deletion is reported (revocation-impact) on the deleted
// path in JSON, and as a notification in SARIF, where a result would need an existing file.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectedApp, makeProject, runCli } from './helpers/cli.js';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, stdio: 'pipe' });

describe('a deleted app under --staged', () => {
  it('JSON reports it on the deleted path at line 1; SARIF makes it a notification, not a result', async () => {
    const root = makeProject({
      'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] }),
      'force-app/main/default/connectedApps/Billing.connectedApp-meta.xml': connectedApp('Billing'),
      'force-app/main/default/connectedApps/Other.connectedApp-meta.xml': connectedApp('Other'),
    });
    git(root, 'init', '-q');
    git(root, '-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '-A');
    git(root, '-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'init');
    git(root, 'rm', '-q', 'force-app/main/default/connectedApps/Billing.connectedApp-meta.xml');

    const json = await runCli(['lint', '--staged', '--format', 'json'], { cwd: root });
    const results = JSON.parse(json.stdout) as { filePath: string; messages: { ruleId: string; line: number; message: string }[] }[];
    const deleted = results.find((result) => result.filePath.endsWith('Billing.connectedApp-meta.xml'));
    expect(deleted?.messages).toEqual([expect.objectContaining({ ruleId: 'revocation-impact', line: 1, message: expect.stringContaining('Billing') })]);

    const sarif = await runCli(['lint', '--staged', '--format', 'sarif'], { cwd: root });
    const run = JSON.parse(sarif.stdout).runs[0];
    expect(run.results.filter((result: { ruleId: string }) => result.ruleId === 'revocation-impact')).toEqual([]);
    const notes = run.invocations[0].toolExecutionNotifications.map((note: { message: { text: string } }) => note.message.text);
    expect(notes).toContainEqual(expect.stringContaining('Billing.connectedApp-meta.xml (deleted)'));
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toContain('revocation-impact');
  });
});

describe('a file deleted in the working tree but still in the index', () => {
  it('is not linted by a plain lint (no "file not found" parse error); the rest is', async () => {
    const root = makeProject({
      'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] }),
      'force-app/main/default/connectedApps/Gone.connectedApp-meta.xml': connectedApp('Gone'),
      'force-app/main/default/connectedApps/Wide.connectedApp-meta.xml': connectedApp('Wide', ['Full']),
    });
    git(root, 'init', '-q');
    git(root, '-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '-A');
    git(root, '-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'init');
    rmSync(join(root, 'force-app/main/default/connectedApps/Gone.connectedApp-meta.xml'));

    const run = await runCli(['lint', '--format', 'json'], { cwd: root });
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(results.map((result) => result.filePath.split('/').pop())).toEqual(['Wide.connectedApp-meta.xml']);
    expect(results.flatMap((result) => result.messages.map((message) => message.ruleId))).not.toContain('parse-error');
    expect(run.status).toBe(1);
  });
});
