import { defineRule } from './util/define-rule.js';
import { settingElement } from '../model/settings.js';

/** Without admin approval any user of the org can authorize the app for themselves. */
export const adminApprovedInProduction = defineRule({
  meta: {
    id: 'admin-approved-in-production',
    description: 'Production apps must be admin-approved (pre-authorized), not open to self-authorization.',
    fullDescription:
      'When an app is not admin-approved, every user of the org can authorize it for themselves, and the admin has no list of who did. In production, set the Connected App\'s oauthConfig/isAdminApproved to true (absent means false), or the External Client App\'s permittedUsersPolicyType to AdminApprovedPreAuthorized, and grant access through profiles or permission sets. An External Client App whose OAuth policy file is not in the project cannot be judged: eca-policy-verifiable says so, once per app.',
    severity: { production: 'error', sandbox: 'off' },
    appliesTo: ['oauth-apps'],
    tags: ['security', 'oauth', 'access-control'],
    securitySeverity: 6.5,
    precision: 'very-high',
    messages: {
      notApproved: 'App "{{app}}" is not admin-approved: {{element}} {{found}}; set {{wanted}} and assign who may use it',
    },
  },
  checkApp(app, ctx) {
    // The admin-owned policy file is often not in source control: eca-policy-verifiable says so once (DECISIONS 16).
    if (app.kind === 'externalClientApp' && !app.hasPolicyFile) return;
    // An invalid value fails the deploy: valid-metadata reports it, and guessing what was meant helps nobody.
    if (app.adminApproved.value || app.adminApproved.invalid) return;
    const isConnectedApp = app.kind === 'connectedApp';
    const found = app.adminApproved.defaulted ? 'is absent' : isConnectedApp ? 'is false' : 'is AllSelfAuthorized';
    const wanted = isConnectedApp ? 'it to true' : 'AdminApprovedPreAuthorized';
    ctx.report({ messageId: 'notApproved', data: { app: app.name, element: settingElement(app.kind, 'adminApproved'), found, wanted }, at: app.adminApproved.at });
  },
});
