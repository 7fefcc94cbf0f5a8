import { Worker, type TransferListItem } from 'node:worker_threads';
/**
 * Below this many files the run reads them in the main thread. A worker costs ~60 ms of CPU to start (a V8 isolate
 * that loads Node's internals and the reader) and competes with the main thread for the kernel's file
 * table; measured on two cores (docs/benchmarks.md): at 1,000–8,000 files a worker never made a run faster, at
 * 20,000 it broke even under a moderate load, at 100,000 it saved 10%. A pre-commit run never starts one.
 */
export declare const WORKER_THRESHOLD = 10000;
/**
 * The worker entry, next to this module's folder in every layout: src/engine/ (tests, through `workerEntry`),
 * the tsc build's dist/engine/, and the esbuild bundle (dist/chunks/x.js, dist/cli/main.js and
 * dist/engine/standby-worker.js sit two folders below the root like the sources, and scripts/build-dist.mjs builds
 * dist/engine/screen-worker.js). The GitHub Action's one-file bundle has none: it screens in its main thread.
 */
export declare const DEFAULT_ENTRY: import("url").URL;
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
export declare function workerCount(files: number, forced?: {
    workers?: number;
}, load?: number): number;
/** `CALINT_WORKERS=<n>` from the run's environment: a whole number forces that many workers (0: none); else unset. */
export declare function workersFromEnv(env: Readonly<Record<string, string | undefined>> | undefined): number | undefined;
/**
 * About how many files the work tree at `gitRoot` tracks, from the size of its index, before git lists them; 0 for
 * a worktree or submodule (.git is a file) or no index: no estimate, the listing decides.
 */
export declare function trackedFilesEstimate(gitRoot: string): number;
/**
 * Starts a screening worker on `entry`, unreferenced (it never keeps the process alive). With `setup` it starts on
 * it; without, it is a standby worker that waits for its setup in a message (screen-worker.ts).
 */
export declare function startScreenWorker(entry: URL, setup?: {
    workerData: unknown;
    transferList: TransferListItem[];
}): Worker;
/** Offers a worker started without setup to the run's first pool. */
export declare function offerStandbyWorker(worker: Worker): void;
/** The standby worker, once: undefined when none was offered, it was taken, or its thread has ended (threadId -1). */
export declare function takeStandbyWorker(): Worker | undefined;
