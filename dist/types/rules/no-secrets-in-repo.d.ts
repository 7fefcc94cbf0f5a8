/**
 * Secrets in source: hard-coded OAuth secrets in metadata, and private keys, SFDX auth URLs, access tokens and key
 * stores anywhere in the repository. `.forceignore` does not hide them: the file is committed all the same.
 */
export declare const noSecretsInRepo: import("../types.js").Rule;
