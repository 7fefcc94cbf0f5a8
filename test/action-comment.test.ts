// The Action's pull-request comment and job summary, in process against a fake GitHub API: whose comment is edited
// (only the bot's own, never one a pull request's author planted with the marker), and GitHub's size limits on the
// comment (65,536 characters) and on the step's job summary (1 MiB, shared with the lint summary).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionErrorReport, runAction } from '../src/action/run.js';
import { WriteError } from '../src/project/write.js';
import type { PostureDiff } from '../src/diff/types.js';
import { renderDiffMarkdown } from '../src/reporters/diff/markdown.js';
import { connectedApp, tempDir } from './helpers/cli.js';
import { ACTIONS_BOT, FakeGitHub, REVIEWER, TOKEN } from './helpers/fake-github.js';
import { git, gitRepository, SFDX_PROJECT, TYPES, writeFiles } from './helpers/git.js';
import { capture } from './helpers/in-process.js';

const MARKER = '<!-- connected-app-lint:posture -->';
const appPath = (name: string) => `${TYPES}/connectedApps/${name}.connectedApp-meta.xml`;

let api: FakeGitHub;
beforeEach(async () => {
  api = new FakeGitHub(3);
  await api.start();
});
afterEach(async () => {
  await api.stop();
});

/** The Action in process, as on a pull_request event for #7, with the runner's files in a temporary folder. */
async function action(workspace: string, inputs: Record<string, string>, summaryBefore = '', summaryPath?: string) {
  const stdout = capture();
  const stderr = capture();
  const runner = tempDir('calint-runner-');
  const files = { summary: join(runner, 'summary.md'), event: join(runner, 'event.json'), output: join(runner, 'output') };
  writeFileSync(files.summary, summaryBefore);
  writeFileSync(files.output, '');
  writeFileSync(files.event, JSON.stringify({ number: 7, pull_request: { number: 7 } }));
  const env: NodeJS.ProcessEnv = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summaryPath ?? files.summary,
    GITHUB_OUTPUT: files.output,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_API_URL: api.url,
    GITHUB_REPOSITORY: 'acme/salesforce',
  };
  for (const [name, value] of Object.entries({ 'github-token': TOKEN, 'fail-on': 'never', ...inputs })) env[`INPUT_${name.toUpperCase()}`] = value;
  const status = await runAction({ env, cwd: workspace, stdout: stdout.stream, stderr: stderr.stream });
  return { status, stdout: stdout.text(), stderr: stderr.text(), summary: readFileSync(files.summary, 'utf8') };
}

/** A repository whose base holds `Billing`, and a head commit that adds the Full scope to it. */
function widenedPullRequest(): { root: string; base: string } {
  const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT, [appPath('Billing')]: connectedApp('Billing', ['Api']) });
  const base = git(root, 'rev-parse', 'HEAD').trim();
  writeFiles(root, { [appPath('Billing')]: connectedApp('Billing', ['Api', 'Full']) });
  git(root, 'commit', '-q', '-am', 'widen');
  return { root, base };
}

describe('the posture comment is the bot’s own', () => {
  it('a marker comment planted by the pull request’s author is left alone: the bot creates its own', async () => {
    const { root, base } = widenedPullRequest();
    const planted = api.add(`${MARKER}\n### ✅ connected-app-lint posture: no change to any app's access`, { login: 'pr-author', type: 'User' });
    const run = await action(root, { 'compare-to': base });
    expect(run.stdout).toContain('pull-request comment created');
    expect(api.comments.find((comment) => comment.id === planted.id)!.body).toBe(planted.body);
    expect(api.requests.filter((request) => request.method === 'PATCH')).toEqual([]);
    const own = api.withMarker(MARKER).filter((comment) => comment.user.login === ACTIONS_BOT.login);
    expect(own).toHaveLength(1);
    expect(own[0]!.body).toContain('1 app widened');
  });

  it('a user named like the bot but of type User is not the bot either', async () => {
    const { root, base } = widenedPullRequest();
    const planted = api.add(`${MARKER}\nplanted`, { login: 'github-actions[bot]', type: 'User' });
    await action(root, { 'compare-to': base });
    expect(api.comments.find((comment) => comment.id === planted.id)!.body).toBe(`${MARKER}\nplanted`);
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('the bot’s own earlier comment is edited in place, after a planted one', async () => {
    const { root, base } = widenedPullRequest();
    api.add(`${MARKER}\nplanted`, REVIEWER);
    const earlier = api.add(`${MARKER}\nold`, ACTIONS_BOT);
    const run = await action(root, { 'compare-to': base });
    expect(run.stdout).toContain('pull-request comment updated');
    expect(api.comments.find((comment) => comment.id === earlier.id)!.body).toContain('1 app widened');
    expect(api.withMarker(MARKER).map((comment) => comment.body)).toContain(`${MARKER}\nplanted`);
    expect(api.requests.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('with a user token (GET /user answers) the comment of that user is the one edited, never the bot’s', async () => {
    const { root, base } = widenedPullRequest();
    api.identity = { login: 'release-bot-user', type: 'User' };
    const botComment = api.add(`${MARKER}\nfrom the default token`, ACTIONS_BOT);
    const mine = api.add(`${MARKER}\nold`, api.identity);
    const run = await action(root, { 'compare-to': base });
    expect(run.stdout).toContain('pull-request comment updated');
    expect(api.comments.find((comment) => comment.id === mine.id)!.body).toContain('1 app widened');
    expect(api.comments.find((comment) => comment.id === botComment.id)!.body).toBe(`${MARKER}\nfrom the default token`);
    expect(api.requests.every((request) => request.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(run.stdout + run.stderr + run.summary).not.toContain(TOKEN);
  });

  it('on-change with nothing to say does not touch a planted comment', async () => {
    const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT, [appPath('Billing')]: connectedApp('Billing', ['Api']) });
    const base = git(root, 'rev-parse', 'HEAD').trim();
    const planted = api.add(`${MARKER}\n### ❌ connected-app-lint posture: 9 apps widened`, REVIEWER);
    const run = await action(root, { 'compare-to': base });
    expect(run.status).toBe(0);
    expect(api.comments.find((comment) => comment.id === planted.id)!.body).toBe(planted.body);
    expect(api.requests.filter((request) => request.method !== 'GET')).toEqual([]);
  });
});

/** Lines of a Markdown body that a cut could have broken: a table row must end its cells, every <details> must close. */
function expectWholeConstructs(markdown: string): void {
  for (const line of markdown.split('\n').filter((entry) => entry.startsWith('|'))) expect(line).toMatch(/^\| .* \|$/);
  expect(markdown.match(/<details>/g)?.length ?? 0).toBe(markdown.match(/<\/details>/g)?.length ?? 0);
  expect(markdown.endsWith('\n')).toBe(true);
}

describe('GitHub’s size limits, with thousands of changed apps', () => {
  const APPS = 3000;

  /** A head commit that adds APPS Connected Apps with the Full scope (a lint error and a widening each). */
  function hugePullRequest(): { root: string; base: string } {
    const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT });
    const base = git(root, 'rev-parse', 'HEAD').trim();
    const files: Record<string, string> = {};
    for (let i = 0; i < APPS; i++) files[appPath(`Integration_${String(i).padStart(4, '0')}`)] = connectedApp(`Integration_${i}`, ['Api', 'Full', 'RefreshToken']);
    writeFiles(root, files);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'many apps');
    return { root, base };
  }

  it('the comment stays within 65,536 characters and the shared job summary within 1 MiB, cut between rows only', async () => {
    const { root, base } = hugePullRequest();
    const run = await action(root, { 'compare-to': base });
    expect(run.stdout).toContain('pull-request comment created');
    expect(run.stdout).not.toContain('could not write the job summary');

    const [comment] = api.withMarker(MARKER);
    expect(comment!.body.length).toBeLessThanOrEqual(65_536);
    expect(comment!.body.length).toBeGreaterThan(30_000); // it is filled, not emptied
    expect(comment!.body).toContain(`${APPS} apps added`);
    expect(comment!.body).toMatch(/…and [\d,]+ more changes?: see the job summary/);
    expectWholeConstructs(comment!.body);

    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(1024 * 1024);
    const lint = run.summary.slice(0, run.summary.indexOf(MARKER));
    const posture = run.summary.slice(run.summary.indexOf(MARKER));
    expect(lint).toContain('## connected-app-lint');
    expect(posture).toContain(`${APPS} apps added`);
    expect(posture).toMatch(/…and [\d,]+ more changes?: run `connected-app-lint diff --format json`/);
    expectWholeConstructs(posture);
  }, 240_000);
});

describe('the posture Markdown under a byte limit', () => {
  /** A diff with every section far over any limit: changes, new and fixed findings, notices. */
  function floodedDiff(count: number): PostureDiff {
    const finding = (i: number) => ({ ruleId: 'no-full-scope', severity: 'error' as const, message: `App "A${i}" requests the Full scope.`, file: `force-app/A${i}.connectedApp-meta.xml`, line: 9, column: 9, fingerprint: `f${i}` });
    return {
      base: { ref: 'origin/main', commit: '0123456789abcdef0123456789abcdef01234567' },
      head: { ref: 'working tree', commit: null },
      summary: { widened: count, narrowed: 0, added: 0, removed: 0, modified: count, newFindings: count, fixedFindings: count },
      apps: Array.from({ length: count }, (_, i) => ({
        app: `App${i}`,
        kind: 'connectedApp' as const,
        status: 'modified' as const,
        changes: [{ setting: 'scopes', before: null, after: 'Full', effect: 'widened' as const, severity: 'error' as const, message: `App${i}: scope Full added.` }],
      })),
      findings: { new: Array.from({ length: count }, (_, i) => finding(i)), fixed: Array.from({ length: count }, (_, i) => finding(i + count)) },
      notices: Array.from({ length: count }, (_, i) => `Notice ${i}: ${'n'.repeat(200)}`),
    };
  }

  it.each([2_000, 10_000, 65_536])('%i bytes: every section keeps its frame and says how many it left out', (limit) => {
    const markdown = renderDiffMarkdown(floodedDiff(5_000), { maxBytes: limit, elsewhere: 'see the job summary' });
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(limit);
    expectWholeConstructs(markdown);
    expect(markdown.startsWith(`${MARKER}\n### ❌ connected-app-lint posture: 5000 apps widened`)).toBe(true);
    expect(markdown).toMatch(/…and [\d,]+ more changes: see the job summary\./);
    expect(markdown).toMatch(/- …and [\d,]+ more new findings: see the job summary\./);
    expect(markdown).toMatch(/> …and [\d,]+ more notices: see the job summary\./);
    // The prose behind the table goes first when room is short; with some room it is there, its list of apps capped.
    if (limit >= 10_000) expect(markdown).toMatch(/Apps: App0 \(Connected App, modified\), .* and [\d,]+ more apps\./);
    // Counted, not guessed: the rows shown plus the ones said to be left out are all of them.
    const shown = markdown.split('\n').filter((line) => /^\| App\d/.test(line)).length;
    const left = Number(/…and ([\d,]+) more changes:/.exec(markdown)![1]);
    expect(shown + left).toBe(5_000);
  });

  it('all of it when it fits, with no "more" line', () => {
    const markdown = renderDiffMarkdown(floodedDiff(3));
    expect(markdown).not.toContain('…and');
    expect(markdown.split('\n').filter((line) => /^\| App\d/.test(line))).toHaveLength(3);
    expect(markdown.split('\n').filter((line) => line.startsWith('> Notice'))).toHaveLength(3);
  });

  it('a limit smaller than the headline gives nothing rather than a cut headline', () => {
    expect(renderDiffMarkdown(floodedDiff(5), { maxBytes: 40 })).toBe('');
  });
});

describe('one job-summary appender for the lint and the posture diff', () => {
  it('a summary that cannot be written is said once by each, on stdout, and the step still comments and passes', async () => {
    const { root, base } = widenedPullRequest();
    const run = await action(root, { 'compare-to': base }, '', join(tempDir(), 'missing', 'summary.md'));
    expect(run.status).toBe(0);
    expect(run.stdout.match(/^connected-app-lint: could not write the job summary: ENOENT/gm)).toHaveLength(2);
    expect(run.stdout).toContain('pull-request comment created');
  });

  it('a step summary already at 1 MiB gets no posture diff (GitHub would drop the whole summary), and says so', async () => {
    const { root, base } = widenedPullRequest();
    const full = `${'x'.repeat(1024 * 1024 - 1)}\n`;
    const run = await action(root, { 'compare-to': base }, full);
    expect(Buffer.byteLength(run.summary)).toBe(1024 * 1024);
    expect(run.summary).toBe(full);
    expect(run.stdout).toContain("connected-app-lint: no room left in the step's 1 MiB job summary for the lint summary.");
    expect(run.stdout).toContain("connected-app-lint: no room left in the step's 1 MiB job summary for the posture diff.");
  });
});

describe('the Action’s known errors', () => {
  it('a WriteError is shown as itself, without a stack; an unexpected error is an internal error with one', () => {
    const written = actionErrorReport(new WriteError('refusing to write the SARIF report to out.sarif: it is a symbolic link'));
    expect(written.message).toBe('refusing to write the SARIF report to out.sarif: it is a symbolic link');
    expect(written.stack).toBeUndefined();
    const crash = actionErrorReport(new TypeError('x is undefined'));
    expect(crash.message).toBe('internal error: x is undefined');
    expect(crash.stack).toContain('TypeError: x is undefined');
  });
});
