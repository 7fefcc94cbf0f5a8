// A second sfdx-project.json that a pull request adds inside a package directory: the Salesforce CLI deploys from the
// repository's project (its package directories), but `connected-app-lint force-app` took the nearest sfdx-project.json
// above the linted folder, so a `force-app/sfdx-project.json` listing an empty folder hid every app of force-app from
// the app rules, without a word. Inside git the outermost project of the repository decides, and the nested file is named.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectedApp, makeProject, runCli } from '../helpers/cli.js';
import { gitRepository, SFDX_PROJECT, TYPES } from '../helpers/git.js';

const HIDING_PROJECT = JSON.stringify({ packageDirectories: [{ path: 'docs', default: true }] });

describe('a nested sfdx-project.json in a package directory', () => {
  for (const path of ['force-app', 'force-app/main']) {
    it(`does not hide the apps of the repository's package directory when ${path} is linted`, async () => {
      const root = gitRepository({
        'sfdx-project.json': SFDX_PROJECT,
        'force-app/sfdx-project.json': HIDING_PROJECT,
        'force-app/docs/README.md': 'nothing here\n',
        [`${TYPES}/connectedApps/A.connectedApp-meta.xml`]: connectedApp('A', ['Full']),
      });
      const run = await runCli(['lint', '--format', 'json', path], { cwd: root });
      expect(run.stdout).toContain('no-full-scope');
      expect(run.status).toBe(1);
      expect(run.stdout + run.stderr).toContain('force-app/sfdx-project.json');
    });
  }

  it('still decides for a project of its own when the repository has none at its top', async () => {
    const root = gitRepository({
      'projects/a/sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'src' }] }),
      'projects/a/src/connectedApps/A.connectedApp-meta.xml': connectedApp('A', ['Full']),
      'projects/a/other/connectedApps/B.connectedApp-meta.xml': connectedApp('B', ['Full']),
    });
    const run = await runCli(['lint', '--format', 'json', 'projects/a'], { cwd: root });
    expect(run.stdout).toContain('A.connectedApp-meta.xml');
    // B is outside every package directory of its project: not deployed, not linted as an app.
    expect(run.stdout).not.toContain('B.connectedApp-meta.xml');
  });
});

describe('a repository reached through a symbolic link', () => {
  it('looks for its project no higher than the repository, though git names the work tree by its real path', async () => {
    const root = gitRepository({
      'sfdx-project.json': SFDX_PROJECT,
      [`${TYPES}/connectedApps/A.connectedApp-meta.xml`]: connectedApp('A', ['Full']),
    });
    // A workspace folder with a project file of its own (outside git), and the checkout linked into it.
    const workspace = makeProject({ 'sfdx-project.json': HIDING_PROJECT, 'docs/README.md': 'nothing here\n' });
    symlinkSync(root, join(workspace, 'checkout'));
    const run = await runCli(['lint', '--format', 'json', '.'], { cwd: join(workspace, 'checkout') });
    // The workspace's project (outside git) neither decides nor is read: the repository's project is the one.
    expect(run.stdout + run.stderr).not.toContain('is not used');
    expect(run.stdout + run.stderr).not.toContain('could not be read');
  });
});
