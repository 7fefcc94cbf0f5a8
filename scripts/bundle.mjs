// What every esbuild bundle of this repository shares (dist/ for npm and git installs, action/bundle/ for the
// GitHub Action): Node ESM output, bundled dependencies and deterministic bytes. Used by scripts/build-dist.mjs and
// scripts/build-action.mjs.
//
// Where a bundle's files sit matters: src/engine/lint.ts reads `../../package.json` and src/config/config.ts reads
// `../../schema/config.schema.json` relative to their module, and in a bundle that module is the output file. So
// every output file sits two folders below the repository root (dist/cli/main.js, dist/chunks/x.js,
// action/bundle/index.mjs), as the sources do (src/engine/lint.ts).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * CommonJS packages our sources `import()` lazily, pointed at the same package's ES module build. With code
 * splitting, esbuild makes a lazily imported CommonJS package a chunk with only a default export, so
 * `const { parseDocument } = await import('yaml')` would find nothing; an ES module chunk keeps the names. (yaml's
 * ES module build is the one it ships for browsers, pure JavaScript like its Node build.)
 */
function esmBuildsPlugin() {
  const require = createRequire(join(ROOT, 'package.json'));
  const esmBuilds = { yaml: join(dirname(require.resolve('yaml/package.json')), 'browser', 'index.js') };
  return {
    name: 'esm-builds',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^yaml$/ }, (args) => (Object.hasOwn(esmBuilds, args.path) ? { path: esmBuilds[args.path] } : undefined));
    },
  };
}

/**
 * Dependencies of our dependencies that can never run for us, replaced by a stand-in. eslint-formatter-pretty looks
 * a rule's documentation up in eslint-rule-docs (217 KB of JSON on ESLint plugins' rules, ~15 ms to load on every
 * text report) only when the rulesMeta it is given has no entry for the rule, and the text reporter gives one for
 * every rule of the run (src/reporters/text.ts). The stand-in gives no URL; the real one would give an eslint.org or
 * ESLint plugin page, which is never this linter's rule page.
 */
function deadDependenciesPlugin() {
  return {
    name: 'dead-dependencies',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^eslint-rule-docs$/ }, () => ({ path: 'eslint-rule-docs', namespace: 'dead-dependency' }));
      pluginBuild.onLoad({ filter: /.*/, namespace: 'dead-dependency' }, () => ({ contents: 'export default function getRuleDocs() {\n  return {};\n}\n', loader: 'js' }));
    },
  };
}

/**
 * string-width (eslint-formatter-pretty's measure of a line) builds an `Intl.Segmenter` and an `RGI_Emoji` regular
 * expression when it is loaded: ~23 ms of every text report's start (docs/benchmarks.md), spent even on the lines of
 * printable ASCII its fast path measures without them. They are built on first use instead; nothing else changes.
 * Each replaced line must be found, so that a new version of string-width fails the build rather than loading slowly.
 */
const STRING_WIDTH_LAZY = [
  ['const segmenter = new Intl.Segmenter();', 'let eagerSegmenter;\nconst segmenter = { segment: (text) => (eagerSegmenter ??= new Intl.Segmenter()).segment(text) };'],
  ['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', "let eagerRgiEmojiRegex;\nconst rgiEmojiRegex = { test: (text) => (eagerRgiEmojiRegex ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(text) };"],
];

function lazyStringWidthPlugin() {
  return {
    name: 'lazy-string-width',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, async (args) => {
        let contents = await readFile(args.path, 'utf8');
        for (const [eager, lazy] of STRING_WIDTH_LAZY) {
          if (!contents.includes(eager)) throw new Error(`string-width changed: '${eager}' not found in ${args.path}; update STRING_WIDTH_LAZY in scripts/bundle.mjs`);
          contents = contents.replace(eager, () => lazy);
        }
        return { contents, loader: 'js' };
      });
    },
  };
}

/** esbuild options for a Node ESM bundle of our sources; `header` is the first line of every output file. */
export function bundleOptions(header) {
  return {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    charset: 'utf8',
    legalComments: 'eof',
    logLevel: 'warning',
    metafile: true,
    banner: {
      js: [
        header,
        // Bundled CommonJS dependencies require() Node built-ins (yaml requires `process` and `buffer`); an ES module
        // has no require of its own, and esbuild's stand-in throws without one.
        "import { createRequire as __bundleCreateRequire } from 'node:module';",
        'const require = __bundleCreateRequire(import.meta.url);',
      ].join('\n'),
    },
    plugins: [esmBuildsPlugin(), deadDependenciesPlugin(), lazyStringWidthPlugin()],
  };
}

/** The npm packages (folder under node_modules) whose files went into a build, from esbuild's metafile. */
export function bundledPackageDirs(metafile) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replaceAll('\\', '/'));
    if (match) dirs.add(match[1]);
  }
  return [...dirs];
}
