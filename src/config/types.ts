import type { AppConfig, Environment, RuleLevel } from '../types.js';

export type RuleSetting = RuleLevel | [RuleLevel] | [RuleLevel, Record<string, unknown>];

/** The configuration file's shape (`schema/config.schema.json` is the published form). */
export interface LinterConfig {
  environment?: Environment;
  rules?: Record<string, RuleSetting>;
  apps?: Record<string, AppConfig>;
  ignorePatterns?: string[];
  plugins?: string[];
}

/** A configuration after loading: the data plus where it came from. */
export interface LoadedConfig {
  config: LinterConfig;
  /** Absolute path of the file, when one was read. */
  file?: string;
}
