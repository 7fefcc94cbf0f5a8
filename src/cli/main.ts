import { extname } from 'node:path';
import { toolVersion } from '../engine/lint.js';
import { isCi } from '../linter/options.js';
import { Linter } from '../linter/linter.js';
import { countFindings, type FindingCounts } from '../reporters/findings.js';
import { FORMATS, loadReporter } from '../reporters/index.js';
import { WriteError, writeFileSafely } from '../project/write.js';
import { maskUrlCredentials } from '../secrets/url-credentials.js';
import { inertJson, safeLines, safePath } from '../text/safe-text.js';
import type { LintRun } from '../types.js';
import { ArgumentError, HELP, parseCliArgs, UsageError, type LintArgs } from './args.js';
import { progressFor } from './progress.js';

export const EXIT = { clean: 0, findings: 1, error: 2 } as const;

/** Everything the CLI touches of the outside world: given by the bin (the real process) or by a test. */
export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** The CLI: parse arguments, call the library, write the report, return the exit code. Touches no globals. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let debug = argv.includes('--debug');
  const say = (text: string) => io.stderr.write(`connected-app-lint: ${safeLines(text)}\n`);
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
        io.stdout.write(await runRulesCommand(args, io));
        return EXIT.clean;
      }
      case 'init': {
        debug = args.debug;
        const { runInit } = await import('./init-command.js');
        io.stdout.write(await runInit(args, io.cwd));
        return EXIT.clean;
      }
      case 'diff': {
        debug = args.debug;
        const { runDiff } = await import('./diff-command.js');
        return await runDiff(args, io);
      }
      case 'lint':
        debug = args.debug;
        return await runLint(args, io, say);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof WriteError) {
      // Only a badly formed command line earns the pointer to --help; a config or path problem says all in its message.
      say((error as Error).message);
      if (error instanceof ArgumentError) io.stderr.write("Run 'connected-app-lint --help' for usage.\n");
    } else {
      say(`internal error: ${(error as Error).message}`);
      if (debug) io.stderr.write(`${safeLines((error as Error).stack ?? '', 2000)}\n`);
      else io.stderr.write('Run again with --debug for the stack trace.\n');
    }
    return EXIT.error;
  }
}

/** The format of an output file: the explicit --format for a single file, else its extension's, else --format. */
function formatOf(file: string, args: LintArgs): string {
  if (args.formatGiven && args.outputFiles.length === 1) return args.format;
  return FORMAT_OF_EXTENSION[extname(file).toLowerCase()] ?? args.format;
}
const FORMAT_OF_EXTENSION: Record<string, string> = { '.sarif': 'sarif', '.json': 'json', '.md': 'markdown', '.txt': 'text', '.log': 'text' };

async function runLint(args: LintArgs, io: CliIo, say: (text: string) => void): Promise<number> {
  if (!FORMATS.includes(args.format)) throw new ArgumentError(`unknown format "${args.format}"; use one of ${FORMATS.join(', ')}`);
  const outputs = args.outputFiles.length ? args.outputFiles.map((file) => ({ file, format: formatOf(file, args) })) : [{ file: undefined, format: args.format }];
  const linter = new Linter({
    cwd: io.cwd,
    env: io.env,
    ...(args.noConfig ? { config: false as const } : args.config !== undefined ? { config: args.config } : {}),
    ...(args.configFrom !== undefined ? { configFrom: args.configFrom } : {}),
    ...(args.noPlugins ? { plugins: false } : args.plugins ? { plugins: true } : {}),
    inlineConfig: !args.noInlineConfig,
    ...(args.noIgnore ? { ignore: false } : {}),
    ...(args.baseline !== undefined ? { baseline: args.baseline } : {}),
    updateBaseline: args.updateBaseline,
    ...(args.environment ? { environment: args.environment } : {}),
    ...(args.only.length ? { only: args.only } : {}),
    // Paths typed on the command line may be symbolic links the user means, except on CI (DECISIONS 15's reasoning).
    trustedWritePaths: [...args.outputFiles, ...(args.baseline !== undefined ? [args.baseline] : [])],
    onWarning: say,
  });
  if (args.printConfig !== undefined) {
    const { configuration, config } = await linter.calculateConfigForFile(args.printConfig);
    // The configuration as loaded, but no credential written into it shows in full (a token, a URL's client secret).
    const masked = (_key: string, value: unknown) => (typeof value === 'string' ? maskUrlCredentials(value) : value);
    io.stdout.write(`${inertJson(JSON.stringify({ configuration, ...config }, masked, 2))}\n`);
    return EXIT.clean;
  }
  // Loaded while git lists the repository's files (the text format's takes ~40 ms): not after the lint. Awaited below,
  // so a failure to load still surfaces there; a lint that throws first leaves no unhandled rejection behind.
  // A whole-folder lint likely has findings to format: what formatting them needs loads then too (not for --staged or
  // --changed-since, where most runs are clean and short).
  const warmUp = !args.staged && args.changedSince === undefined;
  const reporters = outputs.map((output) => loadReporter(output.format));
  for (const loading of reporters) loading.then((reporter) => (warmUp ? reporter?.warmUp?.() : undefined)).catch(() => undefined);
  const toFile = args.outputFiles.length > 0;
  const progress = progressFor({ stderr: io.stderr, env: io.env as NodeJS.ProcessEnv, format: args.format, toFile });
  let run: LintRun;
  try {
    ({ run } = await linter.lintTarget({
      paths: args.paths,
      staged: args.staged,
      ...(args.changedSince !== undefined ? { changedSince: args.changedSince } : {}),
      ...(progress ? { onProgress: progress.update } : {}),
    }));
  } finally {
    progress?.clear();
  }
  if (args.debug) say(`configuration: ${linter.lastResult?.setup.configuration ?? 'none'}; baseline: ${linter.lastResult?.setup.baseline ?? 'none'}; plugins: ${linter.lastResult?.setup.plugins.map((plugin) => plugin.file).join(', ') || 'none'}`);

  const color = !toFile && (io.stdout as NodeJS.WriteStream).isTTY === true && !('NO_COLOR' in io.env);
  for (const [index, output] of outputs.entries()) {
    const reporter = await reporters[index];
    if (!reporter) throw new ArgumentError(`unknown format "${output.format}"; use one of ${FORMATS.join(', ')}`);
    const report = await reporter.render(run, {
      color,
      // The text format fits findings to the terminal it writes to.
      ...(!toFile && (io.stdout as NodeJS.WriteStream).isTTY && (io.stdout as NodeJS.WriteStream).columns ? { columns: (io.stdout as NodeJS.WriteStream).columns } : {}),
      quiet: args.quiet,
      cwd: io.cwd,
      // The github format appends a job summary to GITHUB_STEP_SUMMARY: only when it is the report on stdout.
      env: (output.file === undefined ? io.env : { ...io.env, GITHUB_STEP_SUMMARY: undefined }) as NodeJS.ProcessEnv,
      ...(args.sarifCategory !== undefined ? { sarifCategory: args.sarifCategory } : {}),
    });
    if (output.file !== undefined) writeFileSafely(output.file, report, { what: 'report', base: io.cwd, allowSymlink: !isCi(io.env) });
    else io.stdout.write(report);
  }
  if (toFile || args.format !== 'text') {
    // Machine formats keep stdout clean; what a person must know goes to stderr (the text format shows it inline).
    // The message is safe already (lint() passed it through safeMessage); the path is escaped here, before `say`
    // splits lines: a file name may hold a line break.
    for (const failure of run.parseFailures) say(`${safePath(failure.at.file)}:${failure.at.line}:${failure.at.column}: ${failure.message}`);
    for (const notice of run.notices) say(notice);
  }
  const counts = countFindings(run);
  const code = exitCode(counts, args);
  if (code === EXIT.findings && args.maxWarnings !== undefined && counts.warnings > args.maxWarnings && counts.errors === 0) {
    say(`too many warnings (${counts.warnings}; --max-warnings is ${args.maxWarnings}).`);
  }
  return code;
}

export function exitCode(counts: FindingCounts, args: Pick<LintArgs, 'maxWarnings' | 'quiet'>): number {
  if (counts.errors > 0) return EXIT.findings;
  if (!args.quiet && args.maxWarnings !== undefined && counts.warnings > args.maxWarnings) return EXIT.findings;
  return EXIT.clean;
}
