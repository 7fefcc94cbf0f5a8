// `init`: a starter configuration that records what the project is today (each app's inferred flow, its callback
// URLs, the scopes it requests beyond its flow's needs), with comments, so that adopting the linter is one review.
import { existsSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, displayPath, parseConfig } from '../config/config.js';
import { CONFIG_SCHEMA_ID } from '../config/schema.js';
import { UsageError } from '../errors.js';
import { lint } from '../engine/lint.js';
import { defaultAllowedScopes, initialAllowScopes, isFullScope } from '../rules/util/flow-scopes.js';
import type { AppSummary, Flow } from '../types.js';
import type { InitArgs } from './args.js';

export const INIT_FILE_NAME = 'connected-app-lint.yaml';
const DOCS = 'https://github.com/connected-app-lint/connected-app-lint/blob/main/docs/configuration.md';

/** Why `init` wrote each flow it did: the inference rules of the model (src/model/build.ts inferFlows). */
const FLOW_REASONS: Record<Flow, string> = {
  'jwt-bearer': 'a certificate is set',
  'client-credentials': 'client credentials are enabled',
  'user-agent': 'a public client (optional secret or a custom-scheme callback)',
  'web-server': 'a web callback',
  device: 'the device flow is enabled',
  'token-exchange': 'token exchange is enabled',
  'code-credentials': 'the code-and-credentials flow is enabled',
};

/** Writes the starter configuration into the project directory; returns what to tell the user. */
export async function runInit(args: InitArgs, cwd: string): Promise<string> {
  const dir = resolve(cwd, args.paths[0] ?? '.');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`init needs a project directory; ${args.paths[0]} is not one`);
  const existing = CONFIG_FILE_NAMES.map((name) => join(dir, name)).filter((file) => existsSync(file));
  if (existing.length > 0 && !args.force) {
    throw new UsageError(`${existing.map((file) => displayPath(file, cwd)).join(' and ')} already exist${existing.length === 1 ? 's' : ''}; edit it, or run init --force to replace it`);
  }

  const run = await lint({ cwd: dir, paths: [dir], rules: [], config: { config: {} } });
  const apps = [...run.apps].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { stringify } = await import('yaml');
  const text = renderInitConfig(apps, (app) => relative(dir, app.file).split('\\').join('/'), (value) => stringify(value).trimEnd());

  const target = join(dir, INIT_FILE_NAME);
  await parseConfig(target, text, cwd); // what init writes must load: a broken starter file would be a poor welcome
  writeFileSync(target, text);
  const replaced = existing.filter((file) => file !== target);
  for (const file of replaced) unlinkSync(file); // --force: the new file replaces the old one, whatever its name
  const flows = apps.filter((app) => app.usesOAuth).length;
  return [
    `Wrote ${displayPath(target, cwd)}${replaced.length ? ` (replacing ${replaced.map((file) => basename(file)).join(', ')})` : ''}: ${apps.length} app${apps.length === 1 ? '' : 's'}, ${flows} with an inferred OAuth flow.`,
    'Review each flow and callback list, then run connected-app-lint.',
    '',
  ].join('\n');
}

/** The YAML text: every line a reviewer needs, with the reason for each inferred value next to it. */
export function renderInitConfig(apps: readonly AppSummary[], fileOf: (app: AppSummary) => string, scalar: (value: unknown) => string): string {
  const lines = [
    '# connected-app-lint configuration, written by `connected-app-lint init`.',
    "# Review it: each app's flow was inferred from its metadata and its callback URLs were copied from it, so the",
    '# linter now reports any change to them. Every key is documented at',
    `# ${DOCS}`,
    `# yaml-language-server: $schema=${CONFIG_SCHEMA_ID}`,
    '',
    '# The environment this project deploys to (production or sandbox); --env wins, a per-app environment wins over both.',
    'environment: production',
    '',
    '# Rule levels: off, warn or error, or [level, options]. `connected-app-lint rules` lists every rule.',
    '# rules:',
    '#   certificate-valid: [warn, { expiryWarningDays: 45 }]',
    '',
  ];
  if (apps.length === 0) {
    lines.push('# No Connected App or External Client App was found; list apps here by API name when there are some.', 'apps: {}', '');
    return lines.join('\n');
  }
  lines.push("# One entry per app, keyed by API name (the metadata file's base name).", 'apps:');
  for (const app of apps) {
    lines.push(`  # ${app.kind === 'connectedApp' ? 'Connected App' : 'External Client App'}: ${fileOf(app)}`);
    if (!app.usesOAuth) {
      lines.push(`  ${scalar(app.name)}: {}  # no OAuth settings (SAML or canvas only): nothing to declare`, '');
      continue;
    }
    const flows = app.flows.length === 1 ? app.flows[0]! : `[${app.flows.join(', ')}]`;
    lines.push(`  ${scalar(app.name)}:`, `    flow: ${flows}  # inferred: ${app.flows.map((flow) => FLOW_REASONS[flow]).join('; ')}`);
    lines.push('    # environment: sandbox  # uncomment if this app only ever lives in sandboxes');
    if (app.callbackUrls.length === 0) {
      lines.push('    callbackUrls: []  # the metadata lists none');
    } else {
      lines.push('    callbackUrls:  # the exact list; split it per environment with production: and sandbox: lists');
      for (const url of app.callbackUrls) lines.push(`      - ${scalar(url)}`);
    }
    const allow = initialAllowScopes({ flows: { value: app.flows, declared: false }, scopes: app.scopes.map((value) => ({ value, at: { file: app.file, line: 1, column: 1 } })) });
    if (allow) {
      lines.push(`    allowScopes: [${allow.map(scalar).join(', ')}]  # more than ${app.flows.join(' + ')} needs (${defaultAllowedScopes(app.flows).join(', ')}): keep only what the app uses`);
    }
    if (app.scopes.some(isFullScope)) lines.push('    # It requests Full, which no-full-scope reports: init never allow-lists it.');
    lines.push('');
  }
  return lines.join('\n');
}
