import { childNamed, childrenNamed, elementCommaList, elementPosition, elementText, elementTextLines, type XmlDocument, type XmlElement } from '../parser/xml.js';
import type { InvalidValue, Located } from '../types.js';
import { caseInsensitiveMatch, isBooleanElementName, protocolSpellingMatch } from './schema.js';

/**
 * Reads typed values out of one parsed file. Every value keeps its position; every value the platform would
 * reject is recorded in `invalid` (reported by `valid-metadata`) instead of being guessed at.
 */
export class FieldReader {
  readonly invalid: InvalidValue[] = [];

  constructor(readonly doc: XmlDocument) {}

  get root(): XmlElement {
    return this.doc.root;
  }

  at(element: XmlElement) {
    return elementPosition(this.doc, element);
  }

  text(parent: XmlElement | undefined, name: string): Located<string> | undefined {
    const element = childNamed(parent, name);
    if (!element) return undefined;
    return elementText(this.doc, element);
  }

  /** A non-empty text value; an empty element counts as absent. */
  nonEmptyText(parent: XmlElement | undefined, name: string): Located<string> | undefined {
    const value = this.text(parent, name);
    return value?.value ? value : undefined;
  }

  /** Repeated elements (`profileName`, `scopes`), each located at its whole element; empty ones dropped. */
  repeated(parent: XmlElement | undefined, name: string): Located<string>[] {
    if (!parent) return [];
    return childrenNamed(parent, name)
      .map((element) => ({ value: element.text.trim(), at: this.at(element) }))
      .filter((entry) => entry.value !== '');
  }

  lines(parent: XmlElement | undefined, name: string): Located<string>[] {
    const element = childNamed(parent, name);
    return element ? elementTextLines(this.doc, element) : [];
  }

  commaList(parent: XmlElement | undefined, name: string): Located<string>[] {
    const element = childNamed(parent, name);
    return element ? elementCommaList(this.doc, element) : [];
  }

  bool(parent: XmlElement | undefined, name: string): Located<boolean> | undefined {
    const value = this.text(parent, name);
    if (!value || (value.value !== 'true' && value.value !== 'false')) return undefined;
    return { value: value.value === 'true', at: value.at };
  }

  /** An enum value; an unknown one is recorded as invalid and returned as undefined. */
  enumValue<T extends string>(parent: XmlElement | undefined, name: string, allowed: readonly T[], path: string): Located<T> | undefined {
    const value = this.text(parent, name);
    if (!value) return undefined;
    if ((allowed as readonly string[]).includes(value.value)) return value as Located<T>;
    this.invalidEnum(path, value, allowed);
    return undefined;
  }

  invalidEnum(path: string, value: Located<string>, allowed: readonly string[]): void {
    const hint = caseInsensitiveMatch(value.value, allowed);
    const spelling = hint ? undefined : protocolSpellingMatch(value.value, allowed);
    const expected = hint
      ? `${hint} (values are case-sensitive)`
      : spelling
        ? `${spelling} (the metadata name of that value)`
        : `one of ${allowed.join(', ')}`;
    this.invalid.push({ field: path, found: value.value, expected, at: value.at });
  }

  require(parent: XmlElement | undefined, name: string, path: string, anchor: XmlElement): void {
    if (parent && this.nonEmptyText(parent, name)) return;
    this.invalid.push({ field: path, found: '', expected: `a <${name}> element, which is required`, at: this.at(anchor) });
  }

  /** Every boolean-named element below `parent` must hold `true` or `false`; `path` is the parent's path ('' for the root). */
  checkBooleans(parent: XmlElement | undefined, path = ''): void {
    if (!parent) return;
    for (const child of parent.children) {
      const childPath = path ? `${path}/${child.name}` : child.name;
      if (child.children.length > 0) {
        this.checkBooleans(child, childPath);
        continue;
      }
      if (!isBooleanElementName(child.name)) continue;
      const value = elementText(this.doc, child);
      if (value.value !== 'true' && value.value !== 'false') {
        this.invalid.push({ field: childPath, found: value.value, expected: 'true or false', at: value.at });
      }
    }
  }
}
