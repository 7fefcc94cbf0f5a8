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
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(args, { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
}
