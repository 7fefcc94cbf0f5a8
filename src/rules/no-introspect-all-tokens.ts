import type { Rule } from '../types.js';
import { defineMeta } from './util/meta.js';

/** Introspecting every token in the org is a monitoring tool's job, not an integration's. */
export const noIntrospectAllTokens: Rule = {
  meta: defineMeta({
    id: 'no-introspect-all-tokens',
    description: 'The app must not be allowed to introspect every token in the org.',
    fullDescription:
      'isIntrospectAllTokens lets the app ask the introspection endpoint about any access or refresh token issued to any app in the org, not just its own: whoever holds its credentials learns which tokens are live, for whom and with which scopes. Only a dedicated security or API-gateway app should have it; turn it off everywhere else.',
    severity: { production: 'warn', sandbox: 'warn' },
    tags: ['security', 'oauth', 'tokens'],
    securitySeverity: 5.9,
    precision: 'very-high',
  }),
  checkApp(app, ctx) {
    if (!app.usesOAuth || !app.introspectAllTokens.value) return;
    ctx.report({
      message: `App "${app.name}" may introspect every access and refresh token in the org (isIntrospectAllTokens); set it to false unless this app is the org's token-monitoring service.`,
      at: app.introspectAllTokens.at,
    });
  },
};
