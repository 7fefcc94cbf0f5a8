import type { InvalidValue, IpRelaxation, Located } from '../types.js';

/** A setting whose element is present but holds a value the platform rejects (already in the file's `invalid` list). */
export interface Rejected {
  rejected: InvalidValue;
}

/** A setting as one file states it: a value, or a rejected one (the app builder then applies the default). */
export type Reading<T> = Located<T> | Rejected;

export function isRejected<T>(reading: Reading<T>): reading is Rejected {
  return 'rejected' in reading;
}

/** The reading's value when it has one: what optional settings keep (a rejected one is left out, as if absent). */
export function validReading<T>(reading: Reading<T> | undefined): Located<T> | undefined {
  return reading === undefined || isRejected(reading) ? undefined : reading;
}

/** Maps a valid reading's value; a rejected one stays rejected. */
export function mapReading<T, U>(reading: Reading<T> | undefined, map: (value: T) => U): Reading<U> | undefined {
  if (reading === undefined || isRejected(reading)) return reading;
  return { ...reading, value: map(reading.value) };
}

/**
 * What one file says about an app, before defaults: the files of an External Client App each contribute some of
 * these, and are merged. Everything is optional; the app builder applies the documented defaults. Settings read
 * with a type (booleans, enums, formats) are Readings: a rejected value is kept as such, so that the app can say
 * the element is present but invalid instead of absent.
 */
export interface AppSettings {
  label?: Located<string>;
  scopes?: Located<string>[];
  callbackUrls?: Located<string>[];
  adminApproved?: Reading<boolean>;
  permittedProfiles?: Located<string>[];
  permittedPermissionSets?: Located<string>[];
  ipRelaxation?: Reading<IpRelaxation>;
  refreshTokenPolicy?: Reading<string>;
  refreshTokenRotation?: Reading<boolean>;
  sessionLevel?: Reading<string>;
  sessionPolicyAction?: Reading<string>;
  certificate?: Located<string>;
  consumerKey?: Located<string>;
  consumerSecret?: Located<string>;
  pkceRequired?: Reading<boolean>;
  consumerSecretOptional?: Reading<boolean>;
  clientCredentialsEnabled?: Reading<boolean>;
  clientCredentialsPolicyEnabled?: Reading<boolean>;
  clientCredentialsUser?: Located<string>;
  deviceFlowEnabled?: Reading<boolean>;
  tokenExchangeEnabled?: Reading<boolean>;
  introspectAllTokens?: Reading<boolean>;
  otherUrls?: { field: string; url: Located<string> }[];
  samlSigningAlgorithm?: Reading<string>;
  samlEncryptionType?: Reading<string>;
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
