// The Action's pull-request comment and job summary, in process against a fake GitHub API: whose comment is edited
// (only the bot's own, never one a pull request's author planted with the marker), and GitHub's size limits on the
// comment (65,536 characters) and on the step's job summary (1 MiB, shared with the lint summary).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAction } from '../src/action/run.js';
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
async function action(workspace: string, inputs: Record<string, string>, summaryBefore = '') {
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
    GITHUB_STEP_SUMMARY: files.summary,
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
