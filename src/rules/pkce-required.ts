import { settingElement } from '../model/settings.js';
import { isNativeCallback } from '../model/urls.js';
import type { OAuthApp } from '../types.js';
import { defineRule } from './util/define-rule.js';
import { quoteUrl } from './util/display.js';

/** Why the app is a public client (one that cannot keep a secret), or undefined for a confidential one. */
function publicClientReason(app: OAuthApp): string | undefined {
  if (app.consumerSecretOptional.value) return 'optional consumer secret';
  const native = app.callbackUrls.find((url) => isNativeCallback(url.value));
  if (native) return `native callback ${quoteUrl(native.value)}`;
  if (app.flows.value.includes('device')) return 'device flow';
  if (app.flows.value.includes('user-agent')) return 'user-agent flow';
  return undefined;
}

/** Flows that redeem an authorization code, which PKCE binds to the client that asked for it. */
const CODE_FLOWS = ['web-server', 'user-agent', 'code-credentials'] as const;

/** A mobile bundle or a single-page app cannot keep a secret: only PKCE ties the code to the client that asked for it. */
export const pkceRequired = defineRule({
  meta: {
    id: 'pkce-required',
    description: 'An app that redeems authorization codes must require PKCE: an error for public clients, a warning otherwise.',
    fullDescription:
      'An app whose consumer secret is optional, whose callback uses a native private-use scheme, or that uses the user-agent or device flow is a public client: its secret ships inside the app, where anyone can read it. Without PKCE, an intercepted authorization code (a malicious app registered for the same scheme, a leaked redirect) can be exchanged for tokens by anyone: an error. A confidential web-server app without PKCE is a warning: Salesforce\'s guidance asks for PKCE whatever the client type, since it also stops code injection. Set isPkceRequired to true; Connected Apps default to false, External Client Apps to true.',
    severity: { production: 'error', sandbox: 'error' },
    appliesTo: ['oauth-apps'],
    tags: ['security', 'oauth', 'pkce'],
    securitySeverity: 7.5,
    precision: 'high',
    messages: {
      publicClient: 'App "{{app}}" is a public client ({{reason}}) but does not require PKCE; set {{element}} to true',
      confidential: 'App "{{app}}" redeems authorization codes without PKCE; set {{element}} to true',
    },
  },
  checkApp(app, ctx) {
    // An invalid isPkceRequired fails the deploy: valid-metadata reports it.
    if (app.pkceRequired.value || app.pkceRequired.invalid) return;
    const reason = publicClientReason(app);
    const element = settingElement(app.kind, 'pkceRequired');
    if (reason) {
      ctx.report({ messageId: 'publicClient', data: { app: app.name, reason, element }, at: app.pkceRequired.at });
    } else if (app.flows.value.some((flow) => (CODE_FLOWS as readonly string[]).includes(flow))) {
      ctx.report({ messageId: 'confidential', data: { app: app.name, element }, at: app.pkceRequired.at, severity: 'warning' });
    }
  },
});
