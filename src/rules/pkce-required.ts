import { isNativeCallback } from '../model/urls.js';
import type { OAuthApp, Rule } from '../types.js';
import { defineMeta } from './util/meta.js';
import { quoteUrl } from './util/display.js';
import { describeFlow } from './util/flow-scopes.js';

/**
 * Why the app is a public client (one that cannot keep a secret), or undefined for a confidential one. The first
 * reason found is enough: it is what the message tells the user.
 */
function publicClientReason(app: OAuthApp): string | undefined {
  if (app.consumerSecretOptional.value) return 'its consumer secret is optional (isConsumerSecretOptional)';
  const native = app.callbackUrls.find((url) => isNativeCallback(url.value));
  if (native) return `its callback ${quoteUrl(native.value)} uses a native app's private-use scheme`;
  if (app.deviceFlowEnabled.value) return 'it enables the device flow (isDeviceFlowEnabled)';
  if (app.flow.value === 'user-agent' || app.flow.value === 'device') {
    return `it uses ${describeFlow(app)}`;
  }
  return undefined;
}

/** A mobile bundle or a single-page app cannot keep a secret: only PKCE ties the code to the client that asked for it. */
export const pkceRequired: Rule = {
  meta: defineMeta({
    id: 'pkce-required',
    description: 'A public client (mobile, desktop, single-page app) must require PKCE.',
    fullDescription:
      'An app whose consumer secret is optional, whose callback uses a native private-use scheme, or that uses the user-agent or device flow is a public client: its secret ships inside the app, where anyone can read it. Without PKCE, an intercepted authorization code (a malicious app registered for the same scheme, a leaked redirect) can be exchanged for tokens by anyone. Set isPkceRequired to true; Connected Apps default to false, External Client Apps to true.',
    severity: { production: 'error', sandbox: 'error' },
    tags: ['security', 'oauth', 'pkce'],
    securitySeverity: 7.5,
    precision: 'high',
  }),
  checkApp(app, ctx) {
    // An invalid isPkceRequired fails the deploy: valid-metadata reports it.
    if (!app.usesOAuth || app.pkceRequired.value || app.pkceRequired.invalid) return;
    const reason = publicClientReason(app);
    if (!reason) return;
    const setting = app.pkceRequired.defaulted ? 'does not set isPkceRequired (default false for a Connected App)' : 'sets isPkceRequired to false';
    ctx.report({
      message: `App "${app.name}" is a public client, since ${reason}, but ${setting}; set isPkceRequired to true so that an intercepted authorization code cannot be redeemed.`,
      at: app.pkceRequired.at,
    });
  },
};
