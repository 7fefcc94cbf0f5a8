// The worker thread of the screening pool (screen-pool.ts): reads and screens the repository's files (the main
// thread reads and parses the metadata meanwhile). It claims batches from the counter it shares with the other threads until none is left, and posts
// each batch's results, in the order of its paths. Nothing else runs here: no rules, no model, no output.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { ReadResult } from '../project/read.js';
import { screenFile, type ScreenRequest } from './screen-file.js';
import { CLAIMED, DONE, NEXT } from './screen-state.js';

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


/** Given at the start (workerData), or later by a message when the launcher started this worker as a standby. */
let setup = (workerData ?? undefined) as WorkerSetup | undefined;

parentPort?.on('message', (message: SetupMessage | WorkMessage) => {
  if ('setup' in message) {
    setup = message.setup;
    return;
  }
  // The pool sends the setup before any work; without one there is no state to claim batches from.
  if (setup) screenBatches(setup, message);
});

function screenBatches({ request, state, slot, results }: WorkerSetup, { text, offsets, batchStarts }: WorkMessage): void {
  const bytes = Buffer.from(text);
  const pathAt = (index: number) => bytes.toString('utf8', offsets[index]!, offsets[index + 1]!);
  const batches = batchStarts.length - 1;
  for (let batch = Atomics.add(state, NEXT, 1); batch < batches; batch = Atomics.add(state, NEXT, 1)) {
    Atomics.store(state, CLAIMED + slot, batch);
    let message: ResultMessage;
    try {
      const notClean: [number, ReadResult][] = [];
      for (let index = batchStarts[batch]!; index < batchStarts[batch + 1]!; index++) {
        const screened = screenFile(pathAt(index), request);
        if (!screened.clean) notClean.push([index - batchStarts[batch]!, screened.read]);
      }
      message = { batch, notClean };
    } catch {
      message = { batch, failed: true };
    }
    results.postMessage(message);
    Atomics.store(state, CLAIMED + slot, -1);
    Atomics.add(state, DONE, 1);
    Atomics.notify(state, DONE);
  }
}
