// Markdown outputs (the job summary, `-f markdown`, the diff's pull-request comment) are rendered by GitHub, which
// turns `@name` into a mention (a notification to that person), `#12` into a link to an issue, and bare addresses into
// links. Names and values from the repository must render as the text they are.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectedApp, runCli, tempDir } from '../helpers/cli.js';
import { git, gitRepository, SFDX_PROJECT, TYPES, writeFiles } from '../helpers/git.js';

const NAME = 'Ping @octocat and @acme-org team fixes #12 see www.evil.example';
const APP = `${TYPES}/connectedApps/${NAME}.connectedApp-meta.xml`;
const CALLBACK = 'http://evil.example/cb?ref=@octocat#12';
const app = connectedApp('A', ['Full']).replace('https://app.example.com/cb', CALLBACK);

/** Markdown as GitHub would link it: code spans aside (nothing is linked inside them). */
function expectNothingLinked(markdown: string): void {
  const text = markdown.replace(/`[^`\n]*`/g, '').replace(/\]\(https:\/\/github\.com\/connected-app-lint\/[^)]*\)/g, '');
  expect(text, 'a mention').not.toMatch(/(^|[^\w`])@[A-Za-z0-9]/);
  expect(text, 'an issue reference').not.toMatch(/#\d/);
  expect(text, 'a bare address').not.toMatch(/https?:\/\/evil|www\.evil/);
}

describe('names and values from the repository in Markdown', () => {
  it('mention nobody and link nothing in -f markdown and the job summary', async () => {
    const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT, [APP]: app });
    const summary = join(tempDir(), 'summary.md');
    writeFileSync(summary, '');
    const markdown = await runCli(['lint', '-f', 'markdown', '.'], { cwd: root });
    expect(markdown.stdout).toContain('octocat'); // the name is there, as text
    expectNothingLinked(markdown.stdout);
    await runCli(['lint', '-f', 'github', '.'], { cwd: root, env: { CI: 'true', GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, 'utf8')).toContain('octocat');
    expectNothingLinked(readFileSync(summary, 'utf8'));
  });

  it('mention nobody and link nothing in diff -f markdown (the pull-request comment)', async () => {
    const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT, [`${TYPES}/connectedApps/B.connectedApp-meta.xml`]: connectedApp('B') });
    writeFiles(root, { [APP]: app, [`${TYPES}/connectedApps/B.connectedApp-meta.xml`]: connectedApp('B').replace('https://app.example.com/cb', `https://app.example.com/cb\n${CALLBACK}`) });
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'change');
    const diff = await runCli(['diff', 'HEAD~1', '-f', 'markdown'], { cwd: root });
    expect(diff.stdout).toContain('octocat');
    expectNothingLinked(diff.stdout);
  });
});
