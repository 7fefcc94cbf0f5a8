import { classifyPath } from '../project/metadata-types.js';
import { readTextFile, type ReadResult } from '../project/read.js';
import { FILE_SCREENS } from '../rules/util/file-screens.js';

/** What the screening of a batch of files needs to know; plain data, so a worker thread can be given it. */
export interface ScreenRequest {
  /** The repository root: no file is read through a symbolic link out of it. */
  root: string;
  /** The enabled file rules, each with an entry in FILE_SCREENS. */
  ruleIds: readonly string[];
  /** A file holding one of these strings is handed over whatever the rules say (a post-processor's directive). */
  keepMarkers: readonly string[];
}

/**
 * One file after screening: `clean` when it was read whole and no enabled file rule could report on it (nothing
 * more to do than count it); otherwise the read itself, for the engine to handle as if it had read the file.
 */
export type Screened = { clean: true } | { clean: false; read: ReadResult };

const CLEAN: Screened = { clean: true };

/** Whether every one of these file rules can be screened (built-in ones can; a plugin's rule sees every file). */
export function canScreen(ruleIds: readonly string[]): boolean {
  return ruleIds.every((id) => Object.hasOwn(FILE_SCREENS, id));
}

/**
 * Reads one file through the checked reader (type, size, no link out of the root) and decides whether the file
 * rules need it. The same function runs in the worker threads and, when they are off or fail, in the main thread,
 * so both give the same answer.
 */
export function screenFile(path: string, request: ScreenRequest): Screened {
  const read = readTextFile(path, request.root);
  if (!read.ok) return { clean: false, read };
  const text = read.text;
  if (request.keepMarkers.some((marker) => text.includes(marker))) return { clean: false, read: { ok: true, text } };
  const metadataNamed = classifyPath(path) !== undefined;
  for (const id of request.ruleIds) if (FILE_SCREENS[id]!(path, text, metadataNamed)) return { clean: false, read: { ok: true, text } };
  return CLEAN;
}
