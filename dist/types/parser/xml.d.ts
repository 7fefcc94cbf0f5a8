import type { Located, Position } from '../types.js';
import { LineIndex } from './positions.js';
import { type XmlElement } from './xml-scan.js';
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
export type XmlParseResult = {
    ok: true;
    doc: XmlDocument;
} | {
    ok: false;
    error: XmlSyntaxError;
};
/**
 * Parses one metadata file. Never throws: malformed XML, a DOCTYPE (metadata never has one, and it is the door
 * to entity expansion), excessive nesting or no root element come back as a syntax error with line and column.
 */
export declare function parseXml(file: string, source: string): XmlParseResult;
/** Where the whole element stands, from `<` of its start tag to after its end tag. */
export declare function elementPosition(doc: XmlDocument, element: XmlElement): Position;
/** The element's text, trimmed, located at the text itself (or at the element when empty). */
export declare function elementText(doc: XmlDocument, element: XmlElement): Located<string>;
/** Each non-empty line of the element's text (a `callbackUrl` holding several URLs), with its own position. */
export declare function elementTextLines(doc: XmlDocument, element: XmlElement): Located<string>[];
/** Each entry of a comma-separated list (`commaSeparatedOauthScopes`), trimmed, with its own position. */
export declare function elementCommaList(doc: XmlDocument, element: XmlElement): Located<string>[];
export declare function decodeEntities(text: string): string;
/** Direct children with a given name. */
export declare function childrenNamed(element: XmlElement, name: string): XmlElement[];
/** The first direct child with a given name. */
export declare function childNamed(element: XmlElement | undefined, name: string): XmlElement | undefined;
