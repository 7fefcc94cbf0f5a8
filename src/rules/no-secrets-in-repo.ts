import { basename } from 'node:path';
import { LineIndex } from '../parser/positions.js';
import { isKeystorePath } from '../secrets/files.js';
import { maskSecret } from '../secrets/mask.js';
import { isMetadataPlaceholder, scanText, scanXmlText, type SecretKind } from '../secrets/scan.js';
import type { MetadataTypeName, Rule } from '../types.js';
import { defineMeta } from './util/meta.js';
import { elementName } from './util/elements.js';

const PURGE = 'purge it from the git history';

/** What to do about each kind of secret the text scan finds: the remedy differs by what leaked. */
const FILE_SECRET_ADVICE: Record<SecretKind, string> = {
  'private-key': `remove it, ${PURGE}, and replace the key pair (and any certificate made from it)`,
  'sfdx-auth-url': `it carries a refresh token: revoke it (log the org out or revoke the app's token in Setup), remove it and ${PURGE}`,
  'salesforce-access-token': `end that session (revoke the token), remove it and ${PURGE}`,
};

/** Why a plaintext value of a secret field of a non-app type is a leak, and what to do instead. */
const DOCUMENT_SECRET_ADVICE: Partial<Record<MetadataTypeName, string>> = {
  AuthProvider: `leave it blank and set it in Setup (or commit only the encrypted "++…++" form), ${PURGE}, and regenerate it at the identity provider`,
  NamedCredential: `leave it out and set it in Setup (or use an External Credential), ${PURGE}, and rotate it`,
};

/**
 * A metadata value this rule reports from the model: a real value (not one of the placeholders) that the
 * repository-wide text scan will not report anyway. The field says the value is a credential, so only the declared
 * placeholders pass, not the scan's broader guesses: `Password1` in a password field is a weak password. A value
 * the scan recognises (a PEM key in `ecKey`, a token pasted as a secret) is left to the scan, which sees every
 * file, so the same secret is never reported twice.
 */
function isHardCodedSecret(value: string): boolean {
  return !isMetadataPlaceholder(value) && scanText(value).length === 0;
}

/**
 * Secrets in source: hard-coded OAuth secrets in metadata, and private keys, SFDX auth URLs, access tokens and key
 * stores anywhere in the repository. `.forceignore` does not hide them: the file is committed all the same.
 */
export const noSecretsInRepo: Rule = {
  meta: defineMeta({
    id: 'no-secrets-in-repo',
    description: 'No secret may be committed: consumer secrets, private keys, SFDX auth URLs, access tokens or key stores.',
    fullDescription:
      'A secret in the repository is readable by everyone who can clone it, forever, through the git history. This rule reports a consumerSecret in a Connected App or External Client App, a plaintext AuthProvider consumerSecret or ecKey, NamedCredential passwords and tokens, and anywhere in the repository PEM private keys, SFDX auth URLs, Salesforce access tokens and committed key stores. Placeholders (empty, ${VAR}, {!$Credential.…}, Placeholder_Value, <…>, xxx…, changeme, YOUR_…) pass. Files excluded by .forceignore are scanned too. Every report masks the value.',
    severity: { production: 'error', sandbox: 'error' },
    tags: ['security', 'secrets'],
    securitySeverity: 9.3,
    precision: 'high',
    includeForceIgnored: true,
    pointsAtSecrets: true,
  }),
  checkApp(app, ctx) {
    const secret = app.consumerSecret;
    if (!secret || !isHardCodedSecret(secret.value)) return;
    ctx.report({
      message: `App "${app.name}" has a hard-coded consumer secret (${maskSecret(secret.value)}) in ${elementName(app.kind, 'consumerSecret')}: a retrieve never returns it, so it was typed in. Remove the element, ${PURGE}, and regenerate the secret.`,
      at: secret.at,
    });
  },
  checkDocument(doc, ctx) {
    const advice = DOCUMENT_SECRET_ADVICE[doc.type];
    if (!advice) return;
    for (const secret of doc.secrets) {
      if (secret.encrypted || !isHardCodedSecret(secret.value.value)) continue;
      ctx.report({
        message: `${doc.type} "${doc.name}" has a plaintext ${secret.field} (${maskSecret(secret.value.value)}): ${advice}.`,
        at: secret.value.at,
      });
    }
  },
  checkFile(file, ctx) {
    if (file.deleted) return;
    if (isKeystorePath(file.file)) {
      // Judged by name: key stores are binary, and an empty placeholder file holds nothing.
      if (file.binary || file.text.trim() !== '') {
        ctx.report({
          message: `Key store "${basename(file.file)}" is committed: it holds private keys. Remove it, ${PURGE}, and replace the keys it holds.`,
          at: { file: file.file, line: 1, column: 1 },
        });
      }
      return;
    }
    if (file.binary) return;
    // XML files: character references decoded first (`force&#58;//…`), as the platform reads them.
    const hits = file.file.toLowerCase().endsWith('.xml') ? scanXmlText(file.text) : scanText(file.text);
    if (hits.length === 0) return;
    const lines = new LineIndex(file.file, file.text);
    for (const hit of hits) {
      ctx.report({
        message: `${capitalize(hit.label)} (${maskSecret(hit.value)}) is committed: ${FILE_SECRET_ADVICE[hit.kind]}.`,
        at: lines.at(hit.start, hit.end),
      });
    }
  },
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
