import type { Rule } from '../types.js';
import { defineMeta } from './util/meta.js';
import { elementName } from './util/elements.js';
import { isRefreshTokenScope } from './util/flow-scopes.js';

/** A refresh token that never expires and is never replaced is a permanent credential once it leaks. */
export const refreshTokenExpiry: Rule = {
  meta: defineMeta({
    id: 'refresh-token-expiry',
    description: 'Refresh tokens must expire or be rotated.',
    fullDescription:
      'An app that requests RefreshToken (or OfflineAccess) with the refresh-token policy "valid until revoked" (infinite, which is also the default when the policy is absent) and without refresh-token rotation hands out tokens that work forever: a token copied from a laptop or a log years ago still opens the org. Set an expiry (specific_lifetime or specific_inactivity; ECA SpecificLifetime or SpecificInactivity) or enable isRefreshTokenRotationEnabled.',
    severity: { production: 'warn', sandbox: 'warn' },
    tags: ['security', 'oauth', 'tokens'],
    securitySeverity: 5.3,
    precision: 'high',
  }),
  checkApp(app, ctx) {
    if (!app.usesOAuth || app.refreshTokenPolicy.value !== 'infinite' || app.refreshTokenRotation.value) return;
    // Invalid policy or rotation values fail the deploy: valid-metadata reports them.
    if (app.refreshTokenPolicy.invalid || app.refreshTokenRotation.invalid) return;
    const scope = app.scopes.find((entry) => isRefreshTokenScope(entry.value));
    if (!scope) return;
    const element = elementName(app.kind, 'refreshTokenPolicy');
    const policy = app.refreshTokenPolicy.defaulted
      ? `has no ${element}, so they stay valid until revoked (the default)`
      : `its ${element} keeps them valid until revoked`;
    ctx.report({
      message: `App "${app.name}" can receive refresh tokens (it requests the ${scope.value} scope), ${policy}, and does not rotate them; set an expiry (lifetime or inactivity) or enable isRefreshTokenRotationEnabled.`,
      at: app.refreshTokenPolicy.at,
    });
  },
};
