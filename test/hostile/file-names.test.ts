// File names are chosen by whoever writes to the repository. A name may hold an escape sequence (ESC, OSC, BEL, a C1
// CSI), a `::error::` that the runner takes for a workflow command at the start of a log line (after any white
// space), or a legacy `##[error]` that it takes anywhere in a line. Every format prints file and app names: each
// must print them inert.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectedApp, runCli, tempDir } from '../helpers/cli.js';
import { git, gitRepository, SFDX_PROJECT, TYPES, writeFiles } from '../helpers/git.js';

/** An app name (the file name before `.connectedApp-meta.xml`) made of what a terminal or a runner would obey. */
const HOSTILE_NAME = '::error title=forged::pwned \u001b]0;title\u0007 \u009b31m \u007f ##[warning]also forged';
const HOSTILE_APP = `${TYPES}/connectedApps/${HOSTILE_NAME}.connectedApp-meta.xml`;

/** C0 controls other than the line break that ends each line, DEL, C1 controls. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
/** One of our own annotations: `::level` then properties whose values hold no `:` (escaped as %3A), then `::`. */
const OWN_ANNOTATION = /^::(?:error|warning|notice)(?: [A-Za-z]+=[^:,]*(?:,[A-Za-z]+=[^:,]*)*)?::/;

/** What the runner would do with each line: no forged command, no raw control character. */
function expectInert(output: string, options: { annotations?: boolean } = {}): void {
  for (const line of output.split('\n')) {
    expect(line, 'raw control character').not.toMatch(RAW_CONTROL);
    expect(line, 'legacy workflow command').not.toContain('##[');
    const trimmed = line.trimStart();
    if (trimmed.startsWith('::')) {
      expect(options.annotations, `a line taken for a workflow command: ${line}`).toBe(true);
      expect(line, 'an annotation of our own').toMatch(OWN_ANNOTATION);
    }
  }
}

describe('a hostile file name in lint output', () => {
  // A Full scope, so that the hostile file has findings to report.
  const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT, [HOSTILE_APP]: connectedApp('A', ['Full']) });

  for (const format of ['text', 'json', 'sarif', 'github', 'markdown']) {
    it(`is printed inert by --format ${format}`, async () => {
      const summary = join(tempDir(), 'summary.md');
      writeFileSync(summary, '');
      const run = await runCli(['lint', '--format', format, '.'], { cwd: root, env: { CI: 'true', NO_COLOR: '1', GITHUB_STEP_SUMMARY: summary } });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('pwned'); // the file is reported
      expectInert(run.stdout, { annotations: format === 'github' });
      expectInert(run.stderr);
      expectInert(readFileSync(summary, 'utf8'));
    });
  }

  it('is printed inert by the narrow text layout (a terminal 40 columns wide)', async () => {
    const run = await runCli(['lint', '--format', 'text', '.'], { cwd: root, env: { CI: 'true', NO_COLOR: '1', COLUMNS: '40' } });
    expect(run.stdout).toContain('pwned');
    expectInert(run.stdout);
  });
});

describe('a hostile file name on a file that cannot be parsed', () => {
  // A line break too: the name must stay on the one stderr line that reports it.
  const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT, [`${TYPES}/connectedApps/x\n${HOSTILE_NAME}.connectedApp-meta.xml`]: '<ConnectedApp><label>unclosed' });

  it('is named inert, on one line, on stderr next to a machine format', async () => {
    const run = await runCli(['lint', '--format', 'json', '.'], { cwd: root });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^connected-app-lint: \S*x\\n::.*pwned.*connectedApp-meta\.xml:\d+:\d+: /m);
    expectInert(run.stderr);
  });
});

describe('a hostile file name in diff output', () => {
  const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT, [`${TYPES}/connectedApps/A.connectedApp-meta.xml`]: connectedApp('A') });
  writeFiles(root, { [HOSTILE_APP]: connectedApp('B', ['Full']) });
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'hostile app');

  for (const format of ['text', 'json', 'markdown']) {
    it(`is printed inert by diff --format ${format}`, async () => {
      const run = await runCli(['diff', 'HEAD~1', '--format', format], { cwd: root });
      expect(run.stdout).toContain('pwned'); // the app is reported
      expectInert(run.stdout);
      expectInert(run.stderr);
    });
  }
});
