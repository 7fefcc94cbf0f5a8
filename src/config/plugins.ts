// Custom rules: local modules or installed packages that export rules with the built-in API (meta + check hooks).
// Their ids are namespaced `<plugin>/<rule>`; plugin code runs only when the configuration lists it and the CLI was
// not given --no-plugins.
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule, RuleLevel, RuleMeta } from '../types.js';
import { displayPath } from './config.js';
import { UsageError } from '../errors.js';
import { readCheckedText } from '../project/read.js';
import { closestName } from '../text/names.js';

/** What a plugin module exports: `rules`, by short name (or as a list of rules with `meta.id`), or a default export holding it. */
export interface PluginModule {
  rules: Record<string, PluginRule> | PluginRule[];
}

/** A rule as a plugin writes it: the built-in API, with everything but the description and severity optional. */
export interface PluginRule {
  meta: Partial<Omit<RuleMeta, 'severity'>> & { description: string; severity: RuleMeta['severity'] };
  checkApp?: Rule['checkApp'];
  checkDocument?: Rule['checkDocument'];
  checkFile?: Rule['checkFile'];
}

export interface LoadedPlugin {
  /** The package name, or the module's file name without extension. */
  name: string;
  /** The resolved module file. */
  file: string;
  rules: Rule[];
}

const LEVELS: readonly RuleLevel[] = ['off', 'warn', 'error'];

/** Loads every plugin a configuration lists, resolved relative to the configuration file (else `cwd`). */
export async function loadPlugins(specs: readonly string[], configFile: string | undefined, cwd: string): Promise<LoadedPlugin[]> {
  const base = configFile ? dirname(configFile) : cwd;
  const from = configFile ? ` (listed in ${displayPath(configFile, cwd)})` : '';
  const plugins: LoadedPlugin[] = [];
  for (const spec of specs) {
    const { name, file } = resolvePlugin(spec, base, from, cwd);
    if (plugins.some((plugin) => plugin.name === name)) throw new UsageError(`two plugins are named "${name}"${from}; rule ids would clash`);
    let module: unknown;
    try {
      module = await import(pathToFileURL(file).href);
    } catch (error) {
      throw new UsageError(`plugin "${spec}"${from} failed to load: ${(error as Error).message}`);
    }
    plugins.push({ name, file, rules: pluginRules(module, name, spec, file, from) });
  }
  return plugins;
}

const isPathSpec = (spec: string) => spec.startsWith('.') || isAbsolute(spec);

function resolvePlugin(spec: string, base: string, from: string, cwd: string): { name: string; file: string } {
  if (isPathSpec(spec)) {
    const path = resolve(base, spec);
    if (!existsSync(path)) throw new UsageError(`plugin "${spec}"${from} not found: ${displayPath(path, cwd)} does not exist`);
    if (statSync(path).isDirectory()) return packageEntry(path, spec, from, cwd);
    const stem = basename(path, extname(path));
    return { name: stem === 'index' ? basename(dirname(path)) : stem, file: path };
  }
  const packageName = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
  try {
    return { name: packageName, file: createRequire(join(base, 'noop.js')).resolve(spec) };
  } catch {
    // ESM-only packages export no `require` condition: find the package directory and read its exports ourselves.
  }
  for (let dir = base; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', packageName);
    if (existsSync(join(candidate, 'package.json'))) return { name: packageName, file: packageEntry(candidate, spec, from, cwd, spec.slice(packageName.length)).file };
    if (dirname(dir) === dir) break;
  }
  throw new UsageError(`plugin "${spec}"${from} not found: install it, or write a path starting with ./ for a local module`);
}

/** The module file of a package directory: `exports` (import/node/default conditions), else `main`, else index.js. */
function packageEntry(dir: string, spec: string, from: string, cwd: string, subpath = ''): { name: string; file: string } {
  let pkg: { name?: unknown; exports?: unknown; main?: unknown } = {};
  try {
    // Anywhere: the plugin's code is about to run (a linked package lives outside the repository); the checked
    // reader still refuses a device or a file over the limit.
    const read = readCheckedText(join(dir, 'package.json'), { within: null });
    if (read.ok) pkg = JSON.parse(read.text) as typeof pkg;
  } catch {
    // no package.json: a plain folder with an index.js
  }
  const name = typeof pkg.name === 'string' ? pkg.name : basename(dir);
  const key = subpath ? `.${subpath}` : '.';
  const exported = pickExport(typeof pkg.exports === 'string' || Array.isArray(pkg.exports) || !hasSubpaths(pkg.exports) ? { '.': pkg.exports } : pkg.exports, key);
  const entry = exported ?? (subpath ? `.${subpath}` : typeof pkg.main === 'string' ? pkg.main : 'index.js');
  const file = resolve(dir, entry);
  if (!existsSync(file)) throw new UsageError(`plugin "${spec}"${from}: its entry ${displayPath(file, cwd)} does not exist`);
  return { name, file };
}

const hasSubpaths = (exports: unknown) => !!exports && typeof exports === 'object' && Object.keys(exports).some((key) => key.startsWith('.'));

function pickExport(exports: unknown, key: string): string | undefined {
  const target = (exports as Record<string, unknown> | undefined)?.[key];
  const pick = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.map(pick).find(Boolean);
    if (value && typeof value === 'object') {
      for (const condition of ['import', 'node', 'default']) {
        const found = pick((value as Record<string, unknown>)[condition]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return pick(target);
}

/** The plugin's rules as engine rules, each checked so that a broken plugin fails at load, not mid-run. */
function pluginRules(module: unknown, name: string, spec: string, file: string, from: string): Rule[] {
  const exported = module as { rules?: unknown; default?: { rules?: unknown } } | undefined;
  const rules = exported?.rules ?? exported?.default?.rules;
  const fail = (what: string) => new UsageError(`plugin "${spec}"${from}: ${what}`);
  if (!rules || typeof rules !== 'object') throw fail('exports no rules (export const rules = { "rule-name": { meta, checkApp } })');
  const entries: [string, unknown][] = Array.isArray(rules)
    ? rules.map((rule, index) => [String((rule as PluginRule | undefined)?.meta?.id ?? `#${index}`), rule])
    : Object.entries(rules);
  if (entries.length === 0) throw fail('exports an empty rules object');
  return entries.map(([short, value]) => {
    const rule = value as Partial<PluginRule> | undefined;
    const meta = rule?.meta;
    const where = `rule "${short}"`;
    if (!meta || typeof meta !== 'object') throw fail(`${where} has no meta`);
    if (typeof meta.description !== 'string' || meta.description === '') throw fail(`${where} needs meta.description`);
    const severity = meta.severity as Partial<RuleMeta['severity']> | undefined;
    if (!severity || !LEVELS.includes(severity.production as RuleLevel) || !LEVELS.includes(severity.sandbox as RuleLevel)) {
      throw fail(`${where} needs meta.severity { production, sandbox }, each off, warn or error`);
    }
    const hooks = (['checkApp', 'checkDocument', 'checkFile'] as const).filter((hook) => typeof rule[hook] === 'function');
    if (hooks.length === 0) throw fail(`${where} has no checkApp, checkDocument or checkFile function`);
    const id = `${name}/${short.replace(new RegExp(`^${escapeRegExp(name)}/`), '')}`;
    const engineRule: Rule = {
      meta: {
        tags: [],
        securitySeverity: 5,
        ...meta,
        id,
        description: meta.description,
        fullDescription: meta.fullDescription ?? meta.description,
        severity: { production: severity.production!, sandbox: severity.sandbox! },
        // Every format wants a link: a plugin without docs links to its own source.
        docs: typeof meta.docs === 'string' && meta.docs ? meta.docs : pathToFileURL(file).href,
      },
    };
    for (const hook of hooks) (engineRule as unknown as Record<string, unknown>)[hook] = (rule[hook] as (...args: unknown[]) => void).bind(rule);
    return engineRule;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Plugin rule ids configured under `rules` must name a rule of a listed plugin: a typo would silently do nothing. */
export function checkPluginRuleSettings(rules: Record<string, unknown> | undefined, plugins: readonly LoadedPlugin[], configFile: string | undefined, cwd: string): void {
  const where = configFile ? ` in ${displayPath(configFile, cwd)}` : '';
  for (const id of Object.keys(rules ?? {})) {
    if (!id.includes('/')) continue;
    const plugin = plugins.find((candidate) => id.startsWith(`${candidate.name}/`));
    if (!plugin) {
      throw new UsageError(`rules.${id}${where} belongs to a plugin that is not listed under plugins (loaded: ${plugins.map((p) => p.name).join(', ') || 'none'})`);
    }
    if (!plugin.rules.some((rule) => rule.meta.id === id)) {
      const hint = closestName(id, plugin.rules.map((rule) => rule.meta.id));
      throw new UsageError(`unknown rule "${id}"${where}${hint ? ` (did you mean "${hint}"?)` : ''}; plugin ${plugin.name} has ${plugin.rules.map((rule) => rule.meta.id).join(', ')}`);
    }
  }
}
