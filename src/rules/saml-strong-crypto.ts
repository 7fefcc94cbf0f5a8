import type { Located, Rule } from '../types.js';
import { defineMeta } from './util/meta.js';

/** Weak settings and the stronger value to use instead. */
const WEAK: { setting: 'samlSigningAlgorithm' | 'samlEncryptionType'; element: string; weak: string; why: string; use: string }[] = [
  { setting: 'samlSigningAlgorithm', element: 'samlConfig/samlSigningAlgoType', weak: 'SHA1', why: 'SHA-1 signatures can be forged with chosen-prefix collisions', use: 'SHA256' },
  { setting: 'samlEncryptionType', element: 'samlConfig/encryptionType', weak: 'Triple_Des', why: 'Triple DES is deprecated (64-bit blocks, Sweet32) and being retired by Salesforce', use: 'AES_256' },
];

/** A SAML assertion is a login: its signature and encryption must not be breakable. */
export const samlStrongCrypto: Rule = {
  meta: defineMeta({
    id: 'saml-strong-crypto',
    description: 'SAML assertions must be signed with SHA-256 and encrypted with AES.',
    fullDescription:
      'A SAML assertion signed with SHA-1 can be forged by an attacker able to compute collisions, and one encrypted with Triple DES is protected by a deprecated 64-bit block cipher. Either weakens single sign-on into the service provider. Use samlSigningAlgoType SHA256 and encryptionType AES_128 or AES_256.',
    severity: { production: 'warn', sandbox: 'warn' },
    tags: ['security', 'saml', 'crypto'],
    securitySeverity: 5.9,
    precision: 'very-high',
  }),
  // DECISIONS 10: SAML-only apps (no oauthConfig) are checked too.
  checkApp(app, ctx) {
    for (const { setting, element, weak, why, use } of WEAK) {
      const value: Located<string> | undefined = app[setting];
      if (value?.value !== weak) continue;
      ctx.report({ message: `App "${app.name}" sets ${element} to ${weak}: ${why}; use ${use}.`, at: value.at });
    }
  },
};
