import { readFileSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workingTreeChangesSince } from '../src/project/git/index.js';
import { changedSinceScope } from '../src/project/git-scope.js';
import { ECA_PATHS, ecaPolicy, externalClientApp } from './helpers/apps.js';
import { connectedApp, makeProject, REPO, runCli } from './helpers/cli.js';
import { git, gitRepository, SFDX_PROJECT, TYPES, writeFiles } from './helpers/git.js';

const appPath = (name: string) => `${TYPES}/connectedApps/${name}.connectedApp-meta.xml`;

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; line: number; column: number }[];
}

async function lintChangedSince(cwd: string, ref: string): { status: number; stderr: string; files: string[]; findings: string[] } {
  const run = await runCli(['lint', '--format', 'json', '--changed-since', ref], { cwd });
  if (run.status > 1 || !run.stdout.startsWith('[')) throw new Error(`lint --changed-since ${ref} failed (exit ${run.status}): ${run.stderr}`);
  const results = JSON.parse(run.stdout) as JsonResult[];
  const top = realpathSync(cwd);
  const relative = (path: string) => path.replace(`${top}/`, '');
  return {
    status: run.status,
    stderr: run.stderr,
    files: results.map((result) => relative(result.filePath)).sort(),
    findings: results.flatMap((result) => result.messages.map((message) => `${relative(result.filePath)}:${message.line} ${message.ruleId}`)).sort(),
  };
}

/**
 * main: Changed (clean), Untouched (Full scope: a problem nobody touched), Removed (clean), and the ECA Partner with
 * the Full scope in its OAuth settings. The branch `feature` then: commits Full into Changed, edits Partner's policy
 * file without committing, deletes Removed from the working tree, adds an untracked auth file and an ignored one.
 * Meanwhile main gains Later (Full): not part of the branch.
 */
function pullRequest(): string {
  const authFile = readFileSync(join(REPO, 'fixtures/rules/no-secrets-in-repo/bad-auth-url/authFile.json'), 'utf8');
  const root = gitRepository({
    'sfdx-project.json': SFDX_PROJECT,
    '.gitignore': '.env\n',
    [appPath('Changed')]: connectedApp('Changed'),
    [appPath('Untouched')]: connectedApp('Untouched', ['Full']),
    [appPath('Removed')]: connectedApp('Removed'),
    ...externalClientApp('Partner', { settingsName: 'PartnerSettings', scopes: 'Api, Full' }),
  });
  git(root, 'checkout', '-q', '-b', 'feature');
  writeFiles(root, { [appPath('Changed')]: connectedApp('Changed', ['Full']) });
  git(root, 'commit', '-q', '-am', 'feature work');
  git(root, 'checkout', '-q', 'main');
  writeFiles(root, { [appPath('Later')]: connectedApp('Later', ['Full']) });
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'main moves on');
  git(root, 'checkout', '-q', 'feature');
  writeFiles(root, { [ECA_PATHS.policy('PartnerSettings')]: ecaPolicy('Partner', 'Bypass'), 'scripts/authFile.json': authFile, '.env': authFile });
  rmSync(join(root, appPath('Removed')));
  return root;
}

describe('lint --changed-since', () => {
  it('lints only what the branch changed (commits, edits, untracked files), judging a changed app with its other files', async () => {
    const root = pullRequest();
    const run = await lintChangedSince(root, 'main');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.files).toEqual(
      [
        appPath('Changed'),
        appPath('Removed'),
        'scripts/authFile.json',
        // The rest of the app Partner is read to judge it, but its unchanged files are not what was asked about.
        ECA_PATHS.policy('PartnerSettings'),
      ].sort(),
    );
    expect(run.findings).toEqual(
      [
        `${appPath('Changed')}:8 no-full-scope`,
        `${appPath('Removed')}:1 revocation-impact`,
        `${ECA_PATHS.policy('PartnerSettings')}:5 ip-relaxation-enforced`,
        'scripts/authFile.json:5 no-secrets-in-repo',
      ].sort(),
    );
  });

  it('compares with the merge base: what main gained since the branch was cut is not a change of the branch', async () => {
    const root = pullRequest();
    const scope = await changedSinceScope('main', { cwd: root });
    const top = realpathSync(root);
    expect(scope.discovery.metadata.map((file) => file.path)).not.toContain(join(top, appPath('Later')));
    expect(scope.deletedFiles).toEqual([join(top, appPath('Removed'))]);
    // Against main's tip instead, Later would look deleted by the branch.
    const againstTip = await workingTreeChangesSince(root, 'main');
    expect(againstTip.find((change) => change.path === appPath('Later'))?.status).toBe('D');
    expect(scope.discovery.scanFiles).toEqual(
      [appPath('Changed'), 'scripts/authFile.json', ECA_PATHS.policy('PartnerSettings')].map((path) => join(top, path)).sort(),
    );
  });

  it('finds nothing when nothing changed', async () => {
    const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT, [appPath('Untouched')]: connectedApp('Untouched', ['Full']) });
    const run = await lintChangedSince(root, 'HEAD');
    expect(run.status).toBe(0);
    expect(run.files).toEqual([]);
  });

  it('is a usage error for an unknown ref, and outside a repository', async () => {
    const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT });
    const unknown = await runCli(['lint', '--changed-since', 'no-such-branch'], { cwd: root });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--changed-since: unknown git revision "no-such-branch"');

    const outside = await runCli(['lint', '--changed-since', 'main'], { cwd: makeProject({ 'sfdx-project.json': SFDX_PROJECT }) });
    expect(outside.status).toBe(2);
    expect(outside.stderr).toContain('--changed-since needs a git repository');
  });
});
