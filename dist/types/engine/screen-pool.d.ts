import { type ScreenRequest, type Screened } from './screen-file.js';
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
export declare class ScreenPool {
    readonly request: ScreenRequest;
    private readonly mainThreadTakes;
    private readonly batches;
    /** The files submitted, in order (batch b holds files b * BATCH_SIZE onwards); undefined until `submit`. */
    private files;
    private readonly results;
    private readonly state;
    private readonly workers;
    private inThreadBatches;
    private redoneBatches;
    private ahead;
    private constructor();
    /** Starts `workers` threads for `request`; undefined when there is no worker entry to run (a one-file bundle). */
    static create(request: ScreenRequest, workers: number, parallel?: ParallelOptions): ScreenPool | undefined;
    private spawn;
    /** Whether `submit` was called: the pool is screening a list of files. */
    get submitted(): boolean;
    /**
     * The files to screen (once per pool), in batches the threads claim in order, sorted as the engine asks for them
     * (`lookup`). They may be more than the engine asks for: git's listing, given before discovery leaves out what the
     * ignore files and the metadata take (the workers start sooner, and a file screened for nothing costs one read).
     */
    submit(scan: readonly string[], ahead?: boolean): void;
    /** A worker that failed or ended: the batch it had claimed and not answered is screened here, so no file is lost. */
    private lost;
    /** Takes every result the workers have posted, without waiting. */
    private drain;
    private redo;
    private runHere;
    private settle;
    /** The next unclaimed batch, claimed for the main thread; undefined when every batch is claimed. */
    private claim;
    /** The results of batch `batch`, in the order of its paths. Asked for in order, each once. */
    private wait;
    /** The batch's results when they are in, or after the main thread did work of its own; undefined to wait. */
    private poll;
    /**
     * The result for a path, asked in the order of the submitted files (sorted): at once when its batch is in (or the
     * main thread can do it), a promise only when it must wait for a worker; undefined for a path that was not
     * submitted (the caller screens it itself). The files passed over in between are never waited for.
     */
    lookup(): (path: string) => Screened | Promise<Screened> | undefined;
    stats(): PoolStats;
    close(): void;
}
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
export declare function startScreening(scan: readonly string[], request: ScreenRequest, parallel?: ParallelOptions, early?: ScreenPool): Screening;
/**
 * Gives an early pool git's listing as soon as it is in, before discovery: its workers read while the main thread
 * discovers and parses. Closes it (undefined) when the listing is too small to be worth workers.
 */
export declare function submitAhead(early: ScreenPool, listed: readonly string[], parallel?: ParallelOptions): ScreenPool | undefined;
