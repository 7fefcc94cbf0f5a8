import { repositoryWebUrl } from '../../package-info.js';
import type { RuleMeta } from '../../types.js';

/** Where the rule pages live (in the repository package.json names); a rule's docs URL is this plus `<id>.md`. */
export const DOCS_BASE = `${repositoryWebUrl()}/blob/main/docs/rules/`;

/** Builds a rule's meta with the docs URL derived from its id, so no rule can point at the wrong page. */
export function defineMeta(meta: Omit<RuleMeta, 'docs'>): RuleMeta {
  return { ...meta, docs: `${DOCS_BASE}${meta.id}.md` };
}
