import type { Located, Position } from '../types.js';
import { LineIndex } from './positions.js';
import { scanXml, type XmlElement } from './xml-scan.js';

export type { XmlElement } from './xml-scan.js';

export interface XmlDocument {
  file: string;
  source: string;
  lines: LineIndex;
  root: XmlElement;
}

export interface XmlSyntaxError {
  message: string;
  line: number;
  column: number;
}

export type XmlParseResult = { ok: true; doc: XmlDocument } | { ok: false; error: XmlSyntaxError };

/**
 * Parses one metadata file. Never throws: malformed XML, a DOCTYPE (metadata never has one, and it is the door
 * to entity expansion), excessive nesting or no root element come back as a syntax error with line and column.
 */
export function parseXml(file: string, source: string): XmlParseResult {
  const lines = new LineIndex(file, source);
  const fail = (message: string, offset: number): XmlParseResult => {
    const at = lines.at(offset);
    return { ok: false, error: { message, line: at.line, column: at.column } };
  };

  const doctype = source.search(/<!DOCTYPE|<!ENTITY/i);
  if (doctype !== -1) return fail('DOCTYPE and ENTITY declarations are not allowed in metadata files', doctype);

  const scanned = scanXml(source, decodeEntities);
  if (!scanned.ok) return fail(scanned.message, scanned.offset);
  return { ok: true, doc: { file, source, lines, root: scanned.root } };
}

// ---- positions of elements and their text -------------------------------------------------------------

/** Offset just after the `>` of the element's start tag (quotes in attribute values respected). */
function openTagEnd(source: string, element: XmlElement): number {
  let quote = '';
  for (let i = element.start + 1; i < element.end; i++) {
    const ch = source[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i + 1;
  }
  return element.end;
}

function isSelfClosing(source: string, element: XmlElement): boolean {
  return source.charCodeAt(openTagEnd(source, element) - 2) === 47;
}

/** The raw (undecoded) source between the start and end tags, and its offset. */
function rawContent(source: string, element: XmlElement): { raw: string; offset: number } {
  const open = openTagEnd(source, element);
  if (isSelfClosing(source, element)) return { raw: '', offset: open };
  const close = source.lastIndexOf('</', element.end - 1);
  return { raw: source.slice(open, Math.max(open, close)), offset: open };
}

/** Where the whole element stands, from `<` of its start tag to after its end tag. */
export function elementPosition(doc: XmlDocument, element: XmlElement): Position {
  return doc.lines.at(element.start, element.end);
}

/** The element's text, trimmed, located at the text itself (or at the element when empty). */
export function elementText(doc: XmlDocument, element: XmlElement): Located<string> {
  const value = element.text.trim();
  const { raw, offset } = rawContent(doc.source, element);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (!value || !trimmed || raw.includes('<![CDATA[')) return { value, at: elementPosition(doc, element) };
  return { value, at: doc.lines.at(offset + lead, offset + lead + trimmed.length) };
}

/** Separators of a split, as characters of the decoded text and as they may be written in the raw source. */
interface Separator {
  decoded: RegExp;
  raw: RegExp;
}

/**
 * A run of any of `chars`, written as themselves or as numeric character references (`&#13;`, `&#x0D;`): XML writers
 * encode a carriage return as `&#13;`, and the platform reads it as the line break it is.
 */
function separatorOf(chars: string[]): Separator {
  const literal = chars.map((char) => char.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&')).join('|');
  const references = chars.map((char) => {
    const code = char.codePointAt(0)!;
    return `&#0*${code};|&#x0*${code.toString(16)};`;
  });
  return { decoded: new RegExp(`(?:${literal})+`, 'g'), raw: new RegExp(`(?:${literal}|${references.join('|')})+`, 'gi') };
}

const LINE_BREAKS = separatorOf(['\r', '\n']);
const COMMAS = separatorOf([',']);

/** Each non-empty line of the element's text (a `callbackUrl` holding several URLs), with its own position. */
export function elementTextLines(doc: XmlDocument, element: XmlElement): Located<string>[] {
  return splitRaw(doc, element, LINE_BREAKS);
}

/** Each entry of a comma-separated list (`commaSeparatedOauthScopes`), trimmed, with its own position. */
export function elementCommaList(doc: XmlDocument, element: XmlElement): Located<string>[] {
  return splitRaw(doc, element, COMMAS);
}

function splitRaw(doc: XmlDocument, element: XmlElement, separator: Separator): Located<string>[] {
  const { raw, offset } = rawContent(doc.source, element);
  if (raw.includes('<![CDATA[') || raw.includes('<!--')) {
    // Rare in metadata: fall back to the decoded text, every part located at the element.
    const at = elementPosition(doc, element);
    return element.text
      .split(separator.decoded)
      .map((part) => part.trim())
      .filter(Boolean)
      .map((value) => ({ value, at }));
  }
  const parts: Located<string>[] = [];
  let segmentStart = 0;
  const pushSegment = (segmentEnd: number) => {
    const segment = raw.slice(segmentStart, segmentEnd);
    const trimmed = segment.trim();
    if (trimmed) {
      const lead = segment.length - segment.trimStart().length;
      const begin = offset + segmentStart + lead;
      parts.push({ value: decodeEntities(trimmed), at: doc.lines.at(begin, begin + trimmed.length) });
    }
  };
  for (const match of raw.matchAll(separator.raw)) {
    pushSegment(match.index);
    segmentStart = match.index + match[0].length;
  }
  pushSegment(raw.length);
  return parts;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#x')) return safeCodePoint(Number.parseInt(body.slice(2), 16), whole);
    if (body.startsWith('#')) return safeCodePoint(Number.parseInt(body.slice(1), 10), whole);
    return NAMED_ENTITIES[body] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/** Direct children with a given name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** The first direct child with a given name. */
export function childNamed(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((child) => child.name === name);
}
