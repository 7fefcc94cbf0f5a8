/** The next batch to claim (each thread adds one and takes what it got). */
export declare const NEXT = 0;
/** How many batches the workers have answered (the main thread waits on it). */
export declare const DONE = 1;
/** The first of one slot per worker: the batch it is screening, -1 when none. */
export declare const CLAIMED = 2;
