import { relativePath } from '../engine/fingerprint.js';
import { escapeControlChars } from '../text/control-chars.js';
import type { AppSummary, Finding, LintRun } from '../types.js';
import { activeFindings, bySeverity, countFindings, plural } from './findings.js';
import type { ReporterOptions } from './types.js';

/** GitHub caps a step's job summary at 1 MiB; the findings table stops short of it, with room for the rest. */
export const JOB_SUMMARY_BYTES = 1024 * 1024;
const FINDINGS_BUDGET = JOB_SUMMARY_BYTES - 16 * 1024;
/** The apps table takes at most half, so that thousands of apps still leave room for the findings. */
const APPS_BUDGET = JOB_SUMMARY_BYTES / 2;

const KIND = { connectedApp: 'Connected App', externalClientApp: 'External Client App' } as const;

/**
 * The Markdown job summary: totals, one row per app with the settings a reviewer checks, and the findings
 * (most severe first) linked to the files. Everything taken from the linted files is escaped.
 */
export function renderJobSummary(run: LintRun, options: Pick<ReporterOptions, 'quiet' | 'env'>): string {
  const counts = countFindings(run);
  const link = fileLinker(options.env);
  const findings = activeFindings(run)
    .filter((finding) => !options.quiet || finding.severity === 'error')
    .sort(bySeverity(run.rules));
  const docs = new Map(run.rules.map((meta) => [meta.id, meta.docs]));

  const icon = counts.errors > 0 ? '❌' : counts.warnings > 0 ? '⚠️' : '✅';
  const out: string[] = [
    '## connected-app-lint',
    '',
    `${icon} **${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}** in ${plural(run.stats.apps, 'app')} ` +
      `(${plural(run.stats.metadataFiles, 'metadata file')}, ${plural(run.stats.scannedFiles, 'file')} scanned for secrets)` +
      (counts.suppressed ? `; ${counts.suppressed} suppressed (listed in the JSON and SARIF reports)` : '') +
      '.',
    '',
  ];
  if (run.configuration) out.push(`Configuration: ${markdownText(run.configuration)}.`, '');
  if (run.parseFailures.length > 0) {
    out.push(`${plural(run.parseFailures.length, 'file')} could not be read or parsed, so ${run.parseFailures.length === 1 ? 'it was' : 'they were'} not checked.`, '');
  }

  if (run.apps.length > 0) {
    out.push('### Apps', '');
    out.push(tableRow(['App', 'Kind', 'Environment', 'Flow', 'Scopes', 'Admin approved', 'IP relaxation', 'Certificate expires', 'Findings']));
    out.push(tableRow(Array(9).fill('---')));
    const perApp = countsPerApp(findings);
    let bytes = 0;
    let shown = 0;
    for (const app of run.apps) {
      const row = appRow(run, app, perApp.get(app.name), link);
      bytes += Buffer.byteLength(row) + 1;
      if (bytes > APPS_BUDGET) break;
      out.push(row);
      shown++;
    }
    if (shown < run.apps.length) out.push('', `…and ${plural(run.apps.length - shown, 'more app')}: the JSON and SARIF reports cover them all.`);
    out.push('');
  }

  if (findings.length > 0) {
    out.push('### Findings', '');
    out.push(tableRow(['Severity', 'Rule', 'Location', 'Message']), tableRow(['---', '---', '---', '---']));
    let bytes = Buffer.byteLength(out.join('\n'));
    let shown = 0;
    for (const finding of findings) {
      const row = findingRow(run, finding, docs.get(finding.ruleId), link);
      bytes += Buffer.byteLength(row) + 1;
      if (bytes > FINDINGS_BUDGET) break;
      out.push(row);
      shown++;
    }
    if (shown < findings.length) {
      out.push('', `…and ${plural(findings.length - shown, 'more finding')}: a job summary holds at most 1 MiB. The step log and the SARIF report have them all.`);
    }
    out.push('');
  }
  for (const notice of run.notices) out.push(`> ${markdownText(notice)}`, '');
  return `${out.join('\n')}\n`;
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

/**
 * Text from linted files as inert Markdown: one line, control characters visible (`\x1b`: `-f markdown` may go to
 * a terminal), and every character that could start emphasis, code, a link, HTML, an entity or a new table cell is
 * backslash-escaped (CommonMark renders `\x` as `x` for ASCII punctuation). With `[` escaped no link can form, so
 * `(`, `)` and `!` need nothing. What GitHub links by itself in plain text is broken up with a zero-width joiner:
 * an `@mention` (which notifies the person) or an e-mail address, a `#123` reference, a bare `https://` or `www.`
 * address.
 */
export function markdownText(text: string): string {
  return escapeControlChars(text.replace(/[\r\n\u2028\u2029]+/g, ' '))
    .replace(/[\\`*_[\]<>|~&]/g, (char) => `\\${char}`)
    .replace(GITHUB_AUTOLINK, (match) => `${match.slice(0, -1)}${ZWJ}${match.slice(-1)}`);
}

const ZWJ = '\u200d';
/** The character before which a zero-width joiner goes is the last of each match. */
const GITHUB_AUTOLINK = /[@#][\p{L}\p{N}_]|:\/|\bwww\./giu;

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
