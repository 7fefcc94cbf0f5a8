// The worker thread of the screening pool (screen-pool.ts): reads and parses metadata files, reads and screens the
// other files. It claims batches from the counter it shares with the other threads until none is left, and posts
// each batch's results, in the order of its paths. Nothing else runs here: no rules, no model, no output.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { runJob, type JobKind, type ParsedAhead, type ScreenRequest, type Screened } from './screen-file.js';

/** What a worker is started with. */
export interface WorkerSetup {
  request: ScreenRequest;
  /** [next batch to claim, batches done, the batch each worker has claimed (-1: none)]. */
  state: Int32Array;
  slot: number;
  /** Where results go; the main thread reads it synchronously. */
  results: MessagePort;
}

/** The run's batches, sent once they are known. */
export interface WorkMessage {
  batches: { kind: JobKind; paths: string[] }[];
}

/** A batch's results, or none when the batch threw here (the main thread does it again). */
export interface ResultMessage {
  batch: number;
  results?: (Screened | ParsedAhead)[];
}

const NEXT = 0;
const DONE = 1;
const CLAIMED = 2;

const { request, state, slot, results } = workerData as WorkerSetup;

parentPort?.on('message', ({ batches }: WorkMessage) => {
  for (let batch = Atomics.add(state, NEXT, 1); batch < batches.length; batch = Atomics.add(state, NEXT, 1)) {
    Atomics.store(state, CLAIMED + slot, batch);
    const { kind, paths } = batches[batch]!;
    let message: ResultMessage;
    try {
      message = { batch, results: paths.map((path) => runJob(kind, path, request)) };
    } catch {
      message = { batch };
    }
    results.postMessage(message);
    Atomics.store(state, CLAIMED + slot, -1);
    Atomics.add(state, DONE, 1);
    Atomics.notify(state, DONE);
  }
});
