import { relativePath } from '../engine/fingerprint.js';
import type { AppSummary, Finding, LintRun } from '../types.js';
import { activeFindings, bySeverity, countFindings, plural } from './findings.js';
import { fitMarkdown, type MarkdownSection } from './markdown-budget.js';
import { markdownText } from './markdown-text.js';
import type { ReporterOptions } from './types.js';

/** GitHub caps a step's job summary at 1 MiB: more, and it drops the step's whole summary. */
export const JOB_SUMMARY_BYTES = 1024 * 1024;

const KIND = { connectedApp: 'Connected App', externalClientApp: 'External Client App' } as const;

/**
 * The Markdown job summary: totals, one row per app with the settings a reviewer checks, and the findings
 * (most severe first) linked to the files. Everything taken from the linted files is escaped. At most `maxBytes`
 * (the room the step's summary has left): rows that do not fit are counted in a "…and N more" line, the apps table
 * taking at most half so that thousands of apps still leave room for the findings. Empty when not even the totals fit.
 */
export function renderJobSummary(run: LintRun, options: Pick<ReporterOptions, 'quiet' | 'env'>, maxBytes = JOB_SUMMARY_BYTES): string {
  const counts = countFindings(run);
  const link = fileLinker(options.env);
  const findings = activeFindings(run)
    .filter((finding) => !options.quiet || finding.severity === 'error')
    .sort(bySeverity(run.rules));
  const docs = new Map(run.rules.map((meta) => [meta.id, meta.docs]));

  const icon = counts.errors > 0 ? '❌' : counts.warnings > 0 ? '⚠️' : '✅';
  const top: string[] = [
    '## connected-app-lint',
    '',
    `${icon} **${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}** in ${plural(run.stats.apps, 'app')} ` +
      `(${plural(run.stats.metadataFiles, 'metadata file')}, ${plural(run.stats.scannedFiles, 'file')} scanned for secrets)` +
      (counts.suppressed ? `; ${counts.suppressed} suppressed (listed in the JSON and SARIF reports)` : '') +
      '.',
    '',
  ];
  if (run.configuration) top.push(`Configuration: ${markdownText(run.configuration)}.`, '');
  if (run.parseFailures.length > 0) {
    top.push(`${plural(run.parseFailures.length, 'file')} could not be read or parsed, so ${run.parseFailures.length === 1 ? 'it was' : 'they were'} not checked.`, '');
  }

  const perApp = countsPerApp(findings);
  const apps: MarkdownSection = {
    head: ['### Apps', '', tableRow(['App', 'Kind', 'Environment', 'Flow', 'Scopes', 'Admin approved', 'IP relaxation', 'Certificate expires', 'Findings']), tableRow(Array(9).fill('---'))],
    items: run.apps.map((app) => appRow(run, app, perApp.get(app.name), link)),
    foot: [''],
    more: (omitted) => ['', `…and ${plural(omitted, 'more app')}: the JSON and SARIF reports cover them all.`],
    priority: 1,
    maxItemBytes: maxBytes / 2,
  };
  const findingRows: MarkdownSection = {
    head: ['### Findings', '', tableRow(['Severity', 'Rule', 'Location', 'Message']), tableRow(['---', '---', '---', '---'])],
    items: findings.map((finding) => findingRow(run, finding, docs.get(finding.ruleId), link)),
    foot: [''],
    more: (omitted) => ['', `…and ${plural(omitted, 'more finding')}: a job summary holds at most 1 MiB. The step log and the SARIF report have them all.`],
    priority: 2,
  };
  // Notices say what judged the run (a changed gate file, a nested project file): they get room before any row.
  const notices: MarkdownSection = {
    head: [],
    items: run.notices.map((notice) => `> ${markdownText(notice)}\n`),
    more: (omitted) => [`> …and ${plural(omitted, 'more notice')} in the step log.`, ''],
    priority: 0,
  };
  return fitMarkdown(top, [apps, findingRows, notices], maxBytes) ?? '';
}

type AppCounts = { errors: number; warnings: number };

/** Errors and warnings by app name, in one pass over the findings (not one pass per app: thousands of each). */
function countsPerApp(findings: readonly Finding[]): Map<string, AppCounts> {
  const counts = new Map<string, AppCounts>();
  for (const finding of findings) {
    if (finding.app === undefined) continue;
    let own = counts.get(finding.app);
    if (!own) counts.set(finding.app, (own = { errors: 0, warnings: 0 }));
    // A summary of findings past the per-file cap counts as the findings it stands for.
    if (finding.severity === 'error') own.errors += finding.omitted ?? 1;
    else own.warnings += finding.omitted ?? 1;
  }
  return counts;
}

function appRow(run: LintRun, app: AppSummary, own: AppCounts | undefined, link: FileLinker): string {
  const { errors, warnings } = own ?? { errors: 0, warnings: 0 };
  const verdict = errors + warnings === 0 ? '✅ none' : [errors && `❌ ${plural(errors, 'error')}`, warnings && `⚠️ ${plural(warnings, 'warning')}`].filter(Boolean).join(', ');
  return tableRow([
    link(markdownText(app.name), relativePath(run.root, app.file)),
    KIND[app.kind],
    app.environment,
    app.usesOAuth ? `${markdownText(app.flows.join(' + '))}${app.flowDeclared ? '' : ' (inferred)'}` : 'no OAuth',
    app.usesOAuth && app.scopes.length ? app.scopes.map(markdownText).join(', ') : '—',
    app.adminApproved ? 'yes' : 'no',
    markdownText(app.ipRelaxation),
    app.certificateExpiry ? markdownText(app.certificateExpiry) : '—',
    verdict,
  ]);
}

function findingRow(run: LintRun, finding: Finding, docs: string | undefined, link: FileLinker): string {
  const path = relativePath(run.root, finding.at.file);
  const rule = docs ? `[${markdownText(finding.ruleId)}](${docs})` : markdownText(finding.ruleId);
  return tableRow([
    finding.severity === 'error' ? '❌ error' : '⚠️ warning',
    rule,
    link(markdownText(`${path}:${finding.at.line}`), path, finding.at.line),
    markdownText(finding.message),
  ]);
}

function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

type FileLinker = (text: string, path: string, line?: number) => string;

/** Links into the repository at the linted commit when the runner says where that is; plain text otherwise. */
function fileLinker(env: NodeJS.ProcessEnv): FileLinker {
  const server = env.GITHUB_SERVER_URL;
  const repository = env.GITHUB_REPOSITORY;
  const sha = env.GITHUB_SHA;
  if (!server || !repository || !sha) return (text) => text;
  const base = `${server.replace(/\/+$/, '')}/${repository}/blob/${sha}/`;
  return (text, path, line) => {
    // encodeURIComponent leaves `(` and `)`, which would end a Markdown link destination.
    const encoded = path
      .split('/')
      .map((segment) => encodeURIComponent(segment).replace(/\(/g, '%28').replace(/\)/g, '%29'))
      .join('/');
    return `[${text}](${base}${encoded}${line ? `#L${line}` : ''})`;
  };
}
