import type { Position } from '../types.js';
import type { LoadedConfig } from './types.js';
/** The file names looked for, in each directory from the linted one up to the repository root. */
export declare const CONFIG_FILE_NAMES: readonly ["connected-app-lint.json", "connected-app-lint.yaml", "connected-app-lint.yml"];
/** One schema violation as ajv reports it. */
export interface SchemaError {
    instancePath: string;
    keyword: string;
    params: Record<string, unknown>;
    message?: string;
}
/**
 * The directories searched, nearest first: from `start` up to the git root (a directory holding `.git`); outside
 * git up to the SFDX project root; outside both up to the filesystem root.
 */
export declare function configSearchDirectories(start: string, top?: string): string[];
/** The configuration file that applies to `start`, if any. Two in one directory is ambiguous, hence an error. */
export declare function findConfigFile(start: string, cwd: string, top?: string): string | undefined;
export interface LoadConfigOptions {
    cwd: string;
    /** `--config <path>`: this file, relative to cwd; no search. */
    explicit?: string;
    /** Where the search starts (the linted directory); cwd by default. */
    searchFrom?: string;
    /** Where the search stops and ignorePatterns are rebased to: the run's LintScope root (git root, else project root). */
    top?: string;
}
/** `--config`, else the nearest configuration file, else an empty configuration. */
export declare function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig>;
/**
 * Reads, parses and validates a configuration file found in the repository; every problem is a UsageError naming the
 * file. A symbolic link out of the repository (its git root, else its SFDX project root, else its own folder) is
 * refused: a committed `connected-app-lint.yaml -> /etc/passwd` would otherwise be quoted back in the parse error.
 */
export declare function loadConfigFile(file: string, cwd: string, top?: string): Promise<LoadedConfig>;
/** Parses and validates a configuration's text; `file` decides the syntax (.json, else YAML) and names it in errors. */
export declare function parseConfig(file: string, text: string, cwd: string, top?: string): Promise<LoadedConfig>;
/**
 * `.gitignore`-style patterns relative to `from`, rewritten relative to `root` (an ancestor): `legacy/**` in
 * `app/connected-app-lint.yaml` becomes `app/legacy/**`; a pattern without a slash still matches at any depth below.
 */
export declare function rebasePatterns(patterns: readonly string[], from: string, root: string): string[];
/** A path for messages: relative to the working directory when inside it (the caller's, never this process's). */
export declare function displayPath(file: string, cwd: string): string;
/**
 * Finds where a key or value sits in a configuration file (JSON is YAML too), for messages and for findings on
 * the configuration. Loads yaml: called only when something is wrong.
 */
export declare function keyLocator(file: string, text: string): Promise<(segments: readonly (string | number)[], onKey?: boolean) => Position | undefined>;
