import { sep } from 'node:path';
import type { MetadataTypeName } from '../types.js';
import { METADATA_TYPE_TABLE } from './metadata-types.generated.js';

/** A metadata type the linter reads, with its file suffix as SDR's registry spells it. */
export interface LintedType {
  name: MetadataTypeName;
  suffix: string;
  directoryName: string;
}

/**
 * The types we lint. Suffixes and folders come from SDR's registry through a table generated at build time
 * (scripts/metadata-types.mjs), so they never drift from the Salesforce CLI's and the linter needs no SDR to run.
 */
const TYPES: LintedType[] = METADATA_TYPE_TABLE.map((type) => ({ ...type }));
const BY_SUFFIX = new Map(TYPES.map((type) => [type.suffix.toLowerCase(), type]));

export function lintedTypes(): LintedType[] {
  return TYPES;
}

export interface ClassifiedFile {
  type: LintedType;
  /** The component's API name: the file name without the suffix. */
  componentName: string;
  /** Source format (`.connectedApp-meta.xml`) or Metadata API format (`.connectedApp`). */
  format: 'source' | 'mdapi';
}

/**
 * Recognises a linted metadata file by its name alone, in source (`Name.connectedApp-meta.xml`) or Metadata API
 * (`Name.connectedApp`) format. Suffixes compare case-insensitively: old API versions spelled `.connectedapp`.
 */
export function classifyFileName(fileName: string): ClassifiedFile | undefined {
  // It runs on every file of the repository: one regex test rejects the others, with no copy of the name.
  const match = LINTED_NAME.exec(fileName);
  if (!match || match.index === 0) return undefined;
  const type = BY_SUFFIX.get(match[1]!.toLowerCase())!;
  return { type, componentName: fileName.slice(0, match.index), format: match[2] ? 'source' : 'mdapi' };
}

/**
 * classifyFileName of the last part of `path`. It runs on each of a repository's files, up to three times: the last
 * separator is looked up, where `basename` would validate and scan the whole path (~9 ms of 20,000 files).
 */
export function classifyPath(path: string): ClassifiedFile | undefined {
  const slash = sep === '/' ? path.lastIndexOf('/') : Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return classifyFileName(slash === -1 ? path : path.slice(slash + 1));
}

/** `.suffix` of a linted type, then `-meta.xml` in source format, at the end of a name; any case. */
const LINTED_NAME = new RegExp(`\\.(${TYPES.map((type) => type.suffix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(-meta\\.xml)?$`, 'i');
