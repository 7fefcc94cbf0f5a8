import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { screenFile, type ScreenRequest, type Screened } from './screen-file.js';
import type { ResultMessage, SetupMessage, WorkerSetup, WorkMessage } from './screen-worker.js';
import { CLAIMED, DONE, NEXT } from './screen-state.js';
import { DEFAULT_ENTRY, startScreenWorker, takeStandbyWorker, workerCount } from './screen-threads.js';

/** Files per message: large enough that messaging costs nothing next to the work, small enough to stream and to spread. */
const BATCH_SIZE = 128;

export interface ParallelOptions {
  /** Worker threads: 0 reads in the main thread; unset: the cores above WORKER_THRESHOLD files (workerCount). */
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
  /** Whether the workers were given git's listing before discovery (submitAhead), rather than discovery's files. */
  ahead: boolean;
}

/** How long the main thread waits for a worker's batch before it looks whether the worker is still alive. */
const WAIT_MS = 50;

/**
 * Reads and screens files (screen-file.ts) on worker threads and hands the results back in the order of the paths,
 * so a run with workers gives byte for byte the output of one without. The main thread keeps everything else: it
 * reads and parses the metadata, builds the model and runs the rules while the workers screen. (Workers parsing the
 * metadata too was measured slower on two cores: the main thread then waited for the parses it needs first, and
 * screened batches of its own meanwhile instead of building the model; see docs/benchmarks.md.)
 *
 * Work is claimed, not sent: each thread takes the next batch from a counter in shared memory (Atomics), so a worker
 * never waits for the main thread to hand it work while the main thread builds the model, and the main thread takes
 * batches too when it would otherwise wait. Results come back on a port the main thread reads synchronously, so a
 * batch that is done is used at once, without a turn of the event loop per message.
 *
 * Workers may be started before the files are known (`create`, then `submit`), so that they boot while git lists
 * the repository. A worker that crashes or cannot start loses nothing: the batch it had claimed is screened again in
 * the main thread, and so is every batch nobody claimed. Workers are unreferenced, so they never keep the process
 * alive, and `close()` (the engine calls it however the run ends) ends them.
 */
export class ScreenPool {
  private readonly batches: string[][] = [];
  /** The files submitted, in order (batch b holds files b * BATCH_SIZE onwards); undefined until `submit`. */
  private files: readonly string[] | undefined;
  private readonly results: (Screened[] | undefined)[] = [];
  private readonly state: Int32Array;
  private readonly workers: { worker: Worker; port: MessagePort; slot: number; alive: boolean }[] = [];
  private inThreadBatches = 0;
  private redoneBatches = 0;
  private ahead = false;

  private constructor(
    readonly request: ScreenRequest,
    count: number,
    entry: URL,
    private readonly mainThreadTakes: boolean,
  ) {
    this.state = new Int32Array(new SharedArrayBuffer((CLAIMED + count) * Int32Array.BYTES_PER_ELEMENT));
    this.state.fill(-1, CLAIMED);
    // The launcher's standby worker, if it started one, is the first: it has booted while the linter loaded.
    for (let slot = 0; slot < count; slot++) this.spawn(entry, slot, slot === 0 ? takeStandbyWorker() : undefined);
  }

  /** Starts `workers` threads for `request`; undefined when there is no worker entry to run (a one-file bundle). */
  static create(request: ScreenRequest, workers: number, parallel: ParallelOptions = {}): ScreenPool | undefined {
    const entry = parallel.workerEntry ?? DEFAULT_ENTRY;
    if (workers <= 0 || !existsSync(fileURLToPath(entry))) return undefined;
    return new ScreenPool(request, workers, entry, parallel.mainThreadTakes ?? true);
  }

  private spawn(entry: URL, slot: number, standby: Worker | undefined): void {
    const { port1, port2 } = new MessageChannel();
    const setup: WorkerSetup = { request: this.request, state: this.state, slot, results: port2 };
    let worker: Worker;
    try {
      // A standby that ends after this is lost() below, like any worker.
      if (standby) {
        worker = standby;
        worker.postMessage({ setup } satisfies SetupMessage, [port2]);
      } else {
        worker = startScreenWorker(entry, { workerData: setup, transferList: [port2] });
      }
    } catch {
      port1.close();
      return; // no thread: the main thread screens its share
    }
    const entryOf = { worker, port: port1, slot, alive: true };
    this.workers.push(entryOf);
    worker.on('error', () => this.lost(entryOf));
    worker.on('exit', () => this.lost(entryOf));
  }

  /** Whether `submit` was called: the pool is screening a list of files. */
  get submitted(): boolean {
    return this.files !== undefined;
  }

  /**
   * The files to screen (once per pool), in batches the threads claim in order, sorted as the engine asks for them
   * (`lookup`). They may be more than the engine asks for: git's listing, given before discovery leaves out what the
   * ignore files and the metadata take (the workers start sooner, and a file screened for nothing costs one read).
   */
  submit(scan: readonly string[], ahead = false): void {
    this.files = scan;
    this.ahead = ahead;
    for (let i = 0; i < scan.length; i += BATCH_SIZE) this.batches.push(scan.slice(i, i + BATCH_SIZE));
    const work = encodeWork(scan, this.batches);
    for (const { worker, alive } of this.workers) if (alive) worker.postMessage(work);
  }

  /** A worker that failed or ended: the batch it had claimed and not answered is screened here, so no file is lost. */
  private lost(entry: ScreenPool['workers'][number]): void {
    if (!entry.alive) return;
    entry.alive = false;
    void entry.worker.terminate();
    this.drain();
    const claimed = Atomics.load(this.state, CLAIMED + entry.slot);
    if (claimed >= 0 && claimed < this.batches.length && this.results[claimed] === undefined) {
      this.redoneBatches++;
      this.settle(claimed, this.runHere(claimed));
    }
    // What it answered before it died was drained above; close() passes over dead workers, so its port ends here.
    entry.port.close();
  }

  /** Takes every result the workers have posted, without waiting. */
  private drain(): void {
    for (const { port } of this.workers) {
      for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) {
        const message = received.message as ResultMessage;
        // A batch a worker could not do (it threw) is done here.
        this.settle(message.batch, message.failed ? this.redo(message.batch) : decodeResults(message, this.batches[message.batch]!.length));
      }
    }
  }

  private redo(batch: number): Screened[] {
    this.redoneBatches++;
    return this.runHere(batch);
  }

  private runHere(batch: number): Screened[] {
    this.inThreadBatches++;
    return this.batches[batch]!.map((path) => screenFile(path, this.request));
  }

  private settle(batch: number, results: Screened[]): void {
    if (this.results[batch] === undefined) this.results[batch] = results;
  }

  /** The next unclaimed batch, claimed for the main thread; undefined when every batch is claimed. */
  private claim(): number | undefined {
    const batch = Atomics.add(this.state, NEXT, 1);
    return batch < this.batches.length ? batch : undefined;
  }

  /** The results of batch `batch`, in the order of its paths. Asked for in order, each once. */
  private async wait(batch: number): Promise<Screened[]> {
    for (;;) {
      const ready = this.poll(batch);
      if (ready) return ready;
      // A worker holds it: wait until some batch is done (or a while, to learn of a worker that died).
      const done = Atomics.load(this.state, DONE);
      const ready2 = this.poll(batch);
      if (ready2) return ready2;
      // Blocking is fine: the main thread has nothing else to do. After a wait with no batch done, one turn of the
      // event loop lets a dead worker's 'exit' in (its claimed batch is then done here).
      if (Atomics.wait(this.state, DONE, done, WAIT_MS) === 'timed-out') await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** The batch's results when they are in, or after the main thread did work of its own; undefined to wait. */
  private poll(batch: number): Screened[] | undefined {
    for (;;) {
      this.drain();
      if (this.results[batch] !== undefined) return this.results[batch];
      const anyAlive = this.workers.some((worker) => worker.alive);
      if (!this.mainThreadTakes && anyAlive) return undefined;
      const claimed = this.claim();
      if (claimed !== undefined) {
        this.settle(claimed, this.runHere(claimed));
        continue;
      }
      // Every batch is claimed. One that no live worker holds was lost (a worker died with it): done here. (A worker
      // that has just claimed it may still answer: the first result counts, and both are the same.)
      if (this.workers.some((worker) => worker.alive && Atomics.load(this.state, CLAIMED + worker.slot) === batch)) return undefined;
      this.drain();
      if (this.results[batch] === undefined) this.settle(batch, this.redo(batch));
    }
  }

  /**
   * The result for a path, asked in the order of the submitted files (sorted): at once when its batch is in (or the
   * main thread can do it), a promise only when it must wait for a worker; undefined for a path that was not
   * submitted (the caller screens it itself). The files passed over in between are never waited for.
   */
  lookup(): (path: string) => Screened | Promise<Screened> | undefined {
    const files = this.files ?? [];
    let cursor = 0;
    let batch = -1;
    let current: Screened[] = [];
    const take = (wanted: number, offset: number) => (results: Screened[]) => {
      // Batches before this one are consumed or passed over: let their texts go.
      for (let done = Math.max(batch, 0); done < wanted; done++) this.results[done] = [];
      batch = wanted;
      current = results;
      return current[offset]!;
    };
    return (path) => {
      while (cursor < files.length && files[cursor]! < path) cursor++;
      if (files[cursor] !== path) return undefined;
      const index = cursor++;
      const wanted = Math.floor(index / BATCH_SIZE);
      const offset = index % BATCH_SIZE;
      if (wanted === batch) return current[offset]!;
      const ready = this.poll(wanted);
      return ready ? take(wanted, offset)(ready) : this.wait(wanted).then(take(wanted, offset));
    };
  }

  stats(): PoolStats {
    return { workers: this.workers.length, batches: this.batches.length, inThreadBatches: this.inThreadBatches, redoneBatches: this.redoneBatches, ahead: this.ahead };
  }

  close(): void {
    for (const entry of this.workers) {
      if (!entry.alive) continue;
      entry.alive = false;
      void entry.worker.terminate();
      entry.port.close();
    }
  }
}

/**
 * The work for the workers, in shared memory so that no worker holds a copy of 100,000 paths: every path as UTF-8
 * in one buffer with its offsets, and where each batch starts.
 */
function encodeWork(scan: readonly string[], batches: readonly (readonly string[])[]): WorkMessage {
  const offsets = new Int32Array(new SharedArrayBuffer((scan.length + 1) * Int32Array.BYTES_PER_ELEMENT));
  // Nearly every repository names its files in ASCII: then the paths are written in one call, and a path's bytes
  // are its characters (20,000 paths: ~2 ms, against ~12 ms path by path).
  const joined = scan.join('');
  let text: Buffer;
  if (!NON_ASCII.test(joined)) {
    text = Buffer.from(new SharedArrayBuffer(joined.length));
    text.write(joined, 0, 'latin1');
    let at = 0;
    scan.forEach((path, index) => {
      offsets[index] = at;
      at += path.length;
    });
  } else {
    let bytes = 0;
    for (const path of scan) bytes += Buffer.byteLength(path);
    text = Buffer.from(new SharedArrayBuffer(bytes));
    let at = 0;
    scan.forEach((path, index) => {
      offsets[index] = at;
      at += text.write(path, at);
    });
  }
  offsets[scan.length] = text.length;
  const batchStarts: number[] = [];
  let first = 0;
  for (const batch of batches) {
    batchStarts.push(first);
    first += batch.length;
  }
  batchStarts.push(first);
  return { text: text.buffer as SharedArrayBuffer, offsets, batchStarts };
}

const NON_ASCII = /[^\x00-\x7F]/;

/** A batch's results from a worker's message, which lists only the files that are not clean. */
function decodeResults(message: ResultMessage, size: number): Screened[] {
  const results: Screened[] = new Array<Screened>(size).fill(CLEAN_FILE);
  for (const [index, read] of message.notClean ?? []) results[index] = { clean: false, read };
  return results;
}

const CLEAN_FILE: Screened = { clean: true };

/** The repository's files, screened: asked for one by one, in sorted order. */
export interface Screening {
  /** The file at `path`, screened. */
  screened(path: string): Screened | Promise<Screened>;
  /** Says the screening is over (ParallelOptions.onDone). */
  finish(): void;
  /** Ends the workers (idempotent); the engine calls it however the run ends. */
  close(): void;
}

/**
 * Screens `scan` (sorted): on `early` when it was started ahead (so that its workers boot while git lists the files;
 * it may have been given git's listing already, `submitAhead`), else on a new pool when there are enough files
 * (workerCount), else in the main thread as the files are asked for. A path the pool was not given is screened in
 * the main thread.
 */
export function startScreening(scan: readonly string[], request: ScreenRequest, parallel: ParallelOptions = {}, early?: ScreenPool): Screening {
  const workers = workerCount(scan.length, parallel);
  let pool = early;
  if (pool && !pool.submitted && (workers === 0 || scan.length === 0)) {
    // Started on an estimate that the listing did not bear out: not worth using.
    pool.close();
    pool = undefined;
  }
  pool ??= scan.length > 0 ? ScreenPool.create(request, workers, parallel) : undefined;
  if (!pool) {
    return {
      screened: (path) => screenFile(path, request),
      finish: () => parallel.onDone?.({ workers: 0, batches: 0, inThreadBatches: 0, redoneBatches: 0, ahead: false }),
      close: () => undefined,
    };
  }
  const active = pool;
  if (!active.submitted) active.submit(scan);
  const lookup = active.lookup();
  return {
    screened: (path) => lookup(path) ?? screenFile(path, request),
    finish: () => parallel.onDone?.(active.stats()),
    close: () => active.close(),
  };
}

/**
 * Gives an early pool git's listing as soon as it is in, before discovery: its workers read while the main thread
 * discovers and parses. Closes it (undefined) when the listing is too small to be worth workers.
 */
export function submitAhead(early: ScreenPool, listed: readonly string[], parallel: ParallelOptions = {}): ScreenPool | undefined {
  if (listed.length === 0 || workerCount(listed.length, parallel) === 0) {
    early.close();
    return undefined;
  }
  early.submit(listed, true);
  return early;
}
