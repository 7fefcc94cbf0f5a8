// The baseline: known findings recorded once (`--update-baseline`) and hidden afterwards (`--baseline`), so a team
// can adopt the linter without fixing everything first and still see every new finding. Entries are matched by
// fingerprint (rule, app, file, offending content), never by line, so moving lines keeps them; rewriting the file
// prunes the fixed ones.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { MAX_BASELINE_BYTES, readCheckedText } from '../project/read.js';
import { dirname, isAbsolute, join, relative } from 'node:path';
import type { Finding } from '../types.js';
import { displayPath } from '../config/config.js';
import { PARSE_ERROR, SUPPRESSION_DIRECTIVE } from '../engine/engine-rules.js';
import { UsageError } from '../errors.js';
import { relativePath } from '../engine/fingerprint.js';
import type { FindingPostProcessor, PostProcessContext } from '../engine/lint.js';

export const DEFAULT_BASELINE = '.calint-baseline.json';
const FORMAT_VERSION = 1;

export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  app?: string;
  /** Repository-relative, forward slashes. */
  file: string;
  /** For the reviewer of the baseline file; matching never reads it. */
  message: string;
}

export interface BaselineOptions {
  /** `--baseline <file>` (absolute); else `.calint-baseline.json` at the lint root, used when present. */
  file?: string;
  /** `--update-baseline`: record every current finding and write the file after the run. */
  update: boolean;
  /**
   * What this run looked at. Entries outside it (files not linted, rules not run: --staged, --only, a sub-folder)
   * are neither reported stale nor pruned, since the run could not have seen their findings.
   */
  inScope?: (entry: { /** Absolute path. */ file: string; rule: string }) => boolean;
  /**
   * The recorded entries, already read from a trusted place (a git ref); the file is then only written to (with
   * `update`). Undefined entries: that place holds no baseline.
   */
  recorded?: { entries: BaselineEntry[] | undefined };
  /** Writes the baseline file (atomically, refusing symlinks); plain writeFileSync by default. */
  writeFile?: (file: string, text: string) => void;
  /** The directory paths in messages are relative to. */
  cwd: string;
}

export interface BaselineProcessor extends FindingPostProcessor {
  /** With `update`: writes the baseline from what the run found. Call after lint(). */
  write(): void;
}

/**
 * Reads a baseline file; undefined when it does not exist, a UsageError when it is not a baseline. `within`: the
 * repository a link may lead into (a link out of it is refused, never quoted), null for a file the user named.
 */
export function readBaseline(file: string, within: string | null, cwd: string): BaselineEntry[] | undefined {
  if (!existsSync(file)) return undefined;
  const read = readCheckedText(file, { within, maxBytes: MAX_BASELINE_BYTES });
  if (!read.ok) throw new UsageError(`cannot read baseline ${displayPath(file, cwd)}: ${read.reason}`);
  return parseBaseline(read.text, displayPath(file, cwd));
}

/** A baseline's entries from its text; `name` says where it came from in messages (a path, or a path at a git ref). */
export function parseBaseline(text: string, name: string): BaselineEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`baseline ${name} is not valid JSON: ${(error as Error).message}; rewrite it with --update-baseline`);
  }
  const findings = (data as { findings?: unknown } | null)?.findings;
  if (!Array.isArray(findings) || !findings.every((entry) => typeof (entry as BaselineEntry | null)?.fingerprint === 'string')) {
    throw new UsageError(`${name} is not a connected-app-lint baseline (expected {"findings": [{"fingerprint": …}]}); rewrite it with --update-baseline`);
  }
  return findings as BaselineEntry[];
}

export function serializeBaseline(entries: readonly BaselineEntry[]): string {
  const sorted = [...entries].sort((a, b) => compare(a.file, b.file) || compare(a.rule, b.rule) || compare(a.fingerprint, b.fingerprint));
  const doc = {
    $comment: 'Known findings that connected-app-lint hides. Matched by fingerprint (rule, app, file and offending text, not line). Regenerate with --update-baseline; fixed findings are pruned then.',
    version: FORMAT_VERSION,
    findings: sorted.map((entry) => ({ fingerprint: entry.fingerprint, rule: entry.rule, ...(entry.app ? { app: entry.app } : {}), file: entry.file, message: entry.message })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Parse errors are never hidden (DECISIONS 4): a file the linter cannot read has not been checked at all. Nor are
 * directive problems: recording a directive without a reason would defeat the reason it must give.
 */
const isBaselinable = (finding: Finding) => !finding.fatal && finding.ruleId !== PARSE_ERROR.id && finding.ruleId !== SUPPRESSION_DIRECTIVE.id;

export function createBaselineProcessor(options: BaselineOptions): BaselineProcessor {
  let pending: { file: string; entries: BaselineEntry[] } | undefined;
  const scope = options.inScope ?? (() => true);
  return {
    process(findings, context) {
      const file = options.file ?? join(context.root, DEFAULT_BASELINE);
      // A file the caller named (`--baseline`) may lie anywhere; the default one is confined to the repository.
      const previous = options.recorded ? options.recorded.entries : readBaseline(file, options.file !== undefined ? null : context.root, options.cwd);
      if (previous === undefined && options.file !== undefined && !options.update && !options.recorded) {
        throw new UsageError(`baseline ${displayPath(file, options.cwd)} does not exist; create it with --update-baseline`);
      }
      const recorded = new Map((previous ?? []).map((entry) => [entry.fingerprint, entry]));
      const justification = `recorded in the baseline ${baselineName(file, context)}`;
      const kept: Finding[] = [];
      const hidden: Finding[] = [];
      const matched = new Set<string>();
      for (const finding of findings) {
        // Updating records every finding, so the run that writes the baseline is the first one it hides.
        if (isBaselinable(finding) && (options.update || recorded.has(finding.fingerprint))) {
          matched.add(finding.fingerprint);
          hidden.push({ ...finding, suppressed: { kind: 'baseline', justification } });
        } else {
          kept.push(finding);
        }
      }
      const inScope = (entry: BaselineEntry) => scope({ file: join(context.root, entry.file), rule: entry.rule });
      const stale = (previous ?? []).filter((entry) => !matched.has(entry.fingerprint) && inScope(entry));
      const notices: string[] = [];
      if (options.update) {
        const current = hidden.map((finding) => entryFor(finding, context));
        const outside = (previous ?? []).filter((entry) => !matched.has(entry.fingerprint) && !inScope(entry));
        pending = { file, entries: [...current, ...outside] };
        const added = current.filter((entry) => !recorded.has(entry.fingerprint)).length;
        notices.push(`Baseline ${displayPath(file, options.cwd)} updated: ${current.length + outside.length} finding(s) recorded, ${added} new, ${stale.length} fixed and pruned.`);
      } else if (stale.length > 0) {
        notices.push(`${stale.length} baseline entr${stale.length === 1 ? 'y matches' : 'ies match'} no finding any more (fixed?); run with --update-baseline to prune ${stale.length === 1 ? 'it' : 'them'}.`);
      }
      return { findings: kept, suppressed: hidden, notices };
    },
    write() {
      if (!pending) return;
      mkdirSync(dirname(pending.file), { recursive: true });
      (options.writeFile ?? writeFileSync)(pending.file, serializeBaseline(pending.entries));
    },
  };
}

function entryFor(finding: Finding, context: PostProcessContext): BaselineEntry {
  return {
    fingerprint: finding.fingerprint,
    rule: finding.ruleId,
    ...(finding.app ? { app: finding.app } : {}),
    file: relativePath(context.root, finding.at.file),
    message: finding.message,
  };
}

/** The baseline's name as reviewers know it: relative to the repository root when inside it. */
function baselineName(file: string, context: PostProcessContext): string {
  const rel = relative(context.root, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? relativePath(context.root, file) : file;
}
