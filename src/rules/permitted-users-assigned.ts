import { defineRule } from './util/define-rule.js';

/** Admin approval admits exactly the assigned profiles and permission sets: none assigned admits nobody. */
export const permittedUsersAssigned = defineRule({
  meta: {
    id: 'permitted-users-assigned',
    description: 'An admin-approved app must name at least one profile or permission set.',
    fullDescription:
      'An admin-approved (pre-authorized) app lets in only users whose profile or permission set is assigned to it. With none assigned, every login fails even with valid credentials, and the usual fix under pressure is to switch admin approval off. Assign the profiles (profileName / commaSeparatedProfile) or, better, permission sets (permissionSetName / commaSeparatedPermissionSet) of the users who may use the app. An app that serves only the client-credentials flow is not reported: Salesforce documents that permitted-users policies do not apply to its run-as user.',
    severity: { production: 'error', sandbox: 'error' },
    appliesTo: ['oauth-apps'],
    tags: ['oauth', 'access-control', 'correctness'],
    securitySeverity: 3.1,
    precision: 'very-high',
    messages: {
      none: 'App "{{app}}" is admin-approved but assigns no profile or permission set, so no user can use it',
    },
  },
  checkApp(app, ctx) {
    if (!app.adminApproved.value) return;
    // Permitted-users policies do not apply to the client-credentials run-as user (Salesforce Help, "Configure a
    // Connected App for the OAuth 2.0 Client Credentials Flow"): an app serving only that flow needs no assignment.
    if (app.flows.value.every((flow) => flow === 'client-credentials')) return;
    if (app.permittedProfiles.length > 0 || app.permittedPermissionSets.length > 0) return;
    ctx.report({ messageId: 'none', data: { app: app.name }, at: app.adminApproved.at });
  },
});
