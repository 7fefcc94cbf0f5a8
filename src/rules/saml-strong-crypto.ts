import type { Located } from '../types.js';
import { defineRule } from './util/define-rule.js';

/** Weak settings and the stronger value to use instead. */
const WEAK: { setting: 'samlSigningAlgorithm' | 'samlEncryptionType'; element: string; weak: string; use: string }[] = [
  { setting: 'samlSigningAlgorithm', element: 'samlConfig/samlSigningAlgoType', weak: 'SHA1', use: 'SHA256' },
  { setting: 'samlEncryptionType', element: 'samlConfig/encryptionType', weak: 'Triple_Des', use: 'AES_256' },
];

/** A SAML assertion is a login: its signature and encryption must not be breakable. */
export const samlStrongCrypto = defineRule({
  meta: {
    id: 'saml-strong-crypto',
    description: 'SAML assertions must be signed with SHA-256 and encrypted with AES.',
    fullDescription:
      'A SAML assertion signed with SHA-1 can be forged by an attacker able to compute chosen-prefix collisions, and one encrypted with Triple DES is protected by a deprecated 64-bit block cipher (Sweet32) that Salesforce is retiring. Either weakens single sign-on into the service provider. Use samlSigningAlgoType SHA256 and encryptionType AES_128 or AES_256.',
    severity: { production: 'warn', sandbox: 'warn' },
    appliesTo: ['apps'],
    tags: ['security', 'saml', 'crypto'],
    securitySeverity: 5.9,
    precision: 'very-high',
    messages: {
      weak: 'App "{{app}}" sets {{element}} to {{weak}}, which is breakable; use {{use}}',
    },
  },
  // DECISIONS 10: SAML-only apps (no oauthConfig) are checked too.
  checkApp(app, ctx) {
    for (const { setting, element, weak, use } of WEAK) {
      const value: Located<string> | undefined = app[setting];
      if (value?.value === weak) ctx.report({ messageId: 'weak', data: { app: app.name, element, weak, use }, at: value.at });
    }
  },
});
