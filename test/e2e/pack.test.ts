// The packed tarball is the product: `npm pack`, installed into an empty project with the network off, must hold
// only what users need, install no dependency, stay small, and lint the demo as the CLI and as a library.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/cli.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** What the package may ship: the bundle and its launcher, the schema, the docs, the Action, legal files. */
const SHIPPED = /^(package\.json|README\.md|LICENSE|THIRD_PARTY_NOTICES|CHANGELOG\.md|SECURITY\.md|action\.yml|(bin|dist|schema|docs|action\/bundle)\/.+)$/;
const MAX_INSTALLED_BYTES = 5 * 1024 * 1024;

function run(command: string, args: string[], options: SpawnSyncOptions): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', shell: process.platform === 'win32', ...options });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

function bytesUnder(path: string): number {
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

describe('the npm package', () => {
  const env = { ...process.env, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  let files: string[];
  let consumer: string;

  beforeAll(() => {
    const packDir = tempDir('calint-pack-');
    const packed = run(NPM, ['pack', '--json', '--pack-destination', packDir], { cwd: REPO, env });
    expect(packed.status, packed.stderr).toBe(0);
    const [report] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    files = report!.files.map((file) => file.path);

    consumer = tempDir('calint-consumer-');
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
    // --offline: the registry is never asked, so a single dependency would fail the install.
    const installed = run(NPM, ['install', '--offline', '--no-package-lock', join(packDir, report!.filename)], { cwd: consumer, env });
    expect(installed.status, `${installed.stdout}${installed.stderr}`).toBe(0);
  });

  it('ships only the bundle, its launcher, the schema, the docs, the Action and the legal files', () => {
    expect(files.filter((file) => !SHIPPED.test(file))).toEqual([]);
    for (const needed of ['bin/connected-app-lint.js', 'dist/cli/main.js', 'dist/lib/index.js', 'dist/index.d.ts', 'schema/config.schema.json', 'action.yml', 'action/bundle/index.mjs', 'THIRD_PARTY_NOTICES', 'LICENSE']) {
      expect(files).toContain(needed);
    }
  });

  it(`installs offline with no dependency, in at most ${MAX_INSTALLED_BYTES / 1024 / 1024} MB`, () => {
    const installed = readdirSync(join(consumer, 'node_modules')).filter((name) => !name.startsWith('.'));
    expect(installed).toEqual(['connected-app-lint']);
    const tree = run(NPM, ['ls', '--all', '--json'], { cwd: consumer, env });
    const dependencies = (JSON.parse(tree.stdout) as { dependencies: Record<string, { dependencies?: object }> }).dependencies;
    expect(Object.keys(dependencies)).toEqual(['connected-app-lint']);
    expect(dependencies['connected-app-lint']!.dependencies ?? {}).toEqual({});
    expect(bytesUnder(join(consumer, 'node_modules'))).toBeLessThanOrEqual(MAX_INSTALLED_BYTES);
  });

  it('npx connected-app-lint lint finds the demo\'s problems (exit 1), in every format', () => {
    const demo = join(consumer, 'demo');
    cpSync(join(REPO, 'fixtures', 'demo'), demo, { recursive: true });
    const text = run(NPM, ['exec', '--offline', '--', 'connected-app-lint', 'lint', 'demo'], { cwd: consumer, env });
    expect(text.status, text.stderr).toBe(1);
    expect(text.stdout).toContain('no-full-scope');
    const json = run(NPM, ['exec', '--offline', '--', 'calint', 'lint', 'demo', '--format', 'json'], { cwd: consumer, env });
    expect(json.status, json.stderr).toBe(1);
    const results = JSON.parse(json.stdout) as { messages: { ruleId: string }[] }[];
    expect(results.flatMap((result) => result.messages.map((message) => message.ruleId))).toContain('no-secrets-in-repo');
    const config = run(NPM, ['exec', '--offline', '--', 'calint', 'init'], { cwd: demo, env });
    expect(config.status, config.stderr).toBe(0); // writes YAML: the lazily loaded YAML chunk is in the package
  });

  it('imports as a library and lints', () => {
    const script =
      "import { Linter } from 'connected-app-lint'; const results = await new Linter({ cwd: process.cwd() }).lintFiles(['demo']); console.log(results.reduce((sum, r) => sum + r.errorCount, 0));";
    const library = run(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer, env, shell: false });
    expect(library.status, library.stderr).toBe(0);
    expect(Number(library.stdout.trim())).toBeGreaterThan(0);
  });
});

describe('this repository', () => {
  it('npm ls --omit=dev lists nothing: no runtime dependency', () => {
    const tree = run(NPM, ['ls', '--omit=dev', '--json'], { cwd: REPO, env: process.env });
    expect(tree.status, tree.stderr).toBe(0);
    expect((JSON.parse(tree.stdout) as { dependencies?: object }).dependencies ?? {}).toEqual({});
  });
});
