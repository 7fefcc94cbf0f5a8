import type { Environment, RuleLevel, RuleMeta, Severity } from '../types.js';
import type { LinterConfig, RuleSetting } from '../config/types.js';
import { mergeOptions } from './rule-options.js';

/** A rule's effective setting for one environment. */
export interface ResolvedRule {
  level: RuleLevel;
  /** The rule's defaultOptions with the configured options over them. */
  options: Record<string, unknown>;
  /** The user set the level in the configuration. */
  explicit: boolean;
  /** The rule's own level for the environment, whatever the configuration says. */
  defaultLevel: RuleLevel;
}

function splitSetting(setting: RuleSetting): [RuleLevel, Record<string, unknown>] {
  if (typeof setting === 'string') return [setting, {}];
  return [setting[0], setting[1] ?? {}];
}

export function resolveRule(meta: RuleMeta, config: LinterConfig, environment: Environment): ResolvedRule {
  const defaultLevel = meta.severity[environment];
  const setting = config.rules?.[meta.id];
  if (setting === undefined) return { level: defaultLevel, options: mergeOptions(meta.defaultOptions, {}), explicit: false, defaultLevel };
  const [level, options] = splitSetting(setting);
  return { level, options: mergeOptions(meta.defaultOptions, options), explicit: true, defaultLevel };
}

/**
 * The severity of one finding. Rules may grade their own findings (a loopback http callback is a warning inside
 * an error rule). The configuration caps or raises the whole rule: `warn` makes every finding a warning; `error`
 * on a rule that is an error rule anyway keeps the rule's grading (setting options must not turn an expiry
 * warning into an error), and on a rule that is a warning rule by default makes every finding an error.
 */
export function findingSeverity(resolved: ResolvedRule, requested: Severity | undefined): Severity {
  if (resolved.level === 'warn') return 'warning';
  if (resolved.explicit && resolved.defaultLevel !== 'error') return 'error';
  return requested ?? 'error';
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
