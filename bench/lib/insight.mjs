// What the timings alone do not show: how many files reach the secret detectors past the pre-filter, and where a
// full lint spends its time (a CPU profile, kept under bench/.work/profiles/ for a closer look in DevTools).

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Files of a tree's repository: tracked plus untracked, as the linter lists them. */
function treeFiles(dir) {
  const out = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return out.status === 0 ? out.stdout.split('\0').filter(Boolean) : [];
}

/** The share of a tree's text files that pass the secret pre-filter of the build being measured. */
export async function prefilterRate(buildDist, dir) {
  let mayHoldSecret;
  try {
    ({ mayHoldSecret } = await import(pathToFileURL(join(buildDist, 'secrets', 'prefilter.js')).href));
  } catch (error) {
    return { unavailable: `no secrets/prefilter.js in the build: ${error.message}` };
  }
  let files = 0;
  let reachDetectors = 0;
  for (const file of treeFiles(dir)) {
    files++;
    if (mayHoldSecret(readFileSync(join(dir, file), 'utf8'))) reachDetectors++;
  }
  return { files, reachDetectors, share: files ? reachDetectors / files : 0 };
}

/**
 * Runs `node --cpu-prof bin args` once in `cwd`, keeps the profile under `profileDir` and returns the functions
 * with the most self time (system calls and the garbage collector show up as their own entries).
 */
export function profileRun(bin, args, cwd, profileDir, top = 12, env = {}) {
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
  const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profileDir, bin, ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  // One profile per thread, CPU.<date>.<time>.<pid>.<thread id>.<n>.cpuprofile: the main thread is thread 0.
  const profiles = readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile')).sort();
  const file = profiles.find((name) => /\.\d+\.0\.\d+\.cpuprofile$/.test(name)) ?? profiles[0];
  if (!file) return { unavailable: `no profile written (exit status ${run.status})` };
  const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop() || '(native)'}${url ? `:${lineNumber + 1}` : ''}`;
    selfMicros.set(key, (selfMicros.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const totalMs = [...selfMicros.values()].reduce((sum, micros) => sum + micros, 0) / 1000;
  const entries = [...selfMicros]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([entry, micros]) => ({ entry, selfMs: Math.round(micros / 100) / 10 }));
  return { file: join(profileDir, file), totalMs: Math.round(totalMs), top: entries, workerProfiles: profiles.length - 1 };
}
