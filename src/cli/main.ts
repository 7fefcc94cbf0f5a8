import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { lint, toolVersion } from '../engine/lint.js';
import { FORMATS, loadReporter } from '../reporters/index.js';
import type { LintRun } from '../types.js';
import { HELP, parseCliArgs, UsageError, type LintArgs } from './args.js';
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
      case 'lint':
        debug = args.debug;
        return await runLint(args, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`connected-app-lint: ${error.message}\n${error.message.includes('--help') ? '' : "Run 'connected-app-lint --help' for usage.\n"}`);
    } else {
      io.stderr.write(`connected-app-lint: internal error: ${(error as Error).message}\n`);
      if (debug) io.stderr.write(`${(error as Error).stack}\n`);
      else io.stderr.write('Run again with --debug for the stack trace.\n');
    }
    return EXIT.error;
  }
}

async function runLint(args: LintArgs, io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): Promise<number> {
  if (!FORMATS.includes(args.format)) throw new UsageError(`unknown format "${args.format}"; use one of ${FORMATS.join(', ')}`);
  const reporter = await loadReporter(args.format);
  if (!reporter) throw new UsageError(`unknown format "${args.format}"`);
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
  for (const failure of run.parseFailures) {
    if (args.format !== 'text') io.stderr.write(`connected-app-lint: ${failure.at.file}:${failure.at.line}:${failure.at.column}: ${failure.message}\n`);
  }
  return exitCode(run, args);
}

export function exitCode(run: LintRun, args: Pick<LintArgs, 'maxWarnings' | 'quiet'>): number {
  let errors = 0;
  let warnings = 0;
  for (const result of run.results) {
    for (const finding of result.findings) {
      if (finding.severity === 'error') errors++;
      else warnings++;
    }
  }
  if (errors > 0) return EXIT.findings;
  if (!args.quiet && args.maxWarnings !== undefined && warnings > args.maxWarnings) return EXIT.findings;
  return EXIT.clean;
}
