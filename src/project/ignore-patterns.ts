import { sep } from 'node:path';
import ignore from 'ignore';

/**
 * The configuration's `ignorePatterns` (.gitignore syntax, relative to `root`) as a predicate over absolute paths.
 * Paths outside `root` are never ignored: the patterns cannot name them.
 */
export function ignorePatternMatcher(root: string, patterns: readonly string[] | undefined): (path: string) => boolean {
  if (!patterns?.length) return () => false;
  const matcher = ignore().add([...patterns]);
  const prefix = root.endsWith(sep) ? root : root + sep;
  return (path) => {
    if (!path.startsWith(prefix)) return false;
    const relative = path.slice(prefix.length).split(sep).join('/');
    return relative !== '' && matcher.ignores(relative);
  };
}
