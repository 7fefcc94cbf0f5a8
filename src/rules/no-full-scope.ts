import { defineRule } from './util/define-rule.js';
import { isFullScope } from './util/flow-scopes.js';

/** `Full` grants everything the user can reach, including refresh tokens: almost no integration needs it. */
export const noFullScope = defineRule({
  meta: {
    id: 'no-full-scope',
    description: 'The app must not request the Full OAuth scope.',
    fullDescription:
      'The Full scope gives the app access to all data the authorizing user can reach, through every API, and is never needed by a well-scoped integration. Request the narrowest scopes the flow needs (usually Api, plus RefreshToken for interactive flows).',
    severity: { production: 'error', sandbox: 'error' },
    appliesTo: ['oauth-apps'],
    tags: ['security', 'oauth', 'scopes'],
    securitySeverity: 8.1,
    precision: 'very-high',
    messages: {
      full: 'App "{{app}}" requests Full scope, which opens all the user\'s data; request only the scopes it needs',
    },
  },
  checkApp(app, ctx) {
    for (const scope of app.scopes) {
      if (isFullScope(scope.value)) ctx.report({ messageId: 'full', data: { app: app.name }, at: scope.at });
    }
  },
});
