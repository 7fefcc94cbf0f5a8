// The type table the linter ships (generated at build time) against SDR's registry, the Salesforce CLI's own truth.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyFileName, lintedTypes } from '../src/project/metadata-types.js';
import { LINTED_TYPE_NAMES, METADATA_TYPES_FILE, metadataTypesSource, sdrRegistry } from '../scripts/metadata-types.mjs';
import { REPO } from './helpers/cli.js';

describe('metadata type table', () => {
  const registryTypes = Object.values(sdrRegistry().types);

  it('has every type the linter knows, with the suffix and folder of SDR\'s registry', () => {
    expect(lintedTypes().map((type) => type.name)).toEqual(LINTED_TYPE_NAMES);
    for (const type of lintedTypes()) {
      const entry = registryTypes.find((candidate) => candidate.name === type.name);
      expect(entry, `${type.name} in SDR's registry`).toBeDefined();
      expect({ name: type.name, suffix: type.suffix, directoryName: type.directoryName }).toEqual({
        name: entry!.name,
        suffix: entry!.suffix,
        directoryName: entry!.directoryName,
      });
    }
  });

  it('the committed generated file is what the build writes from the installed SDR (else run npm run build)', () => {
    expect(readFileSync(join(REPO, METADATA_TYPES_FILE), 'utf8')).toBe(metadataTypesSource());
  });

  it('no other registry type claims a linted suffix, so a file name maps to one type', () => {
    for (const type of lintedTypes()) {
      const claimants = registryTypes.filter((entry) => entry.suffix?.toLowerCase() === type.suffix.toLowerCase());
      expect(claimants.map((entry) => entry.name)).toEqual([type.name]);
    }
  });

  it('the generator refuses a registry that lacks a linted type', () => {
    const registry = sdrRegistry();
    const key = Object.keys(registry.types).find((name) => registry.types[name]!.name === 'AuthProvider')!;
    delete registry.types[key];
    expect(() => metadataTypesSource(registry, 'test')).toThrow(/AuthProvider is missing/);
  });

  it('classifies both formats case-insensitively from the table', () => {
    expect(classifyFileName('Sync.connectedApp-meta.xml')).toMatchObject({ componentName: 'Sync', format: 'source', type: { name: 'ConnectedApp' } });
    expect(classifyFileName('Sync.connectedapp')).toMatchObject({ format: 'mdapi', type: { name: 'ConnectedApp' } });
    expect(classifyFileName('Sync.ecaOauthPlcy-meta.xml')).toMatchObject({ type: { name: 'ExtlClntAppOauthConfigurablePolicies' } });
    expect(classifyFileName('Sync.cls-meta.xml')).toBeUndefined();
  });
});
