import type { FindingPostProcessor } from '../engine/lint.js';
export declare const DEFAULT_BASELINE = ".calint-baseline.json";
export interface BaselineEntry {
    fingerprint: string;
    rule: string;
    app?: string;
    /** Repository-relative, forward slashes. */
    file: string;
    /** For the reviewer of the baseline file; matching never reads it. */
    message: string;
}
export interface BaselineOptions {
    /** `--baseline <file>` (absolute); else `.calint-baseline.json` at the lint root, used when present. */
    file?: string;
    /** `--update-baseline`: record every current finding and write the file after the run. */
    update: boolean;
    /**
     * What this run looked at. Entries outside it (files not linted, rules not run: --staged, --only, a sub-folder)
     * are neither reported stale nor pruned, since the run could not have seen their findings.
     */
    inScope?: (entry: {
        file: string;
        rule: string;
    }) => boolean;
    /**
     * The recorded entries, already read from a trusted place (a git ref); the file is then only written to (with
     * `update`). Undefined entries: that place holds no baseline.
     */
    recorded?: {
        entries: BaselineEntry[] | undefined;
    };
    /** Writes the baseline file (atomically, refusing symlinks); plain writeFileSync by default. */
    writeFile?: (file: string, text: string) => void;
    /** The directory paths in messages are relative to. */
    cwd: string;
}
export interface BaselineProcessor extends FindingPostProcessor {
    /** With `update`: writes the baseline from what the run found. Call after lint(). */
    write(): void;
}
/**
 * Reads a baseline file; undefined when it does not exist, a UsageError when it is not a baseline. `within`: the
 * repository a link may lead into (a link out of it is refused, never quoted), null for a file the user named.
 */
export declare function readBaseline(file: string, within: string | null, cwd: string): BaselineEntry[] | undefined;
/** A baseline's entries from its text; `name` says where it came from in messages (a path, or a path at a git ref). */
export declare function parseBaseline(text: string, name: string): BaselineEntry[];
export declare function serializeBaseline(entries: readonly BaselineEntry[]): string;
export declare function createBaselineProcessor(options: BaselineOptions): BaselineProcessor;
