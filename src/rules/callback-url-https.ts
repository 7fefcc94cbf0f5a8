import type { Rule } from '../types.js';
import { defineMeta } from './util/meta.js';
import { quoteUrl } from './util/display.js';
import { transportProblem } from './util/http-url.js';

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
      // https and private-use schemes pass; unparseable values are callback-url-exact's to report.
      const problem = transportProblem(url.value, ctx.environment, 'authorization codes and tokens');
      if (!problem) continue;
      ctx.report({ message: `Callback URL ${quoteUrl(url.value)} of app "${app.name}" ${problem.explanation}.`, at: url.at, severity: problem.severity });
    }
  },
};
