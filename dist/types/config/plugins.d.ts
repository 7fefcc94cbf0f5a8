import type { Rule, RuleMeta } from '../types.js';
/** What a plugin module exports: `rules`, by short name (or as a list of rules with `meta.id`), or a default export holding it. */
export interface PluginModule {
    rules: Record<string, PluginRule> | PluginRule[];
}
/** A rule as a plugin writes it: the built-in API, with everything but the description and severity optional. */
export interface PluginRule {
    meta: Partial<Omit<RuleMeta, 'severity'>> & {
        description: string;
        severity: RuleMeta['severity'];
    };
    checkApp?: Rule['checkApp'];
    checkDocument?: Rule['checkDocument'];
    checkFile?: Rule['checkFile'];
}
export interface LoadedPlugin {
    /** The package name, or the module's file name without extension. */
    name: string;
    /** The resolved module file. */
    file: string;
    rules: Rule[];
}
/** Loads every plugin a configuration lists, resolved relative to the configuration file (else `cwd`). */
export declare function loadPlugins(specs: readonly string[], configFile: string | undefined, cwd: string): Promise<LoadedPlugin[]>;
/** Plugin rule ids configured under `rules` must name a rule of a listed plugin: a typo would silently do nothing. */
export declare function checkPluginRuleSettings(rules: Record<string, unknown> | undefined, plugins: readonly LoadedPlugin[], configFile: string | undefined, cwd: string): void;
