import { KNOWN_API_VERSION } from '../model/schema.js';
import { maskSecret } from '../secrets/mask.js';
import { scanText } from '../secrets/scan.js';
import { defineRule } from './util/define-rule.js';

/** Found values are echoed so the user sees the typo; a pasted blob is cut short instead of filling the report. */
const MAX_ECHOED_LENGTH = 60;

/**
 * Values the platform rejects at deploy. The model records them while reading each file (see src/model/fields.ts),
 * so this rule only words them; unknown elements are never recorded, because real files carry undocumented ones.
 */
export const validMetadata = defineRule({
  meta: {
    id: 'valid-metadata',
    description: 'Metadata values must be ones the platform accepts at deploy.',
    fullDescription:
      `AI-written and hand-edited metadata often contains values that look plausible but fail the deploy: invented ipRelaxation or refreshTokenPolicy values, External Client App policy values in the wrong letter case, booleans that are not true or false, a root element that does not match the file suffix, a missing label, or an oauthConfig without a callbackUrl. These are errors. Salesforce adds OAuth scopes and enum values every release, so a well-formed name this linter does not know (it knows API v${KNOWN_API_VERSION}) is only a warning to check the spelling, on Connected Apps and External Client Apps alike: mcp_api, scrt_api, cdp_* or DataCloudUserClaims may be what a newer release stores, and an OAuth protocol spelling (chatbot_api for Chatbot) is named as a hint, not rejected. A known value in the wrong letter case (api for Api) is an error. Unknown elements are not reported: real retrieved files carry undocumented ones.`,
    severity: { production: 'error', sandbox: 'error' },
    appliesTo: ['metadata-files'],
    tags: ['correctness', 'deploy'],
    securitySeverity: 2.0,
    precision: 'very-high',
    messages: {
      missing: '{{type}} "{{name}}": {{field}} is missing; expected {{expected}}',
      rejected: '{{type}} "{{name}}": {{field}} "{{found}}" fails the deploy; expected {{expected}}',
      twin: '{{type}} "{{name}}": {{twinOf}} also configures app "{{found}}", and only one file per app applies; keep one',
      unknown: '{{type}} "{{name}}": {{field}} "{{found}}" is not known for API v{{version}}; check the spelling',
      unknownNear: '{{type}} "{{name}}": {{field}} "{{found}}" is not known for API v{{version}}; check the spelling ({{suggestion}}?)',
    },
  },
  checkDocument(doc, ctx) {
    for (const invalid of doc.invalid) {
      const data = { type: doc.type, name: doc.name, field: invalid.field, expected: invalid.expected, found: echo(invalid.found), version: KNOWN_API_VERSION };
      if (invalid.found === '') ctx.report({ messageId: 'missing', data, at: invalid.at });
      // Which twin the platform would keep is not documented: the finding says one goes unchecked, not that the deploy fails.
      else if (invalid.twinOf !== undefined) ctx.report({ messageId: 'twin', data: { ...data, twinOf: invalid.twinOf }, at: invalid.at });
      // DECISIONS 14: a well-formed value newer than the linter is a warning, never an error.
      else if (invalid.unknown) {
        const messageId = invalid.suggestion ? 'unknownNear' : 'unknown';
        ctx.report({ messageId, data: { ...data, suggestion: invalid.suggestion ?? '' }, at: invalid.at, severity: 'warning' });
      }
      else ctx.report({ messageId: 'rejected', data, at: invalid.at });
    }
  },
});

/** The found value as it may appear in a report: never a secret in full, never a whole pasted blob. */
function echo(found: string): string {
  if (scanText(found).length > 0) return maskSecret(found);
  const flat = found.replace(/\s+/g, ' ');
  return flat.length > MAX_ECHOED_LENGTH ? `${flat.slice(0, MAX_ECHOED_LENGTH)}…` : flat;
}
