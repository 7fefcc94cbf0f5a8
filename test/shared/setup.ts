// Global setup of `npm run test:shared`: without ../shared these tests cannot mean anything, so the run fails here,
// once, with what to do, rather than skipping or failing file by file with ENOENT.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED } from './paths.js';

export default function setup(): void {
  for (const needed of [join('corpus', 'real'), join('schemas', 'sarif-schema-2.1.0.json')]) {
    if (!existsSync(join(SHARED, needed))) {
      throw new Error(`npm run test:shared needs ${join(SHARED, needed)}: lay the shared reference folder beside the checkout (../shared)`);
    }
  }
}
