import { defineRule } from './util/define-rule.js';

/** The global OAuth settings carry the consumer key, secret and certificate: the Metadata API says to keep them out. */
export const ecaGlobalOauthInSourceControl = defineRule({
  meta: {
    id: 'eca-global-oauth-in-source-control',
    description: 'External Client App global OAuth settings (.ecaGlblOauth) must not be committed.',
    fullDescription:
      'The Metadata API reference says ExtlClntAppGlobalOauthSettings "must not be added to source control": the file holds the consumer key, and may hold the consumer secret and certificate, of the app in one org. Keep it out with a .forceignore entry (so deploys skip it) and a .gitignore entry (so it is never committed). A file that also holds a consumer secret is an error of no-secrets-in-repo.',
    severity: { production: 'warn', sandbox: 'warn' },
    appliesTo: ['metadata-files'],
    tags: ['security', 'secrets', 'source-control'],
    securitySeverity: 4.3,
    precision: 'very-high',
    includeForceIgnored: true,
    messages: {
      committed: 'External Client App "{{name}}" global OAuth settings are in the repository; add them to .forceignore and .gitignore',
    },
  },
  checkDocument(doc, ctx) {
    if (doc.type === 'ExtlClntAppGlobalOauthSettings') ctx.report({ messageId: 'committed', data: { name: doc.name }, at: doc.root.at });
  },
});
