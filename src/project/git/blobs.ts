import { spawn } from 'node:child_process';
import { decodeText, tooLarge, type ReadResult } from '../read.js';
import { FIXED_CONFIG } from './run.js';

export type BlobRead = { ok: true; bytes: Buffer } | { ok: false; reason: string; size?: number; head?: Buffer };

/** Bytes kept of a blob skipped as too large: enough to tell text from binary (the window git uses). */
const HEAD_BYTES = 8000;

/**
 * Reads many git objects with ONE `git cat-file --batch` process (a process per file would cost more than the
 * lint). The output is parsed as it streams, so a huge staged file is counted and skipped, never held in memory.
 */
export function readBlobs(gitRoot: string, oids: readonly string[], maxBytes: number): Promise<Map<string, BlobRead>> {
  const unique = [...new Set(oids)];
  const results = new Map<string, BlobRead>();
  if (unique.length === 0) return Promise.resolve(results);
  return new Promise((resolve) => {
    const parser = new BatchOutputParser(maxBytes, (oid, read) => results.set(oid, read));
    const child = spawn('git', [...FIXED_CONFIG, 'cat-file', '--batch'], { cwd: gitRoot, stdio: ['pipe', 'pipe', 'ignore'] });
    const finish = (reason: string) => {
      for (const oid of unique) if (!results.has(oid)) results.set(oid, { ok: false, reason });
      resolve(results);
    };
    child.on('error', (error) => finish(`cannot be read from git: ${error.message}`));
    child.stdout.on('data', (chunk: Buffer) => parser.push(chunk));
    child.on('close', () => finish('cannot be read from git'));
    child.stdin.on('error', () => undefined); // git exiting early surfaces through 'close'
    child.stdin.end(`${unique.join('\n')}\n`);
  });
}

/**
 * A blob as the checked reader reads a file: decoded text, or the same refusals (binary, not UTF-8, over the size
 * limit with its head sniffed for text). The one translation from git's bytes to what the linter reads.
 */
export function blobReadResult(blob: BlobRead | undefined, unreadable = 'cannot be read from git'): ReadResult {
  if (blob?.ok) return decodeText(blob.bytes);
  if (blob?.head) return tooLarge(blob.reason, blob.head);
  return { ok: false, reason: blob?.reason ?? unreadable };
}

interface PendingObject {
  oid: string;
  size: number;
  /** Bytes still to come, the terminating newline included. */
  remaining: number;
  /** The content so far; undefined when it is skipped, for `skipReason`. */
  chunks: Buffer[] | undefined;
  /** The first bytes of a blob skipped as too large (for nothing else). */
  head: Buffer[];
  oversized: boolean;
  headLength: number;
  skipReason?: string;
}

/** `<oid> <type> <size>\n<content>\n` repeated, or `<oid> missing\n`. */
class BatchOutputParser {
  private header: Buffer[] = [];
  private current: PendingObject | undefined;

  constructor(
    private readonly maxBytes: number,
    private readonly emit: (oid: string, read: BlobRead) => void,
  ) {}

  push(chunk: Buffer): void {
    let data = chunk;
    while (data.length > 0) {
      if (this.current) {
        data = this.consumeContent(this.current, data);
        continue;
      }
      const newline = data.indexOf(0x0a);
      if (newline < 0) {
        this.header.push(data);
        return;
      }
      this.header.push(data.subarray(0, newline));
      data = data.subarray(newline + 1);
      this.startObject(Buffer.concat(this.header).toString('utf8'));
      this.header = [];
    }
  }

  private startObject(line: string): void {
    const [oid = '', type, sizeText] = line.split(' ');
    if (sizeText === undefined) {
      this.emit(oid, { ok: false, reason: 'not in the git object database' });
      return;
    }
    const size = Number(sizeText);
    const skipReason =
      type !== 'blob'
        ? `is a git ${type}, not a file`
        : size > this.maxBytes
          ? `file is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${Math.round(this.maxBytes / 1024 / 1024)} MB limit`
          : undefined;
    this.current = { oid, size, remaining: size + 1, chunks: skipReason ? undefined : [], head: [], headLength: 0, oversized: type === 'blob' && size > this.maxBytes, ...(skipReason ? { skipReason } : {}) };
  }

  private consumeContent(object: PendingObject, data: Buffer): Buffer {
    const taken = Math.min(object.remaining, data.length);
    object.chunks?.push(data.subarray(0, taken));
    if (object.oversized && object.headLength < HEAD_BYTES) {
      const kept = data.subarray(0, Math.min(taken, HEAD_BYTES - object.headLength));
      object.head.push(Buffer.from(kept));
      object.headLength += kept.length;
    }
    object.remaining -= taken;
    if (object.remaining === 0) {
      this.current = undefined;
      if (object.chunks) this.emit(object.oid, { ok: true, bytes: Buffer.concat(object.chunks).subarray(0, object.size) });
      else this.emit(object.oid, { ok: false, reason: object.skipReason ?? 'skipped', size: object.size, ...(object.oversized ? { head: Buffer.concat(object.head) } : {}) });
    }
    return data.subarray(taken);
  }
}
