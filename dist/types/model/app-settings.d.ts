import type { XmlElement } from '../parser/xml.js';
import type { AppKind, InvalidValue, Located, MetadataTypeName, OAuthAppSettings } from '../types.js';
import type { FieldReader } from './fields.js';
/** A setting whose element is present but holds a value the platform rejects (already in the file's `invalid` list). */
export interface Rejected {
    rejected: InvalidValue;
}
/** A setting as one file states it: a value, or a rejected one (the app builder then applies the default). */
export type Reading<T> = Located<T> | Rejected;
export declare function isRejected<T>(reading: Reading<T>): reading is Rejected;
/** The reading's value when it has one: what optional settings keep (a rejected one is left out, as if absent). */
export declare function validReading<T>(reading: Reading<T> | undefined): Located<T> | undefined;
/** Maps a valid reading's value; a rejected one stays rejected. */
export declare function mapReading<T, U>(reading: Reading<T> | undefined, map: (value: T) => U): Reading<U> | undefined;
/** A setting's reading: typed single values may be rejected; lists and composite values are kept as read. */
type ReadingOf<T> = T extends readonly unknown[] ? T : T extends Located<infer V> ? Reading<V> : T;
/**
 * What one file says about an app, before defaults: the files of an External Client App each contribute some of
 * these, and are merged. Derived from OAuthAppSettings, so a setting is declared once (with its row in SETTINGS).
 * Typed settings are Readings: a rejected value is kept as such, so that the app can say the element is present
 * but invalid instead of absent.
 */
export type AppSettings = {
    [K in keyof OAuthAppSettings]?: ReadingOf<NonNullable<OAuthAppSettings[K]>>;
};
/** Merges file contributions: lists concatenate, single values keep the first one given. */
export declare function mergeSettings(parts: AppSettings[]): AppSettings;
/**
 * The settings whose SETTINGS row says how to read them (booleans, text, lists), for one kind of app and, for an ECA,
 * one file type. `parentOf` finds the element's parent from its path (`oauthConfig/isPkceRequired`).
 */
export declare function readTableSettings(reader: FieldReader, kind: AppKind, type: MetadataTypeName, parentOf: (path: string) => XmlElement | undefined): AppSettings;
export {};
