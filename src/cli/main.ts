import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { lint, toolVersion } from '../engine/lint.js';
import { FORMATS, loadReporter } from '../reporters/index.js';
import type { LintRun } from '../types.js';
import { ArgumentError, HELP, parseCliArgs, UsageError, type LintArgs } from './args.js';
import { prepareLint } from './prepare.js';
import { progressFor } from './progress.js';

export const EXIT = { clean: 0, findings: 1, error: 2 } as const;

/** The CLI: parse arguments, call the library, write the report, return the exit code. */
export async function main(argv: string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream } = process): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    const args = parseCliArgs(argv);
    switch (args.command) {
      case 'help':
        io.stdout.write(HELP);
        return EXIT.clean;
      case 'version':
        io.stdout.write(`${toolVersion()}\n`);
        return EXIT.clean;
      case 'rules': {
        const { runRulesCommand } = await import('./rules-command.js');
        io.stdout.write(await runRulesCommand(args, process.cwd(), io));
        return EXIT.clean;
      }
      case 'init': {
        debug = args.debug;
        const { runInit } = await import('./init-command.js');
        io.stdout.write(await runInit(args, process.cwd()));
        return EXIT.clean;
      }
      case 'diff': {
        debug = args.debug;
        const { runDiff } = await import('./diff-command.js');
        return await runDiff(args, io);
      }
      case 'lint':
        debug = args.debug;
        return await runLint(args, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      // Only a badly formed command line earns the pointer to --help; a config or path problem says all in its message.
      io.stderr.write(`connected-app-lint: ${error.message}\n${error instanceof ArgumentError ? "Run 'connected-app-lint --help' for usage.\n" : ''}`);
    } else {
      io.stderr.write(`connected-app-lint: internal error: ${(error as Error).message}\n`);
      if (debug) io.stderr.write(`${(error as Error).stack}\n`);
      else io.stderr.write('Run again with --debug for the stack trace.\n');
    }
    return EXIT.error;
  }
}

async function runLint(args: LintArgs, io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): Promise<number> {
  if (!FORMATS.includes(args.format)) throw new ArgumentError(`unknown format "${args.format}"; use one of ${FORMATS.join(', ')}`);
  const reporter = await loadReporter(args.format);
  if (!reporter) throw new ArgumentError(`unknown format "${args.format}"`);
  const cwd = process.cwd();
  const prepared = await prepareLint(args, cwd, io);
  const progress = progressFor({ stderr: io.stderr, env: process.env, format: args.format, toFile: args.outputFile !== undefined });
  let run: LintRun;
  try {
    run = await lint(progress ? { ...prepared.options, onProgress: progress.update } : prepared.options);
  } finally {
    progress?.clear();
  }
  await prepared.after?.(run);

  const toFile = args.outputFile !== undefined;
  const color = !toFile && (io.stdout as NodeJS.WriteStream).isTTY === true && !('NO_COLOR' in process.env);
  const report = await reporter.render(run, {
    color,
    quiet: args.quiet,
    cwd,
    env: process.env,
    ...(args.sarifCategory !== undefined ? { sarifCategory: args.sarifCategory } : {}),
  });
  if (toFile) {
    const path = resolve(cwd, args.outputFile!);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, report);
  } else {
    io.stdout.write(report);
  }
  if (args.format !== 'text') {
    // Machine formats keep stdout clean; what a person must know goes to stderr (the text format shows it inline).
    for (const failure of run.parseFailures) io.stderr.write(`connected-app-lint: ${failure.at.file}:${failure.at.line}:${failure.at.column}: ${failure.message}\n`);
    for (const notice of run.notices) io.stderr.write(`connected-app-lint: ${notice}\n`);
  }
  const code = exitCode(run, args);
  const warnings = countWarnings(run);
  if (code === EXIT.findings && args.maxWarnings !== undefined && warnings > args.maxWarnings && !hasErrors(run)) {
    io.stderr.write(`connected-app-lint: too many warnings (${warnings}; --max-warnings is ${args.maxWarnings}).\n`);
  }
  return code;
}

const activeSeverities = (run: LintRun) => run.results.flatMap((result) => result.findings.map((finding) => finding.severity));
const hasErrors = (run: LintRun) => activeSeverities(run).includes('error');
const countWarnings = (run: LintRun) => activeSeverities(run).filter((severity) => severity === 'warning').length;

export function exitCode(run: LintRun, args: Pick<LintArgs, 'maxWarnings' | 'quiet'>): number {
  if (hasErrors(run)) return EXIT.findings;
  if (!args.quiet && args.maxWarnings !== undefined && countWarnings(run) > args.maxWarnings) return EXIT.findings;
  return EXIT.clean;
}
