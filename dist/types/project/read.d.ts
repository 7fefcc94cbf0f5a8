/** Larger files are not metadata; reading them would only cost memory. */
export declare const MAX_FILE_BYTES: number;
export type ReadResult = {
    ok: true;
    text: string;
    bytes?: Uint8Array;
} | {
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
/** Decodes bytes as UTF-8, refusing binary and non-UTF-8 content with a reason (and a text to scan when it is text). */
export declare function decodeText(bytes: Uint8Array): ReadResult;
/** A file too large to read whole: a binary stays judged by its name, text is reported as not scanned for secrets. */
export declare function tooLarge(reason: string, head: Uint8Array): ReadResult;
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
export declare function readTextFile(path: string, within: string): ReadResult;
export declare function describeIoError(error: unknown): string;
/** Control files (configuration, `.forceignore`, `sfdx-project.json`, `.gitignore`, a plugin's package.json). */
export declare const MAX_CONTROL_FILE_BYTES: number;
/** A baseline lists every known finding: it may be large, but not unbounded. */
export declare const MAX_BASELINE_BYTES: number;
export type CheckedRead = {
    ok: true;
    text: string;
} | {
    ok: false;
    missing: boolean;
    reason: string;
    linkOutside?: boolean;
};
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
export declare function readCheckedText(path: string, options: CheckedReadOptions): CheckedRead;
