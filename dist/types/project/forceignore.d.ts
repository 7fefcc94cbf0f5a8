export declare class ForceIgnoreMatcher {
    /** undefined when there is no .forceignore: SDR then accepts everything, defaults included. */
    private readonly parser;
    /** Directory patterns are relative to; SDR uses dirname() of the .forceignore path. */
    private readonly forceIgnoreDirectory;
    /** The file's lines, to say which one denied a path. */
    private readonly lines;
    /** Why a .forceignore that exists was not read (a FIFO, a device, too large, not UTF-8): said, never silent. */
    readonly refused?: string | undefined;
    private constructor();
    /**
     * Reads `<projectRoot>/.forceignore` if present (no upward search; the caller gives
     * the project root). Without the file, nothing is denied (that is SDR's behaviour:
     * defaults apply only when a .forceignore exists).
     */
    static load(projectRoot: string, repository: string): ForceIgnoreMatcher;
    /** Build from file contents directly (for tests and for staged content). */
    static fromContents(projectRoot: string, contents: string | undefined): ForceIgnoreMatcher;
    /**
     * For a denied path, the 1-based line of `.forceignore` whose pattern denies it (undefined for SDR's default
     * patterns), so the user is told which line to change.
     */
    deniedAt(absolutePath: string): {
        line?: number;
    } | undefined;
    /** true when SDR's ForceIgnore would deny (ignore) this absolute path. */
    denies(absolutePath: string): boolean;
}
