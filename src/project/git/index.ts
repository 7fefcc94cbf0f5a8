// The git module: one runner with typed errors (run.ts), the questions the linter asks (changes.ts,
// repository-files.ts) and the batched object reader (blobs.ts). Everything outside src/project/git imports from here.
export { git, GitError, gitSync, topLevel } from './run.js';
export { comparisonBase, indexEntries, parseRawDiff, RAW_DIFF, stagedChanges, untrackedFiles, workingTreeChangesSince, workingTreeFiles, type FileChange } from './changes.js';
export { findGitRoot, listRepositoryFiles } from './repository-files.js';
export { blobReadResult, readBlobs, type BlobRead } from './blobs.js';
