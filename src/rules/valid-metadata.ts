import { maskSecret } from '../secrets/mask.js';
import { scanText } from '../secrets/scan.js';
import type { InvalidValue, Rule } from '../types.js';
import { defineMeta } from './util/meta.js';

/** Found values are echoed so the user sees the typo; a pasted blob is cut short instead of filling the report. */
const MAX_ECHOED_LENGTH = 80;

/**
 * Values the platform rejects at deploy. The model records them while reading each file (see src/model/fields.ts),
 * so this rule only words them; unknown elements are never recorded, because real files carry undocumented ones.
 */
export const validMetadata: Rule = {
  meta: defineMeta({
    id: 'valid-metadata',
    description: 'Metadata values must be ones the platform accepts at deploy.',
    fullDescription:
      'AI-written and hand-edited metadata often contains values that look plausible but fail the deploy: unknown OAuth scope names, invented ipRelaxation or refreshTokenPolicy values, External Client App policy values in the wrong spelling, booleans that are not true or false, a root element that does not match the file suffix, a missing label, or an oauthConfig without a callbackUrl. Unknown elements are not reported: real retrieved files carry undocumented ones.',
    severity: { production: 'error', sandbox: 'error' },
    tags: ['correctness', 'deploy'],
    securitySeverity: 2.0,
    precision: 'very-high',
  }),
  checkDocument(doc, ctx) {
    for (const invalid of doc.invalid) {
      ctx.report({ message: `${doc.type} "${doc.name}": ${describe(invalid)}`, at: invalid.at });
    }
  },
};

function describe(invalid: InvalidValue): string {
  if (invalid.found === '') return `${invalid.field} is missing; expected ${invalid.expected}.`;
  return `${invalid.field} is "${echo(invalid.found)}", which the platform rejects; expected ${invalid.expected}.`;
}

/** The found value as it may appear in a report: never a secret in full, never a whole pasted blob. */
function echo(found: string): string {
  if (scanText(found).length > 0) return maskSecret(found);
  const flat = found.replace(/\s+/g, ' ');
  return flat.length > MAX_ECHOED_LENGTH ? `${flat.slice(0, MAX_ECHOED_LENGTH)}…` : flat;
}
