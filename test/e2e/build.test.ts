// The committed build outputs (dist/, the Action bundle, THIRD_PARTY_NOTICES) are exactly what `npm run build` makes
// from the sources: rebuilt in a temporary folder and compared byte for byte. The build is deterministic, so a
// difference means a source changed without `npm run build`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_OUTPUTS, buildOutputs } from '../../scripts/build.mjs';
import { REPO, tempDir } from '../helpers/cli.js';

/** Every file under `root`/`path` (a file or a folder), as `/`-separated paths relative to `root`. */
function filesOf(root: string, path: string): string[] {
  const full = join(root, path);
  if (statSync(full).isFile()) return [path.replaceAll('\\', '/')];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).replaceAll('\\', '/'))
    .sort();
}

describe('committed build outputs', () => {
  it('are byte for byte what npm run build makes from the sources (else run npm run build and commit)', async () => {
    const fresh = tempDir('calint-build-');
    await buildOutputs(fresh);
    for (const output of BUILD_OUTPUTS) {
      const committed = filesOf(REPO, output);
      expect(committed, `${output}: the files`).toEqual(filesOf(fresh, output));
      // Compared as booleans: a diff of two bundles helps nobody; the command to run is in the test name.
      const stale = committed.filter((file) => !readFileSync(join(REPO, file)).equals(readFileSync(join(fresh, file))));
      expect(stale, 'stale: run npm run build').toEqual([]);
    }
  });
});
