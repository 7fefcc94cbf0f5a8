import type { Located, OAuthApp, Rule } from '../types.js';
import { defineMeta } from './util/meta.js';
import { elementName } from './util/elements.js';

/**
 * The element that turns the client-credentials flow on, when it is on. For an ECA the admin's policy switch
 * decides when the policy file is in the project (the developer's global setting only offers the flow); without
 * the policy file, the global setting is all we know.
 */
function clientCredentialsSwitch(app: OAuthApp): Located<boolean> | undefined {
  const decisive = app.kind === 'externalClientApp' && app.hasPolicyFile ? app.clientCredentialsPolicyEnabled : app.clientCredentialsEnabled;
  return decisive?.value ? decisive : undefined;
}

/** In the client-credentials flow every call runs as one user: the app is only as safe as the user it names. */
export const clientCredentialsUser: Rule = {
  meta: defineMeta({
    id: 'client-credentials-user',
    description: 'The client-credentials flow needs a run-as user.',
    fullDescription:
      'With the client-credentials flow there is no signed-in user: every API call runs as the run-as user the app names (Connected App oauthClientCredentialUser; External Client App clientCredentialsFlowUser in the OAuth policy). Without one the flow cannot work, and the user that an admin picks in a hurry later is often an administrator. Name a dedicated API Only integration user in the metadata, so that the choice is reviewed.',
    severity: { production: 'error', sandbox: 'error' },
    tags: ['security', 'oauth', 'client-credentials'],
    securitySeverity: 6.1,
    precision: 'very-high',
  }),
  checkApp(app, ctx) {
    if (!app.usesOAuth || app.clientCredentialsUser) return;
    const enabled = clientCredentialsSwitch(app);
    if (!enabled) return;
    const userElement = elementName(app.kind, 'clientCredentialsUser');
    ctx.report({
      message: `App "${app.name}" enables the client-credentials flow without a run-as user in ${userElement}; name a dedicated API Only integration user with only the permissions the integration needs.`,
      at: enabled.at,
    });
  },
};
