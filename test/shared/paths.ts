import { join } from 'node:path';

/** The repository's root. */
export const REPO = join(import.meta.dirname, '..', '..');

/** Reference material laid beside the checkout (read-only); only this tier reads it. */
export const SHARED = join(REPO, '..', 'shared');
