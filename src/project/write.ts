// Writing reports and baselines into a checkout that may be hostile: a committed symbolic link named like the report
// (`reports/calint.sarif -> ~/.bashrc`) must not turn the write into one outside the repository, and a failed write
// (a full disk) must not leave a truncated baseline behind. So: no symbolic link on the way, a temporary file in the
// same folder, then one rename over the target (atomic on the same filesystem).
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** A write the linter refused or could not finish; the message names the file and says what happened to it. */
export class WriteError extends Error {}

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
export function writeFileSafely(file: string, text: string, options: SafeWriteOptions): void {
  const target = resolve(options.base, file);
  const shown = file;
  let destination = target;
  const link = symlinkOnTheWay(target, options.base);
  if (link !== undefined) {
    if (!options.allowSymlink) {
      throw new WriteError(`refusing to write the ${options.what} to ${shown}: ${link === target ? 'it is' : `${link} is`} a symbolic link (name a real file)`);
    }
    destination = followLinks(target);
  }
  try {
    mkdirSync(dirname(destination), { recursive: true });
  } catch (error) {
    throw new WriteError(`cannot write the ${options.what} to ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message} creating its folder`);
  }
  const temporary = join(dirname(destination), `.${basename(destination)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let descriptor: number | undefined;
  try {
    // `wx`: never through a file (or link) that appeared under the temporary name.
    descriptor = openSync(temporary, 'wx', 0o644);
    const bytes = Buffer.from(text, 'utf8');
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(descriptor, bytes, offset, bytes.length - offset);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    renameSync(temporary, destination);
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    rmSync(temporary, { force: true });
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new WriteError(`cannot write the ${options.what} to ${shown} (${reason}); the previous file, if any, is unchanged`);
  }
}

/**
 * The first symbolic link met from `base` down to `target` (the target included), or undefined. Folders above
 * `base` (or above the target when it lies outside `base`) are the user's business, not the checkout's.
 */
function symlinkOnTheWay(target: string, base: string): string | undefined {
  const rel = relative(base, target);
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  const chain: string[] = [];
  if (inside) {
    let path = base;
    for (const part of rel.split(/[\\/]/)) chain.push((path = join(path, part)));
  } else {
    chain.push(target);
  }
  for (const path of chain) {
    try {
      if (lstatSync(path).isSymbolicLink()) return path;
    } catch {
      return undefined; // the rest does not exist yet: it will be created as real folders and a real file
    }
  }
  return undefined;
}

/** Where a chain of links ends, for a link the user chose to write through (its target may not exist yet). */
function followLinks(target: string): string {
  try {
    return realpathSync(target);
  } catch {
    return join(realpathSync(dirname(target)), basename(target));
  }
}
