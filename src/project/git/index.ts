// The git module: one runner with typed errors (run.ts), where the work tree starts (root.ts), the questions the linter asks (changes.ts,
// repository-files.ts) and the batched object reader (blobs.ts). Everything outside src/project/git imports from here.
export { git, GitError, gitSync } from './run.js';
export { findGitRoot, NotInRepositoryError, topLevel } from './root.js';
export { comparisonBase, indexEntries, parseRawDiff, RAW_DIFF, stagedChanges, untrackedFiles, workingTreeChangesSince, workingTreeFiles, type FileChange } from './changes.js';
export { listRepositoryFiles, listRepositoryFilesAsync, type RepositoryListing } from './repository-files.js';
export { blobReadResult, readBlobs, type BlobRead } from './blobs.js';
