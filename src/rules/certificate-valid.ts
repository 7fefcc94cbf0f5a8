import { analyzeCertificate, daysUntil, isWeakSignature, type CertificateInfo } from '../model/certificate.js';
import type { Rule } from '../types.js';
import { defineRule } from './util/define-rule.js';

const DEFAULT_EXPIRY_WARNING_DAYS = 30;
const MIN_RSA_BITS = 2048;
const DAY_MS = 86_400_000;

const MESSAGES = {
  unusable: 'App "{{app}}" certificate is not usable: {{reason}}',
  notYetValid: 'App "{{app}}" certificate {{subject}} is not valid until {{date}}, so JWT logins fail until then',
  expired: 'App "{{app}}" certificate {{subject}} expired on {{date}}; rotate it and its signing key',
  expiring: 'App "{{app}}" certificate {{subject}} expires on {{date}}, in {{days}}; rotate it and its signing key',
  weakKey: 'App "{{app}}" certificate {{subject}} has a {{bits}}-bit RSA key; reissue it with at least 2048 bits',
  weakSignature: 'App "{{app}}" certificate {{subject}} is signed with {{algorithm}}; reissue it signed with SHA-256',
} as const;

/**
 * The rule with its clock: the registry uses the real one; tests pass a fixed date so that "expires within N days"
 * can be shown without fixtures that rot.
 */
export function createCertificateValid(now: () => Date = () => new Date()): Rule {
  return defineRule<keyof typeof MESSAGES, { expiryWarningDays: number }>({
    meta: {
      id: 'certificate-valid',
      description: 'An app\'s certificate must be a current X.509 certificate with a strong key and signature.',
      fullDescription:
        'The certificate on an app (Connected App oauthConfig/certificate, External Client App global OAuth settings certificate) verifies JWT bearer assertions. It must be an X.509 certificate, as bare base64 DER (what a retrieve writes), PEM, or base64 of a whole PEM file; a not-yet-valid certificate is an error. Salesforce does not enforce certificate expiry for the JWT bearer flow, so an expired certificate, or one expiring within the warning window, is a rotation warning. An RSA key must have at least 2048 bits, and the certificate should not be signed with SHA-1 or MD5.',
      severity: { production: 'error', sandbox: 'error' },
      appliesTo: ['oauth-apps'],
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
      defaultOptions: { expiryWarningDays: DEFAULT_EXPIRY_WARNING_DAYS },
      messages: MESSAGES,
    },
    checkApp(app, ctx) {
      const certificate = app.certificate;
      if (!certificate) return;
      const analysis = analyzeCertificate(certificate.value);
      if (!analysis.ok) {
        ctx.report({ messageId: 'unusable', data: { app: app.name, reason: analysis.reason }, at: certificate.at });
        return;
      }
      const info = analysis.info;
      const today = now();
      const data = { app: app.name, subject: `"${commonName(info)}"` };
      const at = certificate.at;
      if (info.notBefore.getTime() > today.getTime()) {
        // DECISIONS 5: not yet valid is an error.
        ctx.report({ messageId: 'notYetValid', data: { ...data, date: isoDate(info.notBefore) }, at });
      } else if (info.notAfter.getTime() <= today.getTime()) {
        // DECISIONS 13: the platform does not enforce expiry for JWT bearer; expired is a rotation warning.
        ctx.report({ messageId: 'expired', data: { ...data, date: isoDate(info.notAfter) }, at, severity: 'warning' });
      } else if (info.notAfter.getTime() - today.getTime() <= ctx.options.expiryWarningDays * DAY_MS) {
        ctx.report({ messageId: 'expiring', data: { ...data, date: isoDate(info.notAfter), days: days(daysUntil(info.notAfter, today)) }, at, severity: 'warning' });
      }
      if ((info.keyType === 'rsa' || info.keyType === 'rsa-pss') && info.keyBits !== undefined && info.keyBits < MIN_RSA_BITS) {
        ctx.report({ messageId: 'weakKey', data: { ...data, bits: info.keyBits }, at });
      }
      if (isWeakSignature(info.signatureAlgorithm)) {
        ctx.report({ messageId: 'weakSignature', data: { ...data, algorithm: info.signatureAlgorithm ?? '' }, at, severity: 'warning' });
      }
    },
  });
}

export const certificateValid: Rule = createCertificateValid();

/** The subject's CN, which is what people call a certificate; the whole subject, cut short, when it has none. */
function commonName(info: CertificateInfo): string {
  const cn = /(?:^|,\s*)CN=([^,]+)/.exec(info.subject)?.[1]?.trim();
  const name = cn || info.subject;
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}
