// The slots of the Int32Array the screening threads share (screen-pool.ts and screen-worker.ts): defined once, as
// both sides must agree on them.

/** The next batch to claim (each thread adds one and takes what it got). */
export const NEXT = 0;
/** How many batches the workers have answered (the main thread waits on it). */
export const DONE = 1;
/** The first of one slot per worker: the batch it is screening, -1 when none. */
export const CLAIMED = 2;
