import type { LintRun } from '../types.js';
import { plural } from './findings.js';
import { toEslintResults } from './json.js';
import type { Reporter, ReporterOptions } from './types.js';

/**
 * Human output through eslint-formatter-pretty: the format ESLint users already read. It sorts its input in place,
 * so it gets a copy; colour is decided before chalk loads, because chalk reads the environment once.
 */
export const textReporter: Reporter = {
  format: 'text',
  async render(run: LintRun, options: ReporterOptions) {
    const results = toEslintResults(run, options).map((result) => ({ ...result, messages: [...result.messages] }));
    // A clean run (most commits) prints only the footer: no need to load the formatter and its dependencies.
    const body = results.some((result) => result.messages.length > 0) ? await pretty(results, run, options) : '';
    const footer = footerLines(run);
    return [body.trimEnd(), ...footer].filter(Boolean).join('\n') + '\n';
  },
};

function footerLines(run: LintRun): string[] {
  const lines: string[] = [];
  const suppressed = run.results.reduce((sum, result) => sum + result.suppressed.length, 0);
  const total = run.results.reduce((sum, result) => sum + result.findings.length, 0);
  if (total === 0) {
    lines.push(`No problems in ${plural(run.stats.apps, 'app')} (${plural(run.stats.metadataFiles, 'metadata file')}, ${plural(run.stats.scannedFiles, 'file')} scanned for secrets).`);
  }
  if (run.stats.baselineHidden > 0) lines.push(`${run.stats.baselineHidden} known finding(s) hidden by the baseline.`);
  const bySuppression = suppressed - run.stats.baselineHidden;
  if (bySuppression > 0) lines.push(`${bySuppression} finding(s) suppressed by directives (reasons are in the JSON and SARIF output).`);
  for (const notice of run.notices) lines.push(notice);
  return lines;
}

async function pretty(results: unknown[], run: LintRun, options: ReporterOptions): Promise<string> {
  if (!options.color) process.env.FORCE_COLOR = '0';
  const { default: format } = await import('eslint-formatter-pretty');
  const rulesMeta = Object.fromEntries(run.rules.map((meta) => [meta.id, { docs: { url: meta.docs, description: meta.description } }]));
  return format(results as never, { cwd: options.cwd, rulesMeta } as never);
}
