// The Action's posture diff (compare-to): run as the runner runs the committed bundle, against a local HTTP server
// standing in for the GitHub REST API. One comment, found by its marker among many, created once and then edited.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectedApp, REPO, tempDir } from './helpers/cli.js';
import { ECA_PATHS, ecaPolicy, externalClientApp } from './helpers/apps.js';
import { git, gitRepository, SFDX_PROJECT, TYPES, writeFiles } from './helpers/git.js';

const action = parseYaml(readFileSync(join(REPO, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }>; runs: { main: string } };
const TOKEN = 'ghs_TestTokenThatMustNeverBePrinted0123456789';
const MARKER = '<!-- connected-app-lint:posture -->';
const BILLING = `${TYPES}/connectedApps/Billing.connectedApp-meta.xml`;

interface Comment {
  id: number;
  body: string;
  html_url: string;
}

/** The GitHub API for one pull request (#7 of acme/salesforce): its comments, 100 a page, and the requests made. */
class FakeGitHub {
  comments: Comment[] = [];
  requests: { method: string; url: string; authorization: string | undefined }[] = [];
  status = 200;
  private server: Server | undefined;
  private nextId = 1000;

  constructor(otherComments: number) {
    for (let i = 0; i < otherComments; i++) this.add(`comment ${i} from a reviewer`);
  }

  private add(body: string): Comment {
    const comment = { id: this.nextId++, body, html_url: `https://github.example/acme/salesforce/pull/7#issuecomment-${this.nextId}` };
    this.comments.push(comment);
    return comment;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url!, this.url);
    this.requests.push({ method: request.method!, url: url.pathname + url.search, authorization: request.headers.authorization });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    if (this.status !== 200) return send(this.status, { message: 'Resource not accessible by integration' });
    if (request.headers.authorization !== `Bearer ${TOKEN}`) return send(401, { message: 'Bad credentials' });
    const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { body: string }) : undefined;
    if (request.method === 'GET' && url.pathname === '/repos/acme/salesforce/issues/7/comments') {
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const last = Math.max(1, Math.ceil(this.comments.length / perPage));
      const link = page < last ? { link: `<${this.url}${url.pathname}?per_page=${perPage}&page=${page + 1}>; rel="next", <${this.url}${url.pathname}?per_page=${perPage}&page=${last}>; rel="last"` } : {};
      return send(200, this.comments.slice((page - 1) * perPage, page * perPage), link);
    }
    if (request.method === 'POST' && url.pathname === '/repos/acme/salesforce/issues/7/comments') return send(201, this.add(body!.body));
    const patch = /^\/repos\/acme\/salesforce\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (request.method === 'PATCH' && patch) {
      const comment = this.comments.find((entry) => entry.id === Number(patch[1]));
      if (!comment) return send(404, { message: 'Not Found' });
      comment.body = body!.body;
      return send(200, comment);
    }
    send(404, { message: 'Not Found' });
  }

  postureComments(): Comment[] {
    return this.comments.filter((comment) => comment.body.startsWith(MARKER));
  }
}

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
    expect(api.postureComments()).toHaveLength(1);
    const [comment] = api.postureComments();
    expect(comment!.body).toContain('2 apps widened');
    // 150 reviewer comments before it: the search read both pages.
    expect(api.requests.filter((request) => request.method === 'GET').map((request) => request.url)).toEqual([
      '/repos/acme/salesforce/issues/7/comments?per_page=100',
      '/repos/acme/salesforce/issues/7/comments?per_page=100&page=2',
    ]);

    // The author drops the Full scope: the same comment is edited in place.
    commit(root, { [BILLING]: billing(['Api']) });
    const second = await runAction(root, api, inputs);
    expect(second.stdout).toContain('pull-request comment updated');
    expect(api.postureComments()).toEqual([{ ...comment!, body: expect.stringContaining('1 app widened') }]);
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
    expect(api.requests.filter((request) => request.method === 'PATCH')).toHaveLength(1);

    // The policy goes back too: nothing left to say, so the comment says it no longer applies.
    commit(root, { [ECA_PATHS.policy('Portal')]: ecaPolicy('Portal', 'Enforce') });
    const third = await runAction(root, api, inputs);
    expect(third.status).toBe(0);
    expect(api.postureComments()).toHaveLength(1);
    expect(api.postureComments()[0]!.body).toContain('no longer applies');
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
