import type { Rule } from '../types.js';
import { defineMeta } from './util/meta.js';
import { quoteUrl } from './util/display.js';
import { isProtocolRelative, transportProblem } from './util/http-url.js';

/** What crosses the network through each kind of URL, for the message (keyed by the element's own name). */
const WHAT_TRAVELS: Readonly<Record<string, string>> = {
  acsUrl: 'the SAML assertion that logs the user in',
  samlSloUrl: 'SAML logout messages',
  singleLogoutUrl: 'logout requests',
  canvasUrl: 'the canvas signed request with its OAuth token',
  startUrl: 'the page users land on after signing in',
  mobileStartUrl: 'the page mobile users land on after signing in',
  logoUrl: 'the logo shown to users',
  iconUrl: 'the icon shown to users',
  infoUrl: 'the app\'s information page',
};

/** The element name without its parent path: `samlConfig/acsUrl` -> `acsUrl`. */
const leafName = (field: string) => field.slice(field.lastIndexOf('/') + 1);

/** The app's other URLs (start, logo, canvas, SAML, logout …) carry sessions and assertions too: https only. */
export const httpsUrls: Rule = {
  meta: defineMeta({
    id: 'https-urls',
    description: 'The app\'s start, logo, info, logout, canvas and SAML URLs must use https.',
    fullDescription:
      'Besides its callbacks, an app hands the platform URLs that users and assertions travel to: startUrl, mobileStartUrl, logoUrl, iconUrl, infoUrl, singleLogoutUrl, canvasConfig/canvasUrl, samlConfig/acsUrl and samlConfig/samlSloUrl (and their External Client App equivalents). Over plain http, a SAML assertion, a canvas signed request (with its OAuth token) or a landing page can be read or replaced by anyone on the network path. http to a remote host is an error; http to a loopback host is allowed in a sandbox and a warning in production, and schemes such as javascript:, data: or ftp: are errors, as for callback-url-https. Relative start URLs (/apex/Home) stay on the Salesforce domain and pass; a protocol-relative URL (//host/path) leaves it without saying https and is reported.',
    severity: { production: 'error', sandbox: 'error' },
    tags: ['security', 'transport', 'saml', 'canvas'],
    securitySeverity: 6.5,
    precision: 'very-high',
  }),
  // DECISIONS 10: SAML-only and canvas-only apps (no OAuth) are checked too.
  checkApp(app, ctx) {
    for (const { field, url } of app.otherUrls) {
      const carries = WHAT_TRAVELS[leafName(field)] ?? 'what it points to';
      const quoted = `${field} ${quoteUrl(url.value)} of app "${app.name}"`;
      if (isProtocolRelative(url.value)) {
        ctx.report({
          message: `${quoted} is protocol-relative (it starts with // and names no scheme), so nothing guarantees https for ${carries}; write it with https://.`,
          at: url.at,
        });
        continue;
      }
      const problem = transportProblem(url.value, ctx.environment, carries);
      if (problem) ctx.report({ message: `${quoted} ${problem.explanation}.`, at: url.at, severity: problem.severity });
    }
  },
};
