// The runner's side of a JavaScript action, as actions/toolkit's @actions/core implements it (without the
// dependency): inputs arrive as INPUT_* variables, outputs go to the file named by GITHUB_OUTPUT.
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

/**
 * An input as the runner passes it: `INPUT_` plus the name upper-cased with spaces as `_` (hyphens stay, so
 * `sarif-file` is `INPUT_SARIF-FILE`), trimmed; '' when absent.
 */
export function getInput(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/**
 * Sets step outputs. Each value is written between a random delimiter, so that no value (a path with a line
 * break in it) can end its entry early and set another output. Without GITHUB_OUTPUT (not on a runner) nothing is
 * written.
 */
export function setOutputs(env: NodeJS.ProcessEnv, outputs: Record<string, string | number>): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  let text = '';
  for (const [name, value] of Object.entries(outputs)) {
    const delimiter = `ghadelimiter_${randomUUID()}`;
    text += `${name}<<${delimiter}${EOL}${String(value)}${EOL}${delimiter}${EOL}`;
  }
  appendFileSync(file, text, 'utf8');
}
