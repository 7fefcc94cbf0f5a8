// The parse the linter did before src/parser/xml-scan.ts: fast-xml-parser's validator, then its parser with source
// offsets, converted to XmlElement. Kept (fast-xml-parser is a development dependency) so test/xml-scan.test.ts can
// hold the scanner to the same verdicts and trees.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeEntities } from '../../src/parser/xml.js';
import type { XmlElement } from '../../src/parser/xml-scan.js';

const TEXT = '#text';
const ATTRS = ':@';
const COMMENT = '#comment';
const CDATA = '#cdata';

const parser = new XMLParser({
  preserveOrder: true,
  captureMetaData: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: COMMENT,
  cdataPropName: CDATA,
  processEntities: false,
  htmlEntities: false,
});
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** The root element as fast-xml-parser saw it, or its error message. */
export function referenceParse(source: string): { ok: true; root: XmlElement } | { ok: false; message: string } {
  const valid = XMLValidator.validate(source, { allowBooleanAttributes: false });
  if (valid !== true) return { ok: false, message: valid.err.msg };
  let tree: unknown[];
  try {
    tree = parser.parse(source) as unknown[];
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const root = convertChildren(tree)[0];
  return root ? { ok: true, root } : { ok: false, message: 'no root element' };
}

function convertChildren(nodes: unknown[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const node of nodes as Record<string | symbol, unknown>[]) {
    const name = Object.keys(node).find((key) => key !== ATTRS && key !== TEXT && key !== COMMENT && key !== CDATA);
    if (name === undefined) continue;
    const meta = node[META] as { startIndex: number; endIndex?: number } | undefined;
    const rawChildren = (node[name] as unknown[]) ?? [];
    const start = meta?.startIndex ?? 0;
    out.push({
      name,
      attrs: Object.fromEntries(Object.entries((node[ATTRS] as Record<string, string> | undefined) ?? {}).map(([key, value]) => [key, decodeEntities(value)])),
      children: convertChildren(rawChildren),
      text: textOf(rawChildren),
      start,
      end: meta?.endIndex ?? start,
    });
  }
  return out;
}

function textOf(nodes: unknown[]): string {
  let text = '';
  for (const node of nodes as Record<string, unknown>[]) {
    if (TEXT in node) text += decodeEntities(String(node[TEXT]));
    else if (CDATA in node) for (const part of (node[CDATA] as Record<string, unknown>[]) ?? []) if (TEXT in part) text += String(part[TEXT]);
  }
  return text;
}
