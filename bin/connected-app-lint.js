#!/usr/bin/env node
// Thin launcher: keep start-up cheap. `--version` is answered without loading the linter.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  // Node 22.1+ can cache compiled modules on disk: later runs (every commit, with pre-commit) start faster.
  (await import('node:module')).enableCompileCache?.();
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(args, { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
}
