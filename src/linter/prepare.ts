import { dirname, join, resolve, sep } from 'node:path';
import { createBaselineProcessor, DEFAULT_BASELINE, parseBaseline } from '../suppress/baseline.js';
import { displayPath, loadConfig } from '../config/config.js';
import type { LoadedConfig } from '../config/types.js';
import { CONFIG, ENGINE_RULES, SUPPRESSION_DIRECTIVE } from '../engine/engine-rules.js';
import { UsageError } from '../errors.js';
import type { FindingPostProcessor, LintOptions } from '../engine/lint.js';
import { checkPluginRuleSettings, loadPlugins, type LoadedPlugin } from '../config/plugins.js';
import { engineFindingSeverity, environmentFor, resolveRule } from '../engine/severity.js';
import { createStaleConfigProcessor } from '../suppress/stale-config.js';
import { createSuppressionProcessor } from '../suppress/suppressions.js';
import { resolveLintScope, type LintScope } from '../project/scope.js';
import { MAX_BASELINE_BYTES } from '../project/read.js';
import { writeFileSafely } from '../project/write.js';
import { builtinRules } from '../rules/index.js';
import type { Environment, LintRun, Rule } from '../types.js';
import { gitScope } from './git-scope.js';
import { isCi, type LinterOptions } from './options.js';
import { changedGateFiles, configCandidates, describeRef, loadConfigAtRef, readAtRef, resolveTrustedRef, type TrustedRef } from './trusted-policy.js';
import { workersFromEnv } from '../engine/screen-threads.js';

/** Which files lint: paths (a walk), or a git change. */
export interface LintTarget {
  paths: readonly string[];
  staged?: boolean;
  changedSince?: string;
}

/** What judged a run, for `--debug`, the job summary and `--print-config`. */
export interface RunSetup {
  /** One phrase: the configuration file and where it was read from, or "no configuration file". */
  configuration: string;
  config: LoadedConfig;
  /** The baseline file consulted (it may not exist), and where it was read from. */
  baseline: string;
  /** Plugins whose code was loaded. */
  plugins: readonly LoadedPlugin[];
  /** Plugins the configuration lists that were not loaded, and why. */
  skippedPlugins?: { specs: readonly string[]; reason: string };
  rules: readonly Rule[];
}

/** What the library hands the engine, and what it does once the run is done (e.g. write a baseline). */
export interface PreparedLint {
  options: LintOptions;
  setup: RunSetup;
  /** Notices about the gate itself (a pull request changing its configuration), added to the run's. */
  notices: string[];
  after: (run: LintRun) => Promise<void> | void;
}

/** The configuration, plugins, suppressions, baseline and git scope of one run: what the CLI and the Action share. */
export async function prepareLint(options: LinterOptions, target: LintTarget): Promise<PreparedLint> {
  const cwd = options.cwd;
  // Worked out once: the project, git root and .forceignore that discovery, the configuration lookup, the default
  // baseline and the git scope all use.
  const scope = lintScopeFor(options, target.paths);
  const trusted = options.configFrom !== undefined ? await resolveTrustedRef(options.configFrom, cwd) : undefined;
  const { loaded, configuration } = await loadRunConfig(options, scope, trusted);
  const config = loaded.config;
  const warn = options.onWarning ?? (() => undefined);
  const { plugins, skipped } = await pluginsFor(loaded, options, warn);
  const rules: Rule[] = [...builtinRules, ...plugins.flatMap((plugin) => plugin.rules)];
  const only = options.only ?? [];
  const unknownOnly = only.filter((id) => !rules.some((rule) => rule.meta.id === id));
  if (unknownOnly.length > 0) {
    throw new UsageError(`--only names no known rule: ${unknownOnly.join(', ')} (run 'connected-app-lint rules' for the list)`);
  }
  const environment = environmentFor(undefined, options.environment, config);
  const status = ruleStatus(rules, loaded, options, skipped !== undefined);

  const postProcessors: FindingPostProcessor[] = [];
  const partial = target.staged === true || target.changedSince !== undefined;
  const wholeProject = !partial && coversConfigDirectory(target.paths, cwd, loaded.file);
  if (wholeProject) postProcessors.push(createStaleConfigProcessor({ config: loaded, severity: engineFindingSeverity(CONFIG, config, environment) }));
  if (options.inlineConfig !== false) {
    postProcessors.push(
      createSuppressionProcessor({
        ruleStatus: status,
        ruleIds: [...rules.map((rule) => rule.meta.id), ...ENGINE_RULES.map((meta) => meta.id)],
        severity: engineFindingSeverity(SUPPRESSION_DIRECTIVE, config, environment),
      }),
    );
  }
  const lintedPaths = (target.paths.length ? target.paths : ['.']).map((path) => resolve(cwd, path));
  const baselineFile = options.baseline !== undefined ? resolve(cwd, options.baseline) : join(scope.root, DEFAULT_BASELINE);
  const recorded = trusted ? { entries: await baselineAtRef(trusted, baselineFile) } : undefined;
  const trustedWrites = new Set((options.trustedWritePaths ?? []).map((path) => resolve(cwd, path)));
  const baseline = createBaselineProcessor({
    ...(options.baseline !== undefined || trusted ? { file: baselineFile } : {}),
    update: options.updateBaseline === true,
    cwd,
    // A partial run (--staged, --changed-since, --only, a sub-folder) neither prunes nor calls stale what it could not see.
    inScope: (entry) => !partial && status(entry.rule) === 'ran' && lintedPaths.some((path) => isInside(entry.file, path)),
    ...(recorded ? { recorded } : {}),
    writeFile: (file, text) => writeFileSafely(file, text, { what: 'baseline', base: cwd, allowSymlink: trustedWrites.has(file) && !isCi(options.env) }),
  });
  postProcessors.push(baseline);

  const notices: string[] = [];
  if (trusted) {
    const controlFiles = [...configCandidates(scope.anchor, trusted.gitRoot), join(scope.project?.root ?? cwd, '.forceignore')];
    for (const file of await changedGateFiles(trusted, { controlFiles, baseline: baselineFile })) {
      notices.push(`This change modifies ${file}, part of the lint gate; the run was judged by ${describeRef(trusted)}'s version.`);
    }
  }

  return {
    options: {
      cwd,
      paths: [...target.paths],
      config: loaded,
      rules,
      postProcessors,
      ...(options.environment ? { environment: options.environment } : {}),
      ...(only.length ? { only } : {}),
      ...(options.ignore === false ? { noIgnore: true } : {}),
      ...(workersFromEnv(options.env) !== undefined ? { parallel: { workers: workersFromEnv(options.env) } } : {}),
      scope,
      ...(await gitScope(target, scope, config.ignorePatterns)),
    },
    setup: {
      configuration,
      config: loaded,
      baseline: `${displayPath(baselineFile, cwd)}${trusted ? ` at ${describeRef(trusted)}` : ''}`,
      plugins,
      ...(skipped ? { skippedPlugins: skipped } : {}),
      rules,
    },
    notices,
    after: () => baseline.write(),
  };
}

/** The LintScope of a run over `paths`: the one answer to "which project, which root" for the run and `--print-config`. */
export function lintScopeFor(options: LinterOptions, paths: readonly string[]): LintScope {
  return resolveLintScope({ cwd: options.cwd, paths, ...(options.ignore === false ? { noIgnore: true } : {}) });
}

/**
 * The configuration that applies to a run over `scope`: the explicit file, the one at the trusted ref, or the
 * nearest one on disk from the scope's anchor; with one phrase saying which.
 */
export async function loadRunConfig(options: LinterOptions, scope: LintScope, trusted?: TrustedRef): Promise<{ loaded: LoadedConfig; configuration: string }> {
  const cwd = options.cwd;
  const searchFrom = scope.anchor;
  // The search stops at the git root, else the project root; outside both it goes up to the filesystem root
  // (docs/configuration.md), which is why this is not scope.root (the working directory there).
  const top = scope.gitRoot ?? scope.project?.root;
  if (options.config === false) return { loaded: { config: {} }, configuration: 'no configuration (--no-config)' };
  if (options.config !== undefined) {
    const loaded = await loadConfig({ cwd, explicit: options.config, ...(top !== undefined ? { top } : {}) });
    return { loaded, configuration: displayPath(loaded.file!, cwd) };
  }
  trusted ??= options.configFrom !== undefined ? await resolveTrustedRef(options.configFrom, cwd) : undefined;
  if (trusted) {
    const atRef = await loadConfigAtRef(trusted, searchFrom);
    return { loaded: { config: atRef.config, ...(atRef.file ? { file: atRef.file } : {}) }, configuration: atRef.source };
  }
  const loaded = await loadConfig({ cwd, searchFrom, ...(top !== undefined ? { top } : {}) });
  return { loaded, configuration: loaded.file ? displayPath(loaded.file, cwd) : 'no configuration file (defaults)' };
}

async function baselineAtRef(trusted: TrustedRef, file: string) {
  const name = `${displayPath(file, trusted.gitRoot)} at ${describeRef(trusted)}`;
  const read = await readAtRef(trusted, file, MAX_BASELINE_BYTES);
  if (!read.ok && read.missing) return undefined;
  if (!read.ok) throw new UsageError(`cannot read baseline ${name}: ${read.reason}`);
  return parseBaseline(read.text, name);
}

/**
 * Plugin code comes from the linted repository: it runs when asked (`plugins: true`), never when refused, and
 * otherwise everywhere but CI, where the checkout may be a stranger's pull request (DECISIONS 15).
 */
async function pluginsFor(
  loaded: LoadedConfig,
  options: LinterOptions,
  warn: (message: string) => void,
): Promise<{ plugins: LoadedPlugin[]; skipped?: { specs: readonly string[]; reason: string } }> {
  const specs = loaded.config.plugins ?? [];
  const refusal = options.plugins === false ? 'plugins are turned off' : options.plugins !== true && isCi(options.env) ? 'on CI, plugin code from the linted repository runs only with --plugins (the Action: plugins: true)' : undefined;
  if (refusal) {
    if (specs.length > 0) warn(`not loading plugin${specs.length === 1 ? '' : 's'} ${specs.join(', ')}: ${refusal}; plugin rules do not run.`);
    return specs.length > 0 ? { plugins: [], skipped: { specs, reason: refusal } } : { plugins: [] };
  }
  const plugins = specs.length > 0 ? await loadPlugins(specs, loaded.file, options.cwd) : [];
  checkPluginRuleSettings(loaded.config.rules, plugins, loaded.file, options.cwd);
  return { plugins };
}

/**
 * Whether a rule ran in this lint, for judging directives and baseline entries: it ran when it exists, is
 * selected (--only) and is not off in an environment the run uses.
 */
function ruleStatus(rules: readonly Rule[], loaded: LoadedConfig, options: LinterOptions, pluginsSkipped: boolean): (ruleId: string) => 'ran' | 'idle' | 'unknown' {
  const config = loaded.config;
  const only = options.only ?? [];
  const environments = new Set<Environment>([environmentFor(undefined, options.environment, config)]);
  for (const app of Object.values(config.apps ?? {})) if (app.environment) environments.add(app.environment);
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule.meta]));
  const engine = new Set(ENGINE_RULES.map((meta) => meta.id));
  return (ruleId) => {
    const meta = byId.get(ruleId);
    if (!meta) {
      if (engine.has(ruleId)) return 'ran';
      return pluginsSkipped && ruleId.includes('/') ? 'idle' : 'unknown';
    }
    if (only.length > 0 && !only.includes(ruleId)) return 'idle';
    return [...environments].some((environment) => resolveRule(meta, config, environment).level !== 'off') ? 'ran' : 'idle';
  };
}

/** The run sees everything the configuration speaks about: one of the linted directories holds the configuration file. */
function coversConfigDirectory(paths: readonly string[], cwd: string, configFile: string | undefined): boolean {
  if (!configFile) return false;
  const configDir = dirname(configFile);
  return (paths.length ? paths : ['.']).some((path) => isInside(configDir, resolve(cwd, path)));
}

const isInside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);

