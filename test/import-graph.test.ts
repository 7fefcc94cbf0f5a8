// The layering of src/, read from the imports themselves: data flows one way (scope -> parse -> model -> rules ->
// report), so no folder imports one above it. A new upward import fails here with the file and the import named.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/cli.js';

const SRC = join(REPO, 'src');

/**
 * What each folder of src/ may import besides itself and the shared leaf files at src/ (types.ts, package-info).
 * `*` is anything: the shells (cli, action) and the package entry point.
 */
const ALLOWED: Readonly<Record<string, readonly string[] | '*'>> = {
  // Leaves: the secret scanner imports nothing; output safety (safe-text) masks secrets with it.
  text: ['secrets'],
  secrets: [],
  parser: ['text', 'secrets'],
  // The scope: which files, read how (the checked reader sniffs binaries with secrets/files).
  project: ['parser', 'secrets', 'text'],
  model: ['parser', 'secrets', 'text'],
  // Rules see the model and file texts; never where files come from (project), the engine, or the output.
  rules: ['model', 'parser', 'secrets', 'text'],
  // Configuration: loading, its schema (from the rules' meta), the generated validator, plugins.
  config: ['project', 'parser', 'rules', 'secrets', 'text'],
  engine: ['config', 'project', 'parser', 'model', 'rules', 'secrets', 'text'],
  // Reporters format a finished run: never the model or the rules (engine for its one path helper).
  reporters: ['engine', 'secrets', 'text'],
  // Inline directives, the baseline, stale configuration: post-processors the library hands the engine.
  suppress: ['engine', 'config', 'project', 'parser', 'secrets', 'text'],
  linter: ['engine', 'config', 'suppress', 'project', 'parser', 'model', 'rules', 'reporters', 'secrets', 'text'],
  // The posture diff is a command built on the library (prepareLint), beside the linter.
  diff: ['linter', 'engine', 'config', 'project', 'parser', 'model', 'rules', 'secrets', 'text'],
  cli: '*',
  action: '*',
  'index.ts': '*',
};

/** Files at src/ that are leaves everybody may import. */
const SHARED_LEAVES = new Set(['types.ts', 'errors.ts', 'package-info.ts', 'package-info.generated.ts']);

/**
 * Known exceptions, each an exact file -> file import with the reason it stays. The diff reporters render the diff's
 * own types and titles; those two files of src/diff import nothing above rules (checked below), so no cycle.
 */
const EXCEPTIONS: readonly { from: RegExp; to: string; why: string }[] = [
  { from: /^reporters\/diff\//, to: 'diff/types.ts', why: 'the diff reporters render the PostureDiff shape' },
  { from: /^reporters\/diff\//, to: 'diff/settings.ts', why: 'the diff reporters title a change as the diff names it' },
  // The schema lists the engine's own finding ids (parse-error, config, …) beside the rules'; it runs when the schema
  // is generated, never at lint time, and engine-rules.ts imports nothing from the engine.
  { from: /^config\/schema\.ts$/, to: 'engine/engine-rules.ts', why: "the configuration's rule ids include the engine's" },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports of a file (static, `export … from`, dynamic `import('…')`), as src-relative paths. */
function importsOf(file: string): { to: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8');
  const statements = /^(import|export)\s+(type\s+)?[^;]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|^import\s+['"](\.{1,2}\/[^'"]+)['"]|\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]/gm;
  return [...text.matchAll(statements)].map((match) => ({
    to: relative(SRC, resolve(dirname(file), (match[3] ?? match[4] ?? match[5])!)).split(sep).join(posix.sep).replace(/\.js$/, '.ts'),
    typeOnly: match[2] !== undefined,
  }));
}

const layerOf = (path: string) => (path.includes('/') ? path.slice(0, path.indexOf('/')) : path);

const graph = sourceFiles(SRC).map((file) => {
  const from = relative(SRC, file).split(sep).join(posix.sep);
  const imports = importsOf(file);
  return { from, imports: imports.map((entry) => entry.to), runtimeImports: imports.filter((entry) => !entry.typeOnly).map((entry) => entry.to) };
});

describe('the import graph of src/', () => {
  it('reads a real graph (every layer present, imports found)', () => {
    const layers = new Set(graph.map((file) => layerOf(file.from)));
    for (const layer of Object.keys(ALLOWED)) expect(layers, layer).toContain(layer);
    expect(graph.reduce((sum, file) => sum + file.imports.length, 0)).toBeGreaterThan(200);
  });

  it('has no upward import: every import is allowed by the layering or a listed exception', () => {
    const violations: string[] = [];
    for (const { from, imports } of graph) {
      const layer = layerOf(from);
      if (SHARED_LEAVES.has(layer)) continue;
      const allowed = ALLOWED[layer];
      expect(allowed, `${from}: add its folder to ALLOWED`).toBeDefined();
      if (allowed === '*') continue;
      for (const to of imports) {
        const target = layerOf(to);
        if (target === layer || SHARED_LEAVES.has(target) || allowed!.includes(target)) continue;
        if (EXCEPTIONS.some((exception) => exception.from.test(from) && exception.to === to)) continue;
        violations.push(`${from} -> ${to}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('runs git in one place: only src/project/git/ starts processes, and only it imports its own files', () => {
    const spawners = graph.filter((file) => /from 'node:child_process'/.test(readFileSync(join(SRC, file.from), 'utf8'))).map((file) => file.from);
    expect(spawners.length).toBeGreaterThan(0);
    expect(spawners.filter((file) => !file.startsWith('project/git/'))).toEqual([]);
    const reachingIn = graph.flatMap((file) =>
      file.from.startsWith('project/git/') ? [] : file.imports.filter((to) => to.startsWith('project/git/') && to !== 'project/git/index.ts').map((to) => `${file.from} -> ${to}`),
    );
    expect(reachingIn).toEqual([]);
  });

  it('the shared leaves import no folder', () => {
    for (const { from, imports } of graph.filter((file) => SHARED_LEAVES.has(file.from))) {
      expect(imports.filter((to) => !SHARED_LEAVES.has(to)), from).toEqual([]);
    }
  });

  it('the files the exceptions name import nothing above rules (no cycle through them)', () => {
    for (const target of new Set(EXCEPTIONS.map((exception) => exception.to))) {
      const imports = graph.find((file) => file.from === target)?.imports;
      expect(imports, `${target} exists`).toBeDefined();
      const layers = imports!.map(layerOf).filter((layer) => !SHARED_LEAVES.has(layer) && layer !== 'diff');
      expect(layers.filter((layer) => !(ALLOWED.rules as readonly string[]).includes(layer) && layer !== 'rules'), target).toEqual([]);
    }
  });

  // `import type` is erased at build time: a cycle through one costs nothing at run time, so only value imports count.
  it('has no import cycle between files', () => {
    const edges = new Map(graph.map((file) => [file.from, file.runtimeImports]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const next of edges.get(file) ?? []) if (edges.has(next)) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of edges.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
