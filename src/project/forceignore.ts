/**
 * A re-implementation of SDR's `ForceIgnore` (lib/src/resolve/forceIgnore.js in
 * @salesforce/source-deploy-retrieve) that does not load SDR itself: loading SDR's
 * index pulls in @salesforce/core and much more, which costs far more than linting.
 * Every branch below mirrors one in SDR; keep them in step when upgrading SDR.
 */
import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import ignore5 from 'ignore5';
import { readCheckedText } from './read.js';
import { fastRelative } from './relative-path.js';

/**
 * `ignore@5`, the major SDR depends on, under the npm alias `ignore5` (bundled; not SDR's copy, so SDR stays a
 * devDependency). This package's own `ignore` is 7, and the two disagree on real .forceignore lines (e.g. `a\\b`
 * ignores `a/b` in 5 but not in 7; `[!a]x` and `***` differ too); test/forceignore.test.ts compares with SDR.
 */
/** The part of the `ignore` package API used here (identical in ignore 5 and 7). */
interface IgnoreParser {
  add(patterns: string): IgnoreParser;
  ignores(relativePath: string): boolean;
}
// ignore 5 is CommonJS (`module.exports = factory`) with a d.ts that declares a default export: NodeNext types the
// default import as the namespace, while Node and esbuild hand over the factory itself.
const ignoreFactory = ignore5 as unknown as () => IgnoreParser;

/** SDR's ForceIgnore.DEFAULT_IGNORE, verbatim and in order: negations depend on the order. */
const DEFAULT_IGNORE = [
  '**/*.dup',
  // "ignore all dot files except .sf/orgs/<org>/remoteMetadata" (SDR's retrieve target)
  '**/.*',
  '!.sf',
  '**/.sf/**',
  '!**/.sf/orgs',
  '!**/.sf/orgs/**',
  '**/.sf/orgs/*/**',
  '!**/.sf/orgs/*/remoteMetadata',
  '!**/.sf/orgs/*/remoteMetadata/**',
  '**/package2-descriptor.json',
  '**/package2-manifest.json',
];

const FILE_NAME = '.forceignore';

export class ForceIgnoreMatcher {
  private constructor(
    /** undefined when there is no .forceignore: SDR then accepts everything, defaults included. */
    private readonly parser: IgnoreParser | undefined,
    /** Directory patterns are relative to; SDR uses dirname() of the .forceignore path. */
    private readonly forceIgnoreDirectory: string,
    /** The file's lines, to say which one denied a path. */
    private readonly lines: readonly string[] = [],
    /** Why a .forceignore that exists was not read (a FIFO, a device, too large, not UTF-8): said, never silent. */
    readonly refused?: string,
  ) {}

  /**
   * Reads `<projectRoot>/.forceignore` if present (no upward search; the caller gives
   * the project root). Without the file, nothing is denied (that is SDR's behaviour:
   * defaults apply only when a .forceignore exists).
   */
  static load(projectRoot: string, repository: string): ForceIgnoreMatcher {
    // SDR swallows every read error (missing file, EISDIR, EACCES) the same way; the checked reader also refuses a
    // FIFO or a link to a device, which would otherwise hang the run or exhaust memory, and a link out of
    // `repository` (the git root, else the project root), whose patterns an attacker does not get to choose.
    const read = readCheckedText(join(projectRoot, FILE_NAME), { within: repository });
    if (read.ok || read.missing) return ForceIgnoreMatcher.fromContents(projectRoot, read.ok ? read.text : undefined);
    return new ForceIgnoreMatcher(undefined, projectRoot, [], read.reason);
  }

  /** Build from file contents directly (for tests and for staged content). */
  static fromContents(projectRoot: string, contents: string | undefined): ForceIgnoreMatcher {
    // An empty file still counts as present: SDR only checks `!== undefined`.
    const parser =
      contents === undefined ? undefined : ignoreFactory().add(`${DEFAULT_IGNORE.join('\n')}\n${contents}`);
    return new ForceIgnoreMatcher(parser, dirname(join(projectRoot, FILE_NAME)), contents?.split(/\r?\n/) ?? []);
  }

  /**
   * For a denied path, the 1-based line of `.forceignore` whose pattern denies it (undefined for SDR's default
   * patterns), so the user is told which line to change.
   */
  deniedAt(absolutePath: string): { line?: number } | undefined {
    if (!this.parser || !this.denies(absolutePath)) return undefined;
    const relativePath = relative(this.forceIgnoreDirectory, resolve(this.forceIgnoreDirectory, absolutePath));
    // The last line that denies it on its own decides, as in .gitignore (only for a file the user named: cheap).
    for (let index = this.lines.length - 1; index >= 0; index--) {
      const line = this.lines[index]!.trim();
      if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
      try {
        if (ignoreFactory().add(line).ignores(relativePath)) return { line: index + 1 };
      } catch {
        // a pattern the parser rejects on its own denies nothing
      }
    }
    return {};
  }

  /** true when SDR's ForceIgnore would deny (ignore) this absolute path. */
  denies(absolutePath: string): boolean {
    if (!this.parser) return false;
    try {
      // Like SDR, a relative path is taken relative to the .forceignore directory.
      const absoluteFsPath = isAbsolute(absolutePath)
        ? absolutePath
        : resolve(this.forceIgnoreDirectory, absolutePath);
      const relativePath = fastRelative(this.forceIgnoreDirectory, absoluteFsPath);
      // `ignore` throws for '' (the root itself) and for '../…' (outside the root);
      // SDR catches that below, so such paths are never denied. Directory-only
      // patterns (`build/`) need a trailing slash; SDR adds one unless the path is
      // an existing regular file. The disk is asked last, only when such a pattern
      // matches: the same answer as SDR's order, without a stat of every file.
      return (
        this.parser.ignores(relativePath) ||
        (this.parser.ignores(`${relativePath}/`) && couldBeDirectory(absoluteFsPath))
      );
    } catch {
      return false;
    }
  }
}

/** SDR's couldBeDirectory: paths missing on disk (virtual/zip trees) may be directories. */
function couldBeDirectory(fsPath: string): boolean {
  try {
    return !statSync(fsPath).isFile();
  } catch {
    return true;
  }
}
