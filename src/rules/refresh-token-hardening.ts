import { settingElement } from '../model/settings.js';
import { defineRule } from './util/define-rule.js';
import { isRefreshTokenScope, issuesRefreshTokens } from './util/flow-scopes.js';

/** A confidential app whose refresh tokens work without its secret turns a leaked token into a lasting session. */
export const refreshTokenHardening = defineRule({
  meta: {
    id: 'refresh-token-hardening',
    description: 'A confidential app must require its secret on the refresh-token grant.',
    fullDescription:
      'isSecretRequiredForRefreshToken (default true) makes the refresh-token grant require the client secret. Turned off on a confidential app (its consumer secret is not optional), a refresh token stolen from a log, a browser or a device is enough to mint access tokens; Salesforce\'s security guidance rates the missing control at CVSS 9.0-10.0. Public clients cannot keep a secret: they rely on PKCE and rotation instead (pkce-required, refresh-token-expiry).',
    severity: { production: 'warn', sandbox: 'warn' },
    appliesTo: ['oauth-apps'],
    tags: ['security', 'oauth', 'tokens'],
    securitySeverity: 7.5,
    precision: 'high',
    messages: {
      secretNotRequired: 'App "{{app}}" accepts refresh tokens without its secret ({{element}} is false); set it to true',
    },
  },
  checkApp(app, ctx) {
    const setting = app.secretRequiredForRefreshToken;
    if (setting.value || setting.invalid || app.consumerSecretOptional.value) return;
    if (!issuesRefreshTokens(app.flows.value) || !app.scopes.some((scope) => isRefreshTokenScope(scope.value))) return;
    ctx.report({ messageId: 'secretNotRequired', data: { app: app.name, element: settingElement(app.kind, 'secretRequiredForRefreshToken') }, at: setting.at });
  },
});
