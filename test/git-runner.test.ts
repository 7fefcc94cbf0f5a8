// The async git runner holds git's output in memory: it stops at a limit with a clear error instead of growing
// without bound (a pull request can commit a blob of any size).
import { describe, expect, it } from 'vitest';
import { git as runGit, GitError } from '../src/project/git/index.js';
import { git, gitRepository } from './helpers/git.js';

describe('the git runner', () => {
  const blob = 'a line of a committed file, read back through git\n'.repeat(2_000); // about 100 KB
  const repository = () => gitRepository({ 'big.txt': blob });

  it('stops reading output over its limit and says so (GitError naming the command and the limit)', async () => {
    const root = repository();
    const run = runGit(root, ['cat-file', 'blob', 'HEAD:big.txt'], { maxBytes: 64 * 1024 });
    await expect(run).rejects.toBeInstanceOf(GitError);
    await expect(run).rejects.toThrow(/git cat-file printed more than 64 KB; stopped/);
  });

  it('returns output within its limit whole', async () => {
    const root = repository();
    expect(await runGit(root, ['cat-file', 'blob', 'HEAD:big.txt'], { maxBytes: 200 * 1024 })).toBe(blob);
    expect(git(root, 'cat-file', 'blob', 'HEAD:big.txt')).toBe(blob);
  });
});
