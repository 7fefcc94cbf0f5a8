// The pre-commit framework, for real: it clones this repository the way users' configurations point at it, installs
// the `language: script` hooks (the clone is all there is to install: dist/ is committed) and runs them from
// `git commit`. The hook must work with nothing beyond what a clean clone holds, and install in seconds.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintedTypes } from '../../src/project/metadata-types.js';
import { connectedApp, REPO, tempDir } from '../helpers/cli.js';
import { git, gitRepository, SFDX_PROJECT, TYPES, writeFiles } from '../helpers/git.js';

interface HookDefinition {
  id: string;
  entry: string;
  language: string;
  files?: string;
  pass_filenames?: boolean;
  require_serial?: boolean;
}

const HOOKS = parse(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[];
const hook = (id: string) => HOOKS.find((definition) => definition.id === id)!;

/** pre-commit's `files` is a Python regex; `(?i)` up front is its case-insensitive flag. */
function filesPattern(definition: HookDefinition): RegExp {
  const source = definition.files ?? '';
  return source.startsWith('(?i)') ? new RegExp(source.slice(4), 'i') : new RegExp(source);
}

describe('.pre-commit-hooks.yaml', () => {
  it('declares the two script hooks, run by the committed launcher, with the files they need', () => {
    expect(HOOKS.map((definition) => definition.id)).toEqual(['connected-app-lint', 'connected-app-lint-secrets']);
    for (const definition of HOOKS) {
      expect(definition).toMatchObject({ language: 'script', pass_filenames: true, require_serial: true });
      expect(definition.entry.split(' ')[0]).toBe('bin/connected-app-lint.js');
    }
    expect(hook('connected-app-lint-secrets').entry).toBe('bin/connected-app-lint.js lint --only no-secrets-in-repo');
    expect(hook('connected-app-lint-secrets').files).toBeUndefined();
  });

  it('the main hook matches every linted metadata suffix and the secret-prone files, nothing else', () => {
    const files = filesPattern(hook('connected-app-lint'));
    const metadata = lintedTypes().flatMap((type) => [`force-app/x/${type.directoryName}/App.${type.suffix}-meta.xml`, `src/${type.directoryName}/App.${type.suffix}`]);
    const secretProne = ['certs/server.key', 'server.pem', 'certs/jwt.p12', 'a.pfx', 'store.jks', 'release.keystore', '.env', 'config/.env.local', 'authUrl.txt', 'auth/devhub.json', 'manifest/destructiveChanges.xml', 'destructiveChangesPost.xml', 'old/Legacy.CONNECTEDAPP'];
    for (const path of [...metadata, ...secretProne]) expect(files.test(path), path).toBe(true);
    for (const path of ['force-app/main/default/classes/A.cls', 'README.md', 'force-app/main/default/layouts/A.layout-meta.xml', 'environment.ts', 'package.xml']) {
      expect(files.test(path), path).toBe(false);
    }
  });
});

const PRE_COMMIT = 'pre-commit';
/** The budget for the hook environment (pre-commit's cache after installing the hooks). */
const MAX_HOOK_ENVIRONMENT_BYTES = 20 * 1024 * 1024;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): { status: number; output: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env, timeout: 240_000 });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

/** A hook repository made of this working tree's files (what a commit of it would hold), committed. */
function hookRepository(): { path: string; sha: string } {
  const path = tempDir('calint-hook-repo-');
  const listed = git(REPO, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0').filter(Boolean);
  for (const file of listed) {
    if (!existsSync(join(REPO, file))) continue; // deleted in the working tree, not yet committed
    mkdirSync(dirname(join(path, file)), { recursive: true });
    copyFileSync(join(REPO, file), join(path, file));
  }
  git(path, 'init', '-q', '-b', 'main');
  git(path, 'add', '-A');
  git(path, '-c', 'user.email=test@example.com', '-c', 'user.name=Test', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'hook repository');
  return { path, sha: git(path, 'rev-parse', 'HEAD').trim() };
}

describe('the pre-commit framework', () => {
  it(
    'installs the hook from a clean clone, refuses a commit with a finding and accepts it once fixed',
    () => {
      const version = spawnSync(PRE_COMMIT, ['--version'], { encoding: 'utf8' });
      if (version.error) throw new Error(`the pre-commit framework is required (Debian package pre-commit): ${version.error.message}`);

      const hooks = hookRepository();
      const preCommitHome = tempDir('calint-pre-commit-home-');
      try {
        commitThroughTheHooks(hooks, preCommitHome);
      } finally {
        rmSync(preCommitHome, { recursive: true, force: true });
        rmSync(hooks.path, { recursive: true, force: true });
      }
    },
    300_000,
  );
});

/** A user repository whose configuration points at the hook repository; commits through `git commit`. */
function commitThroughTheHooks(hooks: { path: string; sha: string }, preCommitHome: string): void {
  const app = `${TYPES}/connectedApps/Billing.connectedApp-meta.xml`;
  const user = gitRepository({
    'sfdx-project.json': SFDX_PROJECT,
    [app]: connectedApp('Billing'),
    '.pre-commit-config.yaml': [
      'repos:',
      `  - repo: ${hooks.path}`,
      `    rev: ${hooks.sha}`,
      '    hooks:',
      '      - id: connected-app-lint',
      '      - id: connected-app-lint-secrets',
      '',
    ].join('\n'),
  });
  // A private pre-commit cache; npm may use its own cache, but asks the registry only for what it lacks.
  const env = { ...process.env, PRE_COMMIT_HOME: preCommitHome, NO_COLOR: '1', npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
  const installed = run(PRE_COMMIT, ['install', '--install-hooks'], user, env);
  expect(installed.status, installed.output).toBe(0);
  // The hook environment is pre-commit's clone of the hook repository, nothing installed into it: no npm install
  // (so no devDependencies), and small.
  const environment = readdirSync(preCommitHome, { recursive: true, withFileTypes: true });
  expect(environment.filter((entry) => entry.name === 'node_modules')).toEqual([]);
  const bytes = environment.filter((entry) => entry.isFile()).reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
  expect(bytes).toBeLessThanOrEqual(MAX_HOOK_ENVIRONMENT_BYTES);

  writeFiles(user, { [app]: connectedApp('Billing', ['Full']) });
  git(user, 'add', '-A');
  const refused = run('git', ['commit', '-m', 'Full scope'], user, env);
  expect(refused.status, refused.output).not.toBe(0);
  expect(refused.output).toMatch(/connected-app-lint\.+Failed/);
  expect(refused.output).toContain('requests Full scope');
  expect(refused.output).toContain('no-full-scope');
  expect(refused.output).toMatch(/connected-app-lint secrets\.+Passed/);

  writeFiles(user, { [app]: connectedApp('Billing v2') });
  git(user, 'add', '-A');
  const accepted = run('git', ['commit', '-m', 'Billing v2'], user, env);
  expect(accepted.status, accepted.output).toBe(0);
  expect(accepted.output).toMatch(/connected-app-lint\.+Passed/);
  expect(git(user, 'log', '--format=%s', '-1').trim()).toBe('Billing v2');

  // The secrets hook sees every staged file: an SFDX auth URL in a script is refused.
  const authFile = readFileSync(join(REPO, 'fixtures/rules/no-secrets-in-repo/bad-auth-url/scripts/ci-login.sh'), 'utf8');
  writeFiles(user, { 'scripts/ci-login.sh': authFile });
  git(user, 'add', '-A');
  const secret = run('git', ['commit', '-m', 'login script'], user, env);
  expect(secret.status, secret.output).not.toBe(0);
  expect(secret.output).toMatch(/connected-app-lint secrets\.+Failed/);
  expect(secret.output).toContain('no-secrets-in-repo');
  expect(secret.output).not.toContain('5Aep861Paw98rYfwIJVSWzH60So0spQ7StUgldmPZsPzTVHJaCw3joPbcIU8Yaa6QJiwTFLbWZcD6c1KRa21b1wQ1v0vCAw0OZy7');
}
