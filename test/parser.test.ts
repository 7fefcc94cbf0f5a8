import { describe, expect, it } from 'vitest';
import { elementCommaList, elementPosition, elementText, elementTextLines, parseXml, type XmlDocument } from '../src/parser/xml.js';
import { childNamed } from '../src/parser/xml.js';
import { parseErrorOf } from './helpers/xml.js';

function parse(source: string): XmlDocument {
  const result = parseXml('/p/x.connectedApp-meta.xml', source);
  if (!result.ok) throw new Error(`unexpected parse error: ${result.error.message}`);
  return result.doc;
}

const path = (doc: XmlDocument, ...names: string[]) => {
  let element = doc.root;
  for (const name of names) element = childNamed(element, name)!;
  return element;
};

describe('positions', () => {
  it('locates a leaf element and its text', () => {
    const doc = parse('<?xml version="1.0"?>\n<ConnectedApp>\n    <label>Demo</label>\n</ConnectedApp>\n');
    const label = path(doc, 'label');
    expect(elementPosition(doc, label)).toMatchObject({ line: 3, column: 5, endLine: 3, endColumn: 24 });
    expect(elementText(doc, label)).toMatchObject({ value: 'Demo', at: { line: 3, column: 12, endColumn: 16 } });
  });

  it('is not shifted by a BOM or CRLF line ends', () => {
    const text = '<?xml version="1.0"?>\r\n<ConnectedApp>\r\n  <label>A &amp; B</label>\r\n</ConnectedApp>\r\n';
    const doc = parse(text); // the BOM is stripped by the UTF-8 decoder before parsing, as in the linter
    const label = path(doc, 'label');
    expect(elementPosition(doc, label)).toMatchObject({ line: 3, column: 3 });
    expect(elementText(doc, label)).toMatchObject({ value: 'A & B', at: { line: 3, column: 10 } });
    const withBom = parse(`\ufeff${text}`);
    expect(elementPosition(withBom, path(withBom, 'label'))).toMatchObject({ line: 3, column: 3 });
  });

  it('gives each URL of a multi-line callbackUrl its own line and column', () => {
    const doc = parse('<ConnectedApp>\n  <oauthConfig>\n    <callbackUrl>https://a.example.com/cb\n      https://b.example.com/cb?x=1&amp;y=2\r\n\nmyapp://cb</callbackUrl>\n  </oauthConfig>\n</ConnectedApp>');
    const urls = elementTextLines(doc, path(doc, 'oauthConfig', 'callbackUrl'));
    expect(urls.map((url) => [url.value, url.at.line, url.at.column])).toEqual([
      ['https://a.example.com/cb', 3, 18],
      ['https://b.example.com/cb?x=1&y=2', 4, 7],
      ['myapp://cb', 6, 1],
    ]);
  });

  it('locates comma-separated entries', () => {
    const doc = parse('<X>\n<commaSeparatedOauthScopes>Api,Web , Full</commaSeparatedOauthScopes>\n</X>');
    const entries = elementCommaList(doc, path(doc, 'commaSeparatedOauthScopes'));
    expect(entries.map((entry) => [entry.value, entry.at.column])).toEqual([
      ['Api', 28],
      ['Web', 32],
      ['Full', 38],
    ]);
  });

  it('handles tags split over lines (prettier style), comments and any element order', () => {
    const doc = parse('<ConnectedApp>\n  <!-- a comment -->\n  <oauthConfig\n  ><scopes\n    >Full</scopes\n  ></oauthConfig>\n  <label>L</label>\n</ConnectedApp>');
    const scopes = path(doc, 'oauthConfig', 'scopes');
    expect(elementPosition(doc, scopes)).toMatchObject({ line: 4, column: 4 });
    expect(elementText(doc, scopes)).toMatchObject({ value: 'Full', at: { line: 5, column: 6 } });
    expect(elementText(doc, path(doc, 'label')).value).toBe('L');
  });
});

describe('syntax errors and hostile input', () => {
  const error = parseErrorOf;

  it('reports malformed XML with line and column', () => {
    expect(error('<ConnectedApp>\n  <label>x</lable>\n</ConnectedApp>')).toMatchObject({ line: 2 });
    expect(error('<ConnectedApp>\n  <label>x</label>\n')).toMatchObject({ message: expect.stringMatching(/closed|ConnectedApp/) });
  });

  it('refuses DOCTYPE and entity declarations without expanding anything', () => {
    const bomb = '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n<ConnectedApp>&lol2;</ConnectedApp>';
    expect(error(bomb)).toMatchObject({ line: 2, column: 1, message: expect.stringContaining('DOCTYPE') });
  });

  it('refuses absurd nesting without recursing', () => {
    const deep = `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`;
    expect(error(deep).message).toContain('nested deeper');
  });

  it('survives a very long line', () => {
    const doc = parse(`<ConnectedApp><description>${'x'.repeat(2_000_000)}</description><label>L</label></ConnectedApp>`);
    expect(elementText(doc, path(doc, 'label'))).toMatchObject({ value: 'L', at: { line: 1, column: 2_000_049 } });
  });
});
