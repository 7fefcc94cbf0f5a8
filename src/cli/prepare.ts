import { existsSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { createBaselineProcessor } from '../engine/baseline.js';
import { loadConfig } from '../engine/config.js';
import type { LoadedConfig } from '../engine/config-types.js';
import { CONFIG, ENGINE_RULES, SUPPRESSION_DIRECTIVE } from '../engine/engine-rules.js';
import type { FindingPostProcessor, LintOptions } from '../engine/lint.js';
import { checkPluginRuleSettings, loadPlugins, type LoadedPlugin } from '../engine/plugins.js';
import { engineFindingSeverity, environmentFor, resolveRule } from '../engine/severity.js';
import { createStaleConfigProcessor } from '../engine/stale-config.js';
import { createSuppressionProcessor } from '../engine/suppressions.js';
import { builtinRules } from '../rules/index.js';
import type { Environment, LintRun, Rule } from '../types.js';
import { UsageError, type LintArgs } from './args.js';
import { gitScope } from './git-scope.js';

/** What the CLI hands the library, and what it does once the run is done (e.g. write a baseline). */
export interface PreparedLint {
  options: LintOptions;
  after?: (run: LintRun) => Promise<void> | void;
}

/** Turns command-line arguments into library options: configuration, plugins, suppressions, git sources. */
export async function prepareLint(args: LintArgs, cwd: string, io: { stderr: NodeJS.WritableStream }): Promise<PreparedLint> {
  const loaded: LoadedConfig = args.noConfig
    ? { config: {} }
    : await loadConfig({ cwd, ...(args.config !== undefined ? { explicit: args.config } : {}), searchFrom: lintedDirectory(args.paths, cwd) });
  const config = loaded.config;
  const plugins = await pluginsFor(loaded, args.noPlugins, cwd, io);
  const rules: Rule[] = [...builtinRules, ...plugins.flatMap((plugin) => plugin.rules)];
  const unknownOnly = args.only.filter((id) => !rules.some((rule) => rule.meta.id === id));
  if (unknownOnly.length > 0) {
    throw new UsageError(`--only names no known rule: ${unknownOnly.join(', ')} (run 'connected-app-lint rules' for the list)`);
  }
  const environment = environmentFor(undefined, args.environment, config);
  const status = ruleStatus(rules, loaded, args, plugins);

  const postProcessors: FindingPostProcessor[] = [];
  const wholeProject = !args.staged && !args.changedSince && coversConfigDirectory(args.paths, cwd, loaded.file);
  if (wholeProject) postProcessors.push(createStaleConfigProcessor({ config: loaded, severity: engineFindingSeverity(CONFIG, config, environment) }));
  if (!args.noInlineConfig) {
    postProcessors.push(
      createSuppressionProcessor({
        ruleStatus: status,
        ruleIds: [...rules.map((rule) => rule.meta.id), ...ENGINE_RULES.map((meta) => meta.id)],
        severity: engineFindingSeverity(SUPPRESSION_DIRECTIVE, config, environment),
      }),
    );
  }
  const lintedPaths = (args.paths.length ? args.paths : ['.']).map((path) => resolve(cwd, path));
  const baseline = createBaselineProcessor({
    ...(args.baseline !== undefined ? { file: resolve(cwd, args.baseline) } : {}),
    update: args.updateBaseline,
    // A partial run (--staged, --changed-since, --only, a sub-folder) neither prunes nor calls stale what it could not see.
    inScope: (entry) => !args.staged && !args.changedSince && status(entry.rule) === 'ran' && lintedPaths.some((path) => isInside(entry.file, path)),
  });
  postProcessors.push(baseline);

  return {
    options: {
      cwd,
      paths: args.paths,
      config: loaded,
      rules,
      postProcessors,
      ...(args.environment ? { environment: args.environment } : {}),
      ...(args.only.length ? { only: args.only } : {}),
      ...(await gitScope(args, cwd, config.ignorePatterns)),
    },
    after: () => baseline.write(),
  };
}

/** The directory the configuration search starts from: the one directory being linted, else the working directory. */
function lintedDirectory(paths: readonly string[], cwd: string): string {
  if (paths.length !== 1) return cwd;
  const path = resolve(cwd, paths[0]!);
  return existsSync(path) && statSync(path).isDirectory() ? path : cwd;
}

async function pluginsFor(loaded: LoadedConfig, noPlugins: boolean, cwd: string, io: { stderr: NodeJS.WritableStream }): Promise<LoadedPlugin[]> {
  const specs = loaded.config.plugins ?? [];
  if (noPlugins) {
    if (specs.length > 0) io.stderr.write(`connected-app-lint: --no-plugins: not loading ${specs.join(', ')}; plugin rules do not run.\n`);
    return [];
  }
  const plugins = specs.length > 0 ? await loadPlugins(specs, loaded.file, cwd) : [];
  checkPluginRuleSettings(loaded.config.rules, plugins, loaded.file);
  return plugins;
}

/**
 * Whether a rule ran in this lint, for judging directives and baseline entries: it ran when it exists, is
 * selected (--only) and is not off in an environment the run uses.
 */
function ruleStatus(rules: readonly Rule[], loaded: LoadedConfig, args: LintArgs, plugins: readonly LoadedPlugin[]): (ruleId: string) => 'ran' | 'idle' | 'unknown' {
  const config = loaded.config;
  const environments = new Set<Environment>([environmentFor(undefined, args.environment, config)]);
  for (const app of Object.values(config.apps ?? {})) if (app.environment) environments.add(app.environment);
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule.meta]));
  const engine = new Set(ENGINE_RULES.map((meta) => meta.id));
  const pluginsSkipped = args.noPlugins && (config.plugins?.length ?? 0) > 0 && plugins.length === 0;
  return (ruleId) => {
    const meta = byId.get(ruleId);
    if (!meta) {
      if (engine.has(ruleId)) return 'ran';
      return pluginsSkipped && ruleId.includes('/') ? 'idle' : 'unknown';
    }
    if (args.only.length > 0 && !args.only.includes(ruleId)) return 'idle';
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
