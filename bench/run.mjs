#!/usr/bin/env node
// `npm run bench`: measures connected-app-lint against the floor (the bare work) and against the tools users would
// otherwise run, prints a table, checks the performance budgets and writes bench/results.json.
// Not a test: nothing here fails the build. See docs/benchmarks.md for how to read the output.
//
// Options: --only <scenario,...>  run some scenarios only (budgets that need the others are reported as not run)
//          --quick                 fewer runs, for trying the bench itself
// A run with --only, --quick or --no-build writes bench/.work/results-partial.json instead of bench/results.json.
//          --peer-timeout <s>      stop a peer run after this long (default 120 s; secretlint 10 is quadratic in files)
//          --no-build              benchmark bin/ and dist/ as they are, instead of a fresh build of src/
//
// By default the bench bundles src/ into its own copy (bench/.work/build/, the same esbuild bundles as dist/) and
// measures that, so a rebuild of dist/ by someone else during the run (npm run build, npm test) cannot change what
// is being measured. A tsc build next to it (bench/.work/build/tsc/) serves the module-level insight (pre-filter).

import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, freemem, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { evaluateBudgets } from './lib/budgets.mjs';
import { measureInterleaved, rssMethod } from './lib/measure.mjs';
import { renderBudgets, renderTable } from './lib/table.mjs';
import { prefilterRate, profileRun } from './lib/insight.mjs';
import { ensureTree, REPO_ROOT, STAGED_APP, WORK_DIR } from './lib/trees.mjs';
import { bundleDist } from '../scripts/build-dist.mjs';

const { values: flags } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'peer-timeout': { type: 'string', default: '120' },
    'no-build': { type: 'boolean', default: false },
  },
});
const only = flags.only ? new Set(flags.only.split(',')) : undefined;
const peerTimeoutMs = Number(flags['peer-timeout']) * 1000;
const log = (message) => process.stderr.write(`${message}\n`);

/** What is measured: the bench's own build of src/, or (--no-build) the repository's bin/ and dist/. */
const BUILD_ROOT = flags['no-build'] ? REPO_ROOT : join(WORK_DIR, 'build');
const BIN = join(BUILD_ROOT, 'bin', 'connected-app-lint.js');
/** Single modules (the pre-filter) for the insight: the tsc build, or the repository's sources' build with --no-build. */
const TSC_BUILD = join(WORK_DIR, 'build', 'tsc');
const FLOOR = join(REPO_ROOT, 'bench', 'floor.mjs');
const SECRETLINT = join(REPO_ROOT, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
const SECRETLINT_RC = join(REPO_ROOT, 'bench', 'peers', 'secretlintrc.json');
const SECRETLINT_PROFILER_OFF = join(REPO_ROOT, 'bench', 'peers', 'secretlint-profiler-off.mjs');
const CODE_ANALYZER = join(REPO_ROOT, 'bench', 'peers', 'code-analyzer.mjs');

// ---- what a run must show to count: it did the work, not just exit ----------------------------------------------

const firstLine = (text) => text.trim().split('\n')[0]?.slice(0, 200) ?? '';
const exitedWith = (run, ...codes) => codes.includes(run.status) || `exit status ${run.status}: ${firstLine(run.stderr || run.stdout)}`;

/** A lint of a tree with apps: it must have found the generated `<scopes>Full</scopes>` apps. */
const lintedApps = (run) => {
  const exit = exitedWith(run, 0, 1);
  if (exit !== true) return exit;
  return run.stdout.includes('no-full-scope') || 'no no-full-scope finding in the output: the tree was not linted';
};

/**
 * `--staged` must lint the staged app alone, not the whole tree. Measured with the default text output, as a
 * pre-commit hook runs it: the report names the staged app (it has findings) and no other app of the tree.
 */
const lintedStagedOnly = (run) => {
  const exit = exitedWith(run, 0, 1);
  if (exit !== true) return exit;
  const staged = STAGED_APP.split('/').pop().split('.')[0];
  const apps = new Set(run.stdout.match(/Connected_App_\d+/g) ?? []);
  if (!apps.has(staged) || apps.size !== 1) {
    return `--staged did not lint the staged app alone (apps in the report: ${[...apps].slice(0, 5).join(', ') || 'none'}): is --staged available?`;
  }
  return true;
};

const floorRan = (run) => {
  const exit = exitedWith(run, 0);
  if (exit !== true) return exit;
  return JSON.parse(run.stdout).files > 0 || 'the floor read no files';
};

/** The generator plants secrets in a few apps: secretlint must report them. */
const secretlintRan = (run) => {
  const exit = exitedWith(run, 1);
  if (exit !== true) return exit;
  return /\d+ problems?/.test(run.stdout) || `unexpected output: ${firstLine(run.stdout)}`;
};

const codeAnalyzerRan = (run) => {
  if (run.status === 3) return firstLine(run.stderr).replace(/^unavailable: /, '');
  const exit = exitedWith(run, 0);
  if (exit !== true) return exit;
  return JSON.parse(run.stdout).violations > 0 || 'the custom rule found no Full scope';
};

// ---- scenarios ------------------------------------------------------------------------------------------------

/** The ids of the repository-wide rules (those with checkFile), read from the build being measured (its library). */
async function fileRuleIds() {
  const { builtinRules } = await import(pathToFileURL(join(BUILD_ROOT, 'dist', 'lib', 'index.js')).href);
  return builtinRules.filter((rule) => typeof rule.checkFile === 'function').map((rule) => rule.meta.id);
}

/**
 * The same lint with the worker threads (src/engine/screen-pool.ts) turned off, and forced on (one per core besides
 * the main thread's, as the default gives when the machine is not busy). The plain scenarios run the default.
 */
const WORKERS_OFF = { CALINT_WORKERS: '0' };
const WORKERS_ON = { CALINT_WORKERS: String(Math.max(1, availableParallelism() - 1)) };

/**
 * In the order they run in each round (measureInterleaved): each floor right after what is measured against it, so
 * that a ratio compares runs seconds apart. A round takes ~20 s (the peers take most of it), and the machine's
 * speed drifts over that long: with the floors after every scenario of ours, one round's repo-20k could meet a
 * quiet machine and its floor-20k a busy one (docs/benchmarks.md, round 6).
 */
function scenarios(fileRules) {
  const q = flags.quick;
  const ours = { group: 'ours' };
  const secretScanOnly = fileRules.filter((id) => id.includes('secret'));
  return [
    { ...ours, id: 'startup', what: 'connected-app-lint --version', args: [BIN, '--version'], warmup: 3, runs: q ? 5 : 20, floor: 'node-startup', accept: (run) => exitedWith(run, 0) },
    { group: 'floor', id: 'node-startup', what: 'node -e 0 (the runtime alone)', args: ['-e', '0'], warmup: 3, runs: q ? 5 : 20, accept: (run) => exitedWith(run, 0) },
    { ...ours, id: 'precommit', tree: 'precommit-20k', what: 'lint --staged, one staged app, 20k-file repo', args: [BIN, '--staged'], warmup: 2, runs: q ? 3 : 10, accept: lintedStagedOnly },
    { ...ours, id: 'repo-20k', tree: 'repo-20k', what: 'lint . (20k files, 200 apps)', args: [BIN, '.'], runs: q ? 2 : 7, floor: 'floor-20k', peers: { secretlint: 'secretlint-20k', 'secretlint-fixed': 'secretlint-20k-fixed', 'code-analyzer': 'code-analyzer-20k' }, accept: lintedApps },
    { group: 'floor', id: 'floor-20k', tree: 'repo-20k', what: 'walk + read all + parse metadata', args: [FLOOR, '.'], runs: q ? 2 : 7, accept: floorRan },
    { ...ours, id: 'repo-20k-w0', tree: 'repo-20k', what: 'the same, workers off (CALINT_WORKERS=0)', args: [BIN, '.'], env: WORKERS_OFF, runs: q ? 2 : 7, floor: 'floor-20k', peers: { 'secretlint-fixed': 'secretlint-20k-fixed' }, accept: lintedApps },
    { ...ours, id: 'repo-20k-wN', tree: 'repo-20k', what: `the same, workers on (CALINT_WORKERS=${WORKERS_ON.CALINT_WORKERS}, whatever the load)`, args: [BIN, '.'], env: WORKERS_ON, runs: q ? 2 : 7, floor: 'floor-20k', peers: { 'secretlint-fixed': 'secretlint-20k-fixed' }, accept: lintedApps },
    { ...ours, id: 'repo-100k', tree: 'repo-100k', what: 'lint . (100k files, 1,000 apps)', args: [BIN, '.'], runs: q ? 1 : 7, budgetMs: 60_000, floor: 'floor-100k', peers: { 'code-analyzer': 'code-analyzer-100k' }, accept: lintedApps },
    { group: 'floor', id: 'floor-100k', tree: 'repo-100k', what: 'the same on 100k files', args: [FLOOR, '.'], runs: q ? 1 : 7, budgetMs: 60_000, accept: floorRan },
    { ...ours, id: 'repo-100k-w0', tree: 'repo-100k', what: 'the same, workers off (CALINT_WORKERS=0)', args: [BIN, '.'], env: WORKERS_OFF, runs: q ? 1 : 7, budgetMs: 60_000, floor: 'floor-100k', accept: lintedApps },
    { ...ours, id: 'repo-100k-wN', tree: 'repo-100k', what: `the same, workers on (CALINT_WORKERS=${WORKERS_ON.CALINT_WORKERS})`, args: [BIN, '.'], env: WORKERS_ON, runs: q ? 1 : 7, budgetMs: 60_000, floor: 'floor-100k', accept: lintedApps },
    { ...ours, id: 'no-app-20k', tree: 'no-app-20k', what: 'lint . (20k files, no app), all rules', args: [BIN, '.'], runs: q ? 2 : 7, accept: (run) => exitedWith(run, 0, 1) },
    {
      ...ours,
      id: 'no-app-20k-scan-only',
      tree: 'no-app-20k',
      what: `the same, --only ${secretScanOnly.join(', ') || '(no secret scan rule registered)'}`,
      args: [BIN, '.', ...secretScanOnly.flatMap((id) => ['--only', id])],
      runs: q ? 2 : 7,
      skip: secretScanOnly.length === 0 ? 'no repository-wide secret scan rule is registered yet' : undefined,
      accept: (run) => exitedWith(run, 0, 1),
    },
    {
      group: 'peer',
      id: 'secretlint-20k',
      tree: 'repo-20k',
      what: 'secretlint "**/*" + preset-recommend',
      args: [SECRETLINT, '**/*', '--secretlintrc', SECRETLINT_RC],
      warmup: 0,
      runs: q ? 1 : 3,
      budgetMs: 120_000,
      timeoutMs: peerTimeoutMs,
      accept: secretlintRan,
    },
    {
      group: 'peer',
      id: 'secretlint-20k-fixed',
      tree: 'repo-20k',
      what: 'the same with its upstream profiler fix (secretlint#1673)',
      args: ['--import', SECRETLINT_PROFILER_OFF, SECRETLINT, '**/*', '--secretlintrc', SECRETLINT_RC],
      runs: q ? 1 : 3,
      budgetMs: 60_000,
      timeoutMs: peerTimeoutMs,
      accept: secretlintRan,
    },
    { group: 'peer', id: 'code-analyzer-20k', tree: 'repo-20k', what: 'Code Analyzer core + regex custom rule', args: [CODE_ANALYZER, '.'], runs: q ? 1 : 5, timeoutMs: peerTimeoutMs, accept: codeAnalyzerRan },
    // No secretlint on 100k files: its run time grows with the square of the file count (it already times out at 20k).
    { group: 'peer', id: 'code-analyzer-100k', tree: 'repo-100k', what: 'the same on 100k files', args: [CODE_ANALYZER, '.'], warmup: 0, runs: q ? 1 : 2, budgetMs: 60_000, timeoutMs: peerTimeoutMs, accept: codeAnalyzerRan },
  ];
}

// ---- main -----------------------------------------------------------------------------------------------------

/**
 * Bundles src/ into BUILD_ROOT/dist as scripts/build-dist.mjs bundles dist/ (what users run: the start-up cost of
 * one bundle, not of a hundred modules), next to copies of bin/, package.json and schema/; and compiles src/ with tsc
 * into BUILD_ROOT/tsc for the insight that imports single modules.
 */
async function build() {
  if (flags['no-build']) return;
  log('building src/ into bench/.work/build (esbuild bundles, and tsc for the insight)…');
  rmSync(BUILD_ROOT, { recursive: true, force: true });
  mkdirSync(join(BUILD_ROOT, 'bin'), { recursive: true });
  copyFileSync(join(REPO_ROOT, 'bin', 'connected-app-lint.js'), BIN);
  copyFileSync(join(REPO_ROOT, 'package.json'), join(BUILD_ROOT, 'package.json'));
  cpSync(join(REPO_ROOT, 'schema'), join(BUILD_ROOT, 'schema'), { recursive: true });
  await bundleDist(join(BUILD_ROOT, 'dist'));
  const tsc = spawnSync(
    process.execPath,
    [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(REPO_ROOT, 'tsconfig.json'), '--outDir', TSC_BUILD, '--declaration', 'false'],
    { encoding: 'utf8' },
  );
  if (tsc.status !== 0) log(`warning: tsc reported errors; measuring what it emitted anyway:\n${tsc.stdout.split('\n').slice(0, 10).join('\n')}`);
}

/** The machine, and how busy it was (other processes make wall times longer; CPU times hardly move). */
function machine(loadBefore) {
  const cpuModel = cpus()[0]?.model ?? 'unknown';
  const round = (values) => values.map((value) => Math.round(value * 100) / 100);
  return {
    loadAverage1mStartEnd: [round(loadBefore)[0], round(loadavg())[0]],
    cpu: cpuModel,
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    rssMethod,
  };
}

async function main() {
  const started = Date.now();
  const loadBefore = loadavg();
  await build();
  const fileRules = await fileRuleIds();
  const selected = scenarios(fileRules).filter((scenario) => !only || only.has(scenario.id));
  const trees = {};
  const results = {};
  const jobs = [];
  for (const scenario of selected) {
    if (scenario.tree && !trees[scenario.tree]) trees[scenario.tree] = ensureTree(scenario.tree, log);
    if (scenario.skip) {
      results[scenario.id] = { ...describe(scenario), status: 'unavailable', reason: scenario.skip };
      log(`${scenario.id}: unavailable: ${scenario.skip}`);
      continue;
    }
    jobs.push({
      id: scenario.id,
      args: scenario.args,
      cwd: scenario.tree ? trees[scenario.tree].dir : REPO_ROOT,
      warmup: scenario.warmup ?? 1,
      runs: scenario.runs,
      ...(scenario.env ? { env: { ...process.env, ...scenario.env } } : {}),
      budgetMs: scenario.budgetMs ?? 30_000,
      timeoutMs: scenario.timeoutMs ?? 600_000,
      accept: scenario.accept,
    });
  }
  const outcomes = await measureInterleaved(jobs, log);
  for (const scenario of selected) {
    const outcome = outcomes.get(scenario.id);
    if (!outcome) continue;
    results[scenario.id] = { ...describe(scenario), ...toResult(outcome, scenario) };
    if (!outcome.ok) log(`${scenario.id}: ${results[scenario.id].status}: ${results[scenario.id].reason}`);
  }

  const rows = selected.map((scenario) => ({ ...results[scenario.id], ratios: ratios(scenario, results) }));
  // After the timed runs, so neither disturbs them: the pre-filter's pass rate and a profile of the full 20k lint.
  const insight = {};
  if (trees['repo-20k']) {
    const dir = trees['repo-20k'].dir;
    insight.prefilter = await prefilterRate(TSC_BUILD, dir);
    insight.profile = profileRun(BIN, ['.', '--format', 'json'], dir, join(WORK_DIR, 'profiles', 'repo-20k'), 12, WORKERS_ON);
    insight.profileWorkersOff = profileRun(BIN, ['.', '--format', 'json'], dir, join(WORK_DIR, 'profiles', 'repo-20k-w0'), 12, WORKERS_OFF);
    for (const profile of [insight.profile, insight.profileWorkersOff]) if (profile.file) profile.file = relative(REPO_ROOT, profile.file);
  }
  const budgets = evaluateBudgets(results, trees);
  const report = {
    generatedAt: new Date().toISOString(),
    machine: machine(loadBefore),
    fileRules,
    trees: Object.fromEntries(Object.entries(trees).map(([name, tree]) => [name, { ...tree.summary, out: relative(REPO_ROOT, tree.dir) }])),
    scenarios: rows,
    budgets,
    insight,
    benchSeconds: Math.round((Date.now() - started) / 1000),
  };
  const { cpu, cores, node, loadAverage1mStartEnd: [loadStart, loadEnd] } = report.machine;
  process.stdout.write(`\n${cpu}, ${cores} cores, Node ${node}, load average ${loadStart} -> ${loadEnd}\n\n${renderTable(rows)}\n\n${renderBudgets(budgets)}\n`);
  process.stdout.write(renderInsight(insight));
  // Only a full run replaces the recorded results; --only and --quick runs go next to the trees.
  const partial = flags.quick || only !== undefined || flags['no-build'];
  const resultsFile = partial ? join(WORK_DIR, 'results-partial.json') : join(REPO_ROOT, 'bench', 'results.json');
  writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
  log(`\nwrote ${relative(REPO_ROOT, resultsFile)} (${report.benchSeconds} s)`);
}

function renderInsight({ prefilter, profile, profileWorkersOff }) {
  const lines = [];
  if (prefilter?.files !== undefined) {
    lines.push(`secret pre-filter (repo-20k): ${prefilter.reachDetectors} of ${prefilter.files} files reach the detectors (${(prefilter.share * 100).toFixed(2)}%)`);
  } else if (prefilter) lines.push(`secret pre-filter: ${prefilter.unavailable}`);
  for (const [what, run] of [['the full repo-20k lint, workers on', profile], ['the same, workers off', profileWorkersOff]]) {
    if (run?.top) {
      const workers = run.workerProfiles ? `; ${run.workerProfiles} worker thread profile(s) beside it` : '';
      lines.push(`CPU profile of ${what}, main thread (${run.totalMs} ms sampled, ${run.file}${workers}), self time:`);
      for (const { entry, selfMs } of run.top) lines.push(`  ${String(selfMs).padStart(7)} ms  ${entry}`);
    } else if (run) lines.push(`CPU profile of ${what}: ${run.unavailable}`);
  }
  return lines.length ? `\n${lines.join('\n')}\n` : '';
}

function describe(scenario) {
  return { id: scenario.id, group: scenario.group, what: scenario.what, ...(scenario.tree ? { tree: scenario.tree } : {}) };
}

/** ok with a summary; timed out (a lower bound); or unavailable with the reason. */
function toResult(outcome, scenario) {
  if (outcome.ok) return { status: 'ok', ...outcome.summary, samples: outcome.samples };
  if (outcome.timedOut) return { status: 'timeout', reason: outcome.reason, minMs: scenario.timeoutMs, medianMs: scenario.timeoutMs };
  return { status: 'unavailable', reason: outcome.reason };
}

/** ours ÷ floor (lower is better), and peer ÷ ours = how many times faster we are (a lower bound if the peer timed out). */
function ratios(scenario, results) {
  const own = results[scenario.id];
  if (own?.status !== 'ok') return {};
  const out = {};
  const floor = scenario.floor && results[scenario.floor];
  if (floor?.status === 'ok') out.floor = { value: own.medianMs / floor.medianMs };
  for (const [peer, id] of Object.entries(scenario.peers ?? {})) {
    const result = results[id];
    if (result?.status === 'ok') out[peer] = { value: result.medianMs / own.medianMs };
    else if (result?.status === 'timeout') out[peer] = { value: result.medianMs / own.medianMs, atLeast: true };
    else if (result) out[peer] = { unavailable: result.reason };
  }
  return out;
}

await main();
