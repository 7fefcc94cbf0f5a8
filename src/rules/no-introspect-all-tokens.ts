import { defineRule } from './util/define-rule.js';

/** Introspecting every token in the org is a monitoring tool's job, not an integration's. */
export const noIntrospectAllTokens = defineRule({
  meta: {
    id: 'no-introspect-all-tokens',
    description: 'The app must not be allowed to introspect every token in the org.',
    fullDescription:
      'isIntrospectAllTokens lets the app ask the introspection endpoint about any access or refresh token issued to any app in the org, not just its own: whoever holds its credentials learns which tokens are live, for whom and with which scopes. Only a dedicated security or API-gateway app should have it; turn it off everywhere else.',
    severity: { production: 'warn', sandbox: 'warn' },
    appliesTo: ['oauth-apps'],
    tags: ['security', 'oauth', 'tokens'],
    securitySeverity: 5.9,
    precision: 'very-high',
    messages: {
      enabled: 'App "{{app}}" may introspect every token in the org (isIntrospectAllTokens); set it to false',
    },
  },
  checkApp(app, ctx) {
    if (app.introspectAllTokens.value) ctx.report({ messageId: 'enabled', data: { app: app.name }, at: app.introspectAllTokens.at });
  },
});
