export { lint, type LintOptions } from './engine/lint.js';
export { builtinRules } from './rules/index.js';
export type * from './types.js';
