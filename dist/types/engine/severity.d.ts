import type { Environment, RuleLevel, RuleMeta, Severity } from '../types.js';
import type { LinterConfig } from '../config/types.js';
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
export declare function resolveRule(meta: RuleMeta, config: LinterConfig, environment: Environment): ResolvedRule;
/**
 * The severity of one finding. Rules may grade their own findings (a loopback http callback is a warning inside
 * an error rule). The configuration caps or raises the whole rule: `warn` makes every finding a warning; `error`
 * on a rule that is an error rule anyway keeps the rule's grading (setting options must not turn an expiry
 * warning into an error), and on a rule that is a warning rule by default makes every finding an error.
 */
export declare function findingSeverity(resolved: ResolvedRule, requested: Severity | undefined): Severity;
/** DECISIONS 2: a per-app environment wins, then --env, then the config's environment, then production. */
export declare function environmentFor(appEnvironment: Environment | undefined, cliEnvironment: Environment | undefined, config: LinterConfig): Environment;
/** The severity of an engine finding (directive problems, stale configuration): configurable like any rule; undefined when off. */
export declare function engineFindingSeverity(meta: RuleMeta, config: LinterConfig, environment: Environment): (requested: Severity) => Severity | undefined;
