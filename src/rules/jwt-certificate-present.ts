import { defineRule } from './util/define-rule.js';
import { settingElement } from '../model/settings.js';

/** The JWT bearer flow verifies the client's signed assertion with the certificate uploaded to the app. */
export const jwtCertificatePresent = defineRule({
  meta: {
    id: 'jwt-certificate-present',
    description: 'An app configured for the JWT bearer flow must carry a certificate.',
    fullDescription:
      'In the JWT bearer flow the client signs an assertion with its private key and Salesforce verifies it with the certificate stored on the app. Without a certificate (Connected App oauthConfig/certificate, External Client App certificate in the global OAuth settings) every JWT login fails, and teams tend to fall back to flows with shared secrets. Upload the certificate whose key the integration signs with.',
    severity: { production: 'error', sandbox: 'error' },
    appliesTo: ['oauth-apps'],
    tags: ['oauth', 'jwt', 'correctness'],
    securitySeverity: 3.1,
    precision: 'very-high',
    messages: {
      missing: 'App "{{app}}" is declared jwt-bearer but has no {{element}}, so every JWT login fails',
    },
  },
  checkApp(app, ctx) {
    // A certificate is what makes the model infer jwt-bearer, so only a declared flow can lack one.
    if (!app.flows.declared || !app.flows.value.includes('jwt-bearer') || app.certificate) return;
    ctx.report({ messageId: 'missing', data: { app: app.name, element: settingElement(app.kind, 'certificate') }, at: app.oauthAnchor });
  },
});
