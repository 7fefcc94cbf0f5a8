import { parseArgs } from 'node:util';
import { UsageError } from '../engine/errors.js';
import type { Environment } from '../types.js';
import { parseDiffArgs, type DiffArgs } from './diff-args.js';

export { UsageError };

/** A badly formed command line (unknown option, bad value): the message points at --help. */
export class ArgumentError extends UsageError {}

export interface LintArgs {
  command: 'lint';
  paths: string[];
  format: string;
  outputFile?: string;
  maxWarnings?: number;
  quiet: boolean;
  environment?: Environment;
  debug: boolean;
  config?: string;
  noConfig: boolean;
  noInlineConfig: boolean;
  baseline?: string;
  updateBaseline: boolean;
  noPlugins: boolean;
  staged: boolean;
  changedSince?: string;
  sarifCategory?: string;
  only: string[];
}

export interface RulesArgs {
  command: 'rules';
  format: string;
  /** The configuration (and its plugins) add plugin rules to the list. */
  config?: string;
  noConfig?: boolean;
  noPlugins?: boolean;
}

export interface InitArgs {
  command: 'init';
  paths: string[];
  force: boolean;
  debug: boolean;
}

export type CliArgs = LintArgs | RulesArgs | InitArgs | DiffArgs | { command: 'help' } | { command: 'version' };

const LINT_OPTIONS = {
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  env: { type: 'string' },
  debug: { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  'no-inline-config': { type: 'boolean' },
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean' },
  'no-plugins': { type: 'boolean' },
  staged: { type: 'boolean' },
  'changed-since': { type: 'string' },
  'sarif-category': { type: 'string' },
  only: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  force: { type: 'boolean' },
} as const;

const COMMANDS = new Set(['lint', 'rules', 'init', 'diff']);

export function parseCliArgs(argv: string[]): CliArgs {
  let command = 'lint';
  let rest = argv;
  if (argv[0] && COMMANDS.has(argv[0])) {
    command = argv[0];
    rest = argv.slice(1);
  }
  if (command === 'diff') return parseDiffArgs(rest, (message) => new ArgumentError(message));
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: LINT_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new ArgumentError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };

  if (command === 'rules') {
    const format = values.format ?? 'text';
    if (!['text', 'json', 'markdown'].includes(format)) throw new ArgumentError(`rules --format must be text, json or markdown, not "${format}"`);
    return { command: 'rules', format, ...(values.config ? { config: values.config } : {}), noConfig: values['no-config'] ?? false, noPlugins: values['no-plugins'] ?? false };
  }
  if (command === 'init') return { command: 'init', paths: positionals, force: values.force ?? false, debug: values.debug ?? false };

  const environment = values.env;
  if (environment !== undefined && environment !== 'production' && environment !== 'sandbox') {
    throw new ArgumentError(`--env must be production or sandbox, not "${environment}"`);
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new ArgumentError(`--max-warnings takes a whole number, not "${values['max-warnings']}"`);
  }
  if (values.staged && values['changed-since']) throw new ArgumentError('--staged and --changed-since cannot be combined');
  if (values.config && values['no-config']) throw new ArgumentError('--config and --no-config cannot be combined');
  return {
    command: 'lint',
    paths: positionals,
    format: values.format ?? 'text',
    ...(values['output-file'] ? { outputFile: values['output-file'] } : {}),
    ...(maxWarnings !== undefined && maxWarnings >= 0 ? { maxWarnings } : {}),
    quiet: values.quiet ?? false,
    ...(environment ? { environment } : {}),
    debug: values.debug ?? false,
    ...(values.config ? { config: values.config } : {}),
    noConfig: values['no-config'] ?? false,
    noInlineConfig: values['no-inline-config'] ?? false,
    ...(values.baseline ? { baseline: values.baseline } : {}),
    updateBaseline: values['update-baseline'] ?? false,
    noPlugins: values['no-plugins'] ?? false,
    staged: values.staged ?? false,
    ...(values['changed-since'] ? { changedSince: values['changed-since'] } : {}),
    ...(values['sarif-category'] !== undefined ? { sarifCategory: values['sarif-category'] } : {}),
    only: values.only ?? [],
  };
}

export const HELP = `connected-app-lint: lint Salesforce Connected Apps and External Client Apps

Usage:
  connected-app-lint [lint] [paths...] [options]   lint an SFDX project (default: .)
  connected-app-lint rules [--format text|json|markdown]
  connected-app-lint init [path] [--force]           write a starter connected-app-lint.yaml
  connected-app-lint diff <base> [<head>] [options]  what a change does to every app's access
  calint ...                                         short alias

Lint options:
  -f, --format <name>        text (default), json, sarif, github
  -o, --output-file <path>   write the report to a file
      --max-warnings <n>     exit 1 when there are more than n warnings
  -q, --quiet                report errors only
      --env <name>           production (default) or sandbox
  -c, --config <path>        use this configuration file
      --no-config            ignore configuration files
      --no-inline-config     ignore calint-disable directives
      --baseline <file>      hide findings recorded in this baseline (default .calint-baseline.json if present)
      --update-baseline      write the current findings to the baseline
      --no-plugins           never load plugin code from the linted repository
      --staged               lint what is staged in git (pre-commit)
      --changed-since <ref>  lint files changed since a git ref, with the rest of their apps
      --sarif-category <id>  SARIF automationDetails.id (default connected-app-lint/)
      --only <rule>          run only this rule (repeatable)
      --debug                print stack traces of internal errors
  -h, --help                 show this help
  -v, --version              print the version

Diff options (head: a ref, else the working tree):
      --merge-base           compare with the merge base of <base> and HEAD
      --staged               compare <base> with the git index
  -f, --format <name>        text (default), json, markdown
      --fail-on <when>       error (default: an error change or new error finding), widened, never

Exit codes: 0 no errors (warnings within --max-warnings), 1 errors or too many warnings,
2 usage, configuration or internal error.
`;
