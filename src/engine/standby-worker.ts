// The launcher's head start (bin/connected-app-lint.js): a screening worker started before the linter's modules
// load, so that the worker's own start (a V8 isolate and Node's internals, ~30 ms of CPU) runs on a core that is
// idle then, instead of later, against the main thread's parsing and git's listing. The run's first pool takes it
// (screen-pool.ts); a run that starts no pool leaves it waiting, unreferenced, and the process ends as usual.
// This module is an entry of its own (scripts/build-dist.mjs): it loads screen-threads.ts and Node's modules, not
// the linter.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ENTRY, offerStandbyWorker, startScreenWorker, trackedFilesEstimate, workerCount, workersFromEnv } from './screen-threads.js';

/**
 * Arguments of runs that start no worker before discovery: other commands, and lints of staged or changed files.
 * Told from the raw arguments (the CLI's parser is not loaded yet): a wrong guess costs a worker's start, never a
 * result.
 */
const NO_EARLY_WORKER = new Set(['rules', 'init', 'diff', '--staged', '--help', '-h', '--version', '-v', '--print-config']);

/**
 * Whether the run looks like a lint of folders in a work tree whose index promises enough files for workers
 * (workerCount): the runs whose first pool is started before discovery, and can take a standby.
 */
export function wantsStandbyWorker(args: readonly string[], cwd: string, env: Readonly<Record<string, string | undefined>>): boolean {
  if (args.some((arg) => NO_EARLY_WORKER.has(arg) || arg.startsWith('--changed-since'))) return false;
  const workTree = enclosingWorkTree(cwd);
  if (workTree === undefined) return false;
  const forced = workersFromEnv(env);
  return workerCount(trackedFilesEstimate(workTree), forced === undefined ? {} : { workers: forced }) > 0;
}

/** Starts and offers a standby worker when the run wants one (wantsStandbyWorker). Says whether it did. */
export function startStandbyWorker(args: readonly string[], cwd: string, env: Readonly<Record<string, string | undefined>>): boolean {
  if (!wantsStandbyWorker(args, cwd, env) || !existsSync(fileURLToPath(DEFAULT_ENTRY))) return false;
  try {
    offerStandbyWorker(startScreenWorker(DEFAULT_ENTRY));
    return true;
  } catch {
    return false; // no thread: the pool starts its own, or the main thread screens
  }
}

/** The nearest folder at or above `cwd` holding `.git`: where git's index likely is (git itself decides later). */
function enclosingWorkTree(cwd: string): string | undefined {
  for (let directory = resolve(cwd); ; directory = dirname(directory)) {
    if (existsSync(join(directory, '.git'))) return directory;
    if (dirname(directory) === directory) return undefined;
  }
}
