import { defineRule } from './util/define-rule.js';
import { defaultAllowedScopes, describeFlows, isFullScope, ScopeSet, scopeList } from './util/flow-scopes.js';

/** Scopes named in the message; the finding's position and the rule page say where the rest are. */
const MAX_LISTED = 4;

/** Each scope is more data a leaked token opens: an app should hold only what its flows use. */
export const minimalScopes = defineRule<'extra' | 'extraByOption', { allow?: string[] }>({
  meta: {
    id: 'minimal-scopes',
    description: 'The app must request only the OAuth scopes its flows need.',
    fullDescription:
      'Every scope widens what a stolen token can reach. By default an app may request Api, RefreshToken (alias OfflineAccess) and OpenID; an app that serves only the JWT bearer or client-credentials flow only Api, since those flows issue no refresh token. One finding per app lists the extra scopes. Product scopes that are an app\'s purpose (Data Cloud cdp_*, mcp_api, chatbot_api, sfap_api …) are reported like any other until listed under the app\'s allowScopes in the configuration; the rule option allow replaces the default set. Full is reported by no-full-scope instead.',
    severity: { production: 'warn', sandbox: 'warn' },
    appliesTo: ['oauth-apps'],
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
    messages: {
      extra: 'App "{{app}}" requests {{scopes}}, beyond what {{flows}} needs; remove or list under allowScopes',
      extraByOption: 'App "{{app}}" requests {{scopes}}, outside the rule\'s allow list; remove or list under allowScopes',
    },
  },
  checkApp(app, ctx) {
    const optionAllow = scopeList(ctx.options.allow);
    const allowed = new ScopeSet([...(optionAllow ?? defaultAllowedScopes(app.flows.value)), ...(scopeList(ctx.appConfig?.allowScopes) ?? [])]);
    const extra = app.scopes.filter((scope) => !isFullScope(scope.value) && !allowed.has(scope.value));
    if (extra.length === 0) return;
    const names = [...new Set(extra.map((scope) => scope.value))];
    const listed = names.length > MAX_LISTED ? `${names.slice(0, MAX_LISTED).join(', ')} and ${names.length - MAX_LISTED} more` : names.join(', ');
    // One finding per app, at the first extra scope: 24 warnings on one app is noise.
    ctx.report({
      messageId: optionAllow ? 'extraByOption' : 'extra',
      data: { app: app.name, scopes: listed, flows: describeFlows(app) },
      at: extra[0]!.at,
    });
  },
});
