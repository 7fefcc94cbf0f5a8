import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { isProbablyBinary } from '../secrets/files.js';

/** Larger files are not metadata; reading them would only cost memory. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type ReadResult =
  | { ok: true; text: string; bytes: Uint8Array }
  | { ok: false; reason: string; binary?: boolean };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as UTF-8, refusing binary and non-UTF-8 content with a reason. */
export function decodeText(bytes: Uint8Array): ReadResult {
  if (isProbablyBinary(bytes)) return { ok: false, reason: 'binary content, not a text file', binary: true };
  try {
    return { ok: true, text: utf8.decode(bytes), bytes };
  } catch {
    return { ok: false, reason: 'content is not valid UTF-8' };
  }
}

/**
 * Reads a file once, defensively: directories, unreadable files, dangling links, files over 10 MB, binary and
 * non-UTF-8 content come back as a reason instead of an exception. Synchronous on purpose: for thousands of small
 * files it is faster than the promise API, and the linter has nothing else to do meanwhile.
 */
export function readTextFile(path: string): ReadResult {
  let fd: number | undefined;
  try {
    // stat before open: opening a FIFO named like a metadata file would block the linter forever.
    const info = statSync(path);
    if (info.isDirectory()) return { ok: false, reason: 'is a directory, not a file' };
    if (!info.isFile()) return { ok: false, reason: 'not a regular file (a device, socket or pipe)' };
    if (info.size > MAX_FILE_BYTES) {
      return { ok: false, reason: `file is ${(info.size / 1024 / 1024).toFixed(1)} MB, over the 10 MB limit` };
    }
    fd = openSync(path, 'r');
    const bytes = Buffer.allocUnsafe(info.size);
    let offset = 0;
    while (offset < bytes.length) {
      const read = readSync(fd, bytes, offset, bytes.length - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    return decodeText(offset === bytes.length ? bytes : bytes.subarray(0, offset));
  } catch (error) {
    return { ok: false, reason: describeIoError(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'file not found (or a dangling symbolic link)';
    case 'EACCES':
    case 'EPERM':
      return 'file cannot be read: permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ELOOP':
      return 'symbolic link loop';
    default:
      return `file cannot be read: ${(error as Error).message}`;
  }
}
