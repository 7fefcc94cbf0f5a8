import type { Rule } from '../types.js';
import { defineMeta } from './util/meta.js';
import { elementName } from './util/elements.js';

/** Without admin approval any user of the org can authorize the app for themselves. */
export const adminApprovedInProduction: Rule = {
  meta: defineMeta({
    id: 'admin-approved-in-production',
    description: 'Production apps must be admin-approved (pre-authorized), not open to self-authorization.',
    fullDescription:
      'When an app is not admin-approved, every user of the org can authorize it for themselves, and the admin has no list of who did. In production, set the Connected App\'s oauthConfig/isAdminApproved to true (absent means false), or the External Client App\'s permittedUsersPolicyType to AdminApprovedPreAuthorized, and grant access through profiles or permission sets.',
    severity: { production: 'error', sandbox: 'off' },
    tags: ['security', 'oauth', 'access-control'],
    securitySeverity: 6.5,
    precision: 'very-high',
  }),
  checkApp(app, ctx) {
    if (!app.usesOAuth) return;
    const element = elementName(app.kind, 'adminApproval');
    if (app.kind === 'externalClientApp' && !app.hasPolicyFile) {
      // The admin-owned policy file is often not in source control: we cannot tell, so we say so instead of guessing.
      ctx.report({
        message: `External Client App "${app.name}" has OAuth settings but no OAuth policy file (.ecaOauthPlcy) in the project, so admin approval cannot be verified from source; add the policy file and set ${element} to AdminApprovedPreAuthorized.`,
        at: app.anchor,
        severity: 'warning',
      });
      return;
    }
    // An invalid value fails the deploy: valid-metadata reports it, and guessing what was meant helps nobody.
    if (app.adminApproved.value || app.adminApproved.invalid) return;
    const isConnectedApp = app.kind === 'connectedApp';
    const found = app.adminApproved.defaulted ? (isConnectedApp ? 'is absent (false)' : 'is absent') : isConnectedApp ? 'is false' : 'is AllSelfAuthorized';
    const wanted = isConnectedApp ? 'true' : 'AdminApprovedPreAuthorized';
    ctx.report({
      message: `App "${app.name}" is not admin-approved in production: ${element} ${found}, so any user can authorize it for themselves. Set it to ${wanted} and assign the profiles or permission sets that may use it.`,
      at: app.adminApproved.at,
    });
  },
};
