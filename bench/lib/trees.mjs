// The benchmark's project trees: generated once by the shared deterministic generator, committed to their own git
// repository (as a real SFDX project is), and reused while the generator and its arguments stay the same.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
/** Inside the repository but gitignored. Each tree is a repository of its own, so the outer .gitignore never applies. */
export const WORK_DIR = join(REPO_ROOT, 'bench', '.work');
/** Where the issue puts the generator (next to this repository); BENCH_GENERATOR overrides. */
export const GENERATOR = resolve(process.env.BENCH_GENERATOR ?? join(REPO_ROOT, '..', 'shared', 'bench', 'gen-synthetic-project.mjs'));

/** The trees the scenarios use, by name. `files` is the generator's --files (the files other than apps). */
export const TREES = {
  'repo-20k': { files: 20_000, apps: 200 },
  'repo-100k': { files: 100_000, apps: 1_000 },
  'no-app-20k': { files: 20_000, apps: 0 },
  'precommit-20k': { files: 20_000, apps: 200, stageOneApp: true },
};

/** The connected app the precommit scenario modifies and stages. */
export const STAGED_APP = 'force-app/main/default/connectedApps/Connected_App_001.connectedApp-meta.xml';

const GIT_IDENTITY = ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null'];

/**
 * git inside one tree's own repository. GIT_DIR and GIT_WORK_TREE pin it there: without them a failed `init` would
 * let `add -A` find and change the repository this bench lives in.
 */
function git(cwd, args) {
  const env = { ...process.env, GIT_DIR: join(cwd, '.git'), GIT_WORK_TREE: cwd };
  const result = spawnSync('git', [...GIT_IDENTITY, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${result.stderr || result.error?.message}`);
  return result.stdout;
}

function generatorArgs(spec, out) {
  return ['--out', out, '--files', String(spec.files), '--connected-apps', String(spec.apps), '--format', 'source', '--seed', '42', '--clean'];
}

/** Generates (or reuses) a tree and returns its absolute path and the generator's summary. */
export function ensureTree(name, log = () => {}) {
  const spec = TREES[name];
  if (!spec) throw new Error(`unknown tree ${name}`);
  if (!existsSync(GENERATOR)) {
    throw new Error(`generator not found at ${GENERATOR}; set BENCH_GENERATOR to the path of gen-synthetic-project.mjs`);
  }
  const dir = join(WORK_DIR, name);
  const stampFile = join(WORK_DIR, `${name}.stamp.json`);
  const generatorHash = createHash('sha256').update(readFileSync(GENERATOR)).digest('hex');
  const stamp = JSON.stringify({ generatorHash, args: generatorArgs(spec, name), git: true });
  let summary;
  if (existsSync(dir) && existsSync(stampFile) && JSON.parse(readFileSync(stampFile, 'utf8')).stamp === stamp) {
    summary = JSON.parse(readFileSync(stampFile, 'utf8')).summary;
  } else {
    log(`generating ${name} (${spec.files} files, ${spec.apps} connected apps)…`);
    rmSync(stampFile, { force: true });
    mkdirSync(WORK_DIR, { recursive: true });
    const generated = spawnSync(process.execPath, [GENERATOR, ...generatorArgs(spec, dir)], { encoding: 'utf8' });
    if (generated.status !== 0) throw new Error(`generator failed: ${generated.stderr}`);
    summary = JSON.parse(generated.stdout.trim().split('\n').pop());
    git(dir, ['init', '-q', dir]);
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', `synthetic ${name}`]);
    writeFileSync(stampFile, JSON.stringify({ stamp, summary }, null, 2));
  }
  if (spec.stageOneApp) stageOneApp(dir);
  return { dir, summary };
}

/** Puts the precommit tree in the state a pre-commit hook sees: one connected app modified and staged. */
function stageOneApp(dir) {
  const path = join(dir, STAGED_APP);
  git(dir, ['checkout', '-q', 'HEAD', '--', STAGED_APP]);
  const original = readFileSync(path, 'utf8');
  const edited = original.replace(/<label>([^<]*)<\/label>/, '<label>$1 (edited)</label>');
  if (edited === original) throw new Error(`could not edit ${STAGED_APP}`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, edited);
  git(dir, ['add', '--', STAGED_APP]);
}
