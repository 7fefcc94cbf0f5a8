import { type ClassifiedFile } from './metadata-types.js';
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
}
interface SfdxProject {
    root: string;
    packageDirectories: string[];
    /** What is wrong with sfdx-project.json, said to the user instead of silently linting less. */
    problems: string[];
}
/** The nearest `sfdx-project.json` at or above `start`, with its package directories as absolute paths. */
export declare function findSfdxProject(start: string): SfdxProject | undefined;
/**
 * Step one of the pipeline: which files to lint. Directories resolve through `sfdx-project.json` (every package
 * directory inside them) or are walked whole; explicit files are linted when their suffix is a known type.
 */
export declare function discover(options: DiscoverOptions): Discovery;
export {};
