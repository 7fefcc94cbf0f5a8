// How many screening threads a run gets and how one is started: shared by the pool (screen-pool.ts) and the
// launcher's standby worker (standby-worker.ts), which must not load the pool and the rules it imports.
import { statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker, type TransferListItem } from 'node:worker_threads';

/**
 * Below this many files the run reads them in the main thread. A worker costs ~60 ms of CPU to start (a V8 isolate
 * that loads Node's internals and the reader) and competes with the main thread for the kernel's file
 * table; measured on two cores (docs/benchmarks.md): at 1,000–8,000 files a worker never made a run faster, at
 * 20,000 it broke even under a moderate load, at 100,000 it saved 10%. A pre-commit run never starts one.
 */
export const WORKER_THRESHOLD = 10_000;

/** More threads than this only add start-up cost: the work is reading small files, and the disk is shared. */
const MAX_WORKERS = 8;

/**
 * The worker entry, next to this module's folder in every layout: src/engine/ (tests, through `workerEntry`),
 * the tsc build's dist/engine/, and the esbuild bundle (dist/chunks/x.js, dist/cli/main.js and
 * dist/engine/standby-worker.js sit two folders below the root like the sources, and scripts/build-dist.mjs builds
 * dist/engine/screen-worker.js). The GitHub Action's one-file bundle has none: it screens in its main thread.
 */
export const DEFAULT_ENTRY = new URL('../engine/screen-worker.js', import.meta.url);

/**
 * How many workers a run of about `files` files gets: `forced.workers` when given (the CLI and the Linter set it
 * from CALINT_WORKERS, for measuring; tests force it). Otherwise, above the threshold, one per available core besides
 * the main thread's (which takes batches too while it waits), capped; and none when other work keeps the cores busy:
 * a 1-minute load average of at least one more than the core count. On two cores under a load of 3.5, one worker made
 * runs of 1,000 to 20,000 files 20–30% slower (it only competes for the same cores and adds its start-up); at a load
 * of 1.6–1.9, much of it the linter's own back-to-back runs, it still made 100,000 files 24% faster (docs/benchmarks.md
 * round 5). The load counts the linter's own recent runs, so "at or above the core count" turned workers off for a
 * user running it again and again.
 */
export function workerCount(files: number, forced: { workers?: number } = {}, load: number = loadavg()[0] ?? 0): number {
  if (forced.workers !== undefined) return Math.min(Math.max(0, Math.floor(forced.workers)), MAX_WORKERS);
  const cores = availableParallelism();
  if (files < WORKER_THRESHOLD || load >= cores + 1) return 0;
  return Math.max(1, Math.min(cores - 1, MAX_WORKERS));
}

/** `CALINT_WORKERS=<n>` from the run's environment: a whole number forces that many workers (0: none); else unset. */
export function workersFromEnv(env: Readonly<Record<string, string | undefined>> | undefined): number | undefined {
  const value = env?.CALINT_WORKERS?.trim();
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** Bytes a git index spends per file (62 bytes of entry, the path, padding): ~130 for an SFDX project's paths. */
const INDEX_BYTES_PER_FILE = 128;

/**
 * About how many files the work tree at `gitRoot` tracks, from the size of its index, before git lists them; 0 for
 * a worktree or submodule (.git is a file) or no index: no estimate, the listing decides.
 */
export function trackedFilesEstimate(gitRoot: string): number {
  try {
    return statSync(join(gitRoot, '.git', 'index')).size / INDEX_BYTES_PER_FILE;
  } catch {
    return 0;
  }
}

/**
 * What a worker allocates lives for one file: a small young generation keeps its memory small (at 100,000 files,
 * peak RSS 177 MiB instead of 184 MiB with the default), at no cost in time.
 */
const WORKER_YOUNG_GENERATION_MB = 2;

/**
 * Starts a screening worker on `entry`, unreferenced (it never keeps the process alive). With `setup` it starts on
 * it; without, it is a standby worker that waits for its setup in a message (screen-worker.ts).
 */
export function startScreenWorker(entry: URL, setup?: { workerData: unknown; transferList: TransferListItem[] }): Worker {
  const worker = new Worker(entry, {
    ...(setup ? { workerData: setup.workerData, transferList: setup.transferList } : {}),
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  worker.unref();
  return worker;
}

/**
 * The launcher's standby worker (standby-worker.ts), until a pool takes it. Module state, on purpose: the launcher
 * starts it before the linter's modules load, and this module is the one both load (one instance per process).
 */
let standby: Worker | undefined;

/**
 * Offers a worker started without setup to the run's first pool. Until a pool takes it, an error of its own (a
 * broken install whose worker script throws) is nobody's to handle: listened to here, else Node would end the
 * process for it; the pool passes over a standby that has died.
 */
export function offerStandbyWorker(worker: Worker): void {
  worker.on('error', () => undefined);
  standby = worker;
}

/** The standby worker, once: undefined when none was offered, it was taken, or its thread has ended (threadId -1). */
export function takeStandbyWorker(): Worker | undefined {
  const taken = standby;
  standby = undefined;
  return taken && taken.threadId >= 0 ? taken : undefined;
}
