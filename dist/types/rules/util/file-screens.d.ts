/** Whether a built-in file rule could report anything on this file; false means its checkFile would be silent. */
export type FileScreen = (path: string, text: string, metadataNamed: boolean) => boolean;
/** The manifests `sf project deploy` reads deletions from (DECISIONS 8: found anywhere under the linted paths), lower case. */
export declare const DESTRUCTIVE_MANIFESTS: ReadonlySet<string>;
/**
 * By rule id. no-secrets-in-repo: a key store by its name, a metadata file by its secret elements, any other text
 * only past the secret pre-filter (its detectors start with the same test). revocation-impact: the manifests by name.
 */
export declare const FILE_SCREENS: Readonly<Record<string, FileScreen>>;
