import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  analyzeCertificate,
  daysUntil,
  isWeakSignature,
  type CertificateAnalysis,
  type CertificateInfo,
} from '../src/model/certificate.js';

const CERTS = fileURLToPath(new URL('../fixtures/certs/', import.meta.url));
const fixture = (name: string): string => readFileSync(join(CERTS, name), 'utf8');

function info(result: CertificateAnalysis): CertificateInfo {
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason}`);
  return result.info;
}

function reason(result: CertificateAnalysis): string {
  if (result.ok) throw new Error(`expected failure, got ${result.info.subject}`);
  return result.reason;
}

/** Body of a PEM file without BEGIN/END lines, as a multi-line string. */
function pemBody(pem: string): string {
  return pem
    .split('\n')
    .filter((line) => !line.startsWith('-----'))
    .join('\n');
}

describe('analyzeCertificate on fixtures', () => {
  it('reads a valid RSA 2048 / SHA-256 PEM', () => {
    const cert = info(analyzeCertificate(fixture('valid-rsa2048-sha256.pem')));
    expect(cert.subject).toBe('CN=valid-rsa2048-sha256, OU=Fixtures, O=Connected App Lint, C=AU');
    expect(cert.issuer).toBe(cert.subject);
    expect(cert.notBefore.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    // 2055 is past 2049, so this exercises GeneralizedTime rather than UTCTime.
    expect(cert.notAfter.toISOString()).toBe('2055-01-01T00:00:00.000Z');
    expect(cert.keyType).toBe('rsa');
    expect(cert.keyBits).toBe(2048);
    expect(cert.namedCurve).toBeUndefined();
    expect(cert.signatureAlgorithm).toBe('sha256WithRSAEncryption');
    expect(isWeakSignature(cert.signatureAlgorithm)).toBe(false);
    expect(cert.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('reads the same certificate as bare base64 DER (what a retrieve writes)', () => {
    const b64 = fixture('valid-rsa2048-sha256.b64');
    expect(b64).not.toContain('-----');
    expect(b64.trim()).not.toMatch(/\s/);
    const fromPem = info(analyzeCertificate(fixture('valid-rsa2048-sha256.pem')));
    const fromB64 = info(analyzeCertificate(b64));
    expect(fromB64).toEqual(fromPem);
  });

  it('accepts base64 with newlines, indentation and CRLF (as found inside XML)', () => {
    const pem = fixture('valid-rsa2048-sha256.pem');
    const expected = info(analyzeCertificate(pem)).fingerprint256;
    const wrapped = pemBody(pem)
      .split('\n')
      .map((line) => `        ${line}`)
      .join('\r\n');
    expect(info(analyzeCertificate(`\n${wrapped}\n    `)).fingerprint256).toBe(expected);
    expect(info(analyzeCertificate(pem.replace(/\n/g, '\r\n'))).fingerprint256).toBe(expected);
    expect(info(analyzeCertificate(`  ${pem.replace(/\n/g, '\n    ')}`)).fingerprint256).toBe(expected);
  });

  it('takes the first certificate of a chain', () => {
    const chain = fixture('sha1-signed.pem') + fixture('valid-rsa2048-sha256.pem');
    expect(info(analyzeCertificate(chain)).subject).toBe('CN=sha1-signed, O=Connected App Lint, C=AU');
  });

  it('reads an expired certificate', () => {
    const cert = info(analyzeCertificate(fixture('expired.pem')));
    expect(cert.subject).toBe('CN=expired, O=Connected App Lint, C=AU');
    expect(cert.notBefore.toISOString()).toBe('2020-01-01T00:00:00.000Z');
    expect(cert.notAfter.toISOString()).toBe('2021-01-01T00:00:00.000Z');
    expect(daysUntil(cert.notAfter, new Date('2026-06-01T00:00:00Z'))).toBeLessThan(0);
  });

  it('reads a not-yet-valid certificate', () => {
    const cert = info(analyzeCertificate(fixture('not-yet-valid.pem')));
    expect(cert.notBefore.toISOString()).toBe('2040-01-01T00:00:00.000Z');
    expect(cert.notAfter.toISOString()).toBe('2050-01-01T00:00:00.000Z');
    expect(daysUntil(cert.notBefore, new Date('2026-06-01T00:00:00Z'))).toBeGreaterThan(0);
  });

  it('reports a 1024-bit RSA key', () => {
    const cert = info(analyzeCertificate(fixture('weak-rsa1024.pem')));
    expect(cert.keyType).toBe('rsa');
    expect(cert.keyBits).toBe(1024);
    expect(cert.signatureAlgorithm).toBe('sha256WithRSAEncryption');
  });

  it('reports SHA-1 and MD5 signatures as weak', () => {
    const sha1 = info(analyzeCertificate(fixture('sha1-signed.pem')));
    expect(sha1.signatureAlgorithm).toBe('sha1WithRSAEncryption');
    expect(sha1.keyBits).toBe(2048);
    expect(isWeakSignature(sha1.signatureAlgorithm)).toBe(true);

    const md5 = info(analyzeCertificate(fixture('md5-signed.pem')));
    expect(md5.signatureAlgorithm).toBe('md5WithRSAEncryption');
    expect(isWeakSignature(md5.signatureAlgorithm)).toBe(true);
  });

  it('reads an EC P-256 key and an ECDSA signature', () => {
    const cert = info(analyzeCertificate(fixture('ec-p256-sha256.pem')));
    expect(cert.keyType).toBe('ec');
    expect(cert.namedCurve).toBe('prime256v1');
    expect(cert.keyBits).toBe(256);
    expect(cert.signatureAlgorithm).toBe('ecdsa-with-SHA256');
    expect(isWeakSignature(cert.signatureAlgorithm)).toBe(false);
  });

  it('keeps no private key in the fixtures directory', () => {
    for (const name of readdirSync(CERTS)) {
      expect(readFileSync(join(CERTS, name), 'utf8'), name).not.toMatch(/BEGIN [A-Z ]*PRIVATE KEY/);
    }
  });
});

describe('analyzeCertificate on bad input', () => {
  it('rejects the empty string and whitespace', () => {
    expect(reason(analyzeCertificate(''))).toMatch(/empty/);
    expect(reason(analyzeCertificate('  \n\t '))).toMatch(/empty/);
  });

  it('rejects text that is neither PEM nor base64', () => {
    expect(reason(analyzeCertificate('this is not a certificate!'))).toMatch(/neither PEM nor base64/);
    expect(reason(analyzeCertificate('<certificate>abc</certificate>'))).toMatch(/neither PEM nor base64/);
  });

  it('rejects base64 that is not a certificate', () => {
    expect(reason(analyzeCertificate(Buffer.from('hello world, not DER').toString('base64')))).toMatch(/DER/);
    // Starts like a SEQUENCE, but is not an X.509 certificate.
    expect(reason(analyzeCertificate(Buffer.from([0x30, 0x03, 0x02, 0x01, 0x00]).toString('base64')))).toMatch(
      /X\.509/,
    );
  });

  it('rejects a truncated certificate', () => {
    const b64 = fixture('valid-rsa2048-sha256.b64').trim();
    const truncated = b64.slice(0, Math.floor(b64.length / 2 / 4) * 4);
    expect(reason(analyzeCertificate(truncated))).toMatch(/truncated or corrupted/);
  });

  it('rejects a corrupted byte in the middle', () => {
    const der = Buffer.from(fixture('valid-rsa2048-sha256.b64').trim(), 'base64');
    der[1] = 0xff; // absurd outer length
    expect(reason(analyzeCertificate(der.toString('base64')))).toMatch(/truncated or corrupted/);
    const flipped = Buffer.from(fixture('valid-rsa2048-sha256.b64').trim(), 'base64');
    flipped[4] = 0x31; // tbsCertificate becomes a SET
    expect(reason(analyzeCertificate(flipped.toString('base64')))).toMatch(/X\.509/);
  });

  it('rejects a PEM block that is not a certificate, naming private keys', () => {
    const key = '-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n-----END PRIVATE KEY-----\n';
    expect(reason(analyzeCertificate(key))).toMatch(/private key/);
    const csr = '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n';
    expect(reason(analyzeCertificate(csr))).toMatch(/CERTIFICATE REQUEST/);
    expect(reason(analyzeCertificate('-----BEGIN CERTIFICATE-----\nMIIB'))).toMatch(/END/);
  });

  it('never throws, even on non-string input', () => {
    for (const value of [undefined, null, 42, {}, '\u0000\u0001', '====', 'A', 'MII']) {
      expect(() => analyzeCertificate(value as unknown as string)).not.toThrow();
      expect(analyzeCertificate(value as unknown as string).ok).toBe(false);
    }
  });
});

describe('helpers', () => {
  it('isWeakSignature', () => {
    expect(isWeakSignature('sha1WithRSAEncryption')).toBe(true);
    expect(isWeakSignature('md5WithRSAEncryption')).toBe(true);
    expect(isWeakSignature('ecdsa-with-SHA1')).toBe(true);
    expect(isWeakSignature('sha256WithRSAEncryption')).toBe(false);
    expect(isWeakSignature('sha512WithRSAEncryption')).toBe(false);
    expect(isWeakSignature('ecdsa-with-SHA384')).toBe(false);
    expect(isWeakSignature('RSASSA-PSS')).toBe(false);
    expect(isWeakSignature(undefined)).toBe(false);
  });

  it('daysUntil floors whole days', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    expect(daysUntil(new Date('2026-01-31T12:00:00Z'), now)).toBe(30);
    expect(daysUntil(new Date('2026-01-31T11:59:59Z'), now)).toBe(29);
    expect(daysUntil(now, now)).toBe(0);
    expect(daysUntil(new Date('2026-01-01T11:00:00Z'), now)).toBe(-1);
    expect(daysUntil(new Date('2025-12-31T12:00:00Z'), now)).toBe(-1);
  });

  it('expiring soon is decided by the caller-supplied now', () => {
    const cert = info(analyzeCertificate(fixture('valid-rsa2048-sha256.pem')));
    expect(daysUntil(cert.notAfter, new Date('2054-12-02T00:00:00Z'))).toBe(30);
    expect(daysUntil(cert.notAfter, new Date('2030-01-01T00:00:00Z'))).toBeGreaterThan(365 * 24);
  });
});
