// The checked reader reads first and asks a file's type and size only when one read cannot tell (src/project/read.ts):
// each size around its buffer, and each kind of file that is not a regular one, must still come back whole or refused.
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, readTextFile } from '../src/project/read.js';

const root = mkdtempSync(join(tmpdir(), 'calint-read-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A file of `size` bytes of 'a' that ends with `tail`. */
function fileOf(name: string, size: number, tail = 'END'): string {
  const path = join(root, name);
  writeFileSync(path, 'a'.repeat(size - tail.length) + tail);
  return path;
}

const BUFFER = 256 * 1024;

describe('readTextFile', () => {
  it.each([
    ['a small file', 100],
    ['a file one byte under the buffer', BUFFER - 1],
    ['a file the size of the buffer', BUFFER],
    ['a file one byte over the buffer', BUFFER + 1],
    ['a file of a few buffers', 3 * BUFFER + 17],
  ])('reads %s whole, its last bytes included', (_name, size) => {
    const read = readTextFile(fileOf(`f${size}.txt`, size), root);
    expect(read.ok && read.text.length).toBe(size);
    expect(read.ok && read.text.endsWith('END')).toBe(true);
  });

  it('reads an empty file as empty text', () => {
    const read = readTextFile(fileOf('empty.txt', 0, ''), root);
    expect(read).toEqual({ ok: true, text: '' });
  });

  it('refuses a text file over the size limit as not scanned', () => {
    const read = readTextFile(fileOf('big.txt', MAX_FILE_BYTES + 1), root);
    expect(read).toMatchObject({ ok: false, unscanned: true, reason: expect.stringMatching(/over the 10 MB limit/) });
  });

  it('refuses a directory', () => {
    mkdirSync(join(root, 'folder.txt'));
    expect(readTextFile(join(root, 'folder.txt'), root)).toMatchObject({ ok: false, reason: 'is a directory, not a file' });
  });

  it('refuses a FIFO without waiting for a writer', () => {
    const fifo = join(root, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    expect(readTextFile(fifo, root)).toMatchObject({ ok: false, reason: expect.stringMatching(/not a regular file/) });
  });

  it('refuses a FIFO that a writer holds open and has written to: a short read is not taken for a whole file', () => {
    const fifo = join(root, 'fed.txt');
    execFileSync('mkfifo', [fifo]);
    // O_RDWR keeps a writer on the FIFO (Linux) without waiting for a reader.
    const writer = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
    try {
      writeSync(writer, 'consumerSecret=part of a stream');
      expect(readTextFile(fifo, root)).toMatchObject({ ok: false, reason: expect.stringMatching(/not a regular file/) });
    } finally {
      closeSync(writer);
    }
  });

  it('refuses a character device that never ends, reading no more than one buffer', () => {
    // /dev/zero through a path the caller allows (the root is "/"): a read fills the buffer, so its type is asked.
    expect(readTextFile('/dev/zero', '/')).toMatchObject({ ok: false, reason: expect.stringMatching(/not a regular file/) });
  });
});
