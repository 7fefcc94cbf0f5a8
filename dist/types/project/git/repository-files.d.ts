/**
 * Files the repository holds under each of `directories` (inside `gitRoot`): tracked ones plus untracked ones that
 * .gitignore does not exclude (they are what the next `git add -A` commits), except under the folders the linter
 * never reads (SKIPPED_DIRECTORIES, judged on the path inside the repository: a checkout that itself lives under
 * `.sf` is fine). Absolute paths, sorted, one list per directory (undefined for one outside the work tree), or
 * undefined when git cannot answer. ONE `git ls-files` for
 * all of them: listing a 20,000-file repository costs ~60 ms, so it is asked once per run, never once per folder.
 *
 * A tracked file deleted in the working tree is listed too: asking git for those (`--deleted`) would cost it a
 * `stat` of every file (half the listing's time), and the linter opens every file anyway; the caller leaves out
 * the metadata files that are not there, and the secret scan passes over a file it cannot find.
 */
export declare function listRepositoryFiles(gitRoot: string, directories: readonly string[]): RepositoryListing;
/**
 * listRepositoryFiles without blocking: the thread is free while git lists (a lint loads its reporter meanwhile).
 * The same question, the same answer, asked as two: the tracked files come from the index at once, while listing the
 * untracked ones walks the whole tree (most of the ~50 ms on 20,000 files). `onTracked` is handed the tracked files
 * as soon as they are in, so the caller starts on them while git walks.
 */
export declare function listRepositoryFilesAsync(gitRoot: string, directories: readonly string[], onTracked?: (tracked: RepositoryListing) => void): Promise<RepositoryListing>;
/**
 * git's NUL-separated names, sorted, each once (an unmerged file is listed once per stage). git lists in byte order,
 * which is JavaScript's string order for every name without characters beyond U+FFFF: then one pass checks it and
 * no sort is needed (sorting 20,000 paths costs ~10 ms); otherwise they are sorted here.
 */
export declare function sortedNames(out: string): string[];
/** Two sorted lists of names as one, sorted, each name once (`a` itself when `b` is empty). */
export declare function mergeSorted(a: readonly string[], b: readonly string[]): readonly string[];
/** One list of absolute paths per directory asked (undefined: outside the work tree); undefined: git cannot answer. */
export type RepositoryListing = (readonly string[] | undefined)[] | undefined;
