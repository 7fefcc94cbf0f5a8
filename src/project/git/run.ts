import { execFileSync, spawn } from 'node:child_process';

// The one way this project runs git. Repository content is untrusted: git gets fixed arguments (no shell), its
// stderr is read for the complaint only, and the user's configuration cannot change the shape of what we parse.

/** git said no: not a repository, an unknown ref … The message is git's own first line, fit for the user. */
export class GitError extends Error {}

/**
 * Settings given on every git command line (where they outrank every configuration file):
 * - `diff.relative=false`: paths always come from the top of the repository, whatever the user's configuration;
 * - `safe.bareRepository=explicit`: a folder of the checkout holding HEAD, objects/, refs/ and a config is never used
 *   as a repository git discovers (git runs in the folders the user lints): its committed config could set
 *   `core.worktree` and `core.fsmonitor`, a command git runs, and its index would decide what is linted;
 * - `core.fsmonitor=false`: no file-system monitor command runs, whatever any configuration says.
 */
export const FIXED_CONFIG: readonly string[] = ['-c', 'diff.relative=false', '-c', 'safe.bareRepository=explicit', '-c', 'core.fsmonitor=false'];

/** Listings of big repositories are large: room for 20,000 paths and more, still bounded. */
const MAX_OUTPUT = 512 * 1024 * 1024;

/** git's first non-empty stderr line, without its `fatal:` / `error:` prefix. */
function complaint(stderr: string, code: number | null): string {
  const line = stderr.split('\n').find((text) => text.trim() !== '') ?? `git exited with ${code}`;
  return line.replace(/^(fatal|error): /, '');
}

/** Of stderr, only the first line is used: the rest is not kept. */
const MAX_STDERR = 64 * 1024;

const formatBytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`);

/**
 * Runs git and resolves with its stdout, or rejects with a GitError carrying git's complaint. Asynchronous so that
 * independent questions (where is the top, what is staged) cost one process time, not two. The output is held in
 * memory, so it is bounded like execFileSync's maxBuffer: over `maxBytes` (512 MB by default) git is stopped and the
 * run gets a GitError saying so, never an out-of-memory crash.
 */
export function git(cwd: string, args: readonly string[], options: { maxBytes?: number } = {}): Promise<string> {
  const maxBytes = options.maxBytes ?? MAX_OUTPUT;
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...FIXED_CONFIG, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrBytes = 0;
    let overLimit = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (overLimit) return;
      stdoutBytes += chunk.length;
      if (stdoutBytes <= maxBytes) return void stdout.push(chunk);
      overLimit = true;
      stdout.length = 0;
      child.kill();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderrBytes < MAX_STDERR) stderr.push(chunk);
      stderrBytes += chunk.length;
    });
    child.on('error', (error) => reject(new GitError(`cannot run git: ${error.message}`)));
    child.on('close', (code) => {
      if (overLimit) return reject(new GitError(`git ${args[0] ?? ''} printed more than ${formatBytes(maxBytes)}; stopped`));
      if (code === 0) return resolve(Buffer.concat(stdout).toString('utf8'));
      reject(new GitError(complaint(Buffer.concat(stderr).toString('utf8'), code)));
    });
  });
}

/**
 * `git` for the synchronous path discovery still takes (a plain `lint` walk): same arguments, same GitError.
 * [Follow-up: make discovery async and drop this.]
 */
export function gitSync(cwd: string, args: readonly string[]): string {
  try {
    return execFileSync('git', [...FIXED_CONFIG, ...args], { cwd, encoding: 'utf8', maxBuffer: MAX_OUTPUT, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const failure = error as { stderr?: string; status?: number | null; message: string };
    throw new GitError(typeof failure.stderr === 'string' && failure.stderr !== '' ? complaint(failure.stderr, failure.status ?? null) : `cannot run git: ${failure.message}`);
  }
}
