import { defineRule } from './util/define-rule.js';
import { quoteUrl } from './util/display.js';
import { transportProblem } from './util/http-url.js';

/** The callback receives the authorization code (and, in the user-agent flow, the token itself): it must be TLS. */
export const callbackUrlHttps = defineRule({
  meta: {
    id: 'callback-url-https',
    description: 'Every OAuth callback URL must use https (or a native app\'s private-use scheme).',
    fullDescription:
      'The callback URL receives the authorization code, and in the user-agent flow the access token itself. Over plain http anyone on the network path can read or replace it. http to a remote host is an error. A loopback host (localhost, 127.0.0.1, [::1]), over http or https, is allowed in a sandbox for local development and a warning in production, where codes would go to whatever listens on the user\'s machine. Private-use schemes of native apps (com.example.app:/cb) are allowed; a near miss of https (htttps:) is a typo and always reported.',
    severity: { production: 'error', sandbox: 'error' },
    appliesTo: ['oauth-apps'],
    tags: ['security', 'oauth', 'callback', 'transport'],
    securitySeverity: 7.4,
    precision: 'very-high',
    messages: {
      http: 'App "{{app}}" callback {{url}} uses plain http, so codes and tokens cross the network in clear; use https',
      loopback: 'App "{{app}}" callback {{url}} sends codes to the user\'s own machine in production; remove it',
      typo: 'App "{{app}}" callback {{url}} has the scheme {{scheme}}:, a typo of https',
      scheme: 'App "{{app}}" callback {{url}} uses the {{scheme}}: scheme, neither https nor a native app\'s scheme',
    },
  },
  checkApp(app, ctx) {
    for (const url of app.callbackUrls) {
      const problem = transportProblem(url.value, ctx.environment, true);
      if (!problem) continue;
      const data = { app: app.name, url: quoteUrl(url.value), scheme: 'scheme' in problem ? problem.scheme : '' };
      ctx.report({ messageId: problem.kind, data, at: url.at, ...(problem.severity ? { severity: problem.severity } : {}) });
    }
  },
});
