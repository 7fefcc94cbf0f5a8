import type { Rule } from '../types.js';
import { defineMeta } from './util/meta.js';
import { elementName } from './util/elements.js';

/** Admin approval admits exactly the assigned profiles and permission sets: none assigned admits nobody. */
export const permittedUsersAssigned: Rule = {
  meta: defineMeta({
    id: 'permitted-users-assigned',
    description: 'An admin-approved app must name at least one profile or permission set.',
    fullDescription:
      'An admin-approved (pre-authorized) app lets in only users whose profile or permission set is assigned to it. With none assigned, every login fails even with valid credentials, and the usual fix under pressure is to switch admin approval off. Assign the profiles (profileName / commaSeparatedProfile) or, better, permission sets (permissionSetName / commaSeparatedPermissionSet) of the users who may use the app.',
    severity: { production: 'error', sandbox: 'error' },
    tags: ['oauth', 'access-control', 'correctness'],
    securitySeverity: 3.1,
    precision: 'very-high',
  }),
  checkApp(app, ctx) {
    if (!app.usesOAuth || !app.adminApproved.value) return;
    if (app.permittedProfiles.length > 0 || app.permittedPermissionSets.length > 0) return;
    ctx.report({
      message: `App "${app.name}" is admin-approved but assigns no profile or permission set, so nobody can use it, even with valid credentials; add ${elementName(app.kind, 'permittedUsers')}.`,
      at: app.adminApproved.at,
    });
  },
};
