// Repository content is untrusted: every read of it goes through the one checked reader (src/project/read.ts: type,
// size, never through a link out of the repository). A raw fs read anywhere else in src/ fails here, file and call
// named, unless it reads the tool's own files (`new URL(…, import.meta.url)`) or is listed below with its reason.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/cli.js';

const SRC = join(REPO, 'src');

/** Files allowed raw reads, each with why. */
const ALLOWED: Readonly<Record<string, string>> = {
  'project/read.ts': 'the checked reader itself',
  'project/write.ts': 'opens a new temporary file for writing (flag wx), never reads',
  'action/pr-comment.ts': "reads GITHUB_EVENT_PATH, the runner's event payload, not repository content",
};

/** Calls that read a file or open one, from node:fs or node:fs/promises. */
const RAW_READ = /\b(readFileSync|readFile|createReadStream|openSync|readSync|readvSync|open|opendir|opendirSync)\s*\(\s*(new URL\()?/g;
const FS_IMPORT = /from\s+['"](?:node:)?fs(?:\/promises)?['"]|require\(\s*['"](?:node:)?fs/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** `file: call` for each raw read of a file that imports fs, the tool's own files (new URL) left out. */
function rawReads(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    if (!FS_IMPORT.test(text)) continue;
    const name = relative(SRC, file).split(sep).join(posix.sep);
    for (const match of text.matchAll(RAW_READ)) if (!match[2]) found.push(`${name}: ${match[1]}`);
  }
  return found;
}

describe('reads of repository content', () => {
  it('finds the raw reads that exist (the scan works)', () => {
    expect(rawReads()).toEqual(expect.arrayContaining(['project/read.ts: openSync', 'project/read.ts: readSync']));
  });

  it('go through the checked reader: no raw fs read outside the allow-list', () => {
    expect(rawReads().filter((entry) => !(entry.slice(0, entry.indexOf(':')) in ALLOWED))).toEqual([]);
  });

  it('the allow-list names only files that still read raw (no stale entry)', () => {
    const files = new Set(rawReads().map((entry) => entry.slice(0, entry.indexOf(':'))));
    expect(Object.keys(ALLOWED).filter((file) => !files.has(file))).toEqual([]);
  });
});
