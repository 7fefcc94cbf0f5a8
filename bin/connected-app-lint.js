#!/usr/bin/env node
// Thin launcher: keep start-up cheap. `--version` is answered without loading the linter. dist/ is the committed
// bundle (npm run build), so a clone, a git install or the pre-commit framework runs this with nothing installed.
import { readFileSync } from 'node:fs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  // The pre-commit hook runs whatever `node` is on PATH: say what is wrong instead of failing on a missing API.
  process.stderr.write(`connected-app-lint needs Node.js 20.19 or newer; this is Node.js ${process.versions.node}.\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  // Node 22.1+ can cache compiled modules on disk: later runs (every commit, with pre-commit) start faster.
  (await import('node:module')).enableCompileCache?.();
  // A lint is over in half a second. On Node 20 (V8 11), the optimizing compiler at its default budget spends ~230 ms
  // of CPU on functions that run a few hundred times (once per app) and never pays it back; four times the budget
  // keeps the hot loops (one call per file) optimized and cuts the 20,000-file lint by ~60 ms on two cores, with
  // 100,000 files unchanged (docs/benchmarks.md, round 6). V8 12+ (Node 22, 24) tiers up through Maglev, knows no
  // such flag and gains nothing from its successors. Only the launcher does it: the library leaves its host's V8
  // alone, and a budget the user sets in NODE_OPTIONS or on node's command line wins.
  const v8Major = Number(process.versions.v8.split('.')[0]);
  const userFlags = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`;
  if (v8Major < 12 && !/--interrupt[-_]budget/.test(userFlags)) (await import('node:v8')).setFlagsFromString('--interrupt-budget=528000');
  // A lint of a big work tree gets its screening worker now, to boot while the linter loads (src/engine/standby-worker.ts).
  (await import('../dist/engine/standby-worker.js')).startStandbyWorker(args, process.cwd(), process.env);
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(args, { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
}
