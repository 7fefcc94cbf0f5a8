// The configuration's JSON Schema, built from the rule registry so that editors complete rule ids and their
// options. `npm run generate` writes it to schema/config.schema.json and compiles it (ajv standalone, at build time:
// compiling it at start-up costs over 100 ms) into generated/validator.ts. Nothing here runs at lint time.
import { builtinRules } from '../rules/index.js';
import { FLOWS, type RuleMeta } from '../types.js';
import { CONFIG, SUPPRESSION_DIRECTIVE } from '../engine/engine-rules.js';

export type JsonSchema = Record<string, unknown>;

export const CONFIG_SCHEMA_ID = 'https://raw.githubusercontent.com/connected-app-lint/connected-app-lint/main/schema/config.schema.json';

/** Plugin rule ids: `<plugin>/<rule>`, where the plugin may be a scoped package (`@acme/rules/no-x`). */
export const PLUGIN_RULE_ID = '^(?:@[^/\\s]+/)?[^/\\s@]+/[^/\\s]+$';

const LEVELS = ['off', 'warn', 'error'];

/** `off | warn | error`, or `[level]`, or `[level, options]`. */
function ruleSetting(options: JsonSchema, description?: string): JsonSchema {
  return {
    ...(description ? { description } : {}),
    if: { type: 'string' },
    then: { $ref: '#/definitions/level' },
    else: { type: 'array', minItems: 1, maxItems: 2, items: [{ $ref: '#/definitions/level' }, options] },
  };
}

const urlList: JsonSchema = { type: 'array', items: { type: 'string', minLength: 1 } };

const APP: JsonSchema = {
  type: 'object',
  description: "One app's intent, keyed by its API name (the metadata file's base name).",
  additionalProperties: false,
  properties: {
    flow: {
      description: 'The OAuth flow or flows the app serves; otherwise they are inferred from the metadata. Feeds jwt-certificate-present, minimal-scopes and the other flow rules.',
      if: { type: 'array' },
      then: { type: 'array', minItems: 1, items: { enum: [...FLOWS] } },
      else: { enum: [...FLOWS] },
    },
    environment: {
      enum: ['production', 'sandbox'],
      description: 'The only environment this app is deployed to: its rules use that environment, whatever --env says.',
    },
    callbackUrls: {
      description: 'The exact callback URLs the app must have (callback-url-exact): a list, or one list per environment.',
      if: { type: 'array' },
      then: urlList,
      else: { type: 'object', additionalProperties: false, properties: { production: urlList, sandbox: urlList } },
    },
    ipRelaxation: {
      type: 'object',
      description: 'Accept a relaxed IP restriction for this app (ip-relaxation-enforced), with the reason reviewers will read.',
      additionalProperties: false,
      required: ['reason'],
      properties: { reason: { type: 'string', minLength: 1 } },
    },
    allowScopes: {
      type: 'array',
      description: 'Scopes this app may request beyond what its flow needs (minimal-scopes).',
      items: { type: 'string', minLength: 1 },
    },
  },
};

/** The schema of `connected-app-lint.{json,yaml,yml}` for the given configurable rules (built-in and engine). */
export function buildConfigSchema(rules: readonly RuleMeta[]): JsonSchema {
  const ruleProperties: Record<string, JsonSchema> = {};
  for (const meta of [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const description = `${meta.description} ${meta.docs}`;
    // A rule without options shares one definition: the compiled validator grows with every inlined copy.
    ruleProperties[meta.id] = meta.options ? ruleSetting(meta.options, description) : { description, allOf: [{ $ref: '#/definitions/settingWithoutOptions' }] };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: CONFIG_SCHEMA_ID,
    title: 'connected-app-lint configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      environment: {
        enum: ['production', 'sandbox'],
        description: 'The environment the project deploys to; --env wins, a per-app environment wins over both.',
      },
      rules: {
        type: 'object',
        description: 'Rule levels (off, warn, error), or [level, options].',
        properties: ruleProperties,
        patternProperties: { [PLUGIN_RULE_ID]: ruleSetting({ type: 'object' }, 'A plugin rule: <plugin>/<rule>.') },
        additionalProperties: false,
      },
      apps: { type: 'object', description: 'Per-app intent, keyed by API name.', additionalProperties: { $ref: '#/definitions/app' } },
      ignorePatterns: {
        type: 'array',
        description: 'Paths to skip, in .gitignore syntax, relative to the configuration file.',
        items: { type: 'string', minLength: 1 },
      },
      plugins: {
        type: 'array',
        description: 'Local modules (relative to this file) or installed packages exporting rules; their ids are <plugin>/<rule>.',
        items: { type: 'string', minLength: 1 },
      },
    },
    definitions: {
      level: { enum: LEVELS },
      settingWithoutOptions: ruleSetting({ type: 'object', additionalProperties: false }),
      app: APP,
    },
  };
}

/** The engine's own findings that the configuration may re-level (parse errors cannot be turned off). */
export const CONFIGURABLE_ENGINE_RULES: readonly RuleMeta[] = [SUPPRESSION_DIRECTIVE, CONFIG];

/** The published schema: every built-in rule plus the configurable engine rules. */
export function registryConfigSchema(): JsonSchema {
  return buildConfigSchema([...builtinRules.map((rule) => rule.meta), ...CONFIGURABLE_ENGINE_RULES]);
}
