import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readTextFile } from '../project/read.js';
import { runJob, screenFile, type JobKind, type ParsedAhead, type ScreenRequest, type Screened } from './screen-file.js';
import type { BatchMessage, ResultMessage } from './screen-worker.js';

/**
 * Below this many files to screen, the run reads them in the main thread. A worker is a fresh V8 isolate that loads
 * Node's internals, the reader and the screens: ~50–70 ms of CPU before its first file, what the main thread
 * spends reading ~1,500 small files. Measured on the bench trees (docs/benchmarks.md); a pre-commit run or a small
 * project never pays for a worker.
 */
export const WORKER_THRESHOLD = 2_000;

/** More threads than this only add start-up cost: the work is reading small files, and the disk is shared. */
const MAX_WORKERS = 8;

/**
 * Files per message: large enough that messaging costs nothing next to the work, small enough to stream and to
 * spread over the threads. Parsing a metadata file costs ~50 times screening one, so its batches are smaller.
 */
const BATCH_SIZE: Readonly<Record<JobKind, number>> = { parse: 8, screen: 128 };

/** Batches a worker holds at once, so that it does not idle while the main thread is busy and cannot feed it. */
const IN_FLIGHT = 4;

/**
 * The worker entry, next to this module's folder in every layout: src/engine/ (tests, through `workerEntry`),
 * the tsc build's dist/engine/, and the esbuild bundle (dist/chunks/x.js and dist/cli/main.js sit two folders below
 * the root like the sources, and scripts/build-dist.mjs builds dist/engine/screen-worker.js). The GitHub Action's
 * one-file bundle has none: it screens in its main thread.
 */
const DEFAULT_ENTRY = new URL('../engine/screen-worker.js', import.meta.url);

export interface ParallelOptions {
  /** Worker threads: 0 reads in the main thread; unset = CALINT_WORKERS, else the cores above WORKER_THRESHOLD files. */
  workers?: number;
  /** The worker script (tests point it at a build of screen-worker.ts); the package's own by default. */
  workerEntry?: URL;
  /** Whether the main thread screens batches itself while it waits for the workers (default true; tests turn it off). */
  mainThreadTakes?: boolean;
  /** Told once the screening is done: how many workers ran and how many batches the main thread did itself. */
  onDone?: (stats: PoolStats) => void;
}

export interface PoolStats {
  workers: number;
  batches: number;
  /** Batches the main thread screened: taken while it waited, or left by a worker that failed. */
  inThreadBatches: number;
  /** Batches a worker lost (it crashed or could not start) and the main thread screened again. */
  redoneBatches: number;
}

/**
 * How many workers a run of about `files` files gets: CALINT_WORKERS=0 turns them off and CALINT_WORKERS=N forces N
 * (for measuring, and for the byte-identical test); otherwise, above the threshold, one per available core besides
 * the main thread's (which takes batches too while it waits), at least one, capped.
 */
export function workerCount(files: number, parallel: ParallelOptions = {}, env: NodeJS.ProcessEnv = process.env): number {
  const forced = parallel.workers ?? parseForced(env.CALINT_WORKERS);
  if (forced !== undefined) return Math.min(forced, MAX_WORKERS);
  if (files < WORKER_THRESHOLD) return 0;
  return Math.max(1, Math.min(availableParallelism() - 1, MAX_WORKERS));
}

function parseForced(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

/**
 * Screens files (screen-file.ts) on worker threads and hands the results back in the order of the paths, so a run
 * with workers gives byte for byte the output of one without. The main thread keeps everything else, and takes
 * batches itself while it waits for one a worker holds.
 *
 * Workers may be started before the files are known (`create`, then `screen`), so that they boot while git lists
 * the repository. A worker that crashes or cannot start loses nothing: the batches it held are screened again in
 * the main thread. Workers are unreferenced while they hold no batch, so they never keep the process alive, and
 * `close()` (the engine calls it however the run ends) ends them.
 */
type JobResult = Screened | ParsedAhead;

export class ScreenPool {
  private readonly batches: { kind: JobKind; paths: string[] }[] = [];
  private readonly results: (JobResult[] | undefined)[] = [];
  private waitingFor: { batch: number; wake: () => void } | undefined;
  private readonly held = new Map<Worker, Set<number>>();
  /** Batches [nextToSend, lastToSend) are neither sent to a worker nor taken by the main thread yet. */
  private nextToSend = 0;
  private lastToSend = 0;
  private inThreadBatches = 0;
  private redoneBatches = 0;
  private readonly started: number;

  private constructor(
    readonly request: ScreenRequest,
    workers: number,
    entry: URL,
    private readonly mainThreadTakes: boolean,
  ) {
    for (let i = 0; i < workers; i++) this.spawn(entry);
    this.started = this.held.size;
  }

  /** Starts `workers` threads for `request`; undefined when there is no worker entry to run (a one-file bundle). */
  static create(request: ScreenRequest, workers: number, parallel: ParallelOptions = {}): ScreenPool | undefined {
    const entry = parallel.workerEntry ?? DEFAULT_ENTRY;
    if (workers <= 0 || !existsSync(fileURLToPath(entry))) return undefined;
    return new ScreenPool(request, workers, entry, parallel.mainThreadTakes ?? true);
  }

  /**
   * The work (once per pool): the metadata files to read and parse first, as the engine needs them first, then the
   * files to screen. Returns where the screening batches start.
   */
  submit(metadata: readonly string[], scan: readonly string[]): number {
    const add = (kind: JobKind, paths: readonly string[]) => {
      for (let i = 0; i < paths.length; i += BATCH_SIZE[kind]) this.batches.push({ kind, paths: paths.slice(i, i + BATCH_SIZE[kind]) });
    };
    add('parse', metadata);
    const scanStart = this.batches.length;
    add('screen', scan);
    this.lastToSend = this.batches.length;
    for (const worker of this.held.keys()) this.feed(worker);
    return scanStart;
  }

  private spawn(entry: URL): void {
    let worker: Worker;
    try {
      worker = new Worker(entry, { workerData: this.request });
    } catch {
      return; // no thread: the main thread screens its share
    }
    this.held.set(worker, new Set());
    worker.unref();
    worker.on('message', (message: ResultMessage) => this.received(worker, message));
    worker.on('error', () => this.lost(worker));
    worker.on('exit', () => this.lost(worker));
  }

  private feed(worker: Worker): void {
    const held = this.held.get(worker)!;
    while (held.size < IN_FLIGHT && this.nextToSend < this.lastToSend) {
      const batch = this.nextToSend++;
      held.add(batch);
      const { kind, paths } = this.batches[batch]!;
      worker.postMessage({ batch, kind, paths } satisfies BatchMessage);
    }
    if (held.size === 0) worker.unref();
    else worker.ref();
  }

  private received(worker: Worker, { batch, results }: ResultMessage): void {
    this.held.get(worker)?.delete(batch);
    this.settle(batch, results);
    if (this.held.has(worker)) this.feed(worker);
  }

  /** A worker that failed or ended: what it held is screened here, so no file is lost in silence. */
  private lost(worker: Worker): void {
    const held = this.held.get(worker);
    if (!held) return;
    this.held.delete(worker);
    void worker.terminate();
    for (const batch of held) {
      this.redoneBatches++;
      this.settle(batch, this.screenHere(batch));
    }
    // The last worker gone while the engine waits for a batch never sent: nobody else will answer it.
    if (this.held.size === 0 && this.waitingFor && this.results[this.waitingFor.batch] === undefined) {
      this.settle(this.waitingFor.batch, this.screenHere(this.waitingFor.batch));
    }
  }

  private screenHere(batch: number): JobResult[] {
    this.inThreadBatches++;
    const { kind, paths } = this.batches[batch]!;
    return paths.map((path) => runJob(kind, path, this.request));
  }

  private settle(batch: number, results: JobResult[]): void {
    if (this.results[batch] !== undefined) return;
    this.results[batch] = results;
    if (this.waitingFor?.batch === batch) {
      this.waitingFor.wake();
      this.waitingFor = undefined;
    }
  }

  /** The results of batch `batch`, in the order of its paths. Asked for in order, each once. */
  async batch(batch: number): Promise<JobResult[]> {
    while (this.results[batch] === undefined) {
      if (batch >= this.nextToSend && batch < this.lastToSend) {
        // Not sent yet (no worker left, or none free): this one is next, so it is screened here.
        if (batch === this.nextToSend) this.nextToSend++;
        this.settle(batch, this.screenHere(batch));
      } else if (this.mainThreadTakes && this.held.size > 0 && this.nextToSend < this.lastToSend) {
        // Waiting for a worker: meanwhile the main thread does the next batch no worker has (it needs it soonest),
        // then lets the workers' messages in.
        const next = this.nextToSend++;
        this.settle(next, this.screenHere(next));
        await new Promise<void>((resolve) => setImmediate(resolve));
      } else if (this.held.size > 0) {
        await new Promise<void>((wake) => (this.waitingFor = { batch, wake }));
      } else {
        this.settle(batch, this.screenHere(batch));
      }
    }
    const results = this.results[batch]!;
    this.results[batch] = []; // consumed: let the texts go
    return results;
  }

  /**
   * The results of the batches from `from` on, one by one, in the order of their paths: at once when the batch is
   * in, a promise only when it is not yet (no promise per file for 20,000 files). Never asked past the last.
   */
  reader(from: number): () => JobResult | Promise<JobResult> {
    let batch = from;
    let current: JobResult[] = [];
    let index = 0;
    const take = (results: JobResult[]) => {
      current = results;
      index = 0;
      return current[index++]!;
    };
    return () => {
      if (index < current.length) return current[index++]!;
      const ready = this.results[batch];
      if (ready === undefined) return this.batch(batch++).then(take);
      this.results[batch++] = []; // consumed: let the texts go
      return take(ready);
    };
  }

  stats(): PoolStats {
    return { workers: this.started, batches: this.batches.length, inThreadBatches: this.inThreadBatches, redoneBatches: this.redoneBatches };
  }

  close(): void {
    const workers = [...this.held.keys()];
    this.held.clear();
    for (const worker of workers) void worker.terminate();
  }
}

/** Parsed metadata files, then screened files, one by one in the order of their paths. */
export interface Screening {
  /** The next metadata file of the parse phase, read and parsed (or only read, when the main thread parses it). */
  nextParsed(): ParsedAhead | Promise<ParsedAhead>;
  /** The next file of the scan phase, screened. */
  next(): Screened | Promise<Screened>;
  /** Ends the workers (idempotent); the engine calls it however the run ends. */
  close(): void;
}

/**
 * Reads and parses `metadata`, then screens `scan`, in order: on `early` when it was started ahead (so that its
 * workers boot while git lists the files), else on a new pool when there are enough files (workerCount), else in
 * the main thread as they are asked for.
 */
export function startScreening(metadata: readonly string[], scan: readonly string[], request: ScreenRequest, parallel: ParallelOptions = {}, early?: ScreenPool): Screening {
  const files = metadata.length + scan.length;
  const workers = workerCount(files, parallel);
  let pool = early;
  if (pool && (workers === 0 || files === 0)) {
    // Started on an estimate that the listing did not bear out: not worth using.
    pool.close();
    pool = undefined;
  }
  pool ??= files > 0 ? ScreenPool.create(request, workers, parallel) : undefined;
  let screened = 0;
  const done = (stats: () => PoolStats) => {
    if (++screened === scan.length) parallel.onDone?.(stats());
  };
  if (!pool) {
    let parsed = 0;
    const inThread: PoolStats = { workers: 0, batches: 0, inThreadBatches: 0, redoneBatches: 0 };
    return {
      // The main thread parses as it always has: only the read comes from here, through the same checked reader.
      nextParsed: () => ({ read: readTextFile(metadata[parsed++]!, request.root) }),
      next: () => {
        const result = screenFile(scan[screened]!, request);
        done(() => inThread);
        return result;
      },
      close: () => undefined,
    };
  }
  const active = pool;
  const scanStart = active.submit(metadata, scan);
  const nextParsed = active.reader(0);
  const nextScreened = active.reader(scanStart);
  return {
    nextParsed: nextParsed as () => ParsedAhead | Promise<ParsedAhead>,
    next: () => {
      done(() => active.stats());
      return nextScreened() as Screened | Promise<Screened>;
    },
    close: () => active.close(),
  };
}
