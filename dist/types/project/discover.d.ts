import { type RepositoryListing } from './git/index.js';
import { type ClassifiedFile } from './metadata-types.js';
import { type LintScope } from './scope.js';
export interface DiscoveredMetadata {
    path: string;
    classified: ClassifiedFile;
    forceIgnored: boolean;
    /** Not asked for, but needed to assemble an External Client App whose other files were given. */
    companion?: boolean;
}
export interface Discovery {
    /** Where repository-relative paths start: the git root, else the SFDX project root, else the working directory. */
    root: string;
    projectRoot?: string;
    gitRoot?: string;
    /** Metadata files to parse. */
    metadata: DiscoveredMetadata[];
    /** Every file for the repository-wide checks (secret scan, destructive manifests). */
    scanFiles: string[];
    /** Explicit paths that do not exist. */
    missing: string[];
    /** Things the user should know about what was (not) linted. */
    notices: string[];
}
export interface DiscoverOptions {
    cwd: string;
    paths: string[];
    /** Extra ignore patterns (config `ignorePatterns`), relative to `root`. */
    ignorePatterns?: string[];
    /** `--no-ignore`: neither .forceignore nor ignorePatterns leave anything out. */
    noIgnore?: boolean;
    /** The scope of the run, when the caller resolved it already (the library does, once per run). */
    scope?: LintScope;
    /** git's listing of the folders given, asked ahead (listFilesAhead); asked here otherwise. */
    listed?: {
        folders: readonly string[];
        listing: RepositoryListing;
    };
}
/**
 * Step one of the pipeline: which files to lint. Directories resolve through `sfdx-project.json` (every package
 * directory inside them) or are walked whole; explicit files are linted when their suffix is a known type.
 */
export declare function discover(options: DiscoverOptions): Discovery;
/**
 * `options` with the git listing discover() needs asked ahead, without blocking the thread: the ~50 ms git takes on
 * a 20,000-file repository then overlap whatever else the caller has started (the CLI loads its reporter meanwhile).
 * The scope is resolved here when the caller has not. `onTracked` is handed, for each folder given, the tracked files
 * discovery considers as soon as git has listed them (before the untracked ones): the engine starts reading them.
 */
export declare function listFilesAhead(options: DiscoverOptions, onTracked?: (files: readonly (readonly string[] | undefined)[]) => void): Promise<DiscoverOptions>;
