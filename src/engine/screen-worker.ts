// The worker thread of the screening pool (screen-pool.ts): reads and parses metadata files, reads and screens the
// other files, batch by batch, and posts each batch's results back in the order of its paths. Nothing else runs
// here: no rules, no model, no output.
import { parentPort, workerData } from 'node:worker_threads';
import { runJob, type JobKind, type ParsedAhead, type ScreenRequest, type Screened } from './screen-file.js';

export interface BatchMessage {
  batch: number;
  kind: JobKind;
  paths: string[];
}

export interface ResultMessage {
  batch: number;
  results: (Screened | ParsedAhead)[];
}

const request = workerData as ScreenRequest;
parentPort?.on('message', ({ batch, kind, paths }: BatchMessage) => {
  const results = paths.map((path) => runJob(kind, path, request));
  parentPort!.postMessage({ batch, results } satisfies ResultMessage);
});
