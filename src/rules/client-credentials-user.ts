import { settingElement } from '../model/settings.js';
import { defineRule } from './util/define-rule.js';

/** In the client-credentials flow every call runs as one user: the app is only as safe as the user it names. */
export const clientCredentialsUser = defineRule({
  meta: {
    id: 'client-credentials-user',
    description: 'The client-credentials flow needs a run-as user.',
    fullDescription:
      'With the client-credentials flow there is no signed-in user: every API call runs as the run-as user the app names (Connected App oauthClientCredentialUser; External Client App clientCredentialsFlowUser in the OAuth policy). Without one the flow cannot work, and the user that an admin picks in a hurry later is often an administrator. Name a dedicated API Only integration user in the metadata, so that the choice is reviewed. The flow counts as enabled when it effectively is: for an External Client App, the global setting and the policy both allow it. When the policy file is not in the project, the run-as user cannot be seen and nothing is reported.',
    severity: { production: 'error', sandbox: 'error' },
    appliesTo: ['oauth-apps'],
    tags: ['security', 'oauth', 'client-credentials'],
    securitySeverity: 6.1,
    precision: 'very-high',
    messages: {
      missing: 'App "{{app}}" enables client credentials without a run-as user in {{element}}',
    },
  },
  checkApp(app, ctx) {
    if (app.clientCredentialsUser || !app.clientCredentialsEnabled.value) return;
    // The ECA run-as user lives in the admin-owned policy file: without it, there is nothing to judge (DECISIONS 16).
    if (app.kind === 'externalClientApp' && !app.hasPolicyFile) return;
    ctx.report({ messageId: 'missing', data: { app: app.name, element: settingElement(app.kind, 'clientCredentialsUser') }, at: app.clientCredentialsEnabled.at });
  },
});
