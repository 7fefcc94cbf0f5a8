import { readTextFile, type ReadResult } from '../project/read.js';

/**
 * Where file contents come from: the working tree, or the git index for `--staged`. Everything downstream reads
 * through this, so the same rules lint staged content and disk content alike.
 */
export interface FileSource {
  read(path: string): ReadResult;
}

/** The disk, never through a symbolic link that leads out of `root` (the repository). */
export function diskSourceWithin(root: string): FileSource {
  return { read: (path) => readTextFile(path, root) };
}

/** Remembers what was read, so each file is read once even when the parser and the secret scan both need it. */
export class TextCache {
  private readonly texts = new Map<string, string>();

  constructor(private readonly source: FileSource) {}

  read(path: string): ReadResult {
    const cached = this.texts.get(path);
    if (cached !== undefined) return { ok: true, text: cached, bytes: new Uint8Array() };
    return this.source.read(path);
  }

  keep(path: string, text: string): void {
    this.texts.set(path, text);
  }

  get(path: string): string | undefined {
    return this.texts.get(path);
  }
}
