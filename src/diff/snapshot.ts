// One side of the diff: the apps the project holds in that state and the lint findings there. Built with the same
// steps as `lint` (classification, package directories, .forceignore, the `lint()` call itself, whose model the
// diff compares), fed from the side's files instead of a walk of the disk.
import { join, posix } from 'node:path';
import { lint, type LintedModel, type LintOptions } from '../engine/lint.js';
import { childNamed, childrenNamed, parseXml, type XmlDocument } from '../parser/xml.js';
import type { DiscoveredMetadata, Discovery } from '../project/discover.js';
import { isExternalClientAppFile } from '../project/app-companions.js';
import { ForceIgnoreMatcher } from '../project/forceignore.js';
import { ignorePatternMatcher } from '../project/ignore-patterns.js';
import { classifyFileName } from '../project/metadata-types.js';
import type { ReadResult } from '../project/read.js';
import { packageDirectoryPaths } from '../project/scope.js';
import { isUnderSkippedDirectory } from '../project/walk.js';
import type { LintRun, OAuthApp } from '../types.js';
import { readSideFiles, type ResolvedSide, type SideFile } from './read-side.js';

/** What the diff needs from the lint options the CLI prepared (configuration, rules, suppressions …). */
export type BaseLintOptions = Omit<LintOptions, 'discovery' | 'fileSource' | 'deletedFiles' | 'paths' | 'cwd' | 'onProgress' | 'onModel'>;

export interface Snapshot {
  side: ResolvedSide;
  apps: OAuthApp[];
  /** Parsed documents of the apps' files, by absolute path (settings the model does not carry are read from them). */
  documents: Map<string, XmlDocument>;
  /** Metadata files of this side that could not be read or parsed (absolute path -> why). */
  unreadable: Map<string, string>;
  /** `ConnectedApp/Name` and `ExternalClientApplication/Name` listed by a destructiveChanges*.xml of this side. */
  destructiveMembers: Set<string>;
  /** The lint of this side (findings for new/fixed). */
  run: LintRun;
}

export interface SnapshotInput {
  gitRoot: string;
  side: ResolvedSide;
  files: readonly SideFile[];
  /** Repository-relative folder of sfdx-project.json ('' for the top); undefined when there is no SFDX project. */
  projectDirectory: string | undefined;
  /** Repository-relative paths the change touches: the repository-wide checks (secret scan) look at these only. */
  changedPaths: ReadonlySet<string>;
  /** Repository-relative paths deleted on the way to this side (head only), for the rules that judge a removal. */
  deletedPaths?: readonly string[];
  lintOptions: BaseLintOptions;
}

const DESTRUCTIVE_MANIFEST = /^destructivechanges(pre|post)?\.xml$/i;
const APP_TYPES = new Set(['ConnectedApp', 'ExternalClientApplication']);

export async function buildSnapshot(input: SnapshotInput): Promise<Snapshot> {
  const { gitRoot, files, projectDirectory } = input;
  const absolute = (path: string) => join(gitRoot, path);
  const byPath = new Map(files.map((file) => [file.path, file]));
  const projectFile = projectDirectory === undefined ? undefined : posix.join(projectDirectory, 'sfdx-project.json');
  const forceIgnoreFile = projectDirectory === undefined ? undefined : posix.join(projectDirectory, '.forceignore');

  // First read: the project's own files, which decide what counts as metadata on this side.
  const settingsFiles = [projectFile, forceIgnoreFile].flatMap((path) => (path && byPath.has(path) ? [byPath.get(path)!] : []));
  const projectTexts = await readSideFiles(gitRoot, settingsFiles);
  const textAt = (path: string | undefined) => {
    const read = path ? projectTexts.get(absolute(path)) : undefined;
    return read?.ok ? read.text : undefined;
  };
  const notices: string[] = [];
  const packageDirectories = projectFile ? packageDirectoriesOf(textAt(projectFile), projectDirectory!, `${input.side.ref}:${projectFile}`, notices) : [''];
  const projectRoot = absolute(projectDirectory ?? '');
  const forceIgnore = forceIgnoreFile && byPath.has(forceIgnoreFile) ? ForceIgnoreMatcher.fromContents(projectRoot, textAt(forceIgnoreFile) ?? '') : undefined;
  const ignored = ignorePatternMatcher(gitRoot, input.lintOptions.config?.config.ignorePatterns);
  const wanted = (path: string) => !isUnderSkippedDirectory(path) && !ignored(absolute(path));
  const inPackage = (path: string) => packageDirectories.some((directory) => directory === '' || path === directory || path.startsWith(`${directory}/`));

  // Only apps the change touches can differ: an unchanged file holds the same app on both sides (same configuration,
  // same .forceignore), with the same findings, so it is left out and the diff costs what the change costs. An ECA
  // is several files: any changed ECA file brings in every ECA file. A changed project or .forceignore brings in all.
  const changedFile = (path: string) => input.changedPaths.has(path);
  const everything = (projectFile !== undefined && changedFile(projectFile)) || (forceIgnoreFile !== undefined && changedFile(forceIgnoreFile));
  const anyEcaChanged = [...input.changedPaths].some((path) => isExternalClientAppFile(path));
  const mayDiffer = (path: string) => everything || changedFile(path) || (anyEcaChanged && isExternalClientAppFile(path));

  const metadata: DiscoveredMetadata[] = [];
  const toRead: SideFile[] = [];
  const scanFiles: string[] = [];
  const manifests: string[] = [];
  for (const file of files) {
    if (!wanted(file.path)) continue;
    const classified = inPackage(file.path) && mayDiffer(file.path) ? classifyFileName(posix.basename(file.path)) : undefined;
    const changed = input.changedPaths.has(file.path);
    const manifest = DESTRUCTIVE_MANIFEST.test(posix.basename(file.path));
    if (classified) metadata.push({ path: absolute(file.path), classified, forceIgnored: forceIgnore?.denies(absolute(file.path)) ?? false });
    if (changed) scanFiles.push(absolute(file.path));
    if (manifest) manifests.push(absolute(file.path));
    if (classified || changed || manifest) toRead.push(file);
  }
  // Second read: every content this side needs, in one batch.
  const contents = await readSideFiles(gitRoot, toRead);
  const fileSource = { read: (path: string): ReadResult => contents.get(path) ?? { ok: false, reason: 'not in this side of the diff' } };

  const discovery: Discovery = {
    root: gitRoot,
    gitRoot,
    ...(projectDirectory !== undefined ? { projectRoot } : {}),
    metadata,
    scanFiles: scanFiles.sort(),
    missing: [],
    notices,
  };
  // The side's apps are the lint's own model: each file is parsed once, and judged and compared as the same app.
  let model: LintedModel | undefined;
  const run = await lint({
    ...input.lintOptions,
    cwd: gitRoot,
    discovery,
    fileSource,
    ...(input.deletedPaths?.length ? { deletedFiles: input.deletedPaths.map(absolute).sort() } : {}),
    onModel: (built) => (model = built),
  });
  const { apps, documents, unreadable } = model!;
  return { side: input.side, apps, documents, unreadable, destructiveMembers: destructiveMembers(manifests, fileSource), run };
}

/** Repository-relative package directories from sfdx-project.json's text; the whole project when it cannot say. */
function packageDirectoriesOf(text: string | undefined, projectDirectory: string, label: string, notices: string[]): string[] {
  if (text === undefined) return [projectDirectory];
  try {
    const paths = packageDirectoryPaths(text).map((path) => posix.normalize(posix.join(projectDirectory, path.replace(/\\/g, '/'))).replace(/\/$/, '').replace(/^\.$/, ''));
    return paths.length ? paths : [projectDirectory];
  } catch (error) {
    notices.push(`${label} could not be read (${(error as Error).message}); the whole project folder is compared instead.`);
    return [projectDirectory];
  }
}

/** App members of the destructive manifests (`*` included as written); a manifest that is not XML lists nothing. */
function destructiveMembers(manifests: readonly string[], source: { read(path: string): ReadResult }): Set<string> {
  const members = new Set<string>();
  for (const path of manifests) {
    const read = source.read(path);
    const parsed = read.ok ? parseXml(path, read.text) : undefined;
    if (!parsed?.ok) continue;
    for (const types of childrenNamed(parsed.doc.root, 'types')) {
      const type = childNamed(types, 'name')?.text.trim() ?? '';
      if (!APP_TYPES.has(type)) continue;
      for (const member of childrenNamed(types, 'members')) members.add(`${type}/${member.text.trim()}`);
    }
  }
  return members;
}
