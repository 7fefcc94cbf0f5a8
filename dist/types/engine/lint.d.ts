import { type XmlDocument } from '../parser/xml.js';
import { type Discovery } from '../project/discover.js';
import { type LintScope } from '../project/scope.js';
import type { Environment, Finding, LintRun, OAuthApp, Rule, RuleMeta } from '../types.js';
import type { LoadedConfig } from '../config/types.js';
import { type FileSource } from './sources.js';
import { type ParallelOptions } from './screen-pool.js';
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
/** A step after the rules: may move findings to `suppressed` or add engine findings. */
export interface FindingPostProcessor {
    /** Meta of any engine findings it adds (shown in SARIF rules[]). */
    meta?: RuleMeta[];
    /** A scanned file whose text holds this string is one the processor needs (`files` below), e.g. a directive. */
    keepFilesContaining?: string;
    process(findings: Finding[], context: PostProcessContext): {
        findings: Finding[];
        suppressed: Finding[];
        notices?: string[];
    };
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
export declare function lint(options: LintOptions): Promise<LintRun>;
/** Deterministic order: path, line, column, rule. */
export declare function sortFindings<T extends Pick<Finding, 'at' | 'ruleId' | 'message'>>(findings: T[]): T[];
export declare function toolVersion(): string;
