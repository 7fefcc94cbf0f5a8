import { parseXml, type XmlSyntaxError } from '../../src/parser/xml.js';

/** The syntax error parseXml gives for `source`; throws when it parses. */
export function parseErrorOf(source: string): XmlSyntaxError {
  const result = parseXml('/p/x.xml', source);
  if (result.ok) throw new Error('expected a parse error');
  return result.error;
}
