import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { hasMagicNumber, isProbablyBinary } from '../secrets/files.js';

/** Larger files are not metadata; reading them would only cost memory. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type ReadResult =
  | { ok: true; text: string; bytes?: Uint8Array }
  | {
      ok: false;
      reason: string;
      binary?: boolean;
      /**
       * The content decoded for the secret scan when it is text in another encoding (UTF-16, Latin-1/Windows-1252)
       * or UTF-8 with a stray NUL byte: not metadata, but a secret in it is still a secret.
       */
      scanText?: string;
      /** Text that could not be read whole (over the size limit): the secret scan must say it did not check it. */
      unscanned?: boolean;
      /** A symbolic link that resolves outside the repository: skipped for safety, said once as a notice. */
      linkOutside?: boolean;
    };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');
const windows1252 = new TextDecoder('windows-1252');

const UTF16_REASON = 'content is UTF-16 encoded; metadata files must be UTF-8';

/** Decodes bytes as UTF-8, refusing binary and non-UTF-8 content with a reason (and a text to scan when it is text). */
export function decodeText(bytes: Uint8Array): ReadResult {
  // UTF-16 text is full of NUL bytes: say what it is rather than calling it binary. (Windows PowerShell 5 `>` writes it.)
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: false, reason: UTF16_REASON, binary: true, scanText: decodeUtf16(bytes.subarray(2), 'le') };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: false, reason: UTF16_REASON, binary: true, scanText: decodeUtf16(bytes.subarray(2), 'be') };
  if (isProbablyBinary(bytes)) {
    const nul = nulByteLayout(bytes);
    // UTF-16 without a byte-order mark: ASCII characters leave a NUL in every other byte.
    if (nul.utf16 !== undefined) return { ok: false, reason: UTF16_REASON, binary: true, scanText: decodeUtf16(bytes, nul.utf16) };
    // A text file with a stray NUL byte near its start is still text to the secret scan; real binaries (magic numbers,
    // NUL-dense content) stay judged by their name only.
    if (nul.sparse) return { ok: false, reason: 'binary content, not a text file', binary: true, scanText: utf8Lenient.decode(bytes) };
    return { ok: false, reason: 'binary content, not a text file', binary: true };
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    // Latin-1 / Windows-1252 text (one accented byte in a comment): not metadata, but scanned as what it most likely is.
    return { ok: false, reason: 'content is not valid UTF-8', binary: true, scanText: windows1252.decode(bytes) };
  }
}

/** A file too large to read whole: a binary stays judged by its name, text is reported as not scanned for secrets. */
export function tooLarge(reason: string, head: Uint8Array): ReadResult {
  const binary = isProbablyBinary(head) && nulByteLayout(head).utf16 === undefined && !nulByteLayout(head).sparse;
  return { ok: false, reason, ...(binary ? { binary: true } : { unscanned: true }) };
}

function decodeUtf16(bytes: Uint8Array, order: 'le' | 'be'): string {
  return new TextDecoder(order === 'le' ? 'utf-16le' : 'utf-16be').decode(bytes);
}

/** How the NUL bytes of the first 8000 bytes lie: in every other byte (UTF-16), rare (text), or neither (binary). */
function nulByteLayout(bytes: Uint8Array): { utf16?: 'le' | 'be'; sparse: boolean } {
  const end = Math.min(bytes.length, 8000);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0) (i % 2 === 0 ? even++ : odd++);
  if (hasMagicNumber(bytes)) return { sparse: false };
  const pairs = Math.floor(end / 2);
  // At least 70% of the pairs carry a NUL on the same side and almost none on the other: ASCII as UTF-16.
  if (pairs >= 4 && odd >= pairs * 0.7 && even <= pairs * 0.05) return { utf16: 'le', sparse: false };
  if (pairs >= 4 && even >= pairs * 0.7 && odd <= pairs * 0.05) return { utf16: 'be', sparse: false };
  return { sparse: (even + odd) * 100 <= end };
}

const NOT_REGULAR = 'not a regular file (a device, socket or pipe)';

/** O_NONBLOCK: opening a FIFO named like a metadata file must not wait for a writer (Windows has no such flag). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** One read buffer for every file that fits (nearly all do): decoding copies the text out of it. */
const scratch = Buffer.allocUnsafe(256 * 1024);

/**
 * Reads a file once, defensively: directories, unreadable files, dangling links, files over 10 MB, binary and
 * non-UTF-8 content come back as a reason instead of an exception. Synchronous on purpose: for thousands of small
 * files it is faster than the promise API, and the linter has nothing else to do meanwhile.
 * Read first, and ask the file's type and size (fstat) only when the reads cannot tell: a file that fits the buffer
 * comes back whole from one read, and a second read that returns nothing shows it ended there (on any file system: a
 * short read alone proves nothing on FUSE or a pipe). That is open, read, read and close, ~10% less than open, fstat,
 * read and close, since fstat builds a Stats object (docs/benchmarks.md). Anything else (a larger file, a device such
 * as /dev/zero that fills the buffer, an empty file or a FIFO with no writer, a read that did not reach the end) takes
 * the checked path: fstat, then the whole file from its start. A directory fails the first read (EISDIR); a FIFO
 * whose writer holds it open fails the second (EAGAIN, non-blocking).
 * `within` (the repository root) is required: no caller can forget to confine a read of repository content.
 */
export function readTextFile(path: string, within: string): ReadResult {
  if (path.includes('\uFFFD', path.startsWith(within) ? within.length : 0)) return { ok: false, reason: UNDECODABLE_NAME, unscanned: true };
  let fd: number | undefined;
  try {
    fd = openConfined(path, within);
    if (fd === undefined) return { ok: false, reason: LINK_OUTSIDE, linkOutside: true };
    // At the current position (read, not pread): a FIFO refuses pread (ESPIPE) before its type could be told.
    const first = readSync(fd, scratch, 0, scratch.length, null);
    if (first > 0 && first < scratch.length && readSync(fd, scratch, first, scratch.length - first, null) === 0) return decodeText(scratch.subarray(0, first));
    const info = fstatSync(fd);
    if (info.isDirectory()) return { ok: false, reason: 'is a directory, not a file' };
    if (!info.isFile()) return { ok: false, reason: NOT_REGULAR };
    if (info.size > MAX_FILE_BYTES) {
      const head = readSync(fd, scratch, 0, 8000, 0);
      return tooLarge(`file is ${(info.size / 1024 / 1024).toFixed(1)} MB, over the 10 MB limit`, scratch.subarray(0, head));
    }
    const bytes = info.size <= scratch.length ? scratch : Buffer.allocUnsafe(info.size);
    let offset = 0;
    while (offset < info.size) {
      const read = readSync(fd, bytes, offset, info.size - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    return decodeText(bytes.subarray(0, offset));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A file that is there but could not be read (permission denied, an I/O error) may hold a secret: not scanned.
    return { ok: false, reason: describeIoError(error), ...(code !== undefined && NOTHING_TO_READ.has(code) ? {} : { unscanned: true }) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Errors that mean there is no file content to check: not there (a tracked file deleted in the working tree, a
 * dangling link), a folder, a link loop, or not a regular file (a socket or a FIFO, which git cannot commit).
 */
const NOTHING_TO_READ: ReadonlySet<string> = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ELOOP', 'ENXIO', 'EAGAIN', 'ESPIPE']);

const LINK_OUTSIDE = 'symbolic link to a file outside the repository: not read';

/**
 * U+FFFD in a path inside the repository: what git's listing (and a directory walk), decoded as UTF-8, shows for bytes
 * of a name that are not UTF-8. No string opens such a file (it looked like a tracked file deleted from the working
 * tree, passed over in silence), and a file really named with U+FFFD could stand in for it: neither is read, both
 * are reported as not scanned (renaming the file is the fix).
 */
const UNDECODABLE_NAME = 'file name is not valid UTF-8 (shown as U+FFFD): the file cannot be opened by its name';

/**
 * Opens a file for reading; with `within` (the repository root), a symbolic link is followed only when it resolves
 * inside it: a committed link to `~/.ssh/id_rsa` or `/etc/passwd` must not be read and echoed. O_NOFOLLOW makes the
 * open fail on a link, so regular files cost no extra system call. Undefined for a link out of the root. `null`: a
 * path the user named on the command line, which may lead anywhere.
 */
function openConfined(path: string, within: string | null): number | undefined {
  if (within === null || constants.O_NOFOLLOW === undefined) return openSync(path, OPEN_FLAGS);
  try {
    return openSync(path, OPEN_FLAGS | constants.O_NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOOP') throw error;
  }
  if (!isInside(realpathSync(path), realpathSync(within))) return undefined;
  return openSync(path, OPEN_FLAGS);
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
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
    case 'ENXIO': // opening a socket
    case 'EAGAIN': // reading a FIFO whose writer has written nothing yet
    case 'ESPIPE':
      return NOT_REGULAR;
    default:
      return `file cannot be read: ${(error as Error).message}`;
  }
}

/** Control files (configuration, `.forceignore`, `sfdx-project.json`, `.gitignore`, a plugin's package.json). */
export const MAX_CONTROL_FILE_BYTES = 1024 * 1024;
/** A baseline lists every known finding: it may be large, but not unbounded. */
export const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

export type CheckedRead = { ok: true; text: string } | { ok: false; missing: boolean; reason: string; linkOutside?: boolean };

export interface CheckedReadOptions {
  /**
   * The repository (git root, else project root) a symbolic link may lead into; a link out of it is refused. `null`
   * only for a path the user named on the command line (`--config`, `--baseline`): the user chose it. Required, so
   * that no caller confines a control file by forgetting to.
   */
  within: string | null;
  /** Larger files are refused (MAX_CONTROL_FILE_BYTES by default). */
  maxBytes?: number;
}

/**
 * Reads a repository control file through the same checks as metadata: regular files only (a device such as
 * `/dev/zero`, a FIFO, a socket or a directory is refused, so nothing exhausts memory or waits forever), at most
 * `maxBytes`, UTF-8 with an optional byte-order mark, never through a symbolic link out of `within`. Never throws;
 * `missing` tells an absent file from a refused one. The reason never quotes the file's content.
 */
export function readCheckedText(path: string, options: CheckedReadOptions): CheckedRead {
  const maxBytes = options.maxBytes ?? MAX_CONTROL_FILE_BYTES;
  let fd: number | undefined;
  try {
    fd = openConfined(path, options.within);
    if (fd === undefined) return { ok: false, missing: false, reason: LINK_OUTSIDE, linkOutside: true };
    const info = fstatSync(fd);
    if (info.isDirectory()) return { ok: false, missing: false, reason: 'is a directory, not a file' };
    if (!info.isFile()) return { ok: false, missing: false, reason: NOT_REGULAR };
    if (info.size > maxBytes) return { ok: false, missing: false, reason: `file is ${formatSize(info.size)}, over the ${formatSize(maxBytes)} limit` };
    // One byte more than allowed is read, so that a file growing while it is read is still caught.
    const bytes = Buffer.allocUnsafe(Math.min(info.size, maxBytes) + 1);
    let offset = 0;
    while (offset < bytes.length) {
      const read = readSync(fd, bytes, offset, bytes.length - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    if (offset > maxBytes) return { ok: false, missing: false, reason: `file is over the ${formatSize(maxBytes)} limit` };
    try {
      return { ok: true, text: utf8.decode(bytes.subarray(0, offset)).replace(/^\uFEFF/, '') };
    } catch {
      return { ok: false, missing: false, reason: 'content is not valid UTF-8' };
    }
  } catch (error) {
    return { ok: false, missing: (error as NodeJS.ErrnoException).code === 'ENOENT', reason: describeIoError(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
