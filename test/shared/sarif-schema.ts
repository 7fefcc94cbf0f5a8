// The OASIS SARIF 2.1.0 JSON schema (draft-04), from ../shared/schemas.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { SHARED } from './paths.js';

export const SARIF_SCHEMA = join(SHARED, 'schemas', 'sarif-schema-2.1.0.json');

// Both packages set `module.exports` to the function itself; TypeScript's NodeNext view of them is the namespace.
const Ajv = ajvDraft04 as unknown as typeof ajvDraft04.default;
const addFormats = ajvFormats as unknown as typeof ajvFormats.default;

let validator: ((log: unknown) => string[]) | undefined;

/** Schema errors of a SARIF log ([] when valid), as `instancePath message` lines. */
export function schemaErrors(log: unknown): string[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')) as object);
    validator = (value) => (validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`));
  }
  return validator(log);
}
