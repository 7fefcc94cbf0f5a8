import { defineRule } from './util/define-rule.js';
import { quoteUrl } from './util/display.js';
import { isProtocolRelative, transportProblem } from './util/http-url.js';

/** The app's other URLs (start, logo, canvas, SAML, logout …) carry sessions and assertions too: https only. */
export const httpsUrls = defineRule({
  meta: {
    id: 'https-urls',
    description: 'The app\'s start, logo, info, logout, canvas and SAML URLs must use https.',
    fullDescription:
      'Besides its callbacks, an app hands the platform URLs that users and assertions travel to: startUrl, mobileStartUrl, logoUrl, iconUrl, infoUrl, singleLogoutUrl, canvasConfig/canvasUrl, samlConfig/acsUrl and samlConfig/samlSloUrl (and their External Client App equivalents). Over plain http, a SAML assertion, a canvas signed request (with its OAuth token) or a landing page can be read or replaced by anyone on the network path. http to a remote host is an error; a loopback host is allowed in a sandbox and a warning in production. These URLs never accept a private-use scheme (only native callbacks may), so javascript:, data:, ftp: or com.example: are errors, and a near miss of https (htttps:) is a typo. Relative start URLs (/apex/Home) stay on the Salesforce domain and pass; a protocol-relative URL (//host/path) leaves it without saying https and is reported.',
    severity: { production: 'error', sandbox: 'error' },
    appliesTo: ['apps'],
    tags: ['security', 'transport', 'saml', 'canvas'],
    securitySeverity: 6.5,
    precision: 'very-high',
    messages: {
      protocolRelative: 'App "{{app}}" {{field}} {{url}} is protocol-relative, so nothing guarantees https; write https://',
      http: 'App "{{app}}" {{field}} {{url}} uses plain http, readable on the network; use https',
      loopback: 'App "{{app}}" {{field}} {{url}} points at the user\'s own machine in production; use a real https host',
      typo: 'App "{{app}}" {{field}} {{url}} has the scheme {{scheme}}:, a typo of https',
      scheme: 'App "{{app}}" {{field}} {{url}} uses the {{scheme}}: scheme; only https belongs here',
    },
  },
  // DECISIONS 10: SAML-only and canvas-only apps (no OAuth) are checked too.
  checkApp(app, ctx) {
    for (const { field, url } of app.otherUrls) {
      const data = { app: app.name, field, url: quoteUrl(url.value) };
      if (isProtocolRelative(url.value)) {
        ctx.report({ messageId: 'protocolRelative', data, at: url.at });
        continue;
      }
      const problem = transportProblem(url.value, ctx.environment, false);
      if (!problem) continue;
      ctx.report({
        messageId: problem.kind,
        data: { ...data, scheme: 'scheme' in problem ? problem.scheme : '' },
        at: url.at,
        ...(problem.severity ? { severity: problem.severity } : {}),
      });
    }
  },
});
