/**
 * The configuration's `ignorePatterns` (.gitignore syntax, relative to `root`) as a predicate over absolute paths.
 * Paths outside `root` are never ignored: the patterns cannot name them.
 */
export declare function ignorePatternMatcher(root: string, patterns: readonly string[] | undefined): (path: string) => boolean;
