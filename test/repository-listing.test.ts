// git's listing is read in one pass when it comes in JavaScript's order (nearly always), and sorted when it does not
// (names with characters beyond U+FFFF, where git's byte order and JavaScript's UTF-16 order differ).
import { describe, expect, it } from 'vitest';
import { mergeSorted, sortedNames } from '../src/project/git/repository-files.js';

const nul = (...names: string[]) => names.map((name) => `${name}\0`).join('');

describe('sortedNames', () => {
  it('keeps a sorted listing as it is, each name once (an unmerged file is listed once per stage)', () => {
    expect(sortedNames(nul('a/x.txt', 'a/y.txt', 'a/y.txt', 'a/y.txt', 'b.txt'))).toEqual(['a/x.txt', 'a/y.txt', 'b.txt']);
  });

  it('sorts a listing in byte order that is not in JavaScript order, and drops repeats', () => {
    // U+FF5E sorts before U+1F600 in UTF-8 bytes, after it in UTF-16 code units.
    const listing = nul('a\u{ff5e}.txt', 'a\u{1f600}.txt', 'a\u{1f600}.txt', 'b.txt');
    expect(sortedNames(listing)).toEqual(['a\u{1f600}.txt', 'a\u{ff5e}.txt', 'b.txt']);
  });

  it('reads an empty listing as no names', () => {
    expect(sortedNames('')).toEqual([]);
  });
});

describe('mergeSorted', () => {
  it('merges tracked and untracked names in order, each once', () => {
    expect(mergeSorted(['a', 'c', 'e'], ['b', 'c', 'd', 'f'])).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(mergeSorted([], ['b'])).toEqual(['b']);
    expect(mergeSorted(['a'], [])).toEqual(['a']);
  });
});
