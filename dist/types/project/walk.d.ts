import type { Ignore } from 'ignore';
/** Folders no Salesforce project wants linted: dependencies, VCS data and the CLI's local state (auth files). */
export declare const SKIPPED_DIRECTORIES: Set<string>;
export interface WalkOptions {
    /** .gitignore-style filter, relative to `ignoreRoot`. */
    ignore?: Ignore;
    ignoreRoot?: string;
}
/**
 * Lists the files under a directory. Follows symbolic links to directories inside it once (a real-path set breaks loops),
 * skips SKIPPED_DIRECTORIES, and never throws: unreadable directories are passed over.
 */
export declare function walkFiles(directory: string, options?: WalkOptions): string[];
/** Whether the path is a directory (following links); false for anything that cannot be stat'ed. */
export declare function isDirectory(path: string): boolean;
