// Public API: the library behind the CLI and the GitHub Action. `Linter` is the entry point; `lint` is the engine
// call it makes once configuration, plugins, directives and the baseline are loaded.
export { Linter, type Formatter, type LintResult, type LinterRun } from './linter/linter.js';
export { isCi, type LinterOptions } from './linter/options.js';
export type { LintTarget, RunSetup } from './linter/prepare.js';
export { lint, type LintOptions } from './engine/lint.js';
export type { LinterConfig, LoadedConfig, RuleSetting } from './config/types.js';
export type { PluginModule, PluginRule } from './config/plugins.js';
export { builtinRules } from './rules/index.js';
export type * from './types.js';
