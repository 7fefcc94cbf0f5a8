// What the committed dist/ bundle is made of, read as text: no runtime dependency (nothing is imported but Node's
// built-ins and the bundle's own files) and a lazy start (the formatter and YAML are not loaded by a plain run).
// test/e2e/build.test.ts checks that dist/ is up to date with the sources.
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/cli.js';

const DIST = join(REPO, 'dist');
const bundleFiles = readdirSync(DIST, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
  .map((entry) => join(entry.parentPath, entry.name));

/** Module specifiers a file loads: static imports and re-exports, `import()` and `require()` with a literal. */
function specifiers(file: string): { path: string; lazy: boolean }[] {
  const text = readFileSync(file, 'utf8');
  const found: { path: string; lazy: boolean }[] = [];
  for (const match of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|^import\s*["']([^"']+)["']/gm)) {
    found.push({ path: (match[1] ?? match[2])!, lazy: false });
  }
  for (const match of text.matchAll(/(?<![\w$.'"])(import|__require|require)\(\s*["']([^"']+)["']\s*\)/g)) found.push({ path: match[2]!, lazy: true });
  return found;
}

/** The files a module loads before its code runs: the closure of its static imports. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const { path, lazy } of specifiers(file)) if (!lazy && path.startsWith('.')) pending.push(join(dirname(file), path));
  }
  return seen;
}

describe('the dist/ bundle', () => {
  it('loads nothing but Node built-ins and its own files: no runtime dependency', () => {
    expect(bundleFiles.length).toBeGreaterThan(2);
    const outside = bundleFiles.flatMap((file) =>
      specifiers(file)
        .map(({ path }) => path)
        .filter((path) => !path.startsWith('.') && !isBuiltin(path))
        .map((path) => `${relative(DIST, file)}: ${path}`),
    );
    expect(outside).toEqual([]);
  });

  it('its relative imports all land on files of the bundle', () => {
    for (const file of bundleFiles) {
      for (const { path } of specifiers(file)) if (path.startsWith('.')) expect(bundleFiles, `${relative(DIST, file)} -> ${path}`).toContain(join(dirname(file), path));
    }
  });

  it('starts lazily: the CLI and library load neither the text formatter nor YAML until a run needs them', () => {
    for (const entry of ['cli/main.js', 'lib/index.js']) {
      const loaded = [...staticClosure(join(DIST, entry))].map((file) => readFileSync(file, 'utf8')).join('\n');
      expect(loaded, entry).toContain('function lint('); // the closure is the linter itself, so absences mean something
      expect(loaded, entry).not.toContain('node_modules/eslint-formatter-pretty/');
      expect(loaded, entry).not.toContain('node_modules/yaml/');
    }
    const all = bundleFiles.map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(all).toContain('node_modules/eslint-formatter-pretty/');
    expect(all).toContain('node_modules/yaml/');
  });

  it('loads the text formatter without its dead weight: no ESLint rule table, no Unicode tables built before use', async () => {
    const formatter = bundleFiles.find((file) => file.includes('eslint-formatter-pretty'))!;
    const text = readFileSync(formatter, 'utf8');
    expect(text).not.toContain('node_modules/eslint-rule-docs/');
    expect(text).not.toMatch(/^var segmenter = new Intl\.Segmenter\(\)/m);
    // The formatter still measures wide characters and emoji as two columns each.
    const { default: format } = (await import(formatter)) as { default: (results: unknown[], data: unknown) => string };
    // Each message is laid out beside a wider one, 'abcdefgh', and padded to its width.
    const messages = (message: string) => [message, 'abcdefgh'].map((text, index) => ({ ruleId: 'r', severity: 2, line: index + 1, column: 1, message: text }));
    const line = (message: string) =>
      format([{ filePath: join(REPO, 'a.xml'), messages: messages(message), errorCount: 2, warningCount: 0 }], { rulesMeta: { r: {} } })
        .replace(/\u001b\[[0-9;]*m|\u001b\]8;[^\u0007]*\u0007/g, '')
        .split('\n')
        .find((text) => text.includes('1:1  '))!;
    /** What follows the message: the padding (the columns the message leaves of the widest one) and the rule id. */
    const after = (message: string) => line(message).slice(line(message).indexOf(message) + message.length);
    // '漢字' and '👍🏽' take the columns of 'abcd' and 'ab', so they are padded alike.
    expect(after('漢字')).toBe(after('abcd'));
    expect(after('👍🏽')).toBe(after('ab'));
  });

  it('ships the worker threads\' script where the pool looks for it, loading only the bundle and Node', () => {
    // src/engine/screen-pool.ts finds it at ../engine/screen-worker.js from its chunk; without it every run would
    // quietly read in one thread.
    const worker = join(DIST, 'engine', 'screen-worker.js');
    expect(bundleFiles).toContain(worker);
    expect(readFileSync(worker, 'utf8')).toContain('node:worker_threads');
  });

  it('declares the library types that package.json points at, importing no package', () => {
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { types: string; exports: { '.': { types: string; default: string } } };
    expect(manifest.exports['.'].types).toBe(`./${manifest.types}`);
    const types = readFileSync(join(REPO, manifest.types), 'utf8');
    expect(types).toContain("export * from './types/index.js'");
    expect(readFileSync(join(DIST, 'types', 'index.d.ts'), 'utf8')).toMatch(/export \{ lint/);
  });
});
