import { relative } from 'node:path';
import { escapeControlChars } from '../text/control-chars.js';
import { defuseWorkflowCommandLines, safePath } from '../text/safe-text.js';
import type { LintRun } from '../types.js';
import { countFindings, plural } from './findings.js';
import { toEslintResults } from './json.js';
import type { Reporter, ReporterOptions } from './types.js';

/**
 * Human output through eslint-formatter-pretty: the format ESLint users already read. It sorts its input in place,
 * so it gets a copy. File names are the repository's: control characters in them are made visible before the
 * formatter prints them, and every line of the output is defused, since a name or a wrapped message may put `::` at
 * the start of a line. Colour and width come from the options alone: this module reads no process state.
 */
export const textReporter: Reporter = {
  format: 'text',
  async render(run: LintRun, options: ReporterOptions) {
    const results = toEslintResults(run, options).map((result) => ({ ...result, filePath: escapeControlChars(result.filePath), messages: [...result.messages] }));
    // A clean run (most commits) prints only the footer: no need to load the formatter and its dependencies.
    const hasFindings = results.some((result) => result.messages.length > 0);
    // eslint-formatter-pretty pads every message to the longest and puts the rule id after it, so one long message
    // makes every line wrap in a narrow terminal: there, findings are laid out on lines that fit instead. A message
    // wider than the terminal settles it before formatting (in a CI log of 80 columns, most runs with findings).
    const width = terminalWidth(options);
    let body = '';
    if (hasFindings) body = surelyTooWide(results, width) ? narrowLayout(run, options, width) : await pretty(results, run, options);
    if (hasFindings && widestLine(body) > width) body = narrowLayout(run, options, width);
    const footer = footerLines(run);
    return defuseWorkflowCommandLines([body.trimEnd(), ...footer].filter(Boolean).join('\n')) + '\n';
  },
  warmUp() {
    // The formatter's ~280 KB of code take ~35 ms to compile and run: done while the lint waits on git, not after it.
    import('eslint-formatter-pretty').catch(() => undefined);
  },
};

function footerLines(run: LintRun): string[] {
  const lines: string[] = [];
  // A summary of findings past the per-file cap counts as the findings it stands for (countFindings does the same).
  let baselineHidden = 0;
  let bySuppression = 0;
  for (const result of run.results) {
    for (const finding of result.suppressed) {
      if (finding.suppressed?.kind === 'baseline') baselineHidden += finding.omitted ?? 1;
      else bySuppression += finding.omitted ?? 1;
    }
  }
  const total = run.results.reduce((sum, result) => sum + result.findings.length, 0);
  if (total === 0) {
    lines.push(`No problems in ${plural(run.stats.apps, 'app')} (${plural(run.stats.metadataFiles, 'metadata file')}, ${plural(run.stats.scannedFiles, 'file')} scanned for secrets).`);
  }
  if (baselineHidden > 0) lines.push(`${baselineHidden} known finding(s) hidden by the baseline.`);
  if (bySuppression > 0) lines.push(`${bySuppression} finding(s) suppressed by directives (reasons are in the JSON and SARIF output).`);
  for (const notice of run.notices) lines.push(notice);
  return lines;
}

/**
 * The formatter colours (and links) by its own reading of the process's terminal; without colour asked for, its
 * colour codes and hyperlinks are taken out again, rather than steering it through the process environment.
 */
async function pretty(results: unknown[], run: LintRun, options: ReporterOptions): Promise<string> {
  const { default: format } = await import('eslint-formatter-pretty');
  const rulesMeta = Object.fromEntries(run.rules.map((meta) => [meta.id, { docs: { url: meta.docs, description: meta.description } }]));
  const text = format(results as never, { cwd: options.cwd, rulesMeta } as never);
  return options.color ? text : text.replace(HYPERLINK, '').replace(ANSI, '');
}

const ANSI = /\u001b\[[0-9;]*m/g;
/** OSC 8 hyperlink opening or closing: `ESC ] 8 ; params ; url` ended by BEL or `ESC \`. */
const HYPERLINK = /\u001b\]8;[^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/**
 * Whether the formatter's output would be wider than `width` whatever its layout: it prints each one-line message on
 * one line, dropping only the quotes and backticks around what it makes bold, so the message's other characters are
 * a lower bound of that line's width.
 */
function surelyTooWide(results: readonly { messages: readonly { message: string }[] }[], width: number): boolean {
  return results.some((result) => result.messages.some(({ message }) => !message.includes('\n') && [...message.replace(/[`']/g, '')].length > width));
}

function widestLine(text: string): number {
  return Math.max(0, ...text.split('\n').map((line) => [...line.replace(ANSI, '')].length));
}

/** The terminal's width: COLUMNS, else the caller's (the CLI passes its TTY's), else 80 (what CI logs and most terminals show). */
function terminalWidth(options: ReporterOptions): number {
  const fromEnv = Number(options.env['COLUMNS']);
  if (Number.isInteger(fromEnv) && fromEnv >= 40) return fromEnv;
  return options.columns !== undefined && Number.isInteger(options.columns) && options.columns > 0 ? options.columns : 80;
}

/** One finding as `✖ line:col rule-id` and its message word-wrapped below it, every line within `width`. */
function narrowLayout(run: LintRun, options: ReporterOptions, width: number): string {
  const lines: string[] = [];
  for (const result of run.results) {
    const findings = options.quiet ? result.findings.filter((finding) => finding.severity === 'error') : result.findings;
    if (findings.length === 0) continue;
    lines.push('', `  ${safePath(relative(options.cwd, result.file) || result.file)}`);
    for (const finding of [...findings].sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column)) {
      lines.push(`  ${finding.severity === 'error' ? '✖' : '⚠'} ${finding.at.line}:${finding.at.column}  ${finding.ruleId}`);
      lines.push(...wrap(finding.message, width - 6).map((line) => `      ${line}`));
    }
  }
  const { errors, warnings } = countFindings(run);
  lines.push('', ...(warnings > 0 && !options.quiet ? [`  ${plural(warnings, 'warning')}`] : []), ...(errors > 0 ? [`  ${plural(errors, 'error')}`] : []));
  return lines.join('\n');
}

/** Words onto lines of at most `width` characters; a word longer than that (a URL) gets a line of its own. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  if (current !== '') lines.push(current);
  return lines;
}
