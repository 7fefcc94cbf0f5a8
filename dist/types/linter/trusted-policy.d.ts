import type { LoadedConfig } from '../config/types.js';
import { type CheckedRead } from '../project/read.js';
/** A commit the configuration is read from: the name the user gave and the commit it resolved to. */
export interface TrustedRef {
    ref: string;
    commit: string;
    gitRoot: string;
}
/** Resolves `ref` to a commit of the repository holding `cwd`; a usage error naming the option otherwise. */
export declare function resolveTrustedRef(ref: string, cwd: string): Promise<TrustedRef>;
/**
 * The text of a file as `ref` holds it, with the checked reader's limits: a regular file of at most `maxBytes`
 * (streamed, so a huge blob is counted, never held), UTF-8. `missing` when the commit has no such file.
 */
export declare function readAtRef(trusted: TrustedRef, file: string, maxBytes?: number): Promise<CheckedRead>;
/**
 * The configuration `ref` holds for the linted directory: the same search as on disk (nearest directory first, up
 * to the repository root), over the commit's tree. The file keeps its working-tree path, so that plugins and
 * ignore patterns resolve as they would there; `source` says where it was read from.
 */
export declare function loadConfigAtRef(trusted: TrustedRef, searchFrom: string): Promise<LoadedConfig & {
    source: string;
}>;
export declare const describeRef: (trusted: TrustedRef) => string;
/** The gate's files: control files (configuration candidates, .forceignore) and the baseline, which may be larger. */
export interface GateFiles {
    controlFiles: readonly string[];
    baseline: string;
}
/**
 * The gate's files whose working-tree content differs from `ref`'s: each gets a notice. Compared by content, so an
 * uncommitted or untracked change counts as much as a committed one. The working tree is the pull request's: read
 * through the checked reader, within the repository; a file that cannot be read there (a link out of the
 * repository, a device, over the limit) counts as changed, never as the same.
 */
export declare function changedGateFiles(trusted: TrustedRef, files: GateFiles): Promise<string[]>;
/** Every configuration file name the working tree could use from `searchFrom` up (for the change notice). */
export declare function configCandidates(searchFrom: string, gitRoot: string): string[];
