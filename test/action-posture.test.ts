// The Action's posture diff (compare-to): run as the runner runs the committed bundle, against a local HTTP server
// standing in for the GitHub REST API. One comment, found by its marker among many, created once and then edited.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectedApp, REPO, tempDir } from './helpers/cli.js';
import { ECA_PATHS, ecaPolicy, externalClientApp } from './helpers/apps.js';
import { FakeGitHub, TOKEN } from './helpers/fake-github.js';
import { git, gitRepository, SFDX_PROJECT, TYPES, writeFiles } from './helpers/git.js';

const action = parseYaml(readFileSync(join(REPO, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }>; runs: { main: string } };
const MARKER = '<!-- connected-app-lint:posture -->';
const BILLING = `${TYPES}/connectedApps/Billing.connectedApp-meta.xml`;

let actionDir: string;

/** The action's repository as the runner downloads it: committed files only. */
function checkoutAction(): string {
  const dir = tempDir('calint-action-');
  for (const file of ['package.json', 'action.yml', action.runs.main]) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    copyFileSync(join(REPO, file), join(dir, file));
  }
  return dir;
}

interface Run {
  status: number;
  stdout: string;
  stderr: string;
  outputs: string;
  summary: string;
}

/** Runs the bundle asynchronously (the fake API answers from this process meanwhile). */
async function runAction(workspace: string, api: FakeGitHub, inputs: Record<string, string>): Promise<Run> {
  const runner = tempDir('calint-runner-');
  const files = { output: join(runner, 'output'), summary: join(runner, 'summary.md'), event: join(runner, 'event.json') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  writeFileSync(files.event, JSON.stringify({ action: 'synchronize', number: 7, pull_request: { number: 7, base: { sha: inputs['compare-to'] } } }));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_API_URL: api.url,
    GITHUB_REPOSITORY: 'acme/salesforce',
  };
  for (const [name, spec] of Object.entries(action.inputs)) env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? spec.default ?? '';
  const child = spawn(process.execPath, [join(actionDir, action.runs.main)], { cwd: workspace, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  return { status, stdout, stderr, outputs: readFileSync(files.output, 'utf8'), summary: readFileSync(files.summary, 'utf8') };
}

function billing(scopes: string[]): string {
  return connectedApp('Billing', scopes);
}

/** A pull request's checkout: the base commit, then the change under review committed on top. */
function pullRequest(): { root: string; base: string } {
  const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT, [BILLING]: billing(['Api']), ...externalClientApp('Portal') });
  return { root, base: git(root, 'rev-parse', 'HEAD').trim() };
}

function commit(root: string, files: Record<string, string>): void {
  writeFiles(root, files);
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'change');
}

const output = (outputs: string, name: string) => new RegExp(`^${name}<<(\\S+)\\n(.*)\\n\\1$`, 'm').exec(outputs)?.[2];

describe('GitHub Action: posture diff on a pull request', () => {
  beforeAll(() => {
    actionDir = checkoutAction();
  });

  let api: FakeGitHub;
  beforeAll(async () => {
    api = new FakeGitHub(150);
    await api.start();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('creates the comment on the first run, edits the same one afterwards, and says when it no longer applies', async () => {
    const { root, base } = pullRequest();
    commit(root, { [BILLING]: billing(['Api', 'Full']), [ECA_PATHS.policy('Portal')]: ecaPolicy('Portal', 'Bypass') });
    const inputs = { 'compare-to': base, 'github-token': TOKEN };

    const first = await runAction(root, api, inputs);
    expect(first.stdout).toContain('pull-request comment created');
    expect(first.status).toBe(1); // the Full scope: an error-severity change, and the lint's own error
    expect(output(first.outputs, 'widened')).toBe('2');
    expect(output(first.outputs, 'removed')).toBe('0');
    expect(output(first.outputs, 'added')).toBe('0');
    expect(first.summary).toContain(MARKER);
    expect(first.summary).toContain('| Billing | Scope added | — | `Full` | 🔺 widened |');
    expect(api.withMarker(MARKER)).toHaveLength(1);
    const [comment] = api.withMarker(MARKER);
    expect(comment!.body).toContain('2 apps widened');
    // 150 reviewer comments before it: the search read both pages.
    expect(api.requests.filter((request) => request.method === 'GET' && request.url.includes('/comments')).map((request) => request.url)).toEqual([
      '/repos/acme/salesforce/issues/7/comments?per_page=100',
      '/repos/acme/salesforce/issues/7/comments?per_page=100&page=2',
    ]);

    // The author drops the Full scope: the same comment is edited in place.
    commit(root, { [BILLING]: billing(['Api']) });
    const second = await runAction(root, api, inputs);
    expect(second.stdout).toContain('pull-request comment updated');
    expect(api.withMarker(MARKER)).toEqual([{ ...comment!, body: expect.stringContaining('1 app widened') }]);
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
    expect(api.requests.filter((request) => request.method === 'PATCH')).toHaveLength(1);

    // The policy goes back too: nothing left to say, so the comment says it no longer applies.
    commit(root, { [ECA_PATHS.policy('Portal')]: ecaPolicy('Portal', 'Enforce') });
    const third = await runAction(root, api, inputs);
    expect(third.status).toBe(0);
    expect(api.withMarker(MARKER)).toHaveLength(1);
    expect(api.withMarker(MARKER)[0]!.body).toContain('no longer applies');
    expect(api.comments).toHaveLength(151);
    expect(api.requests.every((request) => request.authorization === `Bearer ${TOKEN}`)).toBe(true);
    for (const run of [first, second, third]) expect(run.stdout + run.stderr + run.summary).not.toContain(TOKEN);
  });

  it('a 403 (a fork gets a read-only token) is a warning; the step passes or fails by the gate alone', async () => {
    const forbidden = new FakeGitHub(0);
    forbidden.status = 403;
    await forbidden.start();
    try {
      const { root, base } = pullRequest();
      commit(root, { [ECA_PATHS.policy('Portal')]: ecaPolicy('Portal', 'Enforce_RelaxRefresh') });
      const run = await runAction(root, forbidden, { 'compare-to': base, 'github-token': TOKEN });
      expect(run.stdout).toMatch(/^::warning title=connected-app-lint::cannot comment on pull request #7: GET \/repos\/acme\/salesforce\/issues\/7\/comments answered 403/m);
      expect(run.stdout).toContain('read-only token');
      expect(run.status).toBe(0); // a warning-severity widening passes the default gate
      expect(output(run.outputs, 'widened')).toBe('1');
      expect(run.stdout + run.stderr).not.toContain(TOKEN);

      commit(root, { [BILLING]: billing(['Api', 'Full']) });
      const failing = await runAction(root, forbidden, { 'compare-to': base, 'github-token': TOKEN });
      expect(failing.stdout).toContain('::warning title=connected-app-lint::cannot comment');
      expect(failing.status).toBe(1);
      expect(failing.stdout).toMatch(/failing the step: .*error-severity change/);
    } finally {
      await forbidden.stop();
    }
  });

  it('comment never (or no token) writes the job summary only; a base missing from a shallow clone says what to fetch', async () => {
    const quiet = new FakeGitHub(0);
    await quiet.start();
    try {
      const { root, base } = pullRequest();
      commit(root, { [ECA_PATHS.policy('Portal')]: ecaPolicy('Portal', 'Bypass') });
      const run = await runAction(root, quiet, { 'compare-to': base, 'github-token': TOKEN, comment: 'never', 'fail-on': 'never' });
      expect(run.status).toBe(0);
      expect(run.summary).toContain(MARKER);
      const noToken = await runAction(root, quiet, { 'compare-to': base });
      expect(noToken.summary).toContain('1 app widened');
      expect(quiet.requests).toEqual([]);

      const missing = await runAction(root, quiet, { 'compare-to': '0123456789abcdef0123456789abcdef01234567', 'github-token': TOKEN });
      expect(missing.status).toBe(2);
      expect(missing.stdout).toContain('unknown git revision "0123456789abcdef0123456789abcdef01234567"');
      expect(missing.stdout).toContain('git fetch --no-tags --depth=1 origin 0123456789abcdef0123456789abcdef01234567');
    } finally {
      await quiet.stop();
    }
  });
});
