// Rule options as rules receive them: the rule's defaults with the configured values over them, checked against the
// rule's own JSON Schema. Built-in rules' options are checked by the generated configuration validator too; plugin
// rules' are only checked here, so this is the one check that covers every rule. Only the schema keywords rule
// options use are understood (type, properties, additionalProperties, required, items, enum, minimum, maximum,
// minLength); anything else in a plugin's schema is not enforced rather than guessed at.

type Schema = Record<string, unknown>;

/** The first reason `value` does not fit `schema`, as `<path> must …`; undefined when it fits. */
export function optionsProblem(value: unknown, schema: Schema | undefined, path = 'options'): string | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  const type = schema['type'];
  if (typeof type === 'string' && !hasType(value, type)) return `${path} must be ${article(type)}`;
  const allowed = schema['enum'];
  if (Array.isArray(allowed) && !allowed.some((entry) => entry === value)) return `${path} must be one of ${allowed.map((entry) => JSON.stringify(entry)).join(', ')}`;
  if (typeof value === 'number') {
    if (typeof schema['minimum'] === 'number' && value < schema['minimum']) return `${path} must be at least ${schema['minimum']}`;
    if (typeof schema['maximum'] === 'number' && value > schema['maximum']) return `${path} must be at most ${schema['maximum']}`;
  }
  if (typeof value === 'string' && typeof schema['minLength'] === 'number' && value.length < schema['minLength']) {
    return `${path} must have at least ${schema['minLength']} character(s)`;
  }
  if (Array.isArray(value) && isSchema(schema['items'])) {
    for (const [index, item] of value.entries()) {
      const problem = optionsProblem(item, schema['items'], `${path}[${index}]`);
      if (problem) return problem;
    }
  }
  if (isPlainObject(value)) return objectProblem(value, schema, path);
  return undefined;
}

function objectProblem(value: Record<string, unknown>, schema: Schema, path: string): string | undefined {
  const properties = isSchema(schema['properties']) ? (schema['properties'] as Record<string, Schema>) : {};
  for (const name of Array.isArray(schema['required']) ? schema['required'] : []) {
    if (typeof name === 'string' && !Object.hasOwn(value, name)) return `${path}.${name} is required`;
  }
  for (const [name, entry] of Object.entries(value)) {
    if (Object.hasOwn(properties, name)) {
      const problem = optionsProblem(entry, properties[name], `${path}.${name}`);
      if (problem) return problem;
    } else if (schema['additionalProperties'] === false) {
      const known = Object.keys(properties);
      return `${path}.${name} is not an option of this rule${known.length > 0 ? ` (it has ${known.join(', ')})` : ' (it has none)'}`;
    }
  }
  return undefined;
}

/** The rule's defaults with the configured options over them (one level deep: options are flat objects). */
export function mergeOptions(defaults: Record<string, unknown> | undefined, configured: Record<string, unknown>): Record<string, unknown> {
  return { ...(defaults ?? {}), ...configured };
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isPlainObject(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSchema(value: unknown): value is Schema {
  return isPlainObject(value);
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
