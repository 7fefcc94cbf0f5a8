import type { Environment, RuleLevel, RuleMeta, Severity } from '../types.js';
import type { LinterConfig, RuleSetting } from './config-types.js';

/** A rule's effective setting for one environment. */
export interface ResolvedRule {
  level: RuleLevel;
  options: Record<string, unknown>;
  /** The user set the level in the configuration: it then wins over finding-specific severities. */
  explicit: boolean;
}

function splitSetting(setting: RuleSetting): [RuleLevel, Record<string, unknown>] {
  if (typeof setting === 'string') return [setting, {}];
  return [setting[0], setting[1] ?? {}];
}

export function resolveRule(meta: RuleMeta, config: LinterConfig, environment: Environment): ResolvedRule {
  const setting = config.rules?.[meta.id];
  if (setting === undefined) return { level: meta.severity[environment], options: {}, explicit: false };
  const [level, options] = splitSetting(setting);
  return { level, options, explicit: true };
}

/** The severity of one finding: the user's configured level, else the rule's own word for it, else the default. */
export function findingSeverity(resolved: ResolvedRule, requested: Severity | undefined): Severity {
  if (resolved.explicit || requested === undefined) return resolved.level === 'warn' ? 'warning' : 'error';
  return requested;
}

/** DECISIONS 2: a per-app environment wins, then --env, then the config's environment, then production. */
export function environmentFor(appEnvironment: Environment | undefined, cliEnvironment: Environment | undefined, config: LinterConfig): Environment {
  return appEnvironment ?? cliEnvironment ?? config.environment ?? 'production';
}

/** The severity of an engine finding (directive problems, stale configuration): configurable like any rule; undefined when off. */
export function engineFindingSeverity(meta: RuleMeta, config: LinterConfig, environment: Environment): (requested: Severity) => Severity | undefined {
  const resolved = resolveRule(meta, config, environment);
  return (requested) => (resolved.level === 'off' ? undefined : findingSeverity(resolved, requested));
}
