// Configuration: find the file, read it, check it against the published schema, and say precisely what is wrong.
// yaml is loaded only for a YAML file (and to locate an error); the schema check is precompiled (no ajv at run time).
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { LineIndex } from '../parser/positions.js';
import type { Position } from '../types.js';
import type { LinterConfig, LoadedConfig } from './types.js';
import { UsageError } from '../errors.js';
import { readCheckedText } from '../project/read.js';
import { closestName } from '../text/names.js';

/** The file names looked for, in each directory from the linted one up to the repository root. */
export const CONFIG_FILE_NAMES = ['connected-app-lint.json', 'connected-app-lint.yaml', 'connected-app-lint.yml'] as const;

/** One schema violation as ajv reports it. */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

type Validator = { (data: unknown): boolean; errors?: SchemaError[] | null };

/** The precompiled schema check (60 KB of generated code): loaded only when there is a configuration to check. */
async function schemaValidator(): Promise<Validator> {
  return (await import('./generated/validator.js')).validateConfig as unknown as Validator;
}

/**
 * The directories searched, nearest first: from `start` up to the git root (a directory holding `.git`); outside
 * git up to the SFDX project root; outside both up to the filesystem root.
 */
export function configSearchDirectories(start: string, top?: string): string[] {
  const chain: string[] = [];
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    chain.push(dir);
    if (dirname(dir) === dir) break;
  }
  // The run's LintScope knows the top (git root, else SFDX project root): asked once, not guessed again here.
  const known = top === undefined ? -1 : chain.indexOf(top);
  if (known !== -1) return chain.slice(0, known + 1);
  const gitRoot = chain.findIndex((dir) => existsSync(join(dir, '.git')));
  if (gitRoot !== -1) return chain.slice(0, gitRoot + 1);
  const projectRoot = chain.findIndex((dir) => existsSync(join(dir, 'sfdx-project.json')));
  return projectRoot === -1 ? chain : chain.slice(0, projectRoot + 1);
}

/** The configuration file that applies to `start`, if any. Two in one directory is ambiguous, hence an error. */
export function findConfigFile(start: string, cwd: string, top?: string): string | undefined {
  for (const dir of configSearchDirectories(start, top)) {
    const found = CONFIG_FILE_NAMES.map((name) => join(dir, name)).filter((file) => existsSync(file));
    if (found.length > 1) {
      throw new UsageError(`${displayPath(dir, cwd)} holds ${found.length} configuration files (${found.map((file) => basename(file)).join(', ')}); keep one`);
    }
    if (found[0]) return found[0];
  }
  return undefined;
}

export interface LoadConfigOptions {
  cwd: string;
  /** `--config <path>`: this file, relative to cwd; no search. */
  explicit?: string;
  /** Where the search starts (the linted directory); cwd by default. */
  searchFrom?: string;
  /** Where the search stops and ignorePatterns are rebased to: the run's LintScope root (git root, else project root). */
  top?: string;
}

/** `--config`, else the nearest configuration file, else an empty configuration. */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  if (options.explicit !== undefined) {
    const file = resolve(options.cwd, options.explicit);
    if (!existsSync(file)) throw new UsageError(`configuration file ${options.explicit} not found`);
    // The user named this file on the command line: it may lie anywhere (a shared policy outside the checkout).
    return readConfigFile(file, null, options.cwd, options.top);
  }
  const file = findConfigFile(options.searchFrom ?? options.cwd, options.cwd, options.top);
  return file ? loadConfigFile(file, options.cwd, options.top) : { config: {} };
}

/**
 * Reads, parses and validates a configuration file found in the repository; every problem is a UsageError naming the
 * file. A symbolic link out of the repository (its git root, else its SFDX project root, else its own folder) is
 * refused: a committed `connected-app-lint.yaml -> /etc/passwd` would otherwise be quoted back in the parse error.
 */
export async function loadConfigFile(file: string, cwd: string, top?: string): Promise<LoadedConfig> {
  return readConfigFile(file, lintRootFor(dirname(file), top), cwd, top);
}

async function readConfigFile(file: string, within: string | null, cwd: string, top?: string): Promise<LoadedConfig> {
  // The checked reader: a configuration that is a FIFO or a link to /dev/zero is refused, not read forever.
  const read = readCheckedText(file, { within });
  if (!read.ok) throw new UsageError(`cannot read configuration file ${displayPath(file, cwd)}: ${read.reason}`);
  return parseConfig(file, read.text, cwd, top);
}

/** Parses and validates a configuration's text; `file` decides the syntax (.json, else YAML) and names it in errors. */
export async function parseConfig(file: string, text: string, cwd: string, top?: string): Promise<LoadedConfig> {
  const data = isJson(file) ? parseJson(file, text, cwd) : await parseYaml(file, text, cwd);
  const validate = await schemaValidator();
  if (!validate(data)) throw new UsageError(await describeSchemaErrors(file, text, data, validate.errors ?? [], cwd));
  const config = normalize(data as LinterConfig, file, top);
  return { config, file };
}

const isJson = (file: string) => extname(file).toLowerCase() === '.json';

function parseJson(file: string, text: string, cwd: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`invalid configuration: ${displayPath(file, cwd)} is not valid JSON: ${(error as Error).message}`);
  }
}

async function parseYaml(file: string, text: string, cwd: string): Promise<unknown> {
  const { parseDocument } = await import('yaml');
  // YAML 1.2 (so `off` stays a string), no duplicate keys, and a cap on aliases against "billion laughs".
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const at = new LineIndex(file, text).at(error.pos[0]);
    throw new UsageError(`invalid configuration: ${displayPath(file, cwd)}:${at.line}:${at.column}: not valid YAML: ${error.message.split('\n')[0]}`);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    throw new UsageError(`invalid configuration: ${displayPath(file, cwd)}: ${(error as Error).message}`);
  }
}

/**
 * After validation: lookups by app or rule name must never reach Object.prototype (an app named `constructor`),
 * and ignore patterns written relative to the configuration file become relative to the linted root.
 */
function normalize(config: LinterConfig, file: string, top?: string): LinterConfig {
  const normalized: LinterConfig = { ...config };
  if (config.rules) normalized.rules = Object.assign(Object.create(null) as NonNullable<LinterConfig['rules']>, config.rules);
  if (config.apps) normalized.apps = Object.assign(Object.create(null) as NonNullable<LinterConfig['apps']>, config.apps);
  if (config.ignorePatterns) normalized.ignorePatterns = rebasePatterns(config.ignorePatterns, dirname(file), lintRootFor(dirname(file), top));
  return normalized;
}

/** The root discovery computes paths from, seen from the configuration's directory: git root, else SFDX root. */
function lintRootFor(dir: string, top?: string): string {
  const chain = configSearchDirectories(dir, top);
  const last = chain[chain.length - 1]!;
  if (top !== undefined && last === top) return top;
  return existsSync(join(last, '.git')) || existsSync(join(last, 'sfdx-project.json')) ? last : dir;
}

/**
 * `.gitignore`-style patterns relative to `from`, rewritten relative to `root` (an ancestor): `legacy/**` in
 * `app/connected-app-lint.yaml` becomes `app/legacy/**`; a pattern without a slash still matches at any depth below.
 */
export function rebasePatterns(patterns: readonly string[], from: string, root: string): string[] {
  const prefix = relative(root, from).split(sep).join('/');
  if (prefix === '' || prefix.startsWith('..') || isAbsolute(prefix)) return [...patterns];
  return patterns.map((pattern) => {
    const negated = pattern.startsWith('!');
    const body = negated ? pattern.slice(1) : pattern;
    const anchored = body.replace(/\/$/, '').includes('/');
    const rebased = anchored ? `${prefix}/${body.replace(/^\//, '')}` : `${prefix}/**/${body}`;
    return `${negated ? '!' : ''}${rebased}`;
  });
}

/** A path for messages: relative to the working directory when inside it (the caller's, never this process's). */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

// ---- error messages -------------------------------------------------------------------------------------------

/** Readable path of a value: `apps.Billing_Sync.flow`, `rules.certificate-valid[1]`. */
function keyPath(segments: readonly (string | number)[]): string {
  return segments.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('') || 'the configuration';
}

function segmentsOf(instancePath: string, data: unknown): (string | number)[] {
  const segments: (string | number)[] = [];
  let value = data;
  for (const raw of instancePath.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment = Array.isArray(value) ? Number(key) : key;
    segments.push(segment);
    value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;
  }
  return segments;
}

function valueAt(data: unknown, segments: readonly (string | number)[]): unknown {
  let value = data;
  for (const segment of segments) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;
  return value;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value);
}

const TYPE_NAMES: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'true or false' };

/** Keys the schema allows at a path, for "did you mean" hints. */
function allowedKeys(segments: readonly (string | number)[]): string[] {
  const schema = publishedSchema();
  const props = (node: unknown) => Object.keys(((node as { properties?: object } | undefined)?.properties ?? {}) as object);
  if (segments.length === 0) return props(schema).filter((key) => key !== '$schema');
  if (segments.length === 1 && segments[0] === 'rules') return props((schema.properties as Record<string, unknown>).rules);
  if (segments.length === 2 && segments[0] === 'apps') return props((schema.definitions as Record<string, unknown>).app);
  return [];
}

let schemaCache: Record<string, unknown> | undefined;
/** Read only when a configuration is wrong: for hints, never for validation. */
function publishedSchema(): Record<string, unknown> {
  schemaCache ??= JSON.parse(readFileSync(new URL('../../schema/config.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  return schemaCache;
}

/** Values with two accepted shapes (a schema if/then/else): name both rather than the one the value missed. */
function expectedShape(segments: readonly (string | number)[]): string | undefined {
  if (segments.length === 2 && segments[0] === 'rules') return 'off, warn or error, or [level, options]';
  if (segments.length === 3 && segments[0] === 'apps' && segments[2] === 'callbackUrls') return 'a list of URLs, or a mapping with production and sandbox lists';
  return undefined;
}

function explain(error: SchemaError, segments: readonly (string | number)[], data: unknown): { message: string; keySegments: (string | number)[]; onKey: boolean } | undefined {
  const path = keyPath(segments);
  const value = valueAt(data, segments);
  switch (error.keyword) {
    case 'if':
      return undefined; // "must match then/else": the branch's own error says what is wrong
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const at = [...segments, key];
      if (segments.length === 1 && segments[0] === 'rules') {
        if (key === 'parse-error') return { message: 'rules.parse-error cannot be configured: a file that cannot be parsed is always an error', keySegments: at, onKey: true };
        const hint = closestName(key, allowedKeys(segments));
        return { message: `unknown rule "${key}" in rules${hint ? ` (did you mean "${hint}"?)` : ''}; plugin rules are written <plugin>/<rule>`, keySegments: at, onKey: true };
      }
      const allowed = allowedKeys(segments);
      const hint = closestName(key, allowed);
      return {
        message: `unknown key "${key}" in ${path}${hint ? ` (did you mean "${hint}"?)` : allowed.length ? `; allowed: ${allowed.join(', ')}` : ''}`,
        keySegments: at,
        onKey: true,
      };
    }
    case 'enum':
      return { message: `${path} must be one of ${(error.params.allowedValues as unknown[]).join(', ')}, not ${describeValue(value)}`, keySegments: [...segments], onKey: false };
    case 'type': {
      const expected = expectedShape(segments) ?? TYPE_NAMES[String(error.params.type)] ?? String(error.params.type);
      return { message: `${path} must be ${expected}, not ${describeValue(value)}`, keySegments: [...segments], onKey: false };
    }
    case 'required':
      return { message: `${path} needs "${error.params.missingProperty}"`, keySegments: [...segments], onKey: false };
    case 'minLength':
      return { message: `${path} must not be empty`, keySegments: [...segments], onKey: false };
    case 'minItems':
    case 'maxItems':
      if (expectedShape(segments)) return { message: `${path} must be ${expectedShape(segments)}`, keySegments: [...segments], onKey: false };
      return { message: `${path} ${error.message ?? 'has the wrong number of items'}`, keySegments: [...segments], onKey: false };
    default:
      return { message: `${path} ${error.message ?? 'is invalid'}`, keySegments: [...segments], onKey: false };
  }
}

/** Every schema violation, one per line, each with file:line:column of the offending key or value. */
async function describeSchemaErrors(file: string, text: string, data: unknown, errors: readonly SchemaError[], cwd: string): Promise<string> {
  const problems = new Map<string, Position | undefined>();
  const locate = await keyLocator(file, text);
  for (const error of errors) {
    const explained = explain(error, segmentsOf(error.instancePath, data), data);
    if (!explained) continue;
    const at = locate(explained.keySegments, explained.onKey);
    problems.set(`${displayPath(file, cwd)}${at ? `:${at.line}:${at.column}` : ''}: ${explained.message}`, at);
  }
  if (problems.size === 0) problems.set(`${displayPath(file, cwd)}: does not match the configuration schema`, undefined);
  const order = (at: Position | undefined) => (at ? at.line * 1e6 + at.column : 0);
  const lines = [...problems].sort((a, b) => order(a[1]) - order(b[1])).map(([line]) => line);
  return `invalid configuration:\n  ${lines.join('\n  ')}`;
}

/**
 * Finds where a key or value sits in a configuration file (JSON is YAML too), for messages and for findings on
 * the configuration. Loads yaml: called only when something is wrong.
 */
export async function keyLocator(file: string, text: string): Promise<(segments: readonly (string | number)[], onKey?: boolean) => Position | undefined> {
  const { isMap, isPair, isScalar, parseDocument } = await import('yaml');
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const lines = new LineIndex(file, text);
  return (segments, onKey = false) => {
    let node: unknown = doc.contents;
    let keyNode: unknown;
    for (const segment of segments) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) return undefined;
        keyNode = pair.key;
        node = pair.value;
      } else if (node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown[] }).items)) {
        keyNode = undefined;
        node = (node as { items: unknown[] }).items[Number(segment)];
      } else {
        return undefined;
      }
    }
    const target = (onKey && keyNode ? keyNode : (node ?? keyNode)) as { range?: [number, number, number] } | undefined;
    if (!target?.range) return undefined;
    return lines.at(target.range[0], target.range[1]);
  };
}
