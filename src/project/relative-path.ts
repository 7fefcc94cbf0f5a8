import { relative, sep } from 'node:path';

/**
 * `relative(directory, path)` for the common case, without its cost (it resolves both paths, character by character):
 * a normalized POSIX path below the directory is the part after it. Undefined for anything else (another platform,
 * `.` or `..` segments, doubled or trailing slashes, the directory itself), which `relative` then handles.
 */
export function plainRelative(directory: string, path: string): string | undefined {
  if (sep !== '/' || !path.startsWith(directory) || path.charCodeAt(directory.length) !== 47 || directory.endsWith('/')) return undefined;
  const rest = path.slice(directory.length + 1);
  return rest === '' || NOT_NORMALIZED.test(rest) ? undefined : rest;
}

const NOT_NORMALIZED = /(?:^|\/)\.{1,2}(?:\/|$)|\/\/|\/$/;

/** `relative(directory, path)`, through plainRelative when it can answer. */
export function fastRelative(directory: string, path: string): string {
  return plainRelative(directory, path) ?? relative(directory, path);
}
