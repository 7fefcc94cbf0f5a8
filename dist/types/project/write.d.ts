/** A write the linter refused or could not finish; the message names the file and says what happened to it. */
export declare class WriteError extends Error {
}
export interface SafeWriteOptions {
    /** What is being written, for messages: "report", "baseline", "SARIF report". */
    what: string;
    /**
     * The directory the write is judged from (the working directory): every existing folder between it and the
     * target must be a real folder, not a link.
     */
    base: string;
    /** The user named this exact path outside CI: a symbolic link there is followed (their choice). */
    allowSymlink?: boolean;
}
/** Writes `text` to `file` atomically, refusing symbolic links on the way unless `allowSymlink`. */
export declare function writeFileSafely(file: string, text: string, options: SafeWriteOptions): void;
