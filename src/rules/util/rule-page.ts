// The header of every rule page (docs/rules/<id>.md) is generated from the rule's meta, so the severities, the
// options and their defaults on the page are the ones the code has. `npm run generate` rewrites the headers;
// test/rule-pages.test.ts fails while one is out of step.
import type { RuleMeta, RuleSubject } from '../../types.js';

export const HEADER_END = '<!-- end of the generated header: edit below this line -->';
const HEADER_START = '<!-- Generated from the rule\'s meta by `npm run generate`: do not edit above the end marker. -->';

const SUBJECTS: Readonly<Record<RuleSubject, string>> = {
  'oauth-apps': 'Connected Apps and External Client Apps that use OAuth',
  apps: 'every Connected App and External Client App, SAML- and canvas-only ones too',
  'metadata-files': 'every linted metadata file',
  'repository-files': 'every file the repository holds',
};

/** CVSS bands, as GitHub code scanning shows `security-severity`. */
function band(score: number): string {
  return score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low';
}

function level(value: string): string {
  return value === 'warn' ? 'warning' : value;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

function typeOf(schema: Record<string, unknown>): string {
  if (schema['type'] === 'array') {
    const items = schema['items'] as Record<string, unknown> | undefined;
    return `list of ${typeof items?.['type'] === 'string' ? `${items['type']}s` : 'values'}`;
  }
  if (Array.isArray(schema['enum'])) return schema['enum'].map((value) => `\`${JSON.stringify(value)}\``).join(' \\| ');
  return typeof schema['type'] === 'string' ? schema['type'] : 'any';
}

function optionsTable(meta: RuleMeta): string[] {
  const properties = (meta.options?.['properties'] ?? {}) as Record<string, Record<string, unknown>>;
  const names = Object.keys(properties);
  if (names.length === 0) return ['| Options | none |'];
  const rows = names.map((name) => {
    const schema = properties[name]!;
    const fallback = meta.defaultOptions?.[name] ?? schema['default'];
    const shown = fallback === undefined ? '(see below)' : `\`${JSON.stringify(fallback)}\``;
    return `| \`${name}\` | ${cell(typeOf(schema))} | ${shown} | ${cell(String(schema['description'] ?? ''))} |`;
  });
  return ['', '| Option | Type | Default | Description |', '| --- | --- | --- | --- |', ...rows];
}

/** The generated header of a rule page, ending with HEADER_END. */
export function renderRuleHeader(meta: RuleMeta): string {
  const appliesTo = meta.appliesTo?.length ? meta.appliesTo.map((subject) => SUBJECTS[subject]).join('; ') : 'the linter itself (an engine finding)';
  const table = [
    '| | |',
    '| --- | --- |',
    `| Rule id | \`${meta.id}\` |`,
    `| Severity in production | ${level(meta.severity.production)} |`,
    `| Severity in a sandbox | ${level(meta.severity.sandbox)} |`,
    `| Applies to | ${appliesTo} |`,
    `| Tags | ${meta.tags.map((tag) => `\`${tag}\``).join(', ')} |`,
    `| Security severity (SARIF) | ${meta.securitySeverity.toFixed(1)} (${band(meta.securitySeverity)}) |`,
  ];
  const options = optionsTable(meta);
  const optionLines = options.length === 1 ? [...table, options[0]!] : [...table, ...options];
  return [HEADER_START, `# ${meta.id}`, '', `**${meta.description}**`, '', ...optionLines, HEADER_END, ''].join('\n');
}

/**
 * The page with its header replaced: everything before HEADER_END, or on a page without one yet, everything
 * before its first `## ` section (the hand-written header this replaces).
 */
export function withGeneratedHeader(page: string, meta: RuleMeta): string {
  const end = page.indexOf(HEADER_END);
  let body: string;
  if (end !== -1) body = page.slice(end + HEADER_END.length).replace(/^\n+/, '');
  else {
    const firstSection = page.search(/^## /m);
    body = firstSection === -1 ? '' : page.slice(firstSection);
  }
  return `${renderRuleHeader(meta)}\n${body}`;
}
