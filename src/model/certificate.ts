import { X509Certificate } from 'node:crypto';

/** What we can tell about an X.509 certificate without trusting or verifying it. */
export interface CertificateInfo {
  /** Readable one-liner, most specific attribute first (RFC 4514 order), e.g. `CN=HelpAndSupport, O=Australia Post, C=AU`. */
  subject: string;
  /** Same format as `subject`. Equal to `subject` for a self-signed certificate. */
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  /** `asymmetricKeyType` of the public key: 'rsa' | 'rsa-pss' | 'ec' | 'dsa' | 'ed25519' | ... */
  keyType: string;
  /** RSA/DSA modulus length; for EC, the size of the named curve (256 for P-256). Absent when unknown. */
  keyBits?: number;
  /** EC only: the named curve as Node reports it, e.g. 'prime256v1'. */
  namedCurve?: string;
  /**
   * The outer signatureAlgorithm of the certificate, e.g. 'sha1WithRSAEncryption', 'sha256WithRSAEncryption',
   * 'ecdsa-with-SHA256', 'RSASSA-PSS'; the dotted OID when the algorithm is not one we know.
   */
  signatureAlgorithm?: string;
  /** SHA-256 fingerprint of the DER, colon-separated upper-case hex (as Node formats it). */
  fingerprint256: string;
}

export type CertificateAnalysis = { ok: true; info: CertificateInfo } | { ok: false; reason: string };

const SIGNATURE_ALGORITHMS: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.2': 'md2WithRSAEncryption',
  '1.2.840.113549.1.1.3': 'md4WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.3.14.3.2.29': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'RSASSA-PSS',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.1': 'ecdsa-with-SHA224',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.840.10040.4.3': 'dsa-with-SHA1',
  '2.16.840.1.101.3.4.3.2': 'dsa-with-SHA256',
  '1.3.101.112': 'ED25519',
  '1.3.101.113': 'ED448',
};

const CURVE_BITS: Readonly<Record<string, number>> = {
  prime256v1: 256,
  'P-256': 256,
  secp256k1: 256,
  secp384r1: 384,
  'P-384': 384,
  secp521r1: 521,
  'P-521': 521,
  secp224r1: 224,
  prime192v1: 192,
  brainpoolP256r1: 256,
  brainpoolP384r1: 384,
  brainpoolP512r1: 512,
};

/** True for signatures whose digest is broken for certificate use: SHA-1, MD5 (and MD2/MD4). */
export function isWeakSignature(alg: string | undefined): boolean {
  if (alg === undefined) return false;
  return /(?:sha-?1|md[245])(?![0-9])/i.test(alg);
}

/** Whole days from `now` until `date`, rounded down; negative once `date` has passed. */
export function daysUntil(date: Date, now: Date): number {
  return Math.floor((date.getTime() - now.getTime()) / 86_400_000);
}

/** Accepts a PEM certificate or bare base64 DER (what a Salesforce retrieve writes: no BEGIN/END lines, maybe with whitespace/newlines). Never throws. */
export function analyzeCertificate(text: string): CertificateAnalysis {
  try {
    return analyze(text);
  } catch (error) {
    return { ok: false, reason: `not a readable X.509 certificate: ${messageOf(error)}` };
  }
}

function analyze(text: unknown): CertificateAnalysis {
  if (typeof text !== 'string') return { ok: false, reason: 'certificate is not text' };
  const decoded = decodeToDer(text);
  if (!decoded.ok) return decoded;
  const der = decoded.der;

  const outer = readTlv(der, 0, der.length);
  if (!outer || outer.tag !== 0x30) {
    return { ok: false, reason: 'base64 decodes to bytes that are not a DER certificate (truncated or corrupted)' };
  }
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(der);
  } catch (error) {
    // Node tries DER, then PEM, and reports the PEM failure ('no start line'), which only confuses.
    const detail = messageOf(error);
    return {
      ok: false,
      reason: /PEM routines/.test(detail)
        ? 'not a readable X.509 certificate (DER structure is not a certificate)'
        : `not a readable X.509 certificate: ${detail}`,
    };
  }

  // Our own minimal DER walk: the signature algorithm (not exposed by Node 20) and exact validity dates
  // (Node 20 only gives strings such as 'Sep  5 23:58:28 2034 GMT').
  const parsed = parseCertificateDer(der);

  const notBefore = parsed?.notBefore ?? new Date(x509.validFrom);
  const notAfter = parsed?.notAfter ?? new Date(x509.validTo);
  if (Number.isNaN(notBefore.getTime()) || Number.isNaN(notAfter.getTime())) {
    return { ok: false, reason: 'certificate validity dates are unreadable' };
  }

  const publicKey = x509.publicKey;
  const keyType = publicKey.asymmetricKeyType ?? 'unknown';
  const details = publicKey.asymmetricKeyDetails ?? {};
  const info: CertificateInfo = {
    subject: oneLineName(x509.subject),
    issuer: oneLineName(x509.issuer),
    notBefore,
    notAfter,
    keyType,
    fingerprint256: x509.fingerprint256,
  };
  if (typeof details.modulusLength === 'number') {
    info.keyBits = details.modulusLength;
  } else if (typeof details.namedCurve === 'string') {
    info.namedCurve = details.namedCurve;
    const bits = CURVE_BITS[details.namedCurve];
    if (bits !== undefined) info.keyBits = bits;
  } else if (keyType === 'ed25519') {
    info.keyBits = 256;
  } else if (keyType === 'ed448') {
    info.keyBits = 456;
  }
  if (parsed?.signatureOid !== undefined) {
    info.signatureAlgorithm = SIGNATURE_ALGORITHMS[parsed.signatureOid] ?? parsed.signatureOid;
  }
  return { ok: true, info };
}

type Decoded = { ok: true; der: Buffer } | { ok: false; reason: string };

const CERT_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);

/**
 * A certificate is a few kilobytes (a 16384-bit RSA one is under 6 KB): anything far longer is not one, and is
 * refused before any scanning, so that a pasted blob or a hostile file costs nothing.
 */
export const MAX_CERTIFICATE_LENGTH = 64 * 1024;
/** A certificate element holds one certificate; a chain is a handful. More BEGIN lines than this are not a certificate. */
export const MAX_PEM_BLOCKS = 16;

interface PemBlock {
  label: string;
  body: string;
}

type PemScan = { ok: true; blocks: PemBlock[] } | { ok: false; reason: string };

/**
 * The PEM blocks of a text, each BEGIN line paired with the first END line of the same label after it. A plain
 * indexOf scan over at most MAX_PEM_BLOCKS BEGIN lines: linear in the text, whatever the text holds (a backtracking
 * regex took quadratic time on many BEGIN lines without an END line).
 */
function pemBlocks(text: string): PemScan {
  const BEGIN = '-----BEGIN ';
  const DASHES = '-----';
  const blocks: PemBlock[] = [];
  let beginLines = 0;
  for (let from = text.indexOf(BEGIN); from !== -1; from = text.indexOf(BEGIN, from)) {
    if (++beginLines > MAX_PEM_BLOCKS) {
      return { ok: false, reason: `PEM text has more than ${MAX_PEM_BLOCKS} BEGIN lines; a certificate element holds one certificate` };
    }
    const labelStart = from + BEGIN.length;
    let labelEnd = labelStart;
    while (labelEnd < text.length && isPemLabelChar(text.charCodeAt(labelEnd))) labelEnd++;
    from = labelEnd;
    if (labelEnd === labelStart || !text.startsWith(DASHES, labelEnd)) continue;
    const label = text.slice(labelStart, labelEnd);
    const bodyStart = labelEnd + DASHES.length;
    const endLine = `-----END ${label}-----`;
    const end = text.indexOf(endLine, bodyStart);
    if (end === -1) continue;
    blocks.push({ label, body: text.slice(bodyStart, end) });
    from = end + endLine.length;
  }
  return { ok: true, blocks };
}

/** A-Z, 0-9 and space: the characters of a PEM label (`CERTIFICATE`, `RSA PRIVATE KEY`, `X509 CRL`). */
function isPemLabelChar(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 32;
}

function decodeToDer(text: string): Decoded {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'certificate is empty' };
  if (trimmed.length > MAX_CERTIFICATE_LENGTH) {
    return { ok: false, reason: `certificate text is ${trimmed.length} characters long, far more than any certificate (at most ${MAX_CERTIFICATE_LENGTH})` };
  }

  let body: string;
  if (trimmed.includes('-----BEGIN')) {
    const scan = pemBlocks(trimmed);
    if (!scan.ok) return scan;
    const labels = scan.blocks.map((block) => block.label);
    const found = scan.blocks.find((block) => CERT_LABELS.has(block.label))?.body;
    if (found === undefined) {
      if (labels.some((label) => label.includes('PRIVATE KEY'))) {
        return { ok: false, reason: `PEM holds a private key (${labels.join(', ')}), not a certificate` };
      }
      if (labels.length === 0) return { ok: false, reason: 'PEM BEGIN line without a matching END line' };
      return { ok: false, reason: `PEM holds ${labels.join(', ')}, not a CERTIFICATE` };
    }
    // PEM headers (RFC 1421 "Proc-Type:" etc.) never occur in certificates; drop them just in case.
    body = found
      .split(/\r?\n/)
      .filter((line) => !line.includes(':'))
      .join('');
  } else {
    body = trimmed;
  }

  const compact = body.replace(/\s+/g, '');
  if (compact === '') return { ok: false, reason: 'certificate body is empty' };
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 === 1) {
    return { ok: false, reason: 'certificate is neither PEM nor base64-encoded DER' };
  }
  const der = Buffer.from(compact, 'base64');
  if (der.length === 0) return { ok: false, reason: 'certificate body is empty' };
  // Some repositories store base64 of a whole PEM file (with `Bag Attributes` lines): read the PEM inside, once.
  if (der[0] !== 0x30 && !trimmed.includes('-----BEGIN')) {
    const inner = der.toString('latin1');
    if (inner.includes('-----BEGIN')) return decodeToDer(inner);
  }
  if (der[0] !== 0x30) return { ok: false, reason: 'base64 does not decode to a DER certificate (no outer SEQUENCE)' };
  return { ok: true, der };
}

/** Node prints names one attribute per line in DER order (C first); reverse into an RFC 4514-style one-liner. */
function oneLineName(name: string): string {
  return name
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .reverse()
    .join(', ');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// --- minimal DER reader -------------------------------------------------------------------------

interface Tlv {
  tag: number;
  /** Offset of the first content byte. */
  start: number;
  /** Offset just past the last content byte. */
  end: number;
}

function readTlv(buf: Uint8Array, offset: number, limit: number): Tlv | undefined {
  if (offset + 2 > limit) return undefined;
  const tag = buf[offset]!;
  if ((tag & 0x1f) === 0x1f) return undefined; // high tag numbers never occur in a certificate's outer structure
  let pos = offset + 1;
  const first = buf[pos++]!;
  let length: number;
  if (first < 0x80) {
    length = first;
  } else {
    const count = first & 0x7f;
    if (count === 0 || count > 4 || pos + count > limit) return undefined; // indefinite length is not DER
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buf[pos++]!;
  }
  const end = pos + length;
  if (end > limit) return undefined;
  return { tag, start: pos, end };
}

function decodeOid(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return undefined;
  const arcs: number[] = [];
  let value = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      if (arcs.length === 0) {
        const head = value < 40 ? 0 : value < 80 ? 1 : 2;
        arcs.push(head, value - head * 40);
      } else {
        arcs.push(value);
      }
      value = 0;
    } else if (i === bytes.length - 1) {
      return undefined; // truncated arc
    }
  }
  return arcs.join('.');
}

function decodeTime(buf: Uint8Array, tlv: Tlv): Date | undefined {
  const text = Buffer.from(buf.subarray(tlv.start, tlv.end)).toString('latin1');
  let match: RegExpExecArray | null;
  let year: number;
  if (tlv.tag === 0x17) {
    // UTCTime YYMMDDHHMM[SS]Z; RFC 5280: YY >= 50 means 19YY
    match = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text);
    if (!match) return undefined;
    const yy = Number(match[1]);
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
  } else if (tlv.tag === 0x18) {
    // GeneralizedTime YYYYMMDDHHMMSS[.fff]Z
    match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(text);
    if (!match) return undefined;
    year = Number(match[1]);
  } else {
    return undefined;
  }
  const date = new Date(
    Date.UTC(year, Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6] ?? '0')),
  );
  return Number.isNaN(date.getTime()) ? undefined : date;
}

interface ParsedDer {
  signatureOid?: string;
  notBefore?: Date;
  notAfter?: Date;
}

/**
 * Certificate ::= SEQUENCE { tbsCertificate SEQUENCE, signatureAlgorithm AlgorithmIdentifier, signatureValue BIT STRING }
 * TBSCertificate ::= SEQUENCE { [0] version OPTIONAL, serialNumber, signature, issuer, validity, subject, ... }
 */
function parseCertificateDer(der: Uint8Array): ParsedDer | undefined {
  const outer = readTlv(der, 0, der.length);
  if (!outer || outer.tag !== 0x30) return undefined;
  const tbs = readTlv(der, outer.start, outer.end);
  if (!tbs || tbs.tag !== 0x30) return undefined;
  const result: ParsedDer = {};

  const algId = readTlv(der, tbs.end, outer.end);
  if (algId && algId.tag === 0x30) {
    const oid = readTlv(der, algId.start, algId.end);
    if (oid && oid.tag === 0x06) {
      const dotted = decodeOid(der.subarray(oid.start, oid.end));
      if (dotted !== undefined) result.signatureOid = dotted;
    }
  }

  let pos = tbs.start;
  let field = readTlv(der, pos, tbs.end);
  if (field && field.tag === 0xa0) {
    pos = field.end; // explicit version
    field = readTlv(der, pos, tbs.end);
  }
  // serialNumber, signature, issuer, then validity
  for (let i = 0; i < 3 && field; i++) {
    pos = field.end;
    field = readTlv(der, pos, tbs.end);
  }
  if (field && field.tag === 0x30) {
    const before = readTlv(der, field.start, field.end);
    const after = before ? readTlv(der, before.end, field.end) : undefined;
    const notBefore = before ? decodeTime(der, before) : undefined;
    const notAfter = after ? decodeTime(der, after) : undefined;
    if (notBefore) result.notBefore = notBefore;
    if (notAfter) result.notAfter = notAfter;
  }
  return result;
}
