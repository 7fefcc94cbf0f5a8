import {
  childNamed,
  childrenNamed,
  elementCommaList,
  elementPosition,
  elementText,
  elementTextLines,
  type XmlDocument,
  type XmlElement,
} from '../parser/xml.js';
import type { InvalidValue, IpRange, Located } from '../types.js';
import { isRejected, type Reading } from './app-settings.js';
import { caseInsensitiveMatch, isBooleanElementName, protocolSpellingMatch, WELL_FORMED_NAME } from './schema.js';

/** What a value element holding elements instead of text is told it should hold. */
const PLAIN_VALUE = 'a plain value, not nested elements';

/**
 * Reads typed values out of one parsed file. Every value keeps its position; every value the platform would
 * reject is recorded in `invalid` (reported by `valid-metadata`) instead of being guessed at, once per element
 * however many readers look at it. Typed readers (`bool`, `enumValue`, `setting`) return a Reading: a rejected
 * value stays visible as rejected, so that the app never calls a present element absent.
 */
export class FieldReader {
  readonly invalid: InvalidValue[] = [];
  private readonly rejectedElements = new WeakMap<XmlElement, InvalidValue>();

  constructor(readonly doc: XmlDocument) {}

  get root(): XmlElement {
    return this.doc.root;
  }

  at(element: XmlElement) {
    return elementPosition(this.doc, element);
  }

  /** The text of a value element, or its rejection when it holds elements (`<scopes><scopes>Full</scopes></scopes>`). */
  private leaf(element: XmlElement, path: string): Reading<string> {
    if (element.children.length === 0) return elementText(this.doc, element);
    return { rejected: this.reject({ field: path, found: nestedTags(element), expected: PLAIN_VALUE, at: this.at(element) }, element) };
  }

  /** The value of the first child `name` of `parent`, as written (empty included); undefined when absent. */
  private read(parent: XmlElement | undefined, name: string): { element: XmlElement; reading: Reading<string>; path: string } | undefined {
    const element = childNamed(parent, name);
    if (!parent || !element) return undefined;
    const path = this.pathOf(parent, name);
    return { element, reading: this.leaf(element, path), path };
  }

  /** `oauthConfig/isAdminApproved`: the element's path from the root, as `valid-metadata` names it (metadata is two levels deep). */
  private pathOf(parent: XmlElement, name: string): string {
    return parent === this.root ? name : `${parent.name}/${name}`;
  }

  /** Records a value the platform rejects; with `element`, once per element (the first record wins). */
  reject(record: InvalidValue, element?: XmlElement): InvalidValue {
    if (element) {
      const earlier = this.rejectedElements.get(element);
      if (earlier) return earlier;
      this.rejectedElements.set(element, record);
    }
    this.invalid.push(record);
    return record;
  }

  /** A text value; a value element holding elements is recorded as invalid and counts as absent. */
  text(parent: XmlElement | undefined, name: string): Located<string> | undefined {
    const read = this.read(parent, name);
    return read && !isRejected(read.reading) ? read.reading : undefined;
  }

  /** A non-empty text value; an empty element counts as absent. */
  nonEmptyText(parent: XmlElement | undefined, name: string): Located<string> | undefined {
    const value = this.text(parent, name);
    return value?.value ? value : undefined;
  }

  /** Repeated elements (`profileName`, `scopes`), each located at its whole element; empty and nested ones dropped. */
  repeated(parent: XmlElement | undefined, name: string): Located<string>[] {
    if (!parent) return [];
    const path = this.pathOf(parent, name);
    return childrenNamed(parent, name).flatMap((element) => {
      if (isRejected(this.leaf(element, path))) return [];
      const value = element.text.trim();
      return value === '' ? [] : [{ value, at: this.at(element) }];
    });
  }

  lines(parent: XmlElement | undefined, name: string): Located<string>[] {
    const read = this.read(parent, name);
    return read && !isRejected(read.reading) ? elementTextLines(this.doc, read.element) : [];
  }

  commaList(parent: XmlElement | undefined, name: string): Located<string>[] {
    const read = this.read(parent, name);
    return read && !isRejected(read.reading) ? elementCommaList(this.doc, read.element) : [];
  }

  /**
   * A typed setting: `accept` maps the text to the value, or returns undefined to reject it as not `expected`
   * (a string, or a function of what was found for "did you mean" hints). An empty element is rejected too.
   */
  setting<T>(
    parent: XmlElement | undefined,
    name: string,
    expected: string | ((found: string) => string),
    accept: (text: string) => T | undefined,
  ): Reading<T> | undefined {
    const read = this.read(parent, name);
    if (!read) return undefined;
    if (isRejected(read.reading)) return read.reading;
    const text = read.reading;
    const value = accept(text.value);
    if (value !== undefined) return { value, at: text.at };
    const wanted = typeof expected === 'string' ? expected : expected(text.value);
    return { rejected: this.reject({ field: read.path, found: text.value, expected: wanted, at: text.at }, read.element) };
  }

  bool(parent: XmlElement | undefined, name: string): Reading<boolean> | undefined {
    return this.setting(parent, name, 'true or false', parseBoolean);
  }

  /**
   * A value of a closed enum (policy values the Metadata API reference lists in full); an unknown one is recorded as
   * invalid and comes back rejected: it fails the deploy.
   */
  enumValue<T extends string>(parent: XmlElement | undefined, name: string, allowed: readonly T[]): Reading<T> | undefined {
    const accept = (text: string) => ((allowed as readonly string[]).includes(text) ? (text as T) : undefined);
    return this.setting(parent, name, (found) => enumExpectation(found, allowed), accept);
  }

  /**
   * Records one entry of an open list (a scope: Salesforce adds scopes every release) that is not one of `allowed`.
   * Returns true when the entry is a well-formed name that is no misspelling of a known one: recorded as `unknown`
   * (a warning, DECISIONS 14), and the caller keeps it as requested.
   */
  invalidEnum(path: string, value: Located<string>, allowed: readonly string[]): boolean {
    const unknown = isNewerValue(value.value, allowed);
    // `mcp_api`, `chatbot_api`: an OAuth protocol spelling may be the name a newer release stores, so it is only a hint.
    const suggestion = unknown ? protocolSpellingMatch(value.value, allowed) : undefined;
    this.reject({
      field: path,
      found: value.value,
      expected: enumExpectation(value.value, allowed),
      at: value.at,
      ...(unknown ? { unknown: true as const } : {}),
      ...(suggestion ? { suggestion } : {}),
    });
    return unknown;
  }

  require(parent: XmlElement | undefined, name: string, path: string, anchor: XmlElement): void {
    const read = this.read(parent, name);
    // Nested elements instead of the value are already recorded: one finding per element.
    if (read && (isRejected(read.reading) || read.reading.value)) return;
    this.invalid.push({ field: path, found: '', expected: `a <${name}> element, which is required`, at: this.at(anchor) });
  }

  /** Every boolean-named element below `parent` must hold `true` or `false`; `path` is the parent's path ('' for the root). */
  checkBooleans(parent: XmlElement | undefined, path = ''): void {
    if (!parent) return;
    for (const child of parent.children) {
      const childPath = path ? `${path}/${child.name}` : child.name;
      if (!isBooleanElementName(child.name)) {
        if (child.children.length > 0) this.checkBooleans(child, childPath);
        continue;
      }
      const reading = this.leaf(child, childPath);
      if (isRejected(reading) || parseBoolean(reading.value) !== undefined) continue;
      this.reject({ field: childPath, found: reading.value, expected: 'true or false', at: reading.at }, child);
    }
  }
}

/**
 * `<scopes>…</scopes>`: the nested elements by name only. Their content is never echoed, since a value element such
 * as consumerSecret or password may hold a secret.
 */
function nestedTags(element: XmlElement): string {
  return element.children.map((child) => `<${child.name}>…</${child.name}>`).join('');
}

function parseBoolean(text: string): boolean | undefined {
  return text === 'true' ? true : text === 'false' ? false : undefined;
}

/** Lists longer than this are not spelled out in a message (the rule page and the reference have them). */
const MAX_LISTED = 5;

/** What to tell a writer of an unknown enum value: the value they probably meant, or the (short) list. */
export function enumExpectation(found: string, allowed: readonly string[]): string {
  const hint = caseInsensitiveMatch(found, allowed);
  if (hint) return `${hint} (values are case-sensitive)`;
  const spelling = protocolSpellingMatch(found, allowed);
  if (spelling) return `${spelling} (the metadata name of that value)`;
  return allowed.length <= MAX_LISTED ? `one of ${allowed.join(', ')}` : `a documented value such as ${allowed.slice(0, 3).join(', ')}`;
}

/**
 * A well-formed name that differs from every known value by more than letter case: most likely one the platform added
 * since (DECISIONS 14), protocol spellings such as `mcp_api` included. A known value in the wrong case fails the deploy.
 */
function isNewerValue(found: string, allowed: readonly string[]): boolean {
  return WELL_FORMED_NAME.test(found) && !caseInsensitiveMatch(found, allowed);
}

/** Trusted IP ranges: repeated elements each holding a start and an end address (element names differ by kind). */
export function readIpRanges(reader: FieldReader, ranges: XmlElement[], startName: string, endName: string): IpRange[] {
  return ranges.flatMap((range) => {
    const start = reader.nonEmptyText(range, startName);
    const end = reader.nonEmptyText(range, endName);
    return start && end ? [{ start, end: end.value }] : [];
  });
}
