import type { RuleMeta } from '../../types.js';
/** Where the rule pages live (in the repository package.json names); a rule's docs URL is this plus `<id>.md`. */
export declare const DOCS_BASE: string;
/** Builds a rule's meta with the docs URL derived from its id, so no rule can point at the wrong page. */
export declare function defineMeta(meta: Omit<RuleMeta, 'docs'>): RuleMeta;
