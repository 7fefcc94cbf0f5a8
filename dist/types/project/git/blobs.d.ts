import { type ReadResult } from '../read.js';
export type BlobRead = {
    ok: true;
    bytes: Buffer;
} | {
    ok: false;
    reason: string;
    size?: number;
    head?: Buffer;
};
/**
 * Reads many git objects with ONE `git cat-file --batch` process (a process per file would cost more than the
 * lint). The output is parsed as it streams, so a huge staged file is counted and skipped, never held in memory.
 */
export declare function readBlobs(gitRoot: string, oids: readonly string[], maxBytes: number): Promise<Map<string, BlobRead>>;
/**
 * A blob as the checked reader reads a file: decoded text, or the same refusals (binary, not UTF-8, over the size
 * limit with its head sniffed for text). The one translation from git's bytes to what the linter reads.
 */
export declare function blobReadResult(blob: BlobRead | undefined, unreadable?: string): ReadResult;
