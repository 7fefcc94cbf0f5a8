import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { childNamed, parseXml } from '../parser/xml.js';
import type { MetadataTypeName } from '../types.js';
import { classifyPath, lintedTypes } from './metadata-types.js';
import { readTextFile } from './read.js';
import { SKIPPED_DIRECTORIES } from './walk.js';

/** The types an External Client App is split into; they are joined by the `externalClientApplication` element. */
const EXTERNAL_CLIENT_APP_TYPES: ReadonlySet<MetadataTypeName> = new Set([
  'ExternalClientApplication',
  'ExtlClntAppGlobalOauthSettings',
  'ExtlClntAppOauthSettings',
  'ExtlClntAppOauthConfigurablePolicies',
  'ExtlClntAppConfigurablePolicies',
]);

export function isExternalClientAppFile(path: string): boolean {
  const classified = classifyPath(path);
  return classified !== undefined && EXTERNAL_CLIENT_APP_TYPES.has(classified.type.name);
}

/**
 * The External Client App a file belongs to, as the model joins them: the header file's own name, the settings
 * files' `externalClientApplication` element (their file names may differ: `MyAppGlblOAuth.ecaGlblOauth`), else the
 * file's name. `text` undefined (unreadable) falls back to the name.
 */
export function externalClientAppName(path: string, text: string | undefined): string | undefined {
  const classified = classifyPath(path);
  if (!classified || !EXTERNAL_CLIENT_APP_TYPES.has(classified.type.name)) return undefined;
  if (classified.type.name === 'ExternalClientApplication' || text === undefined) return classified.componentName;
  const parsed = parseXml(path, text);
  const declared = parsed.ok ? childNamed(parsed.doc.root, 'externalClientApplication')?.text.trim() : undefined;
  return declared || classified.componentName;
}

/**
 * git pathspecs (repository-relative) for every External Client App file in the sibling folders of these files'
 * folders: the SFDX layout puts each ECA type in its own folder under one parent (`externalClientApps/`,
 * `extlClntAppGlobalOauthSets/` …). A file at the top of the repository has no siblings: its own folder is used.
 */
export function externalClientAppPathspecs(repositoryPaths: readonly string[]): string[] {
  const suffixes = externalClientAppTypes().flatMap((type) => [type.suffix, `${type.suffix}-meta.xml`]);
  const folderPatterns = new Set<string>();
  for (const path of repositoryPaths) {
    const folder = posix.dirname(path);
    if (folder === '.') folderPatterns.add('');
    else {
      const parent = posix.dirname(folder);
      folderPatterns.add(parent === '.' ? '*/' : `${escapeGlob(parent)}/*/`);
    }
  }
  return [...folderPatterns].flatMap((folder) => suffixes.map((suffix) => `:(top,glob,icase)${folder}*.${suffix}`));
}

function externalClientAppTypes() {
  return lintedTypes().filter((type) => EXTERNAL_CLIENT_APP_TYPES.has(type.name));
}

function escapeGlob(path: string): string {
  return path.replace(/[*?[\]\\]/g, (character) => `\\${character}`);
}

/**
 * The other files of the apps the `seeds` belong to, among `candidates`: an ECA whose policy file alone changed is
 * linted whole, its unchanged files included, or a rule would judge half an app.
 */
export function sameAppFiles(
  seeds: readonly { path: string; text: string | undefined }[],
  candidates: readonly { path: string; text: string | undefined }[],
): string[] {
  const apps = new Set(seeds.map((seed) => externalClientAppName(seed.path, seed.text)).filter((name) => name !== undefined));
  const seedPaths = new Set(seeds.map((seed) => seed.path));
  return candidates
    .filter((candidate) => !seedPaths.has(candidate.path))
    .filter((candidate) => apps.has(externalClientAppName(candidate.path, candidate.text) ?? ''))
    .map((candidate) => candidate.path);
}

/**
 * The other files of the External Client Apps among `files` (explicit paths, as pre-commit passes them), from disk.
 * Looked for in the sibling folders of each file's folder: every ECA file of the file's own folder and of the
 * standard ECA folders (`externalClientApps/`, `extlClntAppOauthSettings/` …), and, in the other folders, files
 * named like the file or its app. Listing every sibling folder whole would read `classes/` and the like: thousands
 * of names for a pre-commit run that has a budget of a few hundred milliseconds.
 */
export function externalClientAppCompanionsOnDisk(files: readonly string[], root: string): string[] {
  const textOnDisk = (path: string) => {
    // Never through a link out of the repository (`root`): the app's name is read from the text.
    const read = readTextFile(path, root);
    return read.ok ? read.text : undefined;
  };
  const seeds = files.filter(isExternalClientAppFile).map((path) => ({ path, text: textOnDisk(path) }));
  if (seeds.length === 0) return [];
  const types = externalClientAppTypes();
  const standardFolders = new Set(types.map((type) => type.directoryName));
  const candidates = new Set<string>();
  for (const seed of seeds) {
    const folder = dirname(seed.path);
    const parent = dirname(folder);
    const names = new Set([classifyPath(seed.path)!.componentName, externalClientAppName(seed.path, seed.text)!]);
    for (const sibling of folderNames(parent)) {
      const directory = join(parent, sibling);
      if (directory === folder || standardFolders.has(sibling)) {
        for (const name of folderNames(directory)) if (isExternalClientAppFile(name)) candidates.add(join(directory, name));
        continue;
      }
      for (const name of names) {
        for (const type of types) {
          for (const candidate of [`${name}.${type.suffix}-meta.xml`, `${name}.${type.suffix}`]) {
            if (existsSync(join(directory, candidate))) candidates.add(join(directory, candidate));
          }
        }
      }
    }
  }
  return sameAppFiles(
    seeds,
    [...candidates].map((path) => ({ path, text: textOnDisk(path) })),
  );
}

function folderNames(directory: string): string[] {
  try {
    return readdirSync(directory).filter((name) => !SKIPPED_DIRECTORIES.has(name));
  } catch {
    return [];
  }
}
