import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildModel, type ParsedFile } from '../model/build.js';
import { LineIndex } from '../parser/positions.js';
import { parseXml, type XmlDocument } from '../parser/xml.js';
import { discover, listFilesAhead, type Discovery } from '../project/discover.js';
import { classifyPath } from '../project/metadata-types.js';
import { resolveLintScope, type LintScope } from '../project/scope.js';
import { readTextFile, type ReadResult } from '../project/read.js';
import { builtinRules } from '../rules/index.js';
import type { Environment, FileResult, Finding, LintRun, OAuthApp, RepoFile, Rule, RuleMeta } from '../types.js';
import type { LoadedConfig } from '../config/types.js';
import { ENGINE_RULES, PARSE_ERROR } from './engine-rules.js';
import { UsageError } from '../errors.js';
import { FingerprintAllocator, offendingContent, relativePath } from './fingerprint.js';
import { RuleRunner, type RawFinding } from './run-rules.js';
import { diskSourceWithin, TextCache, type FileSource } from './sources.js';
import { summarizeApps } from './summary.js';
import { canScreen, type ScreenRequest } from './screen-file.js';
import { ScreenPool, startScreening, submitAhead, type ParallelOptions, type Screening } from './screen-pool.js';
import { trackedFilesEstimate, workerCount } from './screen-threads.js';
import { safeMessage, safePath } from '../text/safe-text.js';

export interface LintOptions {
  /** Where relative paths start: the caller's working directory (the library never reads the process's). */
  cwd: string;
  paths?: string[];
  /** `--env`: wins over the config's environment, loses to a per-app one. */
  environment?: Environment;
  config?: LoadedConfig;
  /** The rules to run; built-in rules by default (plugins are added by the caller). */
  rules?: readonly Rule[];
  /** Run only these rule ids (e.g. the secrets-only pre-commit hook). */
  only?: string[];
  /** Where contents come from (the git index for --staged); the disk by default. */
  fileSource?: FileSource;
  /** Lint what .forceignore and ignorePatterns leave out too (`--no-ignore`). */
  noIgnore?: boolean;
  /** The run's scope, resolved once by the caller for the same `cwd`, `paths` and `noIgnore`; resolved here otherwise. */
  scope?: LintScope;
  /** Pre-computed discovery (--staged, --changed-since); `paths` are discovered otherwise. */
  discovery?: Discovery;
  /** Files the change under lint deletes (--staged, --changed-since): the file rules see them with `deleted: true`. */
  deletedFiles?: string[];
  /** Post-processing of findings (inline suppressions, baseline), in order. */
  postProcessors?: FindingPostProcessor[];
  /** Told how far the run is every few dozen files (the CLI draws a progress line from it on a terminal). */
  onProgress?: (progress: LintProgress) => void;
  /** Handed the parsed metadata once the model is built: the posture diff compares it rather than parsing again. */
  onModel?: (model: LintedModel) => void;
  /**
   * @internal Worker threads for reading and screening the repository's files (screen-pool.ts); by default the
   * cores above a file-count threshold, or CALINT_WORKERS. The output is the same either way.
   */
  parallel?: ParallelOptions;
}

/** What the parse and model phases of a run made of its metadata files. */
export interface LintedModel {
  apps: OAuthApp[];
  /** The parsed documents, by absolute path. */
  documents: Map<string, XmlDocument>;
  /** Metadata files that could not be read or parsed (absolute path -> why); lint reports them as parse errors. */
  unreadable: Map<string, string>;
}

export interface LintProgress {
  phase: 'parse' | 'scan';
  done: number;
  total: number;
}

/** Files between two progress calls: often enough for a smooth line, rare enough to cost nothing. */
const PROGRESS_EVERY = 64;

/** A step after the rules: may move findings to `suppressed` or add engine findings. */
export interface FindingPostProcessor {
  /** Meta of any engine findings it adds (shown in SARIF rules[]). */
  meta?: RuleMeta[];
  /** A scanned file whose text holds this string is one the processor needs (`files` below), e.g. a directive. */
  keepFilesContaining?: string;
  process(findings: Finding[], context: PostProcessContext): { findings: Finding[]; suppressed: Finding[]; notices?: string[] };
}

export interface PostProcessContext {
  root: string;
  /** The text of a linted file (read once, cached). */
  textOf(file: string): string | undefined;
  /** Fingerprint for a finding the post-processor creates. */
  fingerprint(finding: Omit<Finding, 'fingerprint'>): string;
  /** Files whose inline directives count: every linted metadata file, and scanned files holding a finding or a directive. */
  files: readonly string[];
  /** API names of the project's apps (e.g. to report configuration naming an app that is not there). */
  appNames: readonly string[];
}

/** The whole pipeline: discover -> parse -> model -> rules -> findings. The CLI, the Action and tests call this. */
export async function lint(options: LintOptions): Promise<LintRun> {
  // Worker threads end with the run, however it ends (a configuration error, a crash): they never outlive it.
  const running: { close(): void }[] = [];
  try {
    return await lintPipeline(options, running);
  } finally {
    for (const pool of running) pool.close();
  }
}

async function lintPipeline(options: LintOptions, running: { close(): void }[]): Promise<LintRun> {
  const started = performance.now();
  const cwd = options.cwd;
  const config = options.config?.config ?? {};
  const early = startPoolEarly(options);
  if (early) running.push(early);
  const discoverOptions = {
    cwd,
    paths: options.paths ?? ['.'],
    ...(config.ignorePatterns ? { ignorePatterns: config.ignorePatterns } : {}),
    ...(options.noIgnore ? { noIgnore: true } : {}),
  };
  const scope = options.discovery ? undefined : (options.scope ?? resolveLintScope(discoverOptions));
  const texts = new TextCache(options.fileSource ?? diskSourceWithin(options.discovery?.root ?? scope!.root));
  // While git walks the tree for untracked files, the tracked ones are in: the early pool's workers start reading
  // them, and this thread parses the metadata among them (discovery then takes what it keeps).
  let pool = early;
  const parsedAhead = new Map<string, ParseOutcome>();
  const onTracked = (tracked: readonly (readonly string[] | undefined)[]) => {
    const files = tracked.length === 1 ? tracked[0] : undefined;
    if (!files) return;
    if (early) pool = submitAhead(early, files, options.parallel);
    // Indexed (as the scan loop below): an interpreted for-of allocates an iterator result per step.
    for (let index = 0; index < files.length; index++) {
      const path = files[index]!;
      if (classifyPath(path)) parsedAhead.set(path, parseMetadataFile(path, texts));
    }
  };
  // git lists the files without blocking: what the caller started meanwhile (its reporter's loading) goes on.
  const discovery = options.discovery ?? discover(await listFilesAhead({ ...discoverOptions, scope }, onTracked));
  if (discovery.missing.length > 0) {
    const looksLikeCommand = discovery.missing.some((path) => /^[a-z]+$/.test(basename(path)));
    throw new UsageError(`no such file or directory: ${discovery.missing.map(safePath).join(', ')}${looksLikeCommand ? " (the commands are lint, rules and init; see 'connected-app-lint --help')" : ''}`);
  }
  const root = discovery.root;
  const rules = selectRules(options.rules ?? builtinRules, options.only);
  const runner = new RuleRunner({ rules, config, cliEnvironment: options.environment, root });
  const fatal: RawFinding[] = [];

  // The metadata files the model reads: the scan reuses their texts instead of screening them.
  const modelled = new Set(discovery.metadata.map((file) => file.path));
  const screening = startFileScreening(discovery, modelled, runner, options, pool);
  if (screening) running.push(screening);

  // parse
  const parsed: ParsedFile[] = [];
  const unreadableMetadata = new Set<string>();
  /** Symbolic links that lead out of the repository: never read, named once in a notice. */
  const linksOutside = new Set<string>();
  const progress = progressTicker(options.onProgress);
  for (const file of discovery.metadata) {
    progress('parse', discovery.metadata.length);
    const outcome = parsedAhead.get(file.path) ?? parseMetadataFile(file.path, texts);
    if (outcome.linkOutside) linksOutside.add(file.path);
    else if (outcome.problem) {
      if (outcome.unreadable) unreadableMetadata.add(file.path);
      fatal.push(outcome.problem);
    } else parsed.push({ path: file.path, type: file.classified.type.name, componentName: file.classified.componentName, forceIgnored: file.forceIgnored, doc: outcome.doc! });
  }

  // model -> rules
  const model = buildModel(parsed, (name) => config.apps?.[name]);
  runner.apps(model.apps);
  runner.documents(model.documents);
  if (options.onModel) {
    // Up to here, `fatal` holds the parse phase's findings only: one per metadata file that could not be read or parsed.
    const unreadable = new Map(fatal.map((finding): [string, string] => [finding.at.file, finding.message]));
    for (const path of linksOutside) unreadable.set(path, 'a symbolic link pointing outside the repository, skipped for safety');
    options.onModel({ apps: model.apps, documents: new Map(parsed.map((file) => [file.path, file.doc])), unreadable });
  }

  // repository-wide checks: each file read once (metadata texts are reused), binaries judged by name only
  let scannedFiles = 0;
  const keptScanFiles: string[] = [];
  if (runner.hasFileRules()) {
    const keepMarkers = keepMarkersOf(options);
    // Indexed, not for-of: V8 interprets most of a short run, and an interpreted for-of allocates an iterator result
    // for each of the repository's files.
    const scanFiles = discovery.scanFiles;
    for (let index = 0; index < scanFiles.length; index++) {
      const path = scanFiles[index]!;
      progress('scan', scanFiles.length);
      let read: ReadResult;
      if (screening && !modelled.has(path)) {
        // Read and screened ahead (worker threads): a file no file rule could report on is only counted. Awaited only
        // when it must wait for a worker: an `await` of every one of 20,000 ready results costs a microtask each.
        const ready = screening.screened(path);
        const screened = ready instanceof Promise ? await ready : ready;
        if (screened.clean) {
          scannedFiles++;
          continue;
        }
        read = screened.read;
      } else read = texts.read(path);
      if (!read.ok && read.linkOutside) {
        linksOutside.add(path);
        continue;
      }
      if (!read.ok && read.unscanned && !unreadableMetadata.has(path)) {
        // Text too large to read whole may hold a secret: never passed in silence, and it fails the run.
        fatal.push(parseError(path, `${read.reason}: not scanned for secrets`, 1, 1));
        continue;
      }
      if (!read.ok && read.unscanned) {
        continue; // already reported by the parse phase
      }
      if (!read.ok && !read.binary) continue; // unreadable non-metadata files are not ours to report
      scannedFiles++;
      const before = runner.findings.length;
      // Text in another encoding (UTF-16, Windows-1252, a stray NUL) is scanned as decoded; binaries by name only.
      const metadata = metadataNamed(path, modelled.has(path));
      runner.file(read.ok ? { file: path, text: read.text, ...(metadata ? { metadata } : {}) } : read.scanText !== undefined ? { file: path, text: read.scanText } : { file: path, text: '', binary: true });
      if (read.ok && (runner.findings.length > before || keepMarkers.some((marker) => read.text.includes(marker)))) {
        texts.keep(path, read.text);
        keptScanFiles.push(path);
      }
    }
    screening?.finish();
    for (const path of options.deletedFiles ?? []) {
      const metadata = metadataNamed(path, false);
      runner.file({ file: path, text: '', deleted: true, ...(metadata ? { metadata } : {}) });
    }
  }

  for (const crash of runner.crashes) {
    fatal.push(parseError(crash.subject, `rule ${crash.ruleId} failed on this file: ${crash.error.message}`, 1, 1));
  }

  // findings: fingerprints, then post-processing (suppressions, baseline)
  const fingerprints = new FingerprintAllocator();
  const lineIndexes = new Map<string, LineIndex>();
  const textOf = (file: string) => texts.get(file) ?? readQuietly(file, root);
  const lineText = (file: string, line: number) => {
    let index = lineIndexes.get(file);
    if (!index) {
      index = new LineIndex(file, textOf(file) ?? '');
      lineIndexes.set(file, index);
    }
    return index.lineText(line);
  };
  const secretRules = new Set(rules.filter((rule) => rule.meta.pointsAtSecrets).map((rule) => rule.meta.id));
  const fingerprint = (finding: Omit<Finding, 'fingerprint'>) =>
    fingerprints.next({
      ruleId: finding.ruleId,
      ...(finding.app ? { app: finding.app } : {}),
      file: relativePath(root, finding.at.file),
      // A summary of findings past the cap is keyed by its message, which holds the count: a baseline that accepted
      // 500 un-listed findings shows the summary again when there are 501.
      content: finding.fatal || finding.omitted !== undefined || secretRules.has(finding.ruleId) ? finding.message : offendingContent(lineText(finding.at.file, finding.at.line), finding.at),
    });

  // Every message goes through the one output layer: masked, one line, capped (a parser may quote a secret or 1 MB).
  // Findings are reported for the files asked about: a companion (the rest of an External Client App, read to judge
  // the app whole) gives none of its own, unless it could not be read, which changes how the app was judged.
  const companions = new Set(discovery.metadata.filter((file) => file.companion).map((file) => file.path));
  const asked = (raw: RawFinding) => raw.fatal === true || !companions.has(raw.at.file);
  const sorted = sortFindings([...fatal, ...runner.findings].filter(asked).map((raw) => ({ ...raw, message: safeMessage(raw.message) })));
  let findings: Finding[] = sorted.map((raw) => ({ ...raw, fingerprint: fingerprint(raw) }));
  const alreadySafe = new WeakSet<Finding>(findings);
  const suppressed: Finding[] = [];
  const notices: string[] = discovery.notices.map((notice) => safeMessage(notice));
  if (linksOutside.size > 0) notices.push(safeMessage(linksOutsideNotice(root, [...linksOutside])));
  const extraMeta: RuleMeta[] = [];
  // Only texts already read: a file that could not be read (a FIFO, a directory) must not be opened again.
  const askedMetadata = discovery.metadata.filter((file) => !file.companion).map((file) => file.path);
  const directiveFiles = [...new Set([...askedMetadata, ...keptScanFiles])].filter((file) => texts.get(file) !== undefined);
  const appNames = model.apps.map((app) => app.name);
  for (const processor of options.postProcessors ?? []) {
    const out = processor.process(findings, { root, textOf, fingerprint, files: directiveFiles, appNames });
    findings = sortFindings(out.findings.map((finding) => (alreadySafe.has(finding) ? finding : { ...finding, message: safeMessage(finding.message) })));
    // Loops, not push(...spread): a spread of 120,000 findings overflows the call stack.
    for (const finding of out.suppressed) suppressed.push(finding);
    for (const notice of out.notices ?? []) notices.push(safeMessage(notice));
    for (const meta of processor.meta ?? []) extraMeta.push(meta);
  }

  const results = groupByFile(findings, suppressed, askedMetadata);
  const parseFailures = findings.filter((finding) => finding.fatal);
  return {
    root,
    toolVersion: toolVersion(),
    results,
    rules: uniqueMeta([...ENGINE_RULES, ...rules.map((rule) => rule.meta), ...extraMeta]),
    parseFailures,
    stats: {
      files: discovery.scanFiles.length || discovery.metadata.length,
      metadataFiles: discovery.metadata.length,
      apps: model.apps.filter((app) => !app.forceIgnored).length,
      scannedFiles,
      durationMs: Math.round(performance.now() - started),
      baselineHidden: suppressed.filter((finding) => finding.suppressed?.kind === 'baseline').length,
    },
    ...(options.deletedFiles?.length ? { deletedFiles: options.deletedFiles } : {}),
    apps: summarizeApps(model.apps, config, options.environment),
    notices,
  };
}

/**
 * The repository files the scan reads, screened ahead (screen-pool.ts): started before the metadata is parsed, so
 * worker threads read while the main thread parses. Only for the disk (not the git index of --staged) and when
 * every enabled file rule is a built-in one with a screen (a plugin's file rule sees every file). The metadata files
 * the model reads are not screened: the main thread reads and parses them, and the scan reuses their texts.
 */
function startFileScreening(discovery: Discovery, modelled: ReadonlySet<string>, runner: RuleRunner, options: LintOptions, early: ScreenPool | undefined): Screening | undefined {
  const fileRules = runner.enabledFileRules();
  const request = screenRequest(options, discovery.root, fileRules);
  if (!request) {
    early?.close();
    return undefined;
  }
  // The early pool was told the same root and rules (one scope, one configuration), so it screens the same way.
  const sameRequest = early !== undefined && early.request.root === request.root && early.request.ruleIds.join() === request.ruleIds.join();
  if (early && !sameRequest) early.close();
  return startScreening(discovery.scanFiles.filter((path) => !modelled.has(path)), request, options.parallel, sameRequest ? early : undefined);
}

/** What the screening needs, or undefined when it cannot screen: the git index (--staged), or a plugin's file rule. */
function screenRequest(options: LintOptions, root: string, fileRules: readonly Rule[]): ScreenRequest | undefined {
  const ruleIds = fileRules.map((rule) => rule.meta.id);
  if (options.fileSource || fileRules.length === 0 || !fileRules.every((rule) => builtinRules.includes(rule)) || !canScreen(ruleIds)) return undefined;
  return { root, ruleIds, keepMarkers: keepMarkersOf(options) };
}

/**
 * A pool started before discovery, so that its workers boot while git lists the repository (~60 ms on 20,000 files,
 * about what a worker takes to start). Only for a folder lint under a resolved scope, when the git index is big
 * enough that the folder likely holds WORKER_THRESHOLD files; discovery then decides (a smaller listing closes it).
 */
function startPoolEarly(options: LintOptions): ScreenPool | undefined {
  const scope = options.scope;
  if (!scope?.gitRoot || options.discovery || scope.paths.length !== 1 || scope.anchor !== scope.paths[0]) return undefined;
  // The file rules selected; one the configuration turns off makes the request differ, and this pool is not used.
  const fileRules = selectRules(options.rules ?? builtinRules, options.only).filter((rule) => rule.checkFile);
  const request = screenRequest(options, scope.root, fileRules);
  if (!request) return undefined;
  const workers = workerCount(trackedFilesEstimate(scope.gitRoot), options.parallel);
  return workers > 0 ? ScreenPool.create(request, workers, options.parallel) : undefined;
}

/** Strings that make a scanned file one a post-processor needs (an inline directive). */
function keepMarkersOf(options: LintOptions): string[] {
  return (options.postProcessors ?? []).flatMap((processor) => (processor.keepFilesContaining ? [processor.keepFilesContaining] : []));
}

function linksOutsideNotice(root: string, links: string[]): string {
  const shown = links.slice(0, 5).map((link) => relativePath(root, link)).join(', ');
  const more = links.length > 5 ? ` and ${links.length - 5} more` : '';
  return `${links.length} symbolic link(s) pointing outside the repository were skipped for safety, not read: ${shown}${more}.`;
}

/** Counts files per phase and calls `onProgress` every PROGRESS_EVERY of them (and on each phase's first file). */
function progressTicker(onProgress: LintOptions['onProgress']): (phase: LintProgress['phase'], total: number) => void {
  if (!onProgress) return () => {};
  let phase: LintProgress['phase'] | undefined;
  let done = 0;
  return (current, total) => {
    if (current !== phase) {
      phase = current;
      done = 0;
    }
    if (done % PROGRESS_EVERY === 0) onProgress({ phase: current, done, total });
    done++;
  };
}

function selectRules(rules: readonly Rule[], only: string[] | undefined): readonly Rule[] {
  if (!only?.length) return rules;
  return rules.filter((rule) => only.includes(rule.meta.id));
}

/** Parse errors quote repository text (the validator quotes the tag it rejects): masked and bounded with every message. */
function parseError(file: string, message: string, line: number, column: number): RawFinding {
  return { ruleId: PARSE_ERROR.id, severity: 'error', message, at: { file, line, column }, fatal: true };
}

/** What parsing one metadata file came to: its document, or the parse error to report, or a link out of the repository. */
interface ParseOutcome {
  doc?: XmlDocument;
  problem?: RawFinding;
  /** The file could not be read at all (the secret scan must not report it a second time). */
  unreadable?: boolean;
  /** A symbolic link that leads out of the repository: never read, named once in a notice. */
  linkOutside?: boolean;
}

/** Reads (keeping the text for the scan and the directives) and parses one metadata file. */
function parseMetadataFile(path: string, texts: TextCache): ParseOutcome {
  const read = texts.read(path);
  if (!read.ok && read.linkOutside) return { linkOutside: true };
  if (!read.ok) return { problem: parseError(path, read.reason, 1, 1), unreadable: true };
  texts.keep(path, read.text);
  if (read.text.trim() === '') return { problem: parseError(path, 'file is empty: a metadata file needs a root element', 1, 1) };
  const result = parseXml(path, read.text);
  if (!result.ok) return { problem: parseError(path, `malformed XML: ${result.error.message}`, result.error.line, result.error.column) };
  return { doc: result.doc };
}

/** A file the run did not keep (a finding's line, for its fingerprint): through the checked reader, within `root`. */
function readQuietly(file: string, root: string): string | undefined {
  const read = readTextFile(file, root);
  return read.ok ? read.text : undefined;
}

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** Deterministic order: path, line, column, rule. */
export function sortFindings<T extends Pick<Finding, 'at' | 'ruleId' | 'message'>>(findings: T[]): T[] {
  return findings.sort(
    (a, b) =>
      compare(a.at.file, b.at.file) ||
      compare(a.at.line, b.at.line) ||
      compare(a.at.column, b.at.column) ||
      compare(a.ruleId, b.ruleId) ||
      compare(a.message, b.message),
  );
}

/** One result per linted metadata file (clean ones too, as ESLint lists them) plus every file with a finding. */
function groupByFile(findings: Finding[], suppressed: Finding[], lintedFiles: string[]): FileResult[] {
  const byFile = new Map<string, FileResult>();
  const entry = (file: string) => {
    let result = byFile.get(file);
    if (!result) {
      result = { file, findings: [], suppressed: [] };
      byFile.set(file, result);
    }
    return result;
  };
  for (const file of lintedFiles) entry(file);
  for (const finding of findings) entry(finding.at.file).findings.push(finding);
  for (const finding of suppressed) entry(finding.at.file).suppressed.push(finding);
  return [...byFile.values()].sort((a, b) => compare(a.file, b.file));
}

function uniqueMeta(metas: RuleMeta[]): RuleMeta[] {
  const byId = new Map<string, RuleMeta>();
  for (const meta of metas) if (!byId.has(meta.id)) byId.set(meta.id, meta);
  return [...byId.values()];
}

let version: string | undefined;
export function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}

/** What a file's name says it is, for the file rules (RepoFile.metadata). */
function metadataNamed(path: string, modelled: boolean): RepoFile['metadata'] {
  const classified = classifyPath(path);
  return classified ? { type: classified.type.name, name: classified.componentName, modelled } : undefined;
}
