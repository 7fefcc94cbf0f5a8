import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { closestName } from '../text/names.js';
import type { Environment } from '../types.js';
import { parseDiffArgs, type DiffArgs } from './diff-args.js';

export { UsageError };

/** A badly formed command line (unknown option, bad value): the message points at --help. */
export class ArgumentError extends UsageError {}

export interface LintArgs {
  command: 'lint';
  paths: string[];
  format: string;
  /** `--format` given explicitly (else each output file's extension decides its format). */
  formatGiven: boolean;
  /** `-o`, repeatable: each file gets the format of its extension, or --format. */
  outputFiles: string[];
  /** `--print-config <path>`: print the configuration that applies to that file or folder, and lint nothing. */
  printConfig?: string;
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
  /** `--no-ignore`: lint what .forceignore and ignorePatterns leave out. */
  noIgnore: boolean;
  /** `--plugins`: load plugin code even on CI. */
  plugins: boolean;
  /** `--config-from <ref>`: configuration and baseline from this git commit. */
  configFrom?: string;
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
  plugins?: boolean;
  /** `rules <id>…`: print these rules' pages. */
  ids?: string[];
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
  'output-file': { type: 'string', short: 'o', multiple: true },
  'print-config': { type: 'string' },
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
  plugins: { type: 'boolean' },
  'no-ignore': { type: 'boolean' },
  'config-from': { type: 'string' },
  staged: { type: 'boolean' },
  'changed-since': { type: 'string' },
  'sarif-category': { type: 'string' },
  only: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  force: { type: 'boolean' },
} as const;

const COMMANDS = new Set(['lint', 'rules', 'init', 'diff']);

type OptionName = keyof typeof LINT_OPTIONS;
const EVERYWHERE: OptionName[] = ['help', 'version', 'debug'];
/** Which options each command takes: `rules --staged` or `lint --force` is a mistake, not something to ignore. */
const OPTIONS_OF: Record<string, readonly OptionName[]> = {
  lint: (Object.keys(LINT_OPTIONS) as OptionName[]).filter((name) => name !== 'force'),
  rules: [...EVERYWHERE, 'format', 'config', 'no-config', 'plugins', 'no-plugins'],
  init: [...EVERYWHERE, 'force'],
};

function optionError(command: string, name: string): ArgumentError {
  const own = OPTIONS_OF[command]!;
  const hint = closestName(name, own.map((option) => `--${option}`));
  const elsewhere = Object.keys(OPTIONS_OF).filter((other) => other !== command && OPTIONS_OF[other]!.includes(name.replace(/^--/, '') as OptionName));
  return new ArgumentError(
    `${command} has no option ${name}${hint ? ` (did you mean ${hint}?)` : elsewhere.length ? ` (it is an option of ${elsewhere.join(' and ')})` : ''}`,
  );
}

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
    parsed = parseArgs({ args: rest, options: LINT_OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    const unknown = /Unknown option '([^']+)'/.exec((error as Error).message);
    if (unknown) throw optionError(command, unknown[1]!);
    throw new ArgumentError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const { values, positionals } = parsed;
  for (const token of parsed.tokens ?? []) {
    if (token.kind === 'option' && !OPTIONS_OF[command]!.includes(token.name as OptionName)) throw optionError(command, token.rawName.startsWith('--') ? token.rawName : `--${token.name}`);
  }
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };

  if (command === 'rules') {
    const format = values.format ?? 'text';
    if (!['text', 'json', 'markdown'].includes(format)) throw new ArgumentError(`rules --format must be text, json or markdown, not "${format}"`);
    return { command: 'rules', format, ...(positionals.length ? { ids: positionals } : {}), ...(values.config ? { config: values.config } : {}), noConfig: values['no-config'] ?? false, noPlugins: values['no-plugins'] ?? false, plugins: values.plugins ?? false };
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
  if (values['config-from'] && (values.config || values['no-config'])) throw new ArgumentError('--config-from cannot be combined with --config or --no-config');
  if (values.plugins && values['no-plugins']) throw new ArgumentError('--plugins and --no-plugins cannot be combined');
  return {
    command: 'lint',
    paths: positionals,
    format: values.format ?? 'text',
    formatGiven: values.format !== undefined,
    outputFiles: values['output-file'] ?? [],
    ...(values['print-config'] !== undefined ? { printConfig: values['print-config'] } : {}),
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
    plugins: values.plugins ?? false,
    noIgnore: values['no-ignore'] ?? false,
    ...(values['config-from'] ? { configFrom: values['config-from'] } : {}),
    staged: values.staged ?? false,
    ...(values['changed-since'] ? { changedSince: values['changed-since'] } : {}),
    ...(values['sarif-category'] !== undefined ? { sarifCategory: values['sarif-category'] } : {}),
    only: values.only ?? [],
  };
}

export const HELP = `connected-app-lint: lint Salesforce Connected Apps and External Client Apps

Usage:
  connected-app-lint [lint] [paths...] [options]   lint an SFDX project (default: .)
  connected-app-lint rules [<rule>…] [--format text|json|markdown]   the rules, or one rule's page
  connected-app-lint init [path] [--force]           write a starter connected-app-lint.yaml
  connected-app-lint diff <base> [<head>] [options]  what a change does to every app's access
  calint ...                                         short alias

Lint options:
  -f, --format <name>        text (default), json, sarif, github
  -o, --output-file <path>   write the report to a file (repeatable; .sarif, .json, .md by extension, else --format)
      --print-config <path>  print the configuration that applies to this file or folder
      --max-warnings <n>     exit 1 when there are more than n warnings
  -q, --quiet                report errors only
      --env <name>           production (default) or sandbox
  -c, --config <path>        use this configuration file
      --no-config            ignore configuration files
      --no-inline-config     ignore calint-disable directives
      --no-ignore            lint files .forceignore or ignorePatterns leave out
      --baseline <file>      hide findings recorded in this baseline (default .calint-baseline.json if present)
      --update-baseline      write the current findings to the baseline
      --config-from <ref>    read the configuration and baseline from this git commit (e.g. the PR base)
      --plugins              load plugin code from the linted repository on CI too (CI=true)
      --no-plugins           never load plugin code from the linted repository
      --staged               lint what is staged in git (pre-commit)
      --changed-since <ref>  lint files changed since a git ref, with the rest of their apps
      --sarif-category <id>  SARIF automationDetails.id (default connected-app-lint/)
      --only <rule>          run only this rule (repeatable)
      --debug                say which configuration, baseline and plugins judged the run; stack traces
  -h, --help                 show this help
  -v, --version              print the version

Diff options (head: a ref, else the working tree):
      --merge-base           compare with the merge base of <base> and HEAD
      --staged               compare <base> with the git index
  -f, --format <name>        text (default), json, markdown
      --fail-on <when>       error (default: an error change or new error finding), widened, never
      --config-from <ref>    judge both sides with the configuration and baseline of this git commit (the PR base)

Exit codes: 0 no errors (warnings within --max-warnings), 1 errors or too many warnings,
2 usage, configuration or internal error.
`;
