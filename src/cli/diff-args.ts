// The `diff` command's command line: its own options (a lint option such as --changed-since means nothing here).
import { parseArgs } from 'node:util';
import { DIFF_FAIL_ON, type DiffFailOn } from '../diff/gate.js';
import type { Environment } from '../types.js';

export const DIFF_FORMATS = ['text', 'json', 'markdown'] as const;

export interface DiffArgs {
  command: 'diff';
  base: string;
  head?: string;
  mergeBase: boolean;
  staged: boolean;
  format: (typeof DIFF_FORMATS)[number];
  outputFile?: string;
  failOn: DiffFailOn;
  environment?: Environment;
  config?: string;
  /** `--config-from <ref>`: configuration and baseline from this git commit (the trusted policy), as for lint. */
  configFrom?: string;
  noConfig: boolean;
  noInlineConfig: boolean;
  noPlugins: boolean;
  debug: boolean;
}

const DIFF_OPTIONS = {
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  'merge-base': { type: 'boolean' },
  staged: { type: 'boolean' },
  'fail-on': { type: 'string' },
  env: { type: 'string' },
  config: { type: 'string', short: 'c' },
  'config-from': { type: 'string' },
  'no-config': { type: 'boolean' },
  'no-inline-config': { type: 'boolean' },
  'no-plugins': { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `diff <base> [<head>] [options]`; `problem` makes the error the caller throws (a usage error, exit 2). */
export function parseDiffArgs(argv: string[], problem: (message: string) => Error): DiffArgs | { command: 'help' } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: DIFF_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw problem((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  const [base, head, ...extra] = positionals;
  if (base === undefined || base === '') throw problem('diff needs a base: connected-app-lint diff <base> [<head>] (e.g. diff origin/main)');
  if (extra.length > 0) throw problem(`diff takes at most two refs, not ${positionals.length}`);
  if (head !== undefined && values.staged) throw problem('--staged compares with the index: give no <head> with it');
  const format = values.format ?? 'text';
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) throw problem(`diff --format must be one of ${DIFF_FORMATS.join(', ')}, not "${format}"`);
  const failOn = values['fail-on'] ?? 'error';
  if (!(DIFF_FAIL_ON as readonly string[]).includes(failOn)) throw problem(`--fail-on must be one of ${DIFF_FAIL_ON.join(', ')}, not "${failOn}"`);
  const environment = values.env;
  if (environment !== undefined && environment !== 'production' && environment !== 'sandbox') throw problem(`--env must be production or sandbox, not "${environment}"`);
  if (values.config && values['no-config']) throw problem('--config and --no-config cannot be combined');
  if (values['config-from'] && (values.config || values['no-config'])) throw problem('--config-from cannot be combined with --config or --no-config');
  return {
    command: 'diff',
    base,
    ...(head !== undefined ? { head } : {}),
    mergeBase: values['merge-base'] ?? false,
    staged: values.staged ?? false,
    format: format as DiffArgs['format'],
    ...(values['output-file'] ? { outputFile: values['output-file'] } : {}),
    failOn: failOn as DiffFailOn,
    ...(environment ? { environment } : {}),
    ...(values.config ? { config: values.config } : {}),
    ...(values['config-from'] ? { configFrom: values['config-from'] } : {}),
    noConfig: values['no-config'] ?? false,
    noInlineConfig: values['no-inline-config'] ?? false,
    noPlugins: values['no-plugins'] ?? false,
    debug: values.debug ?? false,
  };
}
