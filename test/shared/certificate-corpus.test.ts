// Certificates of real Connected Apps from public SFDX projects (../shared/corpus/real): parsed, with their subjects,
// expiry, key sizes and signature algorithms.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCertificate, daysUntil, isWeakSignature, type CertificateAnalysis, type CertificateInfo } from '../../src/model/certificate.js';
import { SHARED } from './paths.js';

function info(result: CertificateAnalysis): CertificateInfo {
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason}`);
  return result.info;
}

// Real certificates committed in public SFDX projects (the shared corpus; not part of this repository).
const CORPUS = join(SHARED, 'corpus', 'real', 'connectedApp');

interface Expected {
  subject: string;
  notAfter: string;
  keyBits: number;
  signatureAlgorithm: string;
}

const EXPECTED: Record<string, Expected> = {
  'michellebaeten__sfdx-travisci__travis.connectedApp-meta.xml': {
    subject: 'emailAddress=michelle.baeten@pwc.com, CN=PwC, O=PwC, L=Guildford, ST=Surrey, C=UK',
    notAfter: '2020-12-18T14:10:09.000Z',
    keyBits: 2048,
    signatureAlgorithm: 'sha256WithRSAEncryption',
  },
  'sarath16581__AP-Backup__DDC_Community.connectedApp-meta.xml': {
    subject:
      'emailAddress=jim.mourikis@auspost.com.au, CN=HelpAndSupport, OU=DDC, O=Australia Post, L=Melbourne, ST=Victoria, C=AU',
    notAfter: '2034-09-05T23:58:28.000Z',
    keyBits: 2048,
    signatureAlgorithm: 'sha1WithRSAEncryption',
  },
  'sarath16581__AP-Backup__Service_Now_Integration_Consumers.connectedApp-meta.xml': {
    subject: 'OU=Service Management, O=Australia Post, ST=VIC, C=AU',
    notAfter: '2024-12-14T01:34:41.000Z',
    keyBits: 2048,
    signatureAlgorithm: 'sha256WithRSAEncryption',
  },
};

describe('analyzeCertificate on real connected apps', () => {
  const withCertificates = readdirSync(CORPUS)
        .filter((name) => name.endsWith('.xml'))
        .flatMap((name) => {
          const match = /<certificate>([\s\S]*?)<\/certificate>/.exec(readFileSync(join(CORPUS, name), 'utf8'));
          return match ? [{ name, text: match[1] ?? '' }] : [];
        });

  it('finds certificates in the corpus', () => {
    expect(withCertificates.length).toBeGreaterThan(0);
  });

  it.each(withCertificates)('parses $name', ({ name, text }) => {
    const cert = info(analyzeCertificate(text));
    expect(cert.keyType).not.toBe('unknown');
    expect(cert.notBefore.getTime()).toBeLessThan(cert.notAfter.getTime());
    expect(cert.signatureAlgorithm).toBeDefined();
    const expected = EXPECTED[name];
    if (expected) {
      expect(cert.subject).toBe(expected.subject);
      expect(cert.notAfter.toISOString()).toBe(expected.notAfter);
      expect(cert.keyBits).toBe(expected.keyBits);
      expect(cert.signatureAlgorithm).toBe(expected.signatureAlgorithm);
    }
  });

  it('flags what a linter should flag on 2026-06-01', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const summary = Object.fromEntries(
      withCertificates.map(({ name, text }) => {
        const cert = info(analyzeCertificate(text));
        return [name, { expired: daysUntil(cert.notAfter, now) < 0, weak: isWeakSignature(cert.signatureAlgorithm) }];
      }),
    );
    expect(summary['michellebaeten__sfdx-travisci__travis.connectedApp-meta.xml']).toEqual({ expired: true, weak: false });
    expect(summary['sarath16581__AP-Backup__DDC_Community.connectedApp-meta.xml']).toEqual({ expired: false, weak: true });
    expect(summary['sarath16581__AP-Backup__Service_Now_Integration_Consumers.connectedApp-meta.xml']).toEqual({
      expired: true,
      weak: false,
    });
  });
});
