import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { MetadataTypeName } from '../types.js';

/** A metadata type the linter reads, with its file suffix as SDR's registry spells it. */
export interface LintedType {
  name: MetadataTypeName;
  suffix: string;
  directoryName: string;
}

/** The types we lint. Names only: suffixes and folders come from SDR's registry, so they never drift from the CLI's. */
const LINTED_TYPE_NAMES: readonly MetadataTypeName[] = [
  'ConnectedApp',
  'ExternalClientApplication',
  'ExtlClntAppGlobalOauthSettings',
  'ExtlClntAppOauthSettings',
  'ExtlClntAppOauthConfigurablePolicies',
  'ExtlClntAppConfigurablePolicies',
  'AuthProvider',
  'NamedCredential',
];

interface RegistryType {
  name: string;
  suffix?: string;
  directoryName?: string;
}

let cached: { types: LintedType[]; bySuffix: Map<string, LintedType> } | undefined;

/**
 * Reads SDR's `metadataRegistry.json` (data only: about 5 ms, against ~0.6 s for SDR's resolver, which does not
 * load on Node 20 anyway).
 */
function load(): { types: LintedType[]; bySuffix: Map<string, LintedType> } {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const registryPath = require.resolve('@salesforce/source-deploy-retrieve/lib/src/registry/metadataRegistry.json');
  const registry = JSON.parse(readFileSync(registryPath, 'utf8')) as { types: Record<string, RegistryType> };
  const byName = new Map(Object.values(registry.types).map((type) => [type.name, type]));
  const types: LintedType[] = [];
  for (const name of LINTED_TYPE_NAMES) {
    const entry = byName.get(name);
    if (!entry?.suffix) throw new Error(`metadata type ${name} is missing from SDR's registry`);
    types.push({ name, suffix: entry.suffix, directoryName: entry.directoryName ?? '' });
  }
  cached = { types, bySuffix: new Map(types.map((type) => [type.suffix.toLowerCase(), type])) };
  return cached;
}

export function lintedTypes(): LintedType[] {
  return load().types;
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
  const { bySuffix } = load();
  let base = fileName;
  let format: ClassifiedFile['format'] = 'mdapi';
  if (base.toLowerCase().endsWith('-meta.xml')) {
    base = base.slice(0, -'-meta.xml'.length);
    format = 'source';
  }
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const type = bySuffix.get(base.slice(dot + 1).toLowerCase());
  if (!type) return undefined;
  return { type, componentName: base.slice(0, dot), format };
}

/** The root element a file of this type must have. */
export function expectedRootElement(type: MetadataTypeName): string {
  return type;
}
