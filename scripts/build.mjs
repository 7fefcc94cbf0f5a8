#!/usr/bin/env node
// `npm run build`: everything the repository commits that is built from other files, in dependency order.
//
//   1. src/project/metadata-types.generated.ts   from SDR's metadata registry (scripts/metadata-types.mjs)
//   2. src/package-info.generated.ts             from package.json (scripts/package-info.mjs)
//   3. dist/                                     the CLI and library bundles and types (scripts/build-dist.mjs)
//   4. action/bundle/index.mjs                   the GitHub Action (scripts/build-action.mjs)
//   5. THIRD_PARTY_NOTICES                       licenses of what 3 and 4 bundle (scripts/notices.mjs)
//
// All of it is deterministic; test/e2e/build.test.ts rebuilds 3-5 elsewhere and compares bytes, and the default
// tests compare 1 and 2. After merging branches that touched src/, this one command brings every output up to date.
//
//   node scripts/build.mjs [outRoot]   build 3-5 under another root (the test does), leaving 1-2 alone
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildAction } from './build-action.mjs';
import { ROOT } from './bundle.mjs';
import { buildDist } from './build-dist.mjs';
import { METADATA_TYPES_FILE, metadataTypesSource } from './metadata-types.mjs';
import { NOTICES_FILE, thirdPartyNotices } from './notices.mjs';
import { PACKAGE_INFO_FILE, packageInfoSource } from './package-info.mjs';

function writeIfChanged(file, text) {
  let current;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== text) writeFileSync(file, text);
}

/** Writes the generated sources (1-2) into the repository. */
export function generateSources() {
  writeIfChanged(join(ROOT, METADATA_TYPES_FILE), metadataTypesSource());
  writeIfChanged(join(ROOT, PACKAGE_INFO_FILE), packageInfoSource());
}

/** The build outputs (3-5) under `outRoot`, as repository-relative paths. */
export const BUILD_OUTPUTS = ['dist', join('action', 'bundle', 'index.mjs'), NOTICES_FILE];

/** Builds 3-5 under `outRoot` (the repository by default). */
export async function buildOutputs(outRoot = ROOT) {
  const distMetafile = await buildDist(join(outRoot, 'dist'));
  const { metafile: actionMetafile } = await buildAction(join(outRoot, 'action', 'bundle', 'index.mjs'));
  writeIfChanged(join(outRoot, NOTICES_FILE), thirdPartyNotices([distMetafile, actionMetafile]));
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const outRoot = process.argv[2] ? resolve(process.argv[2]) : ROOT;
  if (outRoot === ROOT) generateSources();
  await buildOutputs(outRoot);
  process.stdout.write(`built ${BUILD_OUTPUTS.map((path) => join(outRoot, path)).join(', ')}\n`);
}
