import { defineRule } from './util/define-rule.js';

const DEFAULT_PROFILES = ['System Administrator', 'Admin'];

/** Whoever holds a JWT key or a client secret acts as every user of the profiles the app pre-authorizes. */
export const privilegedPreAuthorization = defineRule<'privileged', { privilegedProfiles: string[]; privilegedPermissionSets: string[] }>({
  meta: {
    id: 'privileged-pre-authorization',
    description: 'An app must not pre-authorize administrator profiles or privileged permission sets.',
    fullDescription:
      'An admin-approved app lets in every user of the profiles and permission sets it names. For a JWT bearer or client-credentials app, whoever holds the key or the secret can act as any of those users without a password: pre-authorizing System Administrator hands them the org (an error). For interactive apps it is a warning. Salesforce recommends a dedicated integration user (the Minimum Access - API Only Integrations profile) with least-privilege permission sets. The privileged lists are options.',
    severity: { production: 'error', sandbox: 'error' },
    appliesTo: ['oauth-apps'],
    tags: ['security', 'oauth', 'access-control'],
    securitySeverity: 8.1,
    precision: 'high',
    options: {
      type: 'object',
      properties: {
        privilegedProfiles: { type: 'array', items: { type: 'string' }, default: DEFAULT_PROFILES, description: 'Profile names that count as privileged (compared without letter case).' },
        privilegedPermissionSets: { type: 'array', items: { type: 'string' }, default: [], description: 'Permission set API names that count as privileged.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { privilegedProfiles: DEFAULT_PROFILES, privilegedPermissionSets: [] },
    messages: {
      privileged: 'App "{{app}}" pre-authorizes the privileged {{kind}} "{{name}}"; use a least-privilege integration user',
    },
  },
  checkApp(app, ctx) {
    if (!app.adminApproved.value) return;
    const lower = (names: string[]) => new Set(names.map((name) => name.toLowerCase()));
    const profiles = lower(ctx.options.privilegedProfiles);
    const permissionSets = lower(ctx.options.privilegedPermissionSets);
    // A key or a secret is all it takes in the API-only flows: an error there, a warning for interactive apps.
    const severity = app.flows.value.includes('jwt-bearer') || app.flows.value.includes('client-credentials') ? undefined : 'warning';
    const grants = [
      ...app.permittedProfiles.filter((entry) => profiles.has(entry.value.toLowerCase())).map((entry) => ({ entry, kind: 'profile' })),
      ...app.permittedPermissionSets.filter((entry) => permissionSets.has(entry.value.toLowerCase())).map((entry) => ({ entry, kind: 'permission set' })),
    ];
    for (const { entry, kind } of grants) {
      ctx.report({ messageId: 'privileged', data: { app: app.name, kind, name: entry.value }, at: entry.at, ...(severity ? { severity } : {}) });
    }
  },
});
