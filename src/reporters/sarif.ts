import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { repositoryWebUrl } from '../package-info.js';
import { relativePath } from '../engine/fingerprint.js';
import { inertJson } from '../text/safe-text.js';
import type { Finding, LintRun, Position, RuleLevel, RuleMeta } from '../types.js';
import { bySeverity } from './findings.js';
import type { Reporter, ReporterOptions } from './types.js';

// One SARIF 2.1.0 log with one run, shaped for GitHub code scanning (facts: ../shared/reference/sarif-github.md).
// Only what the run holds goes in: messages are already masked by the rules, and no file content (`snippet`,
// `contextRegion`) is ever copied, so no secret can leak through this format.

const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const TOOL_NAME = 'connected-app-lint';
const INFORMATION_URI = repositoryWebUrl();
const SRCROOT = '%SRCROOT%';
export const DEFAULT_SARIF_CATEGORY = 'connected-app-lint/';

/** GitHub's upload limits: over a maximum the whole file is rejected, so we stay under them ourselves. */
export const GITHUB_SARIF_LIMITS = {
  resultsPerRun: 25_000,
  /** 10 MB, gzip-compressed (read as 10,000,000 bytes, the stricter reading). */
  gzippedBytes: 10_000_000,
  descriptionLength: 1024,
  nameLength: 255,
  tagsPerRule: 20,
} as const;

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

interface SarifMessage {
  text: string;
  markdown?: string;
}

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId?: string };
    region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number };
  };
}

interface SarifReportingDescriptor {
  id: string;
  name?: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  helpUri?: string;
  help: SarifMessage;
  defaultConfiguration: { level: SarifLevel; enabled?: boolean };
  properties: { tags: string[]; precision?: string; 'security-severity'?: string };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: [SarifLocation];
  partialFingerprints: { primaryLocationLineHash: string };
  suppressions?: { kind: 'inSource' | 'external'; justification?: string }[];
}

interface SarifNotification {
  level: SarifLevel;
  message: SarifMessage;
  locations?: SarifLocation[];
  associatedRule?: { id: string; index: number };
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: { driver: { name: string; semanticVersion: string; informationUri: string; rules: SarifReportingDescriptor[] } };
      automationDetails: { id: string };
      originalUriBaseIds: Record<string, { uri: string }>;
      columnKind: 'utf16CodeUnits';
      invocations: [{ executionSuccessful: boolean; toolExecutionNotifications: SarifNotification[] }];
      results: SarifResult[];
    },
  ];
}

export const sarifReporter: Reporter = {
  format: 'sarif',
  render: (run, options) => `${renderSarifWithinLimits(run, options)}\n`,
};

/**
 * The SARIF text, minified (GitHub's size limit is on the gzipped file). Past GitHub's limits the least severe
 * results are left out, until both the result count and the gzipped size fit, and a notification says so.
 */
export function renderSarifWithinLimits(run: LintRun, options: Pick<ReporterOptions, 'sarifCategory'>): string {
  const entries = resultEntries(run);
  let keep = Math.min(entries.length, GITHUB_SARIF_LIMITS.resultsPerRun);
  for (;;) {
    const text = inertJson(JSON.stringify(buildSarifLog(run, options, entries, keep)));
    const size = gzippedSize(text);
    if (size <= GITHUB_SARIF_LIMITS.gzippedBytes || keep === 0) return text;
    // Shrink in proportion, with a margin, so that a few rounds are enough even for huge runs.
    keep = Math.min(keep - 1, Math.floor((keep * GITHUB_SARIF_LIMITS.gzippedBytes * 0.9) / size));
  }
}

/** gzip never doubles a text, so only a text over half the limit is worth compressing to measure. */
function gzippedSize(text: string): number {
  const bytes = Buffer.byteLength(text);
  return bytes <= GITHUB_SARIF_LIMITS.gzippedBytes / 2 ? bytes : gzipSync(text).length;
}

interface ResultEntry {
  finding: Finding;
  /** Position in the run's order (file, line), restored after the most severe are picked. */
  order: number;
}

/**
 * Findings and suppressed findings, in the run's order: suppressed ones are results too, with `suppressions`.
 * Findings on files the change deletes are not results: code scanning needs an existing file to show one.
 */
function resultEntries(run: LintRun): ResultEntry[] {
  const deleted = new Set(run.deletedFiles ?? []);
  const findings = run.results.flatMap((result) => (deleted.has(result.file) ? [] : [...result.findings, ...result.suppressed]));
  return findings.map((finding, order) => ({ finding, order }));
}

/** Findings on deleted files, as notifications that name the file and the rule. */
function deletedFileNotifications(run: LintRun, ruleIndex: Map<string, number>): SarifNotification[] {
  const deleted = new Set(run.deletedFiles ?? []);
  return run.results
    .filter((result) => deleted.has(result.file))
    .flatMap((result) =>
      result.findings.map((finding) => ({
        level: finding.severity,
        message: { text: `${relativePath(run.root, finding.at.file)} (deleted): ${finding.message}` },
        associatedRule: { id: finding.ruleId, index: ruleIndex.get(finding.ruleId)! },
      })),
    );
}

/** Builds the log keeping the `keep` most severe results (suppressed ones go first when something must go). */
export function buildSarifLog(run: LintRun, options: Pick<ReporterOptions, 'sarifCategory'>, entries = resultEntries(run), keep = entries.length): SarifLog {
  const severity = bySeverity(run.rules);
  const kept =
    keep >= entries.length
      ? entries
      : [...entries]
          .sort((a, b) => Number(a.finding.suppressed !== undefined) - Number(b.finding.suppressed !== undefined) || severity(a.finding, b.finding))
          .slice(0, keep)
          .sort((a, b) => a.order - b.order);

  const descriptors = ruleDescriptors(run.rules, [
    ...entries.map((entry) => entry.finding.ruleId),
    ...run.results.flatMap((result) => result.findings.map((finding) => finding.ruleId)),
  ]);
  const ruleIndex = new Map(descriptors.map((descriptor, index) => [descriptor.id, index]));
  const locate = (at: Position) => location(run.root, at);

  const notifications: SarifNotification[] = run.parseFailures.map((failure) => ({
    level: 'error',
    message: { text: failure.message },
    locations: [locate(failure.at)],
    associatedRule: { id: failure.ruleId, index: ruleIndex.get(failure.ruleId)! },
  }));
  if (kept.length < entries.length) {
    notifications.push({ level: 'warning', message: { text: capNotice(entries.length - kept.length, entries.length) } });
  }
  for (const notice of run.notices) notifications.push({ level: 'note', message: { text: notice } });
  for (const notification of deletedFileNotifications(run, ruleIndex)) notifications.push(notification);

  return {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, semanticVersion: run.toolVersion, informationUri: INFORMATION_URI, rules: descriptors } },
        automationDetails: { id: automationId(options.sarifCategory) },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(run.root) } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: run.parseFailures.length === 0, toolExecutionNotifications: notifications }],
        results: kept.map(({ finding }) => toResult(finding, ruleIndex.get(finding.ruleId)!, locate(finding.at))),
      },
    ],
  };
}

function capNotice(dropped: number, total: number): string {
  return (
    `${dropped} of ${total} results were left out to stay within GitHub's code scanning limits ` +
    `(${GITHUB_SARIF_LIMITS.resultsPerRun.toLocaleString('en-US')} results per run, 10 MB gzipped); the most severe results are kept. ` +
    'Run connected-app-lint with --format json for the full list.'
  );
}

/**
 * `category/run-id`, read by GitHub up to the last `/`. A category given without a `/` gets one appended, as
 * github/codeql-action does with its `category` input, so that the whole string is the category.
 */
export function automationId(category: string | undefined): string {
  if (category === undefined || category.trim() === '') return DEFAULT_SARIF_CATEGORY;
  return category.endsWith('/') ? category : `${category}/`;
}

function toResult(finding: Finding, ruleIndex: number, at: SarifLocation): SarifResult {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: finding.severity,
    message: { text: finding.message },
    locations: [at],
    partialFingerprints: { primaryLocationLineHash: finding.fingerprint },
    ...(finding.suppressed
      ? {
          suppressions: [
            {
              kind: finding.suppressed.kind === 'directive' ? ('inSource' as const) : ('external' as const),
              // GitHub does not support required-looking properties set to '': leave an empty reason out.
              ...(finding.suppressed.justification.trim() ? { justification: finding.suppressed.justification } : {}),
            },
          ],
        }
      : {}),
  };
}

/** A repository-relative URI under %SRCROOT%; a file outside the root keeps its absolute file URI. */
function location(root: string, at: Position): SarifLocation {
  const relative = relativePath(root, at.file);
  const inside = relative !== '' && !relative.startsWith('../') && relative !== '..' && !isAbsolute(relative);
  const artifactLocation = inside ? { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT } : { uri: pathToFileURL(at.file).href };
  return { physicalLocation: { artifactLocation, region: region(at) } };
}

/** 1-based lines and columns, `endColumn` exclusive; nonsense from a broken input is clamped, never emitted. */
function region(at: Position): SarifLocation['physicalLocation']['region'] {
  const startLine = positiveInteger(at.line);
  const startColumn = positiveInteger(at.column);
  const endLine = at.endLine !== undefined ? Math.max(startLine, positiveInteger(at.endLine)) : undefined;
  let endColumn = at.endColumn !== undefined ? positiveInteger(at.endColumn) : undefined;
  if (endColumn !== undefined && (endLine ?? startLine) === startLine && endColumn <= startColumn) endColumn = undefined;
  return {
    startLine,
    startColumn,
    ...(endLine !== undefined && endLine !== startLine ? { endLine } : {}),
    ...(endColumn !== undefined ? { endColumn } : {}),
  };
}

function positiveInteger(value: number): number {
  return Number.isInteger(value) && value >= 1 ? value : 1;
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** One descriptor per rule that ran, plus a minimal one for any rule id that has findings but no meta. */
function ruleDescriptors(rules: readonly RuleMeta[], findingRuleIds: string[]): SarifReportingDescriptor[] {
  const descriptors = rules.map(toDescriptor);
  const known = new Set(descriptors.map((descriptor) => descriptor.id));
  for (const id of findingRuleIds) {
    if (known.has(id)) continue;
    known.add(id);
    descriptors.push({
      id,
      ...displayName(id),
      shortDescription: { text: `Findings of rule ${id}.` },
      fullDescription: { text: `Findings of rule ${id}, which did not describe itself.` },
      help: { text: `Findings of rule ${id}.` },
      defaultConfiguration: { level: 'warning' },
      properties: { tags: ['security'] },
    });
  }
  return descriptors;
}

function toDescriptor(meta: RuleMeta): SarifReportingDescriptor {
  const short = limitText(meta.description, GITHUB_SARIF_LIMITS.descriptionLength);
  const full = limitText(meta.fullDescription || meta.description, GITHUB_SARIF_LIMITS.descriptionLength);
  const defaults = `Default severity: ${levelName(meta.severity.production)} in production, ${levelName(meta.severity.sandbox)} in sandboxes.`;
  // Every rule carries a security severity, so every rule is a security rule for GitHub: tag it so.
  const tags = [...new Set(['security', ...meta.tags])].slice(0, GITHUB_SARIF_LIMITS.tagsPerRule);
  return {
    id: meta.id,
    ...displayName(meta.id),
    shortDescription: { text: short },
    fullDescription: { text: full },
    ...(meta.docs ? { helpUri: meta.docs } : {}),
    help: {
      text: `${meta.description}\n\n${meta.fullDescription}\n\n${defaults}${meta.docs ? `\n\nDocumentation: ${meta.docs}` : ''}`,
      markdown: `**${meta.description}**\n\n${meta.fullDescription}\n\n${defaults}${meta.docs ? `\n\n[How to fix, examples and options](${meta.docs})` : ''}`,
    },
    defaultConfiguration: defaultConfiguration(meta.severity.production),
    properties: {
      tags,
      ...(meta.precision ? { precision: meta.precision } : {}),
      'security-severity': securitySeverity(meta.securitySeverity),
    },
  };
}

/** The production default (the environment used unless told otherwise); an off rule is disabled by default. */
function defaultConfiguration(level: RuleLevel): SarifReportingDescriptor['defaultConfiguration'] {
  if (level === 'off') return { level: 'warning', enabled: false };
  return { level: level === 'error' ? 'error' : 'warning' };
}

function levelName(level: RuleLevel): string {
  return level === 'warn' ? 'warning' : level;
}

/** GitHub reads a string holding a number in 0.1–10; one decimal, as GitHub's own examples write it. */
function securitySeverity(score: number): string {
  const clamped = Number.isFinite(score) ? Math.min(10, Math.max(0.1, score)) : 0.1;
  return clamped.toFixed(1);
}

/**
 * `no-full-scope` -> `NoFullScope`: SARIF's `name` is a readable identifier. SARIF wants it left out when it would
 * only repeat the id (`config` -> `Config`), and GitHub rejects an empty one.
 */
function displayName(id: string): { name?: string } {
  const name = id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
  if (name === '' || name.toLowerCase() === id.toLowerCase()) return {};
  return { name: limitText(name, GITHUB_SARIF_LIMITS.nameLength) };
}

/** At most `max` characters (code points: a surrogate pair is never split), marked when cut. */
function limitText(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, max - 1).join('')}…`;
}
