// Public API: the library behind the CLI and the GitHub Action.
export { lint, type LintOptions } from './engine/lint.js';
export { builtinRules } from './rules/index.js';
export type * from './types.js';
