// The worker thread of the screening pool (screen-pool.ts): reads and screens the batches of files it is sent and
// posts each batch's results back, in the order of its paths. Nothing else runs here: no rules, no model, no output.
import { parentPort, workerData } from 'node:worker_threads';
import { screenFile, type ScreenRequest, type Screened } from './screen-file.js';

export interface BatchMessage {
  batch: number;
  paths: string[];
}

export interface ResultMessage {
  batch: number;
  results: Screened[];
}

const request = workerData as ScreenRequest;
parentPort?.on('message', ({ batch, paths }: BatchMessage) => {
  const results = paths.map((path) => screenFile(path, request));
  parentPort!.postMessage({ batch, results } satisfies ResultMessage);
});
