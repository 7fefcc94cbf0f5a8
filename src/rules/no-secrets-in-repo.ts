import { basename } from 'node:path';
import { LineIndex } from '../parser/positions.js';
import { isKeystorePath } from '../secrets/files.js';
import { maskSecret } from '../secrets/mask.js';
import { decodeXmlText, isMetadataPlaceholder, scanText, scanXmlText, type SecretKind } from '../secrets/scan.js';
import { defineRule } from './util/define-rule.js';
import { settingElement } from '../model/settings.js';
import { isPlatformEncrypted, secretElementsOf } from '../model/build.js';

/** What to do about each kind of secret the text scan finds: the remedy differs by what leaked. */
const FILE_SECRET_ADVICE: Record<SecretKind, string> = {
  'private-key': 'remove it, purge it from history and replace the key pair',
  'sfdx-auth-url': 'revoke its refresh token, remove it and purge it from history',
  'salesforce-access-token': 'revoke the session, remove it and purge it from history',
};

/**
 * Template tokens the secrets module's placeholder list does not know yet (`{SECRET}` in a template, `REPLACE_ME`):
 * a field holding one was never given a value. [h1 may fold this into isMetadataPlaceholder.]
 */
const TEMPLATE_TOKEN = /^\{[A-Za-z_][\w.!$]*\}$|^replace[-_]?me$/i;

/**
 * A metadata value this rule reports from the model: a real value (not one of the placeholders) that the
 * repository-wide text scan will not report anyway. The field says the value is a credential, so only the declared
 * placeholders pass, not the scan's broader guesses: `Password1` in a password field is a weak password. A value
 * the scan recognises (a PEM key in `ecKey`, a token pasted as a secret) is left to the scan, which sees every
 * file, so the same secret is never reported twice.
 */
function isHardCodedSecret(value: string): boolean {
  return !isMetadataPlaceholder(value) && !TEMPLATE_TOKEN.test(value.trim()) && scanText(value).length === 0;
}

/**
 * Secrets in source: hard-coded OAuth secrets in metadata, and private keys, SFDX auth URLs, access tokens and key
 * stores anywhere in the repository. `.forceignore` does not hide them: the file is committed all the same.
 */
export const noSecretsInRepo = defineRule({
  meta: {
    id: 'no-secrets-in-repo',
    description: 'No secret may be committed: consumer secrets, private keys, SFDX auth URLs, access tokens or key stores.',
    fullDescription:
      'A secret in the repository is readable by everyone who can clone it, forever, through the git history. This rule reports a consumerSecret in a Connected App or External Client App, a plaintext AuthProvider consumerSecret or ecKey, NamedCredential passwords and tokens, and anywhere in the repository PEM private keys, SFDX auth URLs, Salesforce access tokens and committed key stores. A secret the platform encrypted (a retrieve\'s org-encrypted base64, a change set\'s ++…++ form) is not plaintext: it is a warning that the repository holds an encrypted secret. Placeholders (empty, ${VAR}, {SECRET}, {!$Credential.…}, Placeholder_Value, <…>, xxx…, changeme, REPLACE_ME, YOUR_…) pass. Files excluded by .forceignore are scanned too. Every report masks the value.',
    severity: { production: 'error', sandbox: 'error' },
    appliesTo: ['apps', 'metadata-files', 'repository-files'],
    tags: ['security', 'secrets'],
    securitySeverity: 9.3,
    precision: 'high',
    includeForceIgnored: true,
    pointsAtSecrets: true,
    messages: {
      appSecret: 'App "{{app}}" has a hard-coded consumer secret ({{masked}}) in {{element}}; remove it and regenerate it',
      documentSecret: '{{type}} "{{name}}" has a plaintext {{field}} ({{masked}}); remove it, purge it and rotate it',
      encrypted: '{{type}} "{{name}}" commits its {{field}} in org-encrypted form; leave it blank and set it in Setup',
      keystore: 'Key store "{{file}}" is committed; remove it, purge it from history and replace its keys',
      fileSecret: '{{label}} ({{masked}}) is committed; {{advice}}',
    },
  },
  checkApp(app, ctx) {
    const secret = app.consumerSecret;
    if (!secret || !isHardCodedSecret(secret.value)) return;
    ctx.report({ messageId: 'appSecret', data: { app: app.name, masked: maskSecret(secret.value), element: settingElement(app.kind, 'consumerSecret') }, at: secret.at });
  },
  checkDocument(doc, ctx) {
    if (doc.type !== 'AuthProvider' && doc.type !== 'NamedCredential') return;
    for (const secret of doc.secrets) {
      const data = { type: doc.type, name: doc.name, field: secret.field };
      if (secret.encrypted) ctx.report({ messageId: 'encrypted', data, at: secret.value.at, severity: 'warning' });
      else if (isHardCodedSecret(secret.value.value)) ctx.report({ messageId: 'documentSecret', data: { ...data, masked: maskSecret(secret.value.value) }, at: secret.value.at });
    }
  },
  checkFile(file, ctx) {
    if (file.deleted) return;
    if (isKeystorePath(file.file)) {
      // Judged by name: key stores are binary, and an empty placeholder file holds nothing.
      if (file.binary || file.text.trim() !== '') ctx.report({ messageId: 'keystore', data: { file: basename(file.file) }, at: { file: file.file, line: 1, column: 1 } });
      return;
    }
    if (file.binary) return;
    // XML files: character references decoded first (`force&#58;//…`), as the platform reads them.
    const hits = file.file.toLowerCase().endsWith('.xml') ? scanXmlText(file.text) : scanText(file.text);
    const unmodelled = file.metadata && !file.metadata.modelled ? file.metadata : undefined;
    const written = unmodelled ? secretElementsInText(file.text, secretElementsOf(unmodelled.type)) : [];
    if (hits.length === 0 && written.length === 0) return;
    const lines = new LineIndex(file.file, file.text);
    for (const hit of hits) {
      const data = { label: capitalize(hit.label), masked: maskSecret(hit.value), advice: FILE_SECRET_ADVICE[hit.kind] };
      ctx.report({ messageId: 'fileSecret', data, at: lines.at(hit.start, hit.end) });
    }
    const { type, name } = unmodelled ?? { type: 'ConnectedApp', name: '' };
    const isApp = type !== 'AuthProvider' && type !== 'NamedCredential';
    for (const element of written) {
      const at = lines.at(element.start, element.start + element.value.length);
      if (isApp && isHardCodedSecret(element.value)) {
        ctx.report({ messageId: 'appSecret', data: { app: name, masked: maskSecret(element.value), element: element.name }, at });
      } else if (!isApp && isPlatformEncrypted(element.value)) {
        ctx.report({ messageId: 'encrypted', data: { type, name, field: element.name }, at, severity: 'warning' });
      } else if (!isApp && isHardCodedSecret(element.value)) {
        ctx.report({ messageId: 'documentSecret', data: { type, name, field: element.name, masked: maskSecret(element.value) }, at });
      }
    }
  },
});

/**
 * `<name>value</name>` for each secret element name, as written (no attributes, no CDATA: what the Metadata API
 * writes). The value stops at the next `<`, so each character is looked at once: linear on crafted input.
 */
function secretElementsInText(text: string, names: readonly string[]): { name: string; value: string; start: number }[] {
  const found: { name: string; value: string; start: number }[] = [];
  for (const name of names) {
    const open = `<${name}>`;
    for (let at = text.indexOf(open); at !== -1; at = text.indexOf(open, at + open.length)) {
      const start = at + open.length;
      const end = text.indexOf('<', start);
      if (end === -1 || !text.startsWith(`</${name}>`, end)) continue;
      const value = decodeXmlText(text.slice(start, end)).trim();
      if (value !== '') found.push({ name, value, start });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
