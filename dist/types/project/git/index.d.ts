export { git, GitError, gitSync } from './run.js';
export { findGitRoot, NotInRepositoryError, topLevel } from './root.js';
export { comparisonBase, indexEntries, parseRawDiff, RAW_DIFF, stagedChanges, untrackedFiles, workingTreeChangesSince, workingTreeFiles, type FileChange } from './changes.js';
export { listRepositoryFiles, listRepositoryFilesAsync, type RepositoryListing } from './repository-files.js';
export { blobReadResult, readBlobs, type BlobRead } from './blobs.js';
