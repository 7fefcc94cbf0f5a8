#!/usr/bin/env node
// Builds the GitHub Action's entry, action/bundle/index.mjs: src/action/main.ts and everything it uses in one file,
// committed to the repository because GitHub runs an action from its repository without installing anything.
//
//   npm run build:action                   rebuild the committed bundle
//   node scripts/build-action.mjs <file>   build elsewhere (the test compares that with the committed bundle)
//
// The output is deterministic (same sources and esbuild version, same bytes), so a stale bundle is a test failure.
//
// Where the bundle sits matters: lint.ts reads the version from `../../package.json` relative to its module, and in
// the bundle that module is action/bundle/index.mjs, so the path lands on the repository's package.json, as it does
// for dist/engine/lint.js.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ACTION_BUNDLE = join(ROOT, 'action', 'bundle', 'index.mjs');

/**
 * What our sources load at run time through `createRequire()` rather than `import`: modules they `require()` and
 * package files they `require.resolve()` and then read with `readFileSync`. esbuild cannot see through
 * `createRequire`, and a bundle has no node_modules to find them in, so they travel inside it: our modules'
 * `node:module` and `node:fs` imports are pointed at shims that serve these entries (files under a virtual path)
 * and hand everything else to Node. A source that starts loading another package this way fails the action test
 * with "Cannot find module": add the package here.
 */
function packageFiles() {
  const require = createRequire(join(ROOT, 'package.json'));
  const sdrManifest = require.resolve('@salesforce/source-deploy-retrieve/package.json');
  const registryPath = require.resolve('@salesforce/source-deploy-retrieve/lib/src/registry/metadataRegistry.json');
  return {
    // Data files: their text, minified when JSON (the data are unchanged, the bundle is 70 KB smaller).
    files: {
      '@salesforce/source-deploy-retrieve/package.json': JSON.stringify({ name: '@salesforce/source-deploy-retrieve' }),
      '@salesforce/source-deploy-retrieve/lib/src/registry/metadataRegistry.json': JSON.stringify(JSON.parse(readFileSync(registryPath, 'utf8'))),
    },
    // Modules required by name, resolved as the requiring source resolves them.
    modules: {
      // src/project/forceignore.ts: SDR's own copy of `ignore`, the one .forceignore semantics depend on.
      'ignore/index': createRequire(sdrManifest).resolve('ignore/index'),
      // src/parser/xml.ts: fast-xml-parser's CommonJS build.
      'fast-xml-parser': require.resolve('fast-xml-parser'),
    },
  };
}

const VIRTUAL_ROOT = '/$connected-app-lint-bundle$/node_modules/';

function packageFilesShim() {
  const { files, modules } = packageFiles();
  // require(), not import: the shim must hand out exactly what Node's require() returns (module.exports), also for
  // CommonJS builds that set __esModule, whose default import would be something else.
  const moduleTable = Object.entries(modules)
    .map(([id, path]) => `  ${JSON.stringify(id)}: () => require(${JSON.stringify(path)}),`)
    .join('\n');
  return `
import * as nodeFs from 'node:fs';
import * as nodeModule from 'node:module';

const VIRTUAL_ROOT = ${JSON.stringify(VIRTUAL_ROOT)};
const FILES = ${JSON.stringify(files)};
const MODULES = {
${moduleTable}
};

function virtualFile(path) {
  return typeof path === 'string' && path.startsWith(VIRTUAL_ROOT) ? FILES[path.slice(VIRTUAL_ROOT.length)] : undefined;
}

export function createRequire(from) {
  const real = nodeModule.createRequire(from);
  const bundledRequire = (id) => {
    if (Object.hasOwn(MODULES, id)) return MODULES[id]();
    try {
      return real(id);
    } catch (error) {
      if (error?.code === 'MODULE_NOT_FOUND') error.message += ' (the action bundle carries only the modules listed in scripts/build-action.mjs)';
      throw error;
    }
  };
  bundledRequire.resolve = (id, options) => (Object.hasOwn(FILES, id) ? VIRTUAL_ROOT + id : real.resolve(id, options));
  bundledRequire.cache = real.cache;
  return bundledRequire;
}

export function readFileSync(path, options) {
  const text = virtualFile(path);
  if (text === undefined) return nodeFs.readFileSync(path, options);
  const encoding = typeof options === 'string' ? options : options?.encoding;
  return encoding ? text : Buffer.from(text, 'utf8');
}
`;
}

/** Points `node:module` and `node:fs` imports of our own sources at the shims; dependencies keep the real ones. */
function bundledPackageFilesPlugin() {
  const sources = join(ROOT, 'src');
  return {
    name: 'bundled-package-files',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^node:(fs|module)$/ }, (args) => {
        if (!args.importer.startsWith(sources)) return undefined;
        return { path: args.path, namespace: 'bundled-package-files' };
      });
      pluginBuild.onLoad({ filter: /^node:fs$/, namespace: 'bundled-package-files' }, () => ({
        contents: "export * from 'node:fs';\nexport { readFileSync } from 'bundled-package-files:shim';\n",
        resolveDir: ROOT,
        loader: 'js',
      }));
      pluginBuild.onLoad({ filter: /^node:module$/, namespace: 'bundled-package-files' }, () => ({
        contents: "export * from 'node:module';\nexport { createRequire } from 'bundled-package-files:shim';\n",
        resolveDir: ROOT,
        loader: 'js',
      }));
      pluginBuild.onResolve({ filter: /^bundled-package-files:shim$/ }, () => ({ path: 'shim', namespace: 'bundled-package-files' }));
      pluginBuild.onLoad({ filter: /^shim$/, namespace: 'bundled-package-files' }, () => ({ contents: packageFilesShim(), resolveDir: ROOT, loader: 'js' }));
    },
  };
}

export async function buildAction(outfile = ACTION_BUNDLE) {
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/action/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    charset: 'utf8',
    legalComments: 'eof',
    logLevel: 'warning',
    banner: {
      js: [
        '// Generated by scripts/build-action.mjs from src/action/main.ts: do not edit, run `npm run build:action`.',
        // Bundled CommonJS dependencies require() Node built-ins (yaml requires `process` and `buffer`); an ES module
        // has no require of its own, and esbuild's stand-in throws without one.
        "import { createRequire as __bundleCreateRequire } from 'node:module';",
        'const require = __bundleCreateRequire(import.meta.url);',
      ].join('\n'),
    },
    plugins: [bundledPackageFilesPlugin()],
  });
  return outfile;
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const outfile = process.argv[2] ? resolve(process.argv[2]) : ACTION_BUNDLE;
  await buildAction(outfile);
  process.stdout.write(`built ${outfile}\n`);
}
