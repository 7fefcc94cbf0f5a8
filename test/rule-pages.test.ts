// Every rule has its page, fixtures and a header generated from its meta: adding a rule is one rule file, one
// registry line, one docs body and one fixture folder, and this test says which of them is missing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulePageFiles } from '../scripts/generate.mjs';
import { ENGINE_RULES } from '../src/engine/engine-rules.js';
import { builtinRules } from '../src/rules/index.js';
import { HEADER_END, renderRuleHeader, withGeneratedHeader } from '../src/rules/util/rule-page.js';

const REPO = join(import.meta.dirname, '..');
const metas = [...builtinRules.map((rule) => rule.meta), ...ENGINE_RULES];

describe('rule pages', () => {
  it('each page starts with the header generated from its rule\'s meta (else run npm run generate)', () => {
    const generated = rulePageFiles({ metas, withGeneratedHeader });
    for (const meta of metas) {
      const path = `docs/rules/${meta.id}.md`;
      const committed = readFileSync(join(REPO, path), 'utf8');
      expect(committed.startsWith(renderRuleHeader(meta)), `${path} header is stale: run npm run generate`).toBe(true);
      expect(generated[path]).toBe(committed);
    }
  });

  it('every page in docs/rules is a rule\'s, and every rule has a page, a fixture folder and a body', () => {
    const ids = new Set(metas.map((meta) => meta.id));
    const pages = readdirSync(join(REPO, 'docs', 'rules')).filter((name) => name.endsWith('.md') && name !== 'README.md');
    expect(pages.filter((name) => !ids.has(name.slice(0, -3))), 'pages without a rule').toEqual([]);
    for (const meta of metas) {
      const page = readFileSync(join(REPO, 'docs', 'rules', `${meta.id}.md`), 'utf8');
      expect(page.slice(page.indexOf(HEADER_END)), `${meta.id} has a body`).toMatch(/\n## /);
      expect(meta.docs.endsWith(`/docs/rules/${meta.id}.md`), meta.id).toBe(true);
      expect(meta.securitySeverity, meta.id).toBeGreaterThanOrEqual(0.1);
      expect(meta.securitySeverity, meta.id).toBeLessThanOrEqual(10);
    }
    for (const rule of builtinRules) expect(existsSync(join(REPO, 'fixtures', 'rules', rule.meta.id)), rule.meta.id).toBe(true);
  });

  it('every message template is one sentence of at most 120 characters before its values are filled in', () => {
    for (const rule of builtinRules) {
      for (const [id, template] of Object.entries(rule.meta.messages ?? {})) {
        expect(template.length, `${rule.meta.id}/${id}`).toBeLessThanOrEqual(120);
        expect(template, `${rule.meta.id}/${id}`).not.toMatch(/[.;:] [A-Z]/);
      }
    }
  });
});
