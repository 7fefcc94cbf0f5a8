import type { Rule } from '../types.js';
import { defineMeta } from './util/meta.js';
import { elementName } from './util/elements.js';

/** The JWT bearer flow verifies the client's signed assertion with the certificate uploaded to the app. */
export const jwtCertificatePresent: Rule = {
  meta: defineMeta({
    id: 'jwt-certificate-present',
    description: 'An app configured for the JWT bearer flow must carry a certificate.',
    fullDescription:
      'In the JWT bearer flow the client signs an assertion with its private key and Salesforce verifies it with the certificate stored on the app. Without a certificate (Connected App oauthConfig/certificate, External Client App certificate in the global OAuth settings) every JWT login fails, and teams tend to fall back to flows with shared secrets. Upload the certificate whose key the integration signs with.',
    severity: { production: 'error', sandbox: 'error' },
    tags: ['oauth', 'jwt', 'correctness'],
    securitySeverity: 3.1,
    precision: 'very-high',
  }),
  checkApp(app, ctx) {
    // A certificate is what makes the model infer jwt-bearer, so only a configured flow can lack one.
    if (!app.usesOAuth || app.flow.value !== 'jwt-bearer' || app.certificate) return;
    ctx.report({
      message: `App "${app.name}" is configured for the JWT bearer flow but has no certificate, so every JWT login will fail; add ${elementName(app.kind, 'certificate')} with the certificate of the integration's signing key.`,
      at: app.oauthAnchor,
    });
  },
};
