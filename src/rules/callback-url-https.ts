import type { Rule } from '../types.js';
import { defineMeta } from './meta.js';
import { quoteUrl } from './util/display.js';
import { explainInsecureHttp, plainHttpSeverity, urlTransport } from './util/http-url.js';

/** The callback receives the authorization code (and, in the user-agent flow, the token itself): it must be TLS. */
export const callbackUrlHttps: Rule = {
  meta: defineMeta({
    id: 'callback-url-https',
    description: 'Every OAuth callback URL must use https (or a native app\'s private-use scheme).',
    fullDescription:
      'The callback URL receives the authorization code, and in the user-agent flow the access token itself. Over plain http anyone on the network path can read or replace it. http to a remote host is an error; http to a loopback host (localhost, 127.0.0.1, [::1]) is allowed in a sandbox for local development and a warning in production. Private-use schemes of native apps (com.example.app:/cb) are allowed.',
    severity: { production: 'error', sandbox: 'error' },
    tags: ['security', 'oauth', 'callback', 'transport'],
    securitySeverity: 7.4,
    precision: 'very-high',
  }),
  checkApp(app, ctx) {
    if (!app.usesOAuth) return;
    for (const url of app.callbackUrls) {
      const transport = urlTransport(url.value);
      if (transport.kind === 'http') {
        const severity = plainHttpSeverity(transport.loopback, ctx.environment);
        if (!severity) continue;
        ctx.report({
          message: `Callback URL ${quoteUrl(url.value)} of app "${app.name}" ${explainInsecureHttp({ ...transport, severity })}.`,
          at: url.at,
          severity,
        });
      } else if (transport.kind === 'other') {
        ctx.report({
          message: `Callback URL ${quoteUrl(url.value)} of app "${app.name}" uses the ${transport.scheme}: scheme, which is neither https nor a native app's private-use scheme; use an https URL.`,
          at: url.at,
        });
      }
      // https and private-use schemes pass; unparseable values are callback-url-exact's to report.
    }
  },
};
