import { settingElement } from '../model/settings.js';
import { defineRule } from './util/define-rule.js';

/** The headless code-and-credentials flow takes a user's password through the app: only where that is the intent. */
export const codeCredentialsFlow = defineRule({
  meta: {
    id: 'code-credentials-flow',
    description: 'The headless Authorization Code and Credentials flow must be declared intent, not left on.',
    fullDescription:
      'The Authorization Code and Credentials flow (Connected App isCodeCredentialEnabled, External Client App isCodeCredFlowEnabled) lets the app collect a user\'s username and password itself, for headless login, registration and passwordless flows of Experience Cloud sites. Outside that use it widens what a compromised app can do with credentials. Turn it off, or declare it in the configuration (apps.<name>.flow including code-credentials) so that the choice is reviewed.',
    severity: { production: 'warn', sandbox: 'warn' },
    appliesTo: ['oauth-apps'],
    tags: ['security', 'oauth', 'headless'],
    securitySeverity: 5.3,
    precision: 'very-high',
    messages: {
      undeclared: 'App "{{app}}" enables the headless code-and-credentials flow ({{element}}) without declaring it',
    },
  },
  checkApp(app, ctx) {
    if (!app.codeCredentialEnabled.value || (app.flows.declared && app.flows.value.includes('code-credentials'))) return;
    ctx.report({ messageId: 'undeclared', data: { app: app.name, element: settingElement(app.kind, 'codeCredentialEnabled') }, at: app.codeCredentialEnabled.at });
  },
});
