import type { IpRelaxation, Located } from '../types.js';

/**
 * What one file says about an app, before defaults: the files of an External Client App each contribute some of
 * these, and are merged. Everything is optional; the app builder applies the documented defaults.
 */
export interface AppSettings {
  label?: Located<string>;
  scopes?: Located<string>[];
  callbackUrls?: Located<string>[];
  adminApproved?: Located<boolean>;
  permittedProfiles?: Located<string>[];
  permittedPermissionSets?: Located<string>[];
  ipRelaxation?: Located<IpRelaxation>;
  refreshTokenPolicy?: Located<string>;
  refreshTokenRotation?: Located<boolean>;
  sessionLevel?: Located<string>;
  sessionPolicyAction?: Located<string>;
  certificate?: Located<string>;
  consumerKey?: Located<string>;
  consumerSecret?: Located<string>;
  pkceRequired?: Located<boolean>;
  consumerSecretOptional?: Located<boolean>;
  clientCredentialsEnabled?: Located<boolean>;
  clientCredentialsPolicyEnabled?: Located<boolean>;
  clientCredentialsUser?: Located<string>;
  deviceFlowEnabled?: Located<boolean>;
  tokenExchangeEnabled?: Located<boolean>;
  introspectAllTokens?: Located<boolean>;
  otherUrls?: { field: string; url: Located<string> }[];
  samlSigningAlgorithm?: Located<string>;
  samlEncryptionType?: Located<string>;
}

/** Merges file contributions: lists concatenate, single values keep the first one given. */
export function mergeSettings(parts: AppSettings[]): AppSettings {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (value === undefined) continue;
      const existing = merged[key];
      if (Array.isArray(value)) merged[key] = Array.isArray(existing) ? [...existing, ...value] : value;
      else if (existing === undefined) merged[key] = value;
    }
  }
  return merged as AppSettings;
}
