// The `rules` command and the docs index generated from it: docs/rules/README.md must be exactly the live output,
// so a rule added without `npm run docs:rules` fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRulesMarkdown, ruleCatalogue } from '../src/cli/rules-command.js';
import { builtinRules } from '../src/rules/index.js';
import { GENERATED, generatedFiles } from '../scripts/generate.mjs';
import { registryConfigSchema } from '../src/config/schema.js';
import { makeProject, REPO, runCli, tempDir } from './helpers/cli.js';

describe('rules index', () => {
  it('docs/rules/README.md is the live `rules --format markdown` output (else run npm run docs:rules)', async () => {
    const committed = readFileSync(join(REPO, 'docs', 'rules', 'README.md'), 'utf8');
    expect(committed, 'docs/rules/README.md is stale: run npm run docs:rules').toBe(renderRulesMarkdown());
    expect(generatedFiles({ registryConfigSchema, renderRulesMarkdown })[GENERATED.rulesIndex]).toBe(committed);
    const cli = await runCli(['rules', '--format', 'markdown'], { cwd: tempDir() });
    expect(cli.status).toBe(0);
    expect(cli.stdout).toBe(committed);
  });

  it('lists every built-in and engine rule with both severities, description and docs link', async () => {
    const markdown = renderRulesMarkdown();
    for (const meta of ruleCatalogue()) {
      expect(markdown).toContain(`| [${meta.id}](${meta.id}.md) | ${meta.severity.production} | ${meta.severity.sandbox} |`);
    }
    const json = JSON.parse((await runCli(['rules', '--format', 'json'], { cwd: tempDir() })).stdout) as { id: string; severity: { production: string; sandbox: string }; docs: string; description: string }[];
    expect(json.map((rule) => rule.id)).toEqual([...builtinRules.map((rule) => rule.meta.id), 'parse-error', 'suppression-directive', 'config']);
    for (const rule of json) {
      expect(rule.docs).toMatch(new RegExp(`/docs/rules/${rule.id}\\.md$`));
      expect(['off', 'warn', 'error']).toContain(rule.severity.production);
      expect(rule.description.length).toBeGreaterThan(10);
    }
    const text = (await runCli(['rules'], { cwd: tempDir() })).stdout;
    expect(text.split('\n')[0]).toMatch(/^rule\s+prod\s+sandbox\s+description$/);
    expect(text).toMatch(/\nno-full-scope\s+error error\s+The app must not request the Full OAuth scope\./);
  });

  it('includes the rules of the plugins the configuration lists, unless --no-plugins', async () => {
    const root = makeProject({
      'tools/team.mjs': "export const rules = { 'owner-named': { meta: { description: 'Every app names an owner.', severity: { production: 'warn', sandbox: 'off' } }, checkApp() {} } };\n",
      'connected-app-lint.yaml': 'plugins: ["./tools/team.mjs"]\n',
    });
    expect((await runCli(['rules', '--plugins'], { cwd: root })).stdout).toMatch(/\nteam\/owner-named\s+warn\s+off\s+Every app names an owner\./);
    const skipped = await runCli(['rules', '--no-plugins'], { cwd: root });
    expect(skipped.stdout).not.toContain('team/owner-named');
    expect(skipped.stderr).toContain('--no-plugins');
    expect((await runCli(['rules', '--format', 'nope'])).status).toBe(2);
  });
});
