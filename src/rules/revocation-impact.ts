import { basename } from 'node:path';
import { childNamed, childrenNamed, elementText, parseXml } from '../parser/xml.js';
import type { Position, RepoFile } from '../types.js';
import { defineRule, type TypedRuleContext } from './util/define-rule.js';
import { DESTRUCTIVE_MANIFESTS } from './util/file-screens.js';


/** The app types whose deletion revokes tokens, as a person would name them. */
const APP_TYPES: Readonly<Record<string, string>> = {
  ConnectedApp: 'connected app',
  ExternalClientApplication: 'External Client App',
};

const MESSAGES = {
  manifest: '{{manifest}} deletes {{what}}, which revokes all its tokens at once; check its OAuth usage first',
  deleted: 'This change deletes {{what}}, which revokes all its tokens once deployed; check its OAuth usage first',
} as const;
type Context = TypedRuleContext<keyof typeof MESSAGES, Record<string, never>>;

function describeApp(type: string, member: string): string {
  const kind = APP_TYPES[type]!;
  return member === '*' ? `every ${kind}` : `${kind} "${member}"`;
}

/** Each ConnectedApp / ExternalClientApplication member of a destructive manifest, at its line. */
function checkManifest(file: RepoFile, ctx: Context): void {
  const parsed = parseXml(file.file, file.text);
  // A manifest that is not XML is the deploy's to reject; there is nothing to read deletions from.
  if (!parsed.ok) return;
  const manifest = basename(file.file);
  for (const types of childrenNamed(parsed.doc.root, 'types')) {
    const type = childNamed(types, 'name')?.text.trim() ?? '';
    if (!(type in APP_TYPES)) continue;
    for (const member of childrenNamed(types, 'members')) {
      const name = elementText(parsed.doc, member);
      if (!name.value) continue;
      ctx.report({ messageId: 'manifest', data: { manifest, what: describeApp(type, name.value) }, at: name.at });
    }
  }
}

/** An app file that the change under lint (--staged, --changed-since) deletes: reported on the deleted path. */
function checkDeletedFile(file: RepoFile, ctx: Context): void {
  const metadata = file.metadata;
  if (!metadata || !(metadata.type in APP_TYPES)) return;
  const at: Position = { file: file.file, line: 1, column: 1 };
  ctx.report({ messageId: 'deleted', data: { what: describeApp(metadata.type, metadata.name) }, at });
}

/** Deleting an app is an outage for everything that authenticates through it: make the deletion a reviewed decision. */
export const revocationImpact = defineRule({
  meta: {
    id: 'revocation-impact',
    description: 'Deleting a Connected App or External Client App revokes all its tokens: flag deletions for review.',
    fullDescription:
      'When a Connected App or External Client App is deleted, Salesforce revokes every access and refresh token it ever issued, immediately. Every integration, mobile app and user session that authenticates through it stops working at the next call, without warning. This rule flags each app named in destructiveChanges.xml, destructiveChangesPre.xml or destructiveChangesPost.xml, and (with --staged or --changed-since) each app file the change deletes, so that the deletion is a decision someone reviewed.',
    severity: { production: 'warn', sandbox: 'warn' },
    tags: ['security', 'availability', 'deployment'],
    securitySeverity: 3.1,
    precision: 'very-high',
    appliesTo: ['repository-files'],
    messages: MESSAGES,
  },
  checkFile(file, ctx) {
    if (file.deleted) checkDeletedFile(file, ctx);
    else if (!file.binary && DESTRUCTIVE_MANIFESTS.has(basename(file.file).toLowerCase())) checkManifest(file, ctx);
  },
});
