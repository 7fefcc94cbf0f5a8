// Control files are repository content too: a committed link to /dev/zero must not exhaust memory and a FIFO must
// not hang the run. Each is refused by the checked reader with a message naming the file.
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectedApp, makeProject, spawnCli } from '../helpers/cli.js';

const APP = 'force-app/main/default/connectedApps/A.connectedApp-meta.xml';
const project = () => makeProject({ 'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }), [APP]: connectedApp('A') });

/** A link to the endless device, as a pull request can commit it. */
const linkToZero = (root: string, file: string) => symlinkSync('/dev/zero', join(root, file));
const fifo = (root: string, file: string) => execFileSync('mkfifo', [join(root, file)]);

/** The CLI, stopped after 30 s: a hang fails the test instead of holding the suite. */
const lint = (root: string, ...args: string[]) => spawnCli(['lint', ...args, '.'], { cwd: root, timeout: 30_000, maxBuffer: 64 * 1024 * 1024 });

// A link to /dev/zero leads out of the repository, so it is refused as such before its type is looked at.
const LINK_OUTSIDE = 'symbolic link to a file outside the repository';
const NOT_REGULAR = 'not a regular file';

describe('control files that are devices or FIFOs', () => {
  for (const [name, make, reason] of [['a link to /dev/zero', linkToZero, LINK_OUTSIDE], ['a FIFO', fifo, NOT_REGULAR]] as const) {
    it(`a configuration file that is ${name} is refused (exit 2), naming the file`, () => {
      const root = project();
      make(root, 'connected-app-lint.yaml');
      const result = lint(root);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`connected-app-lint\\.yaml.*${reason}`));
    });

    it(`a baseline that is ${name} is refused (exit 2), naming the file`, () => {
      const root = project();
      make(root, '.calint-baseline.json');
      const result = lint(root);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`\\.calint-baseline\\.json.*${reason}`));
    });

    it(`a .forceignore, sfdx-project.json and .gitignore that are ${name} do not stop the lint`, () => {
      const root = makeProject({ [APP]: connectedApp('A') });
      for (const file of ['.forceignore', 'sfdx-project.json', '.gitignore']) make(root, file);
      const result = lint(root, '--format', 'json');
      expect(result.status).not.toBe(2);
      expect(result.stdout).toContain('A.connectedApp-meta.xml');
      expect(result.stderr).toMatch(new RegExp(`sfdx-project\\.json.*${reason}`));
      // Treated as absent (which lints more, never less), but named: a refused file is never passed in silence.
      expect(result.stderr).toMatch(new RegExp(`\\.forceignore was not read \\(.*${reason}.*\\); the lint runs as if it were absent`));
      expect(result.stderr).toMatch(new RegExp(`\\.gitignore was not read \\(.*${reason}.*\\); the lint runs as if it were absent`));
    });
  }
});

describe('ignore files over the 1 MB control-file limit', () => {
  it('a .forceignore and a .gitignore over 1 MB are named in a notice and linted as absent', () => {
    const big = `${'# padding line for a control file over the limit\n'.repeat(25_000)}force-app/\n`;
    const root = makeProject({ 'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }), [APP]: connectedApp('A'), '.forceignore': big, '.gitignore': big });
    const result = lint(root, '--format', 'json');
    expect(result.status).not.toBe(2);
    // Both files would leave the app out if they were read: it is linted, and each refusal is said.
    expect(result.stdout).toContain('A.connectedApp-meta.xml');
    expect(result.stderr).toMatch(/\.forceignore was not read \(file is 1\.2 MB, over the 1\.0 MB limit\)/);
    expect(result.stderr).toMatch(/\.gitignore was not read \(file is 1\.2 MB, over the 1\.0 MB limit\)/);
  });
});
