import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeEntities, parseXml } from '../src/parser/xml.js';
import { scanXml, type XmlElement } from '../src/parser/xml-scan.js';
import { referenceParse } from './helpers/fxp-reference.js';
import { parseErrorOf } from './helpers/xml.js';

// The scanner replaced fast-xml-parser (validator, then parser). It must give the same verdict and the same tree
// (names, attributes, text, offsets) on every document, except where fast-xml-parser accepts what XML forbids and
// Salesforce's deploy refuses: those cases are listed below, one test each.

const REPO = join(import.meta.dirname, '..');

function xmlFilesUnder(directory: string, out: string[] = []): string[] {
  for (const entry of readdirSync(directory)) {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) xmlFilesUnder(path, out);
    else if (entry.endsWith('.xml')) out.push(path);
  }
  return out;
}

/** The first difference between two trees, or undefined. */
function difference(ours: XmlElement, theirs: XmlElement, path = ''): string | undefined {
  const here = `${path}/${ours.name}`;
  if (ours.name !== theirs.name) return `${here}: name ${theirs.name}`;
  if (JSON.stringify(ours.attrs) !== JSON.stringify(theirs.attrs)) return `${here}: attrs ${JSON.stringify(ours.attrs)} vs ${JSON.stringify(theirs.attrs)}`;
  // fast-xml-parser turns CR and CRLF into LF in some texts (after `<a >`, in CDATA) and not in others; the scanner
  // keeps the source's (the rules trim, and split lines on either).
  if (ours.text.replace(/\r\n?/g, '\n') !== theirs.text.replace(/\r\n?/g, '\n')) return `${here}: text ${JSON.stringify(ours.text)} vs ${JSON.stringify(theirs.text)}`;
  if (ours.start !== theirs.start || ours.end !== theirs.end) return `${here}: span ${ours.start}-${ours.end} vs ${theirs.start}-${theirs.end}`;
  if (ours.children.length !== theirs.children.length) return `${here}: ${ours.children.length} children vs ${theirs.children.length}`;
  for (let i = 0; i < ours.children.length; i++) {
    const found = difference(ours.children[i]!, theirs.children[i]!, here);
    if (found) return found;
  }
  return undefined;
}

/** Our errors on documents fast-xml-parser accepts although XML forbids them (each has its own test below). */
const STRICTER = [
  /^text after the root element$/,
  /^a second root element/,
  /^a malformed end tag/,
  /^an XML declaration is allowed only at the start/,
  /^a malformed XML declaration$/,
  /^'&' starts no valid character reference$/,
  /^&[^;]+; is not one of XML's five entities$/,
  /^a CDATA section outside the root element$/,
  /^'<\?' starts no valid processing instruction$/,
  /^'<!' starts neither a comment nor a CDATA section$/,
  // Not XML's rule but the linter's: the model walks the tree recursively (test/hostile/deep-nesting.test.ts).
  /^elements nested deeper than 64 levels$/,
];

/**
 * fast-xml-parser's errors on documents XML allows: names its object output cannot hold (`__proto__`, `constructor`;
 * the scanner keys nothing by name), and a processing instruction with a quote before its `?>` (its parser looks
 * for `?>` outside quotes; XML ends the instruction at the first `?>`).
 */
const FXP_REFUSES_VALID = [/^\[SECURITY\] Invalid name/, /^Pi Tag is not closed\.$/];

/** Compares the scan with fast-xml-parser's on `source`; returns a description of a disagreement, else undefined. */
function disagreement(source: string): string | undefined {
  // A processing instruction with a quote before its first `?>`: fast-xml-parser's validator and XML end it there,
  // its parser further on (a test below shows it); the two disagree with each other, so there is nothing to compare.
  if (/<\?[^?]*["']/.test(source.replace(/^\ufeff?<\?xml\s[^?]*\?>/, ''))) return undefined;
  const ours = scanXml(source, decodeEntities);
  const theirs = referenceParse(source);
  if (ours.ok && theirs.ok) return difference(ours.root, theirs.root);
  if (!ours.ok && !theirs.ok) return undefined;
  if (!ours.ok && STRICTER.some((known) => known.test(ours.message))) return undefined;
  if (ours.ok && !theirs.ok && FXP_REFUSES_VALID.some((known) => known.test(theirs.message))) return undefined;
  return ours.ok ? `accepted; fast-xml-parser: ${theirs.ok ? '' : theirs.message}` : `refused (${ours.message}); fast-xml-parser accepts`;
}

/** A small deterministic generator (the same documents on every run). */
function random(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state % below;
  };
}

const fixtures = [...xmlFilesUnder(join(REPO, 'fixtures')), ...xmlFilesUnder(join(REPO, 'test'))];

describe('the XML scanner agrees with fast-xml-parser', () => {
  it('on every XML file of the fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(200);
    const disagreements = fixtures.map((file) => [file, disagreement(readFileSync(file, 'utf8'))]).filter(([, found]) => found);
    expect(disagreements).toEqual([]);
  });

  it('on thousands of fixtures with a few characters deleted, inserted or moved', () => {
    const pick = random(20261206);
    const inserts = ['<', '>', '/', '"', "'", '&', ';', '=', ' ', '!', '?', '-', ']', '<!--', '-->', '<![CDATA[', ']]>', '&amp;', '&#13;', '<?pi x?>', 'a:', 'xmlns:x="u"', '\n', '<a>', '</a>', '<b/>', 'x="1"'];
    const seeds = fixtures.map((file) => readFileSync(file, 'utf8'));
    const disagreements: string[] = [];
    for (let round = 0; round < 3000; round++) {
      let text = seeds[pick(seeds.length)]!;
      for (let edits = 1 + pick(3); edits > 0; edits--) {
        const at = pick(text.length + 1);
        const kind = pick(3);
        if (kind === 0) text = text.slice(0, at) + text.slice(at + 1 + pick(3));
        else if (kind === 1) text = text.slice(0, at) + inserts[pick(inserts.length)]! + text.slice(at);
        else {
          const from = pick(text.length + 1);
          text = text.slice(0, at) + text.slice(from, from + 20) + text.slice(at);
        }
      }
      const found = disagreement(text);
      if (found) disagreements.push(`${found}\n${text}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('on tens of thousands of short documents built from the grammar’s corner cases', () => {
    const pick = random(7);
    const pieces = ['<a>', '</a>', '<a:b>', '</a:b>', '<b/>', '<b />', '<a x="1">', "<a x='1' y=\"2\"/>", 'x', ' ', '\n', '\r\n', '&amp;', '&foo;', '&', '&#1;', '&#x41;', '&a.b;', '<!--c-->', '<!--', '-->', '<![CDATA[x]]>', '<![CDATA[', ']]>', '<?pi?>', '<?pi x="?>"?>', '<?xml version="1.0"?>', '<?xml', '?>', '<', '>', '/', '"', "'", '=', '< a>', '</ a>', '<a >', '</a >', '<a x>', '<a x=>', '<a x=1>', '<a x="1"x="2">', '<a x="1" x="2">', '<xmlns:a>', '<1a>', '\ufeff', '<é>', '</é>', '<a xmlns="u" xmlns:p="v" p:q="w">', '<a\tx\n=\n"1">', '<!-- a -- b -->', '<a/ >', '<?xml-stylesheet x?>', '&lt;&gt;', '<a x="&amp;">', '<a x="<">', '<a x=">">', '<a __proto__="p">', '<x:c:d>', '</x:c:d>', '<xmlns>', '</xmlns>', '<xmlns:q>', '</xmlns:q>', '<! -- -->', '\r'];
    const disagreements: string[] = [];
    for (let round = 0; round < 30000; round++) {
      let text = '';
      for (let count = 2 + pick(10); count > 0; count--) text += pieces[pick(pieces.length)]!;
      const found = disagreement(text);
      if (found) disagreements.push(`${found}: ${JSON.stringify(text)}`);
    }
    expect(disagreements).toEqual([]);
  });
});

describe('where the scanner is stricter than fast-xml-parser (XML forbids it; a deploy refuses it)', () => {
  const cases: [string, string, RegExp][] = [
    ['text after a self-closing root', '<ConnectedApp/>\nstray', /^text after the root element$/],
    ['a second root after a self-closing one', '<ConnectedApp/><ConnectedApp/>', /^a second root element/],
    ['a self-closing second root', '<ConnectedApp></ConnectedApp><label/>', /^a second root element/],
    ['an end tag written as self-closing', '<ConnectedApp><label/></label/></ConnectedApp>', /^a malformed end tag/],
    ['an XML declaration after the root', '<ConnectedApp/><?xml version="1.0"?>', /^an XML declaration is allowed only at the start/],
    ['a character reference without digits', '<ConnectedApp>&#;</ConnectedApp>', /^'&' starts no valid character reference$/],
    ['an entity XML does not define', '<ConnectedApp>&nbsp;</ConnectedApp>', /^&nbsp; is not one of XML's five entities$/],
    ['a CDATA section outside the root', '<ConnectedApp/><![CDATA[x]]>', /^a CDATA section outside the root element$/],
    ['a processing instruction without a target', '<?=x?><ConnectedApp/>', /^'<\?' starts no valid processing instruction$/],
    ['an XML declaration without a version', '<?xml?><ConnectedApp/>', /^a malformed XML declaration$/],
    ['an XML declaration with an unknown pseudo-attribute', '<?xml version="1.0" charset="UTF-8"?><ConnectedApp/>', /^a malformed XML declaration$/],
    ['a comment written `<! --`', '<ConnectedApp/><! -- x -->', /^'<!' starts neither a comment nor a CDATA section$/],
  ];
  for (const [what, source, message] of cases) {
    it(`refuses ${what}`, () => {
      expect(referenceParse(source).ok).toBe(true);
      const scanned = scanXml(source, decodeEntities);
      expect(scanned.ok ? 'accepted' : scanned.message).toMatch(message);
    });
  }
});

describe('the scanner', () => {
  const error = parseErrorOf;

  it('places each error at its cause', () => {
    expect(error('<ConnectedApp>\n  <label>x</lable>\n</ConnectedApp>')).toEqual({ message: 'the end tag </lable> does not close <label>', line: 2, column: 11 });
    expect(error('<ConnectedApp>\n  <label>x</label>\n')).toEqual({ message: '<ConnectedApp> is never closed', line: 1, column: 1 });
    expect(error('<a>\n  <b x="1" x="2"/>\n</a>')).toEqual({ message: "the attribute 'x' is repeated", line: 2, column: 12 });
    expect(error('<a>\n  AT&T\n</a>')).toEqual({ message: "'&' starts no entity reference (write &amp;)", line: 2, column: 5 });
    expect(error('<a>\n<!-- open')).toMatchObject({ message: 'a comment is not closed with -->', line: 2, column: 1 });
    expect(error('  \n')).toMatchObject({ message: 'no root element' });
  });

  it('keeps CDATA as written, decodes references in text and attributes, and drops namespace declarations', () => {
    const result = scanXml('<m:App xmlns="u" xmlns:m="v" m:k="a&amp;b" __proto__="p"><x>1 &lt; 2<![CDATA[ &amp; ]]><!-- c -->!</x></m:App>', decodeEntities);
    if (!result.ok) throw new Error(result.message);
    expect(result.root.name).toBe('App');
    expect(Object.keys(result.root.attrs)).toEqual(['k', '__proto__']);
    expect(result.root.attrs.k).toBe('a&b');
    expect(Object.getPrototypeOf(result.root.attrs)).toBe(Object.prototype);
    expect(result.root.children[0]).toMatchObject({ name: 'x', text: '1 < 2 &amp; !' });
  });

  it('ends a processing instruction at its first ?>, quotes or not (fast-xml-parser looks past quoted ones)', () => {
    const source = '<?app note="?><ConnectedApp/>';
    expect(referenceParse(source)).toMatchObject({ ok: false, message: 'Pi Tag is not closed.' });
    expect(scanXml(source, decodeEntities).ok).toBe(true);
    const inside = scanXml('<ConnectedApp><?app x="?>"?></ConnectedApp>', decodeEntities);
    expect(inside.ok && inside.root.text).toBe('"?>');
  });

  it('names an element by what follows its first colon, as fast-xml-parser did: a prefix hides no element', () => {
    const result = scanXml('<ConnectedApp><xmlns:consumerSecret>s</xmlns:consumerSecret><x:c:d/><xmlns/><q:label>L</q:label></ConnectedApp>', decodeEntities);
    if (!result.ok) throw new Error(result.message);
    expect(result.root.children.map((child) => child.name)).toEqual(['consumerSecret', 'c:d', 'xmlns', 'label']);
    expect(result.root.children[0]!.text).toBe('s');
  });

  it('counts the nesting itself: neither `</a>` in a comment nor `/>` in an attribute value lowers it', () => {
    const deep = (open: string) => `<ConnectedApp><!--${'</a>'.repeat(5000)}-->${open.repeat(5000)}${'</a>'.repeat(5000)}</ConnectedApp>`;
    for (const open of ['<a>', '<a x="/>">']) {
      const result = parseXml('/p/x.xml', deep(open));
      expect(result.ok ? 'parsed' : result.error.message).toBe('elements nested deeper than 64 levels');
    }
    // Tags written inside a comment or CDATA are no nesting at all.
    expect(parseXml('/p/x.xml', `<ConnectedApp><!--${'<a>'.repeat(100)}--><![CDATA[${'<b>'.repeat(100)}]]></ConnectedApp>`).ok).toBe(true);
    expect(parseXml('/p/x.xml', `${'<a>'.repeat(64)}${'</a>'.repeat(64)}`).ok).toBe(true);
    expect(parseXml('/p/x.xml', `${'<a>'.repeat(65)}${'</a>'.repeat(65)}`)).toMatchObject({ ok: false, error: { column: 193 } });
  });

  it('quotes at most 40 characters of the file in a message', () => {
    const result = scanXml(`<ConnectedApp><${'S'.repeat(60)}></${'T'.repeat(60)}></ConnectedApp>`, decodeEntities);
    const quoted = result.ok ? '' : result.message.replace(/[^ST]/g, '');
    expect(result.ok).toBe(false);
    expect(quoted.length).toBeLessThanOrEqual(40);
  });

  it('accepts names fast-xml-parser refuses for its object output, as plain names', () => {
    const result = scanXml('<constructor __proto__="p"><toString/><prototype/></constructor>', decodeEntities);
    if (!result.ok) throw new Error(result.message);
    expect(result.root.name).toBe('constructor');
    expect(result.root.children.map((child) => child.name)).toEqual(['toString', 'prototype']);
    expect(Object.hasOwn(result.root.attrs, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(result.root.attrs)).toBe(Object.prototype);
  });

  it('is linear on a long run of one character, and on many short texts before a late ampersand', () => {
    for (const filler of ['<', '&', ' ', '"', '<?x ', '<!--']) {
      const result = scanXml(`<a x="1">${filler.repeat(1_000_000)}`, decodeEntities);
      expect(result.ok).toBe(false);
    }
    expect(scanXml(`<?xml${' '.repeat(1_000_000)}x?><a/>`, decodeEntities).ok).toBe(false);
    const manyTexts = scanXml(`<a>${'<b/>x'.repeat(200_000)}&amp;</a>`, decodeEntities);
    expect(manyTexts.ok && manyTexts.root.children.length).toBe(200_000);
  });
});
