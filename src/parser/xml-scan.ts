// One pass over a metadata file's XML: checks that it is well-formed and builds the element tree with source
// offsets. It replaced fast-xml-parser's validator and parser (two passes, then a conversion of the parser's tree):
// on the 200 apps of the 20,000-file benchmark they took ~60 ms of a cold run; this takes a fraction (docs/
// benchmarks.md, round 6). test/xml-scan.test.ts holds it to fast-xml-parser's verdict and tree on every fixture and
// on thousands of mutated documents, and lists where it is deliberately stricter.
//
// What is accepted is XML 1.0 without a document type: an optional BOM and XML declaration, comments, processing
// instructions, one root element, attributes in quotes, CDATA sections and character or entity references in text.
// A DOCTYPE never reaches this scanner (parseXml refuses it first), so no entity is ever expanded.

/** An element of a parsed metadata file, with its source offsets. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Decoded text directly inside the element (entities resolved), untrimmed. */
  text: string;
  /** Offset of `<` of the start tag. */
  start: number;
  /** Offset just after the `>` that ends the element. */
  end: number;
}

export type XmlScanResult = { ok: true; root: XmlElement } | { ok: false; message: string; offset: number };

/**
 * Salesforce metadata is shallow; anything deeper is hostile or broken. The scanner does not recurse, but the model
 * walks the tree recursively (FieldReader.checkBooleans): counted here, on the real nesting, where a pre-scan that
 * knows nothing of comments, CDATA or attribute values could be fooled into passing 5,000 levels.
 */
export const MAX_DEPTH = 64;

/**
 * Shared by every element without attributes, and every element without children (most of them), never written to:
 * a 10 MB file of `<b/>` makes 1.5 million elements, and each had an object and an array of its own.
 */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NO_CHILDREN: XmlElement[] = Object.freeze([]) as unknown as XmlElement[];

/**
 * A name as an error message quotes it: a name may be a megabyte long (or a secret), and a message is one short
 * sentence that quotes at most 40 characters of the file in all.
 */
function clip(name: string, length = 40): string {
  return name.length > length ? `${name.slice(0, length)}…` : name;
}

/** Thrown inside the scan, caught at its top: the first error ends it. */
class ScanError {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const EQUALS = 61;
const SEMICOLON = 59;
const HASH = 35;

/** What may stand between `<?xml` and `?>`: a version, then an encoding and standalone, each optional (XML 1.0 §2.8). */
const XML_DECLARATION = /^\s+version\s*=\s*(["'])1\.[0-9]+\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*$/;

function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

// XML's name characters (the ranges fast-xml-parser's validator uses too), as one sticky regex: names are matched
// natively, not character by character in JavaScript (which V8 mostly interprets in a run this short).
const NAME_START = ':A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const NAME = new RegExp(`[${NAME_START}][${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*`, 'y');

/** Where the XML name starting at `from` ends (`from` itself when none starts there). */
function nameEnd(source: string, from: number): number {
  NAME.lastIndex = from;
  return NAME.test(source) ? NAME.lastIndex : from;
}

/** Whether this character cannot continue a name: `>`, `/`, white space or the end. */
function endsName(code: number): boolean {
  return code === GT || code === SLASH || isWhitespace(code) || Number.isNaN(code);
}

function skipWhitespace(source: string, from: number): number {
  let i = from;
  while (i < source.length && isWhitespace(source.charCodeAt(i))) i++;
  return i;
}

/**
 * An element's name without its namespace prefix, as fast-xml-parser's `removeNSPrefix` gave it: everything after the
 * first colon (`x:consumerSecret` and `xmlns:consumerSecret` are `consumerSecret`, which the secret scan must see).
 */
function elementName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/**
 * An attribute's name without its namespace prefix (`xsi:nil` is `nil`), as fast-xml-parser gave it: only a name with
 * exactly one colon loses its prefix, and a namespace declaration (`xmlns`, `xmlns:x`) is no attribute.
 */
function attributeName(name: string): string {
  const colon = name.indexOf(':');
  if (colon === -1) return name === 'xmlns' ? '' : name;
  if (name.slice(0, colon) === 'xmlns') return '';
  return name.indexOf(':', colon + 1) === -1 ? name.slice(colon + 1) : name;
}

const PREDEFINED_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

function isDigit(code: number, hex: boolean): boolean {
  return (code >= 48 && code <= 57) || (hex && ((code >= 65 && code <= 70) || (code >= 97 && code <= 102)));
}

/**
 * Checks each `&` of a text written before `to`, from the one at `amp`: it must start a character or entity
 * reference. Returns the next `&` at or after `to` (or -1), which the caller keeps for the next text: searching
 * again from each text would be quadratic in a file of many short texts and one late `&`.
 */
function checkReferences(source: string, amp: number, to: number): number {
  let at = amp;
  for (; at !== -1 && at < to; at = source.indexOf('&', at + 1)) {
    let i = at + 1;
    if (source.charCodeAt(i) === HASH) {
      const hex = source.charCodeAt(i + 1) === 120; /* x */
      i += hex ? 2 : 1;
      const digits = i;
      while (i < to && isDigit(source.charCodeAt(i), hex)) i++;
      if (i === digits || source.charCodeAt(i) !== SEMICOLON) throw new ScanError("'&' starts no valid character reference", at);
    } else {
      const end = nameEnd(source, i);
      if (end === i || end >= to || source.charCodeAt(end) !== SEMICOLON) throw new ScanError("'&' starts no entity reference (write &amp;)", at);
      // Without a document type, XML knows five entities; any other is a fatal error for Salesforce's parser.
      if (!PREDEFINED_ENTITIES.has(source.slice(i, end))) throw new ScanError(`&${clip(source.slice(i, end))}; is not one of XML's five entities`, at);
    }
  }
  return at;
}

/** Scans `source` (decodeEntities decodes text and attribute values as parseXml's callers expect). */
export function scanXml(source: string, decodeEntities: (text: string) => string): XmlScanResult {
  try {
    return { ok: true, root: scan(source, decodeEntities) };
  } catch (error) {
    if (error instanceof ScanError) return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
}

function scan(source: string, decode: (text: string) => string): XmlElement {
  const length = source.length;
  let i = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: XmlElement[] = [];
  /** The open elements' names as written (prefix and all), which their end tags must repeat. */
  const written: string[] = [];
  let root: XmlElement | undefined;
  /** The first `&` not yet checked (-1: none left). */
  let amp = source.indexOf('&');

  // The XML declaration: the very first thing (after the BOM). Anywhere else, even after white space, it is an error.
  if (source.startsWith('<?xml', i) && (isWhitespace(source.charCodeAt(i + 5)) || source.startsWith('?>', i + 5))) {
    const close = source.indexOf('?>', i + 5);
    if (close === -1) throw new ScanError('the XML declaration is not closed with ?>', i);
    if (!XML_DECLARATION.test(source.slice(i + 5, close))) throw new ScanError('a malformed XML declaration', i);
    i = close + 2;
  }

  while (i < length) {
    const lt = source.indexOf('<', i);
    const textEnd = lt === -1 ? length : lt;
    if (textEnd > i) {
      const parent = stack[stack.length - 1];
      if (parent) {
        if (amp !== -1 && amp < i) amp = source.indexOf('&', i);
        if (amp !== -1 && amp < textEnd) amp = checkReferences(source, amp, textEnd);
        parent.text += decode(source.slice(i, textEnd));
      } else {
        const stray = skipWhitespace(source, i);
        if (stray < textEnd) throw new ScanError(root ? 'text after the root element' : 'text before the root element', stray);
      }
    }
    if (lt === -1) break;
    const next = source.charCodeAt(lt + 1);
    if (next === SLASH) i = endTag(source, lt, stack, written);
    else if (next === BANG) i = commentOrCdata(source, lt, stack[stack.length - 1]);
    else if (next === QUESTION) i = processingInstruction(source, lt);
    else {
      if (root && stack.length === 0) throw new ScanError('a second root element: a metadata file has one', lt);
      const opened = startTag(source, lt, decode);
      const parent = stack[stack.length - 1];
      if (parent) {
        if (parent.children === NO_CHILDREN) parent.children = [];
        parent.children.push(opened.element);
      }
      else root = opened.element;
      if (!opened.selfClosing) {
        if (stack.length === MAX_DEPTH) throw new ScanError(`elements nested deeper than ${MAX_DEPTH} levels`, lt);
        stack.push(opened.element);
        written.push(opened.name);
      }
      i = opened.end;
    }
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed) throw new ScanError(`<${clip(unclosed.name)}> is never closed`, unclosed.start);
  if (!root) throw new ScanError('no root element', 0);
  return root;
}

/** A start tag at `lt`: its element (children and text to come) and where the tag ends. */
function startTag(source: string, lt: number, decode: (text: string) => string): { element: XmlElement; name: string; selfClosing: boolean; end: number } {
  const nameStart = lt + 1;
  const nameStop = nameEnd(source, nameStart);
  if (nameStop === nameStart) throw new ScanError(isWhitespace(source.charCodeAt(nameStart)) ? "white space after '<'" : "'<' starts no valid tag name", lt);
  let attrs = NO_ATTRIBUTES;
  /** The attributes' names as written, to refuse a repeated one; made for the first attribute (most tags have none). */
  let seen: Set<string> | undefined;
  let i = nameStop;
  for (;;) {
    const spaced = skipWhitespace(source, i);
    const code = source.charCodeAt(spaced);
    if (code === GT || (code === SLASH && source.charCodeAt(spaced + 1) === GT)) {
      const selfClosing = code === SLASH;
      const end = spaced + (selfClosing ? 2 : 1);
      const name = source.slice(nameStart, nameStop);
      const element: XmlElement = { name: elementName(name), attrs, children: NO_CHILDREN, text: '', start: lt, end };
      return { element, name, selfClosing, end };
    }
    if (spaced >= source.length) throw new ScanError(`the tag <${clip(source.slice(nameStart, nameStop))}> is not closed with '>'`, lt);
    if (spaced === i) throw new ScanError('attributes must be separated by white space', spaced);
    const attrStop = nameEnd(source, spaced);
    if (attrStop === spaced) throw new ScanError('not a valid attribute name', spaced);
    const name = source.slice(spaced, attrStop);
    seen ??= new Set();
    if (seen.has(name)) throw new ScanError(`the attribute '${clip(name)}' is repeated`, spaced);
    seen.add(name);
    const equals = skipWhitespace(source, attrStop);
    if (source.charCodeAt(equals) !== EQUALS) throw new ScanError(`the attribute '${clip(name)}' has no value`, spaced);
    const quoteAt = skipWhitespace(source, equals + 1);
    const quote = source[quoteAt];
    if (quote !== '"' && quote !== "'") throw new ScanError(`the value of the attribute '${clip(name)}' is not in quotes`, quoteAt);
    const close = source.indexOf(quote, quoteAt + 1);
    if (close === -1) throw new ScanError(`the value of the attribute '${clip(name)}' is not closed`, quoteAt);
    const local = attributeName(name);
    // Defined, not assigned: an attribute named `__proto__` becomes an own property, not the record's prototype.
    if (local && attrs === NO_ATTRIBUTES) attrs = {};
    if (local) Object.defineProperty(attrs, local, { value: decode(source.slice(quoteAt + 1, close)), enumerable: true, writable: true, configurable: true });
    i = close + 1;
  }
}

/** An end tag at `lt`: it must close the innermost open element, by the name it was opened with. Returns its end. */
function endTag(source: string, lt: number, stack: XmlElement[], written: string[]): number {
  const nameStart = lt + 2;
  // Nearly always the name of the element it closes, then `>`: checked in place, the name scanned only otherwise.
  const expected = written[written.length - 1];
  const closesExpected = expected !== undefined && source.startsWith(expected, nameStart) && endsName(source.charCodeAt(nameStart + expected.length));
  const nameStop = closesExpected ? nameStart + expected.length : nameEnd(source, nameStart);
  const name = source.slice(nameStart, nameStop);
  const gt = skipWhitespace(source, nameStop);
  if (nameStop === nameStart || source.charCodeAt(gt) !== GT) throw new ScanError(`a malformed end tag </${clip(name)}`, lt);
  const open = stack.pop();
  const opened = written.pop();
  if (!open || opened === undefined) throw new ScanError(`the end tag </${clip(name)}> closes no open element`, lt);
  if (opened !== name) throw new ScanError(`the end tag </${clip(name, 20)}> does not close <${clip(opened, 20)}>`, lt);
  open.end = gt + 1;
  return gt + 1;
}

/** `<!--` … `-->` (skipped) or `<![CDATA[` … `]]>` (its text kept as written) at `lt`. */
function commentOrCdata(source: string, lt: number, parent: XmlElement | undefined): number {
  if (source.startsWith('<!--', lt)) {
    const close = source.indexOf('-->', lt + 4);
    if (close === -1) throw new ScanError('a comment is not closed with -->', lt);
    return close + 3;
  }
  if (source.startsWith('<![CDATA[', lt)) {
    if (!parent) throw new ScanError('a CDATA section outside the root element', lt);
    const close = source.indexOf(']]>', lt + 9);
    if (close === -1) throw new ScanError('a CDATA section is not closed with ]]>', lt);
    parent.text += source.slice(lt + 9, close);
    return close + 3;
  }
  throw new ScanError("'<!' starts neither a comment nor a CDATA section", lt);
}

/** A processing instruction at `lt` (skipped); an XML declaration anywhere but at the start is an error. */
function processingInstruction(source: string, lt: number): number {
  const targetStop = nameEnd(source, lt + 2);
  if (targetStop === lt + 2) throw new ScanError("'<?' starts no valid processing instruction", lt);
  if (source.slice(lt + 2, targetStop).toLowerCase() === 'xml') throw new ScanError('an XML declaration is allowed only at the start of the file', lt);
  const close = source.indexOf('?>', targetStop);
  if (close === -1) throw new ScanError('a processing instruction is not closed with ?>', lt);
  return close + 2;
}
