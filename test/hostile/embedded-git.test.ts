// A folder of the pull request that looks like a bare git repository (HEAD, objects/, refs/, config) is taken for one
// by git's discovery when git runs inside it: `connected-app-lint force-app` ran `git ls-files` there, and git read
// the folder's committed `config`, whose `core.worktree` + `core.fsmonitor` make it run any command (code execution
// on the runner), and whose index decides which files are listed. Git must never use a repository it discovers as a
// bare one (`safe.bareRepository=explicit`), nor run a file-system monitor.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectedApp, runCli, tempDir } from '../helpers/cli.js';
import { gitRepository, SFDX_PROJECT, TYPES } from '../helpers/git.js';

/** The package directory of a pull request, made to look like a bare repository whose config runs `touch marker`. */
function trappedRepository(marker: string): string {
  return gitRepository({
    'sfdx-project.json': SFDX_PROJECT,
    [`${TYPES}/connectedApps/A.connectedApp-meta.xml`]: connectedApp('A', ['Full']),
    'force-app/HEAD': 'ref: refs/heads/main\n',
    'force-app/config': `[core]\n\trepositoryformatversion = 0\n\tbare = false\n\tworktree = .\n\tfsmonitor = "touch '${marker}'; false"\n`,
    'force-app/objects/info/keep': '',
    'force-app/refs/heads/keep': '',
  });
}

describe('a package directory dressed as a bare git repository', () => {
  for (const path of ['force-app', 'force-app/main']) {
    it(`runs no command of its config when ${path} is linted, and its apps are still linted`, async () => {
      const marker = join(tempDir('calint-marker-'), 'ran');
      const root = trappedRepository(marker);
      const run = await runCli(['lint', '--format', 'json', path], { cwd: root });
      expect(existsSync(marker), 'the fsmonitor command ran').toBe(false);
      expect(run.stdout).toContain('no-full-scope');
      expect(run.status).toBe(1);
    });
  }

  it('is still a folder of the real repository when the repository root is linted', async () => {
    const marker = join(tempDir('calint-marker-'), 'ran');
    const root = trappedRepository(marker);
    const run = await runCli(['lint', '--format', 'json', '.'], { cwd: root });
    expect(existsSync(marker)).toBe(false);
    expect(run.stdout).toContain('no-full-scope');
  });
});
