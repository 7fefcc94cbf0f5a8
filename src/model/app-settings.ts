import type { XmlElement } from '../parser/xml.js';
import type { AppKind, InvalidValue, Located, MetadataTypeName, OAuthAppSettings } from '../types.js';
import type { FieldReader } from './fields.js';
import { tableReadSettings, type ReadAs } from './settings.js';

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

/** A setting's reading: typed single values may be rejected; lists and composite values are kept as read. */
type ReadingOf<T> = T extends readonly unknown[] ? T : T extends Located<infer V> ? Reading<V> : T;

/**
 * What one file says about an app, before defaults: the files of an External Client App each contribute some of
 * these, and are merged. Derived from OAuthAppSettings, so a setting is declared once (with its row in SETTINGS).
 * Typed settings are Readings: a rejected value is kept as such, so that the app can say the element is present
 * but invalid instead of absent.
 */
export type AppSettings = { [K in keyof OAuthAppSettings]?: ReadingOf<NonNullable<OAuthAppSettings[K]>> };

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

/**
 * The settings whose SETTINGS row says how to read them (booleans, text, lists), for one kind of app and, for an ECA,
 * one file type. `parentOf` finds the element's parent from its path (`oauthConfig/isPkceRequired`).
 */
export function readTableSettings(reader: FieldReader, kind: AppKind, type: MetadataTypeName, parentOf: (path: string) => XmlElement | undefined): AppSettings {
  const settings: Record<string, unknown> = {};
  for (const { name, source } of tableReadSettings(kind, type)) {
    const slash = source.element.lastIndexOf('/');
    const parent = slash === -1 ? reader.root : parentOf(source.element.slice(0, slash));
    const element = source.element.slice(slash + 1);
    settings[name] = READERS[source.readAs as Exclude<ReadAs, 'custom'>](reader, parent, element);
  }
  return settings as AppSettings;
}

const READERS: Record<Exclude<ReadAs, 'custom'>, (reader: FieldReader, parent: XmlElement | undefined, name: string) => unknown> = {
  boolean: (reader, parent, name) => reader.bool(parent, name),
  text: (reader, parent, name) => reader.nonEmptyText(parent, name),
  secret: (reader, parent, name) => reader.text(parent, name),
  lines: (reader, parent, name) => reader.lines(parent, name),
  repeated: (reader, parent, name) => reader.repeated(parent, name),
  'comma-list': (reader, parent, name) => reader.commaList(parent, name),
};
