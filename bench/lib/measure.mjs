// Runs one command several times and measures wall time, CPU time (user + system) and peak resident memory.
//
// Peak RSS and CPU time come from GNU time (`/usr/bin/time -v`, Debian package `time`) when it is installed.
// Without it, the command (always a Node script here) is started with `--import rss-probe.mjs`, which writes the
// process's own maxRSS and CPU time to a file at exit: spawn() does not return the child's resource usage.
// CPU time is reported next to wall time because it hardly moves when other processes compete for the cores.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const PROBE = pathToFileURL(join(import.meta.dirname, 'rss-probe.mjs')).href;

/** Which way peak RSS is measured on this machine; checked once. BENCH_RSS_METHOD=node-probe forces the fallback. */
export const rssMethod = (() => {
  if (process.env.BENCH_RSS_METHOD === 'node-probe' || !existsSync(GNU_TIME)) return 'node-probe';
  const check = spawnSync(GNU_TIME, ['-v', 'true'], { encoding: 'utf8' });
  return check.status === 0 && check.stderr.includes('Maximum resident set size') ? 'gnu-time' : 'node-probe';
})();

/**
 * One run of `node <args>`. Resolves with wall time (ms, measured here around the child's whole life), peak RSS
 * (KiB), exit status and output; a run over `timeoutMs` is killed (its whole process group) and marked timedOut.
 */
export function runNodeOnce({ args, cwd, env = process.env, timeoutMs = 600_000 }) {
  const probeDir = rssMethod === 'node-probe' ? mkdtempSync(join(tmpdir(), 'calint-rss-')) : undefined;
  const probeFile = probeDir ? join(probeDir, 'rss') : undefined;
  const [command, argv] =
    rssMethod === 'gnu-time' ? [GNU_TIME, ['-v', process.execPath, ...args]] : [process.execPath, ['--import', PROBE, ...args]];
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    // detached: the child leads its own process group, so a timeout kills node behind /usr/bin/time too.
    const child = spawn(command, argv, {
      cwd,
      env: { ...env, ...(probeFile ? { CALINT_BENCH_RSS_FILE: probeFile } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      let err = Buffer.concat(stderr).toString('utf8');
      let maxRssKb;
      let cpuMs;
      if (rssMethod === 'gnu-time') {
        // GNU time appends its report to the child's stderr; split it off.
        const at = err.lastIndexOf('\tCommand being timed:');
        const report = at === -1 ? '' : err.slice(at);
        if (at !== -1) err = err.slice(0, at);
        const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
        const exit = /Exit status: (\d+)/.exec(report);
        const user = /User time \(seconds\): ([\d.]+)/.exec(report);
        const system = /System time \(seconds\): ([\d.]+)/.exec(report);
        maxRssKb = rss ? Number(rss[1]) : undefined;
        cpuMs = user && system ? (Number(user[1]) + Number(system[1])) * 1000 : undefined;
        if (exit) status = Number(exit[1]);
      } else {
        try {
          ({ maxRssKb, cpuMs } = JSON.parse(readFileSync(probeFile, 'utf8')));
        } catch {
          // the child died before its exit handler ran
        }
        rmSync(probeDir, { recursive: true, force: true });
      }
      resolvePromise({ wallMs, cpuMs, maxRssKb, status, timedOut, stdout: Buffer.concat(stdout).toString('utf8'), stderr: err });
    });
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Measures several commands, interleaved: after each one's warm-up (discarded: it fills the page cache), the
 * measured runs go round-robin, one run of each command per round, so that a burst of load from other processes
 * falls on all of them alike and their ratios stay fair. A command's number of runs shrinks when it is slow, so it
 * stays within its `budgetMs`, but never below `minRuns`. `accept(run)` says whether a run did the work (right exit
 * status, expected output): a command's first failure or timeout ends its measurement.
 * Returns, per job id, { ok: true, samples, summary } or { ok: false, timedOut?, reason, samples }.
 */
export async function measureInterleaved(jobs, log = () => {}) {
  const states = new Map();
  const runOnce = async (job) => {
    const run = await runNodeOnce({ args: job.args, cwd: job.cwd, env: job.env, timeoutMs: job.timeoutMs });
    if (run.timedOut) return { run, failure: { timedOut: true, reason: `did not finish within ${Math.round(job.timeoutMs / 1000)} s` } };
    const verdict = job.accept(run);
    return { run, failure: verdict === true ? undefined : { reason: verdict } };
  };
  const plannedRuns = (job, wallMs) => Math.max(job.minRuns ?? 1, Math.min(job.runs, Math.floor((job.budgetMs ?? 30_000) / Math.max(wallMs, 1))));

  for (const job of jobs) {
    const state = { samples: [], planned: job.runs };
    states.set(job.id, state);
    log(`${job.id}: warm-up`);
    for (let i = 0; i < (job.warmup ?? 1) && !state.failure; i++) {
      const { run, failure } = await runOnce(job);
      state.failure = failure;
      if (i === 0) state.planned = plannedRuns(job, run.wallMs);
    }
  }
  for (let round = 0; ; round++) {
    const due = jobs.filter((job) => !states.get(job.id).failure && states.get(job.id).samples.length < states.get(job.id).planned);
    if (due.length === 0) break;
    log(`round ${round + 1}: ${due.map((job) => job.id).join(', ')}`);
    for (const job of due) {
      const state = states.get(job.id);
      const { run, failure } = await runOnce(job);
      if (failure) {
        state.failure = failure;
        continue;
      }
      state.samples.push({ wallMs: run.wallMs, cpuMs: run.cpuMs, maxRssKb: run.maxRssKb });
      // Without a warm-up, the first measured run decides how many more fit in the budget.
      if ((job.warmup ?? 1) === 0 && state.samples.length === 1) state.planned = plannedRuns(job, run.wallMs);
    }
  }
  return new Map(
    [...states].map(([id, state]) => [
      id,
      state.failure ? { ok: false, ...state.failure, samples: state.samples } : { ok: true, samples: state.samples, summary: summarize(state.samples) },
    ]),
  );
}

export function summarize(samples) {
  const walls = samples.map((sample) => sample.wallMs);
  const rss = samples.map((sample) => sample.maxRssKb).filter((value) => value !== undefined);
  const cpu = samples.map((sample) => sample.cpuMs).filter((value) => value !== undefined);
  return {
    runs: samples.length,
    medianMs: median(walls),
    medianCpuMs: cpu.length ? median(cpu) : undefined,
    minCpuMs: cpu.length ? Math.min(...cpu) : undefined,
    maxCpuMs: cpu.length ? Math.max(...cpu) : undefined,
    minMs: Math.min(...walls),
    maxMs: Math.max(...walls),
    peakRssKb: rss.length ? Math.max(...rss) : undefined,
  };
}
