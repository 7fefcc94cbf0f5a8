import { mayHoldSecret } from '../../secrets/prefilter.js';
import { isKeystorePath } from '../../secrets/files.js';

// What each built-in repository-wide rule (checkFile) needs to see of a file, decided without the rule: the file's
// path, its text and whether its name is a metadata type's. A worker thread runs these over thousands of files and
// hands the main thread only the files a rule could report on, so the rest never cross threads. Light on purpose
// (no model, no parser): the worker loads this module, not the rules.

/** Whether a built-in file rule could report anything on this file; false means its checkFile would be silent. */
export type FileScreen = (path: string, text: string, metadataNamed: boolean) => boolean;

/** The manifests `sf project deploy` reads deletions from (DECISIONS 8: found anywhere under the linted paths), lower case. */
export const DESTRUCTIVE_MANIFESTS: ReadonlySet<string> = new Set(['destructivechanges.xml', 'destructivechangespre.xml', 'destructivechangespost.xml']);

/**
 * A path whose file name is one of DESTRUCTIVE_MANIFESTS, in any case: one native test for each file of the
 * repository, where cutting out and lower-casing each name cost ~10 ms of a worker's 14,000 files.
 */
const DESTRUCTIVE_MANIFEST_PATH = new RegExp(`(?:^|[\\\\/])(?:${[...DESTRUCTIVE_MANIFESTS].map((name) => name.replaceAll('.', '\\.')).join('|')})$`, 'i');

/**
 * By rule id. no-secrets-in-repo: a key store by its name, a metadata file by its secret elements, any other text
 * only past the secret pre-filter (its detectors start with the same test). revocation-impact: the manifests by name.
 */
export const FILE_SCREENS: Readonly<Record<string, FileScreen>> = {
  'no-secrets-in-repo': (path, text, metadataNamed) => metadataNamed || isKeystorePath(path) || mayHoldSecret(text),
  'revocation-impact': (path) => DESTRUCTIVE_MANIFEST_PATH.test(path),
};
