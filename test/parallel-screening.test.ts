// Worker threads read and screen the repository's files on big runs (src/engine/screen-pool.ts). The output must be
// byte for byte the output of a run without them, in every format, and a worker that dies must lose no file.
// The tests run the real worker script: screen-worker.ts bundled by esbuild with the options scripts/build-dist.mjs
// uses. Parse errors and apps must come out the same too (the main thread parses while the workers screen).
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { bundleOptions } from '../scripts/bundle.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../src/engine/lint.js';
import { availableParallelism } from 'node:os';
import { type ParallelOptions, type PoolStats } from '../src/engine/screen-pool.js';
import { offerStandbyWorker, startScreenWorker, takeStandbyWorker, WORKER_THRESHOLD, workerCount, workersFromEnv } from '../src/engine/screen-threads.js';
import { wantsStandbyWorker } from '../src/engine/standby-worker.js';
import { Linter } from '../src/linter/linter.js';
import { prepareLint } from '../src/linter/prepare.js';
import { connectedApp, makeProject, REPO, spawnCli } from './helpers/cli.js';

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd, stdio: 'pipe' });

let workDir: string;
let workerEntry: URL;
let crashingEntry: URL;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'calint-workers-'));
  const outfile = join(workDir, 'screen-worker.mjs');
  await build({ ...bundleOptions('// test build of the worker'), entryPoints: [join(REPO, 'src', 'engine', 'screen-worker.ts')], outfile, logLevel: 'error' });
  workerEntry = pathToFileURL(outfile);
  // A worker that dies as it starts (an out-of-memory kill, a broken install): its files must be screened anyway.
  const crashing = join(workDir, 'crashing-worker.mjs');
  writeFileSync(crashing, "throw new Error('worker died');\n");
  crashingEntry = pathToFileURL(crashing);
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const privateKey = () => generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** Files that give findings of every kind the screening decides on, among enough plain files for many batches. */
function projectFiles(): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = {
    'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] }),
    'force-app/main/default/connectedApps/Full.connectedApp-meta.xml': connectedApp('Full', ['Full']),
    'force-app/main/default/connectedApps/Api.connectedApp-meta.xml': connectedApp('Api'),
    'force-app/main/default/connectedApps/Broken.connectedApp-meta.xml': '<?xml version="1.0"?>\n<ConnectedApp>\n  <label>Broken</ConnectedApp>\n',
    'force-app/main/default/connectedApps/Empty.connectedApp-meta.xml': '',
    // A copy outside the package directory: not modelled, but its consumer secret is read from its text.
    'backup/connectedApps/Copy.connectedApp-meta.xml': connectedApp('Copy', ['Api'], '\n    <oauthConfig><consumerSecret>8D3F19A7C2E4B6051928374655647382910ABCDEF</consumerSecret></oauthConfig>'),
    'scripts/deploy.key': privateKey(),
    'docs/notes/setup.md': `Use this:\n\n${privateKey()}\n`,
    'config/auth.txt': 'force://PlatformCLI::5Aep861KIwKdekr90I4iHdtDgWwRoG7O_6uHrgJ.yVtMS0UaGxRYypnaPIxHy0sVVYiH3FVgYa4Jlsuhw25Ymu@example.my.salesforce.com\n',
    'certs/store.p12': new Uint8Array([0x30, 0x82, 0x01, 0x00, 0, 0, 0, 1, 2, 3]),
    'images/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    'manifest/destructiveChanges.xml':
      '<?xml version="1.0" encoding="UTF-8"?>\n<Package xmlns="http://soap.sforce.com/2006/04/metadata">\n    <types>\n        <members>Old_App</members>\n        <name>ConnectedApp</name>\n    </types>\n    <version>62.0</version>\n</Package>\n',
    // A directive in a plain file: the suppression post-processor must see this file's text.
    'scripts/rotate.txt': `# calint-disable-next-line no-secrets-in-repo -- a test key\n${privateKey()}`,
    'notes/utf16.txt': new Uint8Array([0xff, 0xfe, ...[...'hello'].flatMap((c) => [c.charCodeAt(0), 0])]),
    // git lists these, and the workers are given git's listing before discovery: what discovery then leaves out (the
    // configuration's ignorePatterns, a folder the linter skips) must not come back as a finding.
    'connected-app-lint.json': JSON.stringify({ ignorePatterns: ['vendor/**'] }),
    'vendor/lib/bundled.key': privateKey(),
    '.sfdx/cache/auth.txt': 'force://PlatformCLI::5Aep861KIwKdekr90I4iHdtDgWwRoG7O_6uHrgJ.yVtMS0UaGxRYypnaPIxHy0sVVYiH3FVgYa4Jlsuhw25Ymu@example.my.salesforce.com\n',
  };
  for (let i = 0; i < 150; i++) files[`force-app/main/default/connectedApps/App${String(i).padStart(3, '0')}.connectedApp-meta.xml`] = connectedApp(`App${i}`, i % 5 === 0 ? ['Full'] : ['Api']);
  for (let i = 0; i < 1500; i++) files[`force-app/main/default/classes/Class${String(i).padStart(4, '0')}.cls`] = `public class Class${i} {\n    // https://example.com/${i}\n}\n`;
  return files;
}

let project: string;
beforeAll(() => {
  project = makeProject(projectFiles(), 'calint-workers-project-');
  // A link out of the repository: never read, by a worker or not.
  symlinkSync(join(REPO, 'package.json'), join(project, 'force-app', 'outside.txt'));
  git(project, 'init', '-q');
  git(project, 'add', '-A');
  git(project, 'commit', '-qm', 'init');
});

/** One run as the CLI makes it (configuration, suppressions, git scope), rendered in the three formats. */
async function lintProject(parallel: ParallelOptions): Promise<{ outputs: Record<string, string>; stats: PoolStats | undefined }> {
  let stats: PoolStats | undefined;
  const prepared = await prepareLint({ cwd: project, env: {} }, { paths: [] });
  const run = await lint({ ...prepared.options, parallel: { ...parallel, onDone: (done) => (stats = done) } });
  run.configuration = prepared.setup.configuration;
  await prepared.after(run);
  run.stats.durationMs = 0; // the one field that is a measurement
  const outputs: Record<string, string> = {};
  for (const format of ['text', 'json', 'sarif']) outputs[format] = await Linter.formatResults(run, format);
  return { outputs, stats };
}

describe('screening on worker threads', () => {
  it('gives byte for byte the output of a run without workers, in text, JSON and SARIF', async () => {
    const inThread = await lintProject({ workers: 0 });
    const onWorkers = await lintProject({ workers: 2, workerEntry, mainThreadTakes: false });
    // The workers really ran and screened every batch.
    expect(inThread.stats).toEqual({ workers: 0, batches: 0, inThreadBatches: 0, redoneBatches: 0, ahead: false });
    expect(onWorkers.stats?.workers).toBe(2);
    expect(onWorkers.stats?.batches).toBeGreaterThan(10);
    expect(onWorkers.stats?.inThreadBatches).toBe(0);
    // They were given git's listing before discovery (a folder lint in a repository), ignored files included.
    expect(onWorkers.stats?.ahead).toBe(true);
    // The run found what the screening must hand over: secrets in plain files, the key store, the unmodelled copy,
    // the destructive manifest, and the directive that suppresses one of them.
    const json = JSON.parse(onWorkers.outputs.json!) as { filePath: string; messages: { ruleId: string }[]; suppressedMessages?: unknown[] }[];
    const rulesIn = (suffix: string) => json.find((result) => result.filePath.endsWith(suffix))?.messages.map((message) => message.ruleId) ?? [];
    expect(rulesIn('deploy.key')).toContain('no-secrets-in-repo');
    expect(rulesIn('setup.md')).toContain('no-secrets-in-repo');
    expect(rulesIn('auth.txt')).toContain('no-secrets-in-repo');
    expect(rulesIn('store.p12')).toContain('no-secrets-in-repo');
    expect(rulesIn('Copy.connectedApp-meta.xml')).toContain('no-secrets-in-repo');
    expect(rulesIn('destructiveChanges.xml')).toContain('revocation-impact');
    expect(rulesIn('Broken.connectedApp-meta.xml')).toEqual(['parse-error']);
    expect(rulesIn('Empty.connectedApp-meta.xml')).toEqual(['parse-error']);
    expect(rulesIn('App005.connectedApp-meta.xml')).toContain('no-full-scope');
    expect(json.find((result) => result.filePath.endsWith('rotate.txt'))?.suppressedMessages?.length).toBe(1);
    expect(onWorkers.outputs.text).toContain('outside the repository');
    expect(json.some((result) => /bundled\.key|\.sfdx/.test(result.filePath))).toBe(false);
    for (const format of ['text', 'json', 'sarif']) expect(onWorkers.outputs[format], format).toBe(inThread.outputs[format]);
  });

  it('with the main thread taking batches too, the output is the same', async () => {
    const inThread = await lintProject({ workers: 0 });
    const shared = await lintProject({ workers: 2, workerEntry });
    expect(shared.stats?.workers).toBe(2);
    for (const format of ['text', 'json', 'sarif']) expect(shared.outputs[format], format).toBe(inThread.outputs[format]);
  });

  it('loses no file when the workers die: the main thread screens their batches again', async () => {
    const inThread = await lintProject({ workers: 0 });
    const crashed = await lintProject({ workers: 2, workerEntry: crashingEntry, mainThreadTakes: false });
    expect(crashed.stats?.inThreadBatches).toBe(crashed.stats?.batches);
    for (const format of ['text', 'json', 'sarif']) expect(crashed.outputs[format], format).toBe(inThread.outputs[format]);
  });
});

describe("the launcher's standby worker (started before the linter loads)", () => {
  it("is taken by the run's pool as its first worker, and the output is the same", async () => {
    const inThread = await lintProject({ workers: 0 });
    offerStandbyWorker(startScreenWorker(workerEntry));
    const withStandby = await lintProject({ workers: 1, workerEntry, mainThreadTakes: false });
    expect(takeStandbyWorker()).toBeUndefined(); // taken by the pool
    expect(withStandby.stats).toMatchObject({ workers: 1, inThreadBatches: 0, redoneBatches: 0, ahead: true });
    for (const format of ['text', 'json', 'sarif']) expect(withStandby.outputs[format], format).toBe(inThread.outputs[format]);
  });

  it('is passed over when it died before the run: the pool starts its own, and no file is lost', async () => {
    const inThread = await lintProject({ workers: 0 });
    // Offered at once, as the launcher does: its error must not end this process (nothing but the offer listens).
    const dead = startScreenWorker(crashingEntry);
    offerStandbyWorker(dead);
    await new Promise((resolve) => dead.once('exit', resolve));
    const run = await lintProject({ workers: 1, workerEntry, mainThreadTakes: false });
    expect(run.stats).toMatchObject({ workers: 1, inThreadBatches: 0, redoneBatches: 0 });
    for (const format of ['text', 'json', 'sarif']) expect(run.outputs[format], format).toBe(inThread.outputs[format]);
  });

  it('is started for a lint of folders in a work tree with enough files, not for other commands or staged files', () => {
    const workers = { CALINT_WORKERS: '1' };
    expect(wantsStandbyWorker([], project, workers)).toBe(true);
    expect(wantsStandbyWorker(['lint', '--format', 'json', '.'], join(project, 'force-app'), workers)).toBe(true);
    // This project's index is far below WORKER_THRESHOLD files, and CALINT_WORKERS=0 turns workers off.
    expect(wantsStandbyWorker([], project, {})).toBe(false);
    expect(wantsStandbyWorker([], project, { CALINT_WORKERS: '0' })).toBe(false);
    for (const args of [['lint', '--staged'], ['rules'], ['init'], ['diff', 'main'], ['--changed-since=main'], ['--print-config']]) {
      expect(wantsStandbyWorker(args, project, workers), args.join(' ')).toBe(false);
    }
    expect(wantsStandbyWorker([], mkdtempSync(join(tmpdir(), 'calint-no-git-')), workers)).toBe(false);
  });

  it('gives the CLI the output it gives without workers (the launcher of the built package)', () => {
    const run = (env: Record<string, string>) => spawnCli(['lint', '--format', 'json', '.'], { cwd: project, env: { ...process.env, NO_COLOR: '1', CI: 'true', ...env } });
    const withWorker = run({ CALINT_WORKERS: '1' });
    const without = run({ CALINT_WORKERS: '0' });
    expect(withWorker.status).toBe(1);
    expect(withWorker.stdout).toBe(without.stdout);
  });
});

describe('how many workers a run gets', () => {
  const cores = availableParallelism();
  it('none for a small run, or when other work keeps the cores busy; one per core besides the main thread otherwise', () => {
    const perCore = Math.max(1, Math.min(cores - 1, 8));
    expect(workerCount(WORKER_THRESHOLD - 1, {}, 0)).toBe(0);
    expect(workerCount(WORKER_THRESHOLD, {}, cores + 1)).toBe(0);
    // A load about the core count is often the linter's own recent runs: workers still pay there.
    expect(workerCount(WORKER_THRESHOLD, {}, cores)).toBe(perCore);
    expect(workerCount(WORKER_THRESHOLD, {}, 0)).toBe(perCore);
    expect(workerCount(1, { workers: 2 }, cores)).toBe(2);
  });

  it('CALINT_WORKERS in the run\'s environment forces a number, 0 turns them off; anything else is ignored', () => {
    expect(workersFromEnv({ CALINT_WORKERS: '3' })).toBe(3);
    expect(workersFromEnv({ CALINT_WORKERS: '0' })).toBe(0);
    expect(workersFromEnv({ CALINT_WORKERS: 'many' })).toBeUndefined();
    expect(workersFromEnv({})).toBeUndefined();
  });
});
