import { type XmlDocument, type XmlElement } from '../parser/xml.js';
import type { InvalidValue, IpRange, Located } from '../types.js';
import { type Reading } from './app-settings.js';
/**
 * Reads typed values out of one parsed file. Every value keeps its position; every value the platform would
 * reject is recorded in `invalid` (reported by `valid-metadata`) instead of being guessed at, once per element
 * however many readers look at it. Typed readers (`bool`, `enumValue`, `setting`) return a Reading: a rejected
 * value stays visible as rejected, so that the app never calls a present element absent.
 */
export declare class FieldReader {
    readonly doc: XmlDocument;
    readonly invalid: InvalidValue[];
    private readonly rejectedElements;
    constructor(doc: XmlDocument);
    get root(): XmlElement;
    at(element: XmlElement): import("../types.js").Position;
    /** The text of a value element, or its rejection when it holds elements (`<scopes><scopes>Full</scopes></scopes>`). */
    private leaf;
    /** The value of the first child `name` of `parent`, as written (empty included); undefined when absent. */
    private read;
    /** `oauthConfig/isAdminApproved`: the element's path from the root, as `valid-metadata` names it (metadata is two levels deep). */
    private pathOf;
    /** Records a value the platform rejects; with `element`, once per element (the first record wins). */
    reject(record: InvalidValue, element?: XmlElement): InvalidValue;
    /** A text value; a value element holding elements is recorded as invalid and counts as absent. */
    text(parent: XmlElement | undefined, name: string): Located<string> | undefined;
    /** A non-empty text value; an empty element counts as absent. */
    nonEmptyText(parent: XmlElement | undefined, name: string): Located<string> | undefined;
    /** Repeated elements (`profileName`, `scopes`), each located at its whole element; empty and nested ones dropped. */
    repeated(parent: XmlElement | undefined, name: string): Located<string>[];
    lines(parent: XmlElement | undefined, name: string): Located<string>[];
    commaList(parent: XmlElement | undefined, name: string): Located<string>[];
    /**
     * A typed setting: `accept` maps the text to the value, or returns undefined to reject it as not `expected`
     * (a string, or a function of what was found for "did you mean" hints). An empty element is rejected too.
     */
    setting<T>(parent: XmlElement | undefined, name: string, expected: string | ((found: string) => string), accept: (text: string) => T | undefined): Reading<T> | undefined;
    bool(parent: XmlElement | undefined, name: string): Reading<boolean> | undefined;
    /**
     * A value of a closed enum (policy values the Metadata API reference lists in full); an unknown one is recorded as
     * invalid and comes back rejected: it fails the deploy.
     */
    enumValue<T extends string>(parent: XmlElement | undefined, name: string, allowed: readonly T[]): Reading<T> | undefined;
    /**
     * Records one entry of an open list (a scope: Salesforce adds scopes every release) that is not one of `allowed`.
     * Returns true when the entry is a well-formed name that is no misspelling of a known one: recorded as `unknown`
     * (a warning, DECISIONS 14), and the caller keeps it as requested.
     */
    invalidEnum(path: string, value: Located<string>, allowed: readonly string[]): boolean;
    require(parent: XmlElement | undefined, name: string, path: string, anchor: XmlElement): void;
    /** Every boolean-named element below `parent` must hold `true` or `false`; `path` is the parent's path ('' for the root). */
    checkBooleans(parent: XmlElement | undefined, path?: string): void;
}
/** What to tell a writer of an unknown enum value: the value they probably meant, or the (short) list. */
export declare function enumExpectation(found: string, allowed: readonly string[]): string;
/** Trusted IP ranges: repeated elements each holding a start and an end address (element names differ by kind). */
export declare function readIpRanges(reader: FieldReader, ranges: XmlElement[], startName: string, endName: string): IpRange[];
