import { analyzeCertificate, daysUntil, isWeakSignature, type CertificateInfo } from '../model/certificate.js';
import type { Rule, RuleContext } from '../types.js';
import { defineMeta } from './util/meta.js';

const DEFAULT_EXPIRY_WARNING_DAYS = 30;
const MIN_RSA_BITS = 2048;
const DAY_MS = 86_400_000;

/**
 * The rule with its clock: the registry uses the real one; tests pass a fixed date so that "expires within N days"
 * can be shown without fixtures that rot.
 */
export function createCertificateValid(now: () => Date = () => new Date()): Rule {
  return {
    meta: defineMeta({
      id: 'certificate-valid',
      description: 'An app\'s certificate must be a current X.509 certificate with a strong key and signature.',
      fullDescription:
        'The certificate on an app (Connected App oauthConfig/certificate, External Client App global OAuth settings certificate) verifies JWT bearer assertions. It must be an X.509 certificate, as bare base64 DER (what a retrieve writes) or PEM; it must be valid now (an expired or not-yet-valid certificate is an error) and not expire within the warning window (30 days by default); an RSA key must have at least 2048 bits; and it should not be signed with SHA-1 or MD5.',
      severity: { production: 'error', sandbox: 'error' },
      tags: ['security', 'oauth', 'jwt', 'certificate'],
      securitySeverity: 5.9,
      precision: 'very-high',
      options: {
        type: 'object',
        properties: {
          expiryWarningDays: {
            type: 'integer',
            minimum: 0,
            default: DEFAULT_EXPIRY_WARNING_DAYS,
            description: 'Warn when the certificate expires within this many days.',
          },
        },
        additionalProperties: false,
      },
    }),
    checkApp(app, ctx) {
      const certificate = app.certificate;
      if (!app.usesOAuth || !certificate) return;
      const analysis = analyzeCertificate(certificate.value);
      const subjectOf = (info: CertificateInfo) => `Certificate "${info.subject}" of app "${app.name}"`;
      if (!analysis.ok) {
        ctx.report({
          message: `Certificate of app "${app.name}" is not usable: ${analysis.reason}. Paste the X.509 certificate as PEM or as base64 DER.`,
          at: certificate.at,
        });
        return;
      }
      const info = analysis.info;
      const today = now();
      const report = (message: string, severity?: 'warning') => ctx.report({ message, at: certificate.at, ...(severity ? { severity } : {}) });
      for (const finding of validityFindings(info, today, expiryWarningDays(ctx))) {
        report(`${subjectOf(info)} ${finding.message}`, finding.severity);
      }
      const lifetime = describeLifetime(info, today);
      if ((info.keyType === 'rsa' || info.keyType === 'rsa-pss') && info.keyBits !== undefined && info.keyBits < MIN_RSA_BITS) {
        report(`${subjectOf(info)} has a ${info.keyBits}-bit RSA key, which can be factored; reissue it with at least ${MIN_RSA_BITS} bits (${lifetime}).`);
      }
      if (isWeakSignature(info.signatureAlgorithm)) {
        report(
          `${subjectOf(info)} is signed with ${info.signatureAlgorithm}; SHA-1 and MD5 signatures can be forged, so reissue it signed with SHA-256 (${lifetime}).`,
          'warning',
        );
      }
    },
  };
}

export const certificateValid: Rule = createCertificateValid();

function expiryWarningDays(ctx: RuleContext): number {
  const days = ctx.options['expiryWarningDays'];
  return typeof days === 'number' && Number.isFinite(days) && days >= 0 ? days : DEFAULT_EXPIRY_WARNING_DAYS;
}

/** Not yet valid and expired are errors (DECISIONS 5); expiring within the window is a warning. */
function validityFindings(info: CertificateInfo, now: Date, warningDays: number): { message: string; severity?: 'warning' }[] {
  const expiry = isoDate(info.notAfter);
  if (info.notBefore.getTime() > now.getTime()) {
    return [{ message: `is not valid until ${isoDate(info.notBefore)} (in ${days(daysUntil(info.notBefore, now))}), so JWT logins fail until then; upload a certificate that is valid now (${describeLifetime(info, now)}).` }];
  }
  if (info.notAfter.getTime() <= now.getTime()) {
    return [{ message: `expired on ${expiry}, ${days(daysUntil(now, info.notAfter))} ago, so JWT logins signed with its key fail; upload a renewed certificate.` }];
  }
  if (info.notAfter.getTime() - now.getTime() <= warningDays * DAY_MS) {
    return [
      {
        message: `expires on ${expiry}, in ${days(daysUntil(info.notAfter, now))} (the warning starts ${days(warningDays)} before expiry); upload a renewed certificate before it lapses.`,
        severity: 'warning',
      },
    ];
  }
  return [];
}

/** "expires 2045-01-01, 7000 days left" (or "expired … ago"), the tail every certificate message carries. */
function describeLifetime(info: CertificateInfo, now: Date): string {
  const left = daysUntil(info.notAfter, now);
  return left >= 0 ? `expires ${isoDate(info.notAfter)}, ${days(left)} left` : `expired ${isoDate(info.notAfter)}, ${days(daysUntil(now, info.notAfter))} ago`;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}
