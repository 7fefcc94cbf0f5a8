import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { capture } from './in-process.js';

export const REPO = join(import.meta.dirname, '..', '..');
export const BIN = join(REPO, 'bin', 'connected-app-lint.js');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process through `main(argv, io)` (about 50 ms instead of a 0.75 s spawn) with the environment a
 * spawn would have had: the test's own plus CI=true and NO_COLOR, or exactly `options.env` when given.
 */
export async function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  const { main } = await import('../../src/cli/main.js');
  const stdout = capture();
  const stderr = capture();
  const env = options.env ?? { ...process.env, NO_COLOR: '1', CI: 'true' };
  const status = await main(args, { cwd: options.cwd ?? process.cwd(), env, stdout: stdout.stream, stderr: stderr.stream });
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}


/** Runs the built bin as a user would, in its own process (a handful of tests keep this real path covered). */
export function spawnCli(args: string[], options: SpawnSyncOptions = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: 'true' },
    ...options,
  });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

export function tempDir(prefix = 'calint-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes files (path -> content) under a new temp folder and returns it. */
export function makeProject(files: Record<string, string | Uint8Array>, prefix?: string): string {
  const root = tempDir(prefix);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

export function copyToTemp(source: string): string {
  const root = tempDir();
  cpSync(source, root, { recursive: true });
  return root;
}

/** A minimal, clean-enough Connected App for tests that need "a good file next to a bad one". */
export function connectedApp(label: string, scopes: string[] = ['Api'], extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>a@example.com</contactEmail>
    <label>${label}</label>
    <oauthConfig>
        <callbackUrl>https://app.example.com/cb</callbackUrl>
        <isAdminApproved>true</isAdminApproved><isPkceRequired>true</isPkceRequired>
${scopes.map((scope) => `        <scopes>${scope}</scopes>`).join('\n')}
    </oauthConfig>${extra}
    <profileName>Integration User</profileName>
</ConnectedApp>
`;
}
