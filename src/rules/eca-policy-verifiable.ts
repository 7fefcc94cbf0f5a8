import { defineRule } from './util/define-rule.js';
import { NO_POLICY_FILE } from './util/unverifiable.js';

/**
 * DECISIONS 16: an External Client App's admin-owned OAuth policy file is often not committed. This rule is the one
 * place that says so, once per app; the rules that read the policy (admin approval, refresh-token lifetime, IP
 * relaxation, run-as user …) stay silent about such an app instead of each repeating it or assuming a default.
 */
export const ecaPolicyVerifiable = defineRule({
  meta: {
    id: 'eca-policy-verifiable',
    description: 'An External Client App\'s OAuth policy file must be in the project for its policies to be checked.',
    fullDescription:
      'An External Client App keeps its OAuth policies (permitted users, refresh-token lifetime, IP relaxation, trusted IP ranges, the client-credentials run-as user) in its .ecaOauthPlcy file, which admins often own in the org rather than in source control. Without it the repository cannot show how the app is protected, and no default is assumed: real untouched policies differ from the documented defaults. This rule says so once per app, as a warning; the rules that read the policy stay silent about such an app. Commit the policy file (retrieve ExtlClntAppOauthConfigurablePolicies) to have it checked, or turn this rule off if the policies are deliberately managed in the org.',
    severity: { production: 'warn', sandbox: 'warn' },
    appliesTo: ['oauth-apps'],
    tags: ['security', 'oauth', 'coverage'],
    securitySeverity: 3.0,
    precision: 'very-high',
    messages: {
      noPolicyFile: `App "{{app}}" OAuth policies ${NO_POLICY_FILE}`,
    },
  },
  checkApp(app, ctx) {
    if (app.kind === 'externalClientApp' && !app.hasPolicyFile) ctx.report({ messageId: 'noPolicyFile', data: { app: app.name }, at: app.anchor });
  },
});
