import { type ReadResult } from '../project/read.js';
/**
 * Where file contents come from: the working tree, or the git index for `--staged`. Everything downstream reads
 * through this, so the same rules lint staged content and disk content alike.
 */
export interface FileSource {
    read(path: string): ReadResult;
}
/** The disk, never through a symbolic link that leads out of `root` (the repository). */
export declare function diskSourceWithin(root: string): FileSource;
/** Remembers what was read, so each file is read once even when the parser and the secret scan both need it. */
export declare class TextCache {
    private readonly source;
    private readonly texts;
    constructor(source: FileSource);
    read(path: string): ReadResult;
    keep(path: string, text: string): void;
    get(path: string): string | undefined;
}
