import type { Rule } from '../types.js';
import { defineMeta } from './util/meta.js';
import { defaultAllowedScopes, describeFlow, isFullScope, isRefreshTokenScope, issuesRefreshTokens, ScopeSet, scopeList } from './util/flow-scopes.js';

/** Each scope is more data a leaked token opens: an app should hold only what its flow uses. */
export const minimalScopes: Rule = {
  meta: defineMeta({
    id: 'minimal-scopes',
    description: 'The app must request only the OAuth scopes its flow needs.',
    fullDescription:
      'Every scope widens what a stolen token can reach. By default an app may request Api, RefreshToken (alias OfflineAccess) and OpenID; an app using the JWT bearer or client-credentials flow only Api, since those flows issue no refresh token. List the scopes an app really needs under its allowScopes in the configuration, or replace the default set with the rule option allow. Full is reported by no-full-scope instead.',
    severity: { production: 'warn', sandbox: 'warn' },
    tags: ['security', 'oauth', 'scopes'],
    securitySeverity: 4.3,
    precision: 'high',
    options: {
      type: 'object',
      properties: {
        allow: {
          type: 'array',
          items: { type: 'string' },
          description: 'Replaces the default allowed scopes, for every flow. Per-app allowScopes still add to it.',
        },
      },
      additionalProperties: false,
    },
  }),
  checkApp(app, ctx) {
    if (!app.usesOAuth) return;
    const optionAllow = scopeList(ctx.options.allow);
    const allowed = new ScopeSet([...(optionAllow ?? defaultAllowedScopes(app.flow.value)), ...(scopeList(ctx.appConfig?.allowScopes) ?? [])]);
    for (const scope of app.scopes) {
      if (isFullScope(scope.value) || allowed.has(scope.value)) continue;
      const noRefreshTokens = !optionAllow && isRefreshTokenScope(scope.value) && !issuesRefreshTokens(app.flow.value);
      const why = noRefreshTokens
        ? `but ${describeFlow(app)} never issues a refresh token`
        : `which ${optionAllow ? 'is not in the rule\'s allow list' : `${describeFlow(app)} does not need`}`;
      ctx.report({
        message: `App "${app.name}" requests the ${scope.value} scope, ${why}; remove it, or list it under allowScopes for this app in the configuration if the app really uses it.`,
        at: scope.at,
      });
    }
  },
};
