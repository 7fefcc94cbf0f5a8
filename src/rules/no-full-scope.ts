import type { Rule } from '../types.js';
import { defineMeta } from './util/meta.js';
import { isFullScope } from './util/flow-scopes.js';

/** `Full` grants everything the user can reach, including refresh tokens: almost no integration needs it. */
export const noFullScope: Rule = {
  meta: defineMeta({
    id: 'no-full-scope',
    description: 'The app must not request the Full OAuth scope.',
    fullDescription:
      'The Full scope gives the app access to all data the authorizing user can reach, through every API, and is never needed by a well-scoped integration. Request the narrowest scopes the flow needs (usually Api, plus RefreshToken for interactive flows).',
    severity: { production: 'error', sandbox: 'error' },
    tags: ['security', 'oauth', 'scopes'],
    securitySeverity: 8.1,
    precision: 'very-high',
  }),
  checkApp(app, ctx) {
    if (!app.usesOAuth) return;
    for (const scope of app.scopes) {
      if (!isFullScope(scope.value)) continue;
      ctx.report({
        message: `App "${app.name}" requests the Full scope, which grants all data the user can access; request only the scopes it needs (for example Api).`,
        at: scope.at,
      });
    }
  },
};
