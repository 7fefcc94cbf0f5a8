import { type MessagePort } from 'node:worker_threads';
import type { ReadResult } from '../project/read.js';
import { type ScreenRequest } from './screen-file.js';
/** What a worker is started with. */
export interface WorkerSetup {
    request: ScreenRequest;
    /** [next batch to claim, batches done, the batch each worker has claimed (-1: none)]. */
    state: Int32Array;
    slot: number;
    /** Where results go; the main thread reads it synchronously. */
    results: MessagePort;
}
/** The run's files, sent once they are known, in shared memory (screen-pool.ts encodeWork). */
export interface WorkMessage {
    /** Every path, UTF-8, one after the other. */
    text: SharedArrayBuffer;
    /** Where path i starts in `text` (and, at i + 1, where it ends). */
    offsets: Int32Array;
    /** Where batch b starts among the paths (and, at b + 1, where it ends). */
    batchStarts: number[];
}
/** A standby worker's setup (standby-worker.ts), sent by the pool that takes it; the first message it gets. */
export interface SetupMessage {
    setup: WorkerSetup;
}
/**
 * A batch's results: only the files that are not clean (most files of a repository are, and a message of 128
 * `{ clean: true }` would cost the main thread more than the file). `failed` when the batch threw here: the main
 * thread does it again.
 */
export interface ResultMessage {
    batch: number;
    notClean?: [number, ReadResult][];
    failed?: true;
}
