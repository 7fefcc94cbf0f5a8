// Custom rules end to end: the exact example of docs/custom-rules.md, an installed ESM-only package, --no-plugins,
// and the usage errors a broken plugin or configuration gives.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectedApp, makeProject, REPO, runCli } from './helpers/cli.js';

const APP = 'force-app/main/default/connectedApps/Billing_Sync.connectedApp-meta.xml';

/** The code block that follows `<!-- example: <name>` in docs/custom-rules.md. */
function docsExample(name: string): string {
  const docs = readFileSync(join(REPO, 'docs', 'custom-rules.md'), 'utf8');
  const marker = docs.indexOf(`<!-- example: ${name}`);
  expect(marker, `example ${name} in docs/custom-rules.md`).toBeGreaterThan(-1);
  const block = /```\w*\n([\s\S]*?)```/.exec(docs.slice(marker));
  return block![1]!;
}

async function project(files: Record<string, string> = {}): string {
  return makeProject({
    'sfdx-project.json': '{"packageDirectories":[{"path":"force-app"}]}',
    [APP]: connectedApp('Billing Sync').replace('https://app.example.com/cb', 'https://billing.partner.io/cb'),
    'tools/our-rules.mjs': docsExample('tools/our-rules.mjs'),
    'connected-app-lint.yaml': docsExample('connected-app-lint.yaml'),
    ...files,
  });
}

async function lint(root: string, args: string[] = []) {
  // The tests run as CI does (CI=true), where plugin code needs --plugins (DECISIONS 15).
  const result = await runCli(['lint', '--format', 'json', ...(args.includes('--no-plugins') ? [] : ['--plugins']), ...args], { cwd: root });
  const messages = result.status === 2 ? [] : (JSON.parse(result.stdout) as { messages: { ruleId: string; line: number; column: number; severity: number; message: string }[]; suppressedMessages: { ruleId: string }[] }[]);
  return { ...result, messages: messages.flatMap((file) => file.messages), suppressed: messages.flatMap((file) => file.suppressedMessages) };
}

describe('plugins', () => {
  it('the documented plugin runs end to end with its namespaced id, options and position', async () => {
    const root = await project();
    const run = await lint(root);
    const plugin = run.messages.filter((message) => message.ruleId === 'our-rules/callback-domain');
    expect(plugin).toEqual([
      expect.objectContaining({ line: 6, column: 22, severity: 2, message: 'Callback https://billing.partner.io/cb of app "Billing_Sync" is not on example.com or example.org.' }),
    ]);
    expect(run.status).toBe(1);
    // Its meta reaches every format: the text output links its docs; rules lists it.
    const rules = await runCli(['rules', '--format', 'json', '--plugins'], { cwd: root });
    const listed = (JSON.parse(rules.stdout) as { id: string; docs: string; severity: unknown; options?: unknown }[]).find((rule) => rule.id === 'our-rules/callback-domain');
    expect(listed).toMatchObject({ docs: 'https://wiki.example.com/salesforce/callback-domains', severity: { production: 'error', sandbox: 'warn' }, options: { type: 'object' } });
    // Options change it; directives and levels apply to it like any rule.
    writeFileSync(join(root, 'connected-app-lint.yaml'), 'plugins: ["./tools/our-rules.mjs"]\nrules:\n  our-rules/callback-domain: [warn, { domains: [partner.io] }]\n');
    expect((await lint(root)).messages.filter((message) => message.ruleId.startsWith('our-rules/'))).toEqual([]);
    writeFileSync(join(root, 'connected-app-lint.yaml'), 'plugins: ["./tools/our-rules.mjs"]\n');
    const xml = join(root, APP);
    writeFileSync(xml, readFileSync(xml, 'utf8').replace('        <callbackUrl>', '        <!-- calint-disable-next-line our-rules/callback-domain -- partner-hosted, contract P-7 -->\n        <callbackUrl>'));
    const suppressed = await lint(root);
    expect(suppressed.suppressed.map((message) => message.ruleId)).toEqual(['our-rules/callback-domain']);
    expect(suppressed.messages.filter((message) => message.ruleId === 'suppression-directive')).toEqual([]);
  });

  it('--no-plugins loads no code, says so, and ignores the plugin rule settings and directives', async () => {
    // This plugin leaves a mark when its code runs.
    const root = await project({ 'tools/our-rules.mjs': `import { writeFileSync } from 'node:fs';\nwriteFileSync(new URL('../plugin-ran.txt', import.meta.url), 'ran');\n${docsExample('tools/our-rules.mjs')}` });
    const xml = join(root, APP);
    writeFileSync(xml, readFileSync(xml, 'utf8').replace('        <callbackUrl>', '        <!-- calint-disable-next-line our-rules/callback-domain -- partner-hosted -->\n        <callbackUrl>'));
    const run = await lint(root, ['--no-plugins']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('not loading plugin ./tools/our-rules.mjs: plugins are turned off');
    expect(run.messages).toEqual([]);
    expect(existsSync(join(root, 'plugin-ran.txt'))).toBe(false);
    // Without the flag the same module runs.
    const withPlugins = await lint(root);
    expect(withPlugins.suppressed.map((message) => message.ruleId)).toEqual(['our-rules/callback-domain']);
    expect(existsSync(join(root, 'plugin-ran.txt'))).toBe(true);
  });

  it('an installed ESM-only package is resolved from the configuration file and named by its package name', async () => {
    const root = await project({
      'node_modules/@acme/calint-rules/package.json': JSON.stringify({ name: '@acme/calint-rules', type: 'module', exports: { '.': { import: './rules.js' } } }),
      'node_modules/@acme/calint-rules/rules.js': docsExample('tools/our-rules.mjs'),
      'connected-app-lint.yaml': 'plugins: ["@acme/calint-rules"]\n',
    });
    expect((await lint(root)).messages.map((message) => message.ruleId)).toContain('@acme/calint-rules/callback-domain');
  });

  it('a rule that throws is reported on the subject it checked, and the run goes on', async () => {
    const root = await project({ 'tools/our-rules.mjs': "export const rules = { boom: { meta: { description: 'x', severity: { production: 'error', sandbox: 'error' } }, checkApp() { throw new Error('kaputt'); } } };\n", 'connected-app-lint.yaml': 'plugins: ["./tools/our-rules.mjs"]\n' });
    const run = await lint(root);
    expect(run.status).toBe(1);
    expect(run.messages.find((message) => message.message.includes('kaputt'))?.message).toContain('our-rules/boom');
  });

  it('a broken plugin or a plugin rule typo is a usage error naming it', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ 'connected-app-lint.yaml': 'plugins: ["./tools/missing.mjs"]\n' }, 'plugin "./tools/missing.mjs" (listed in connected-app-lint.yaml) not found'],
      [{ 'connected-app-lint.yaml': 'plugins: ["calint-plugin-nowhere"]\n' }, 'plugin "calint-plugin-nowhere" (listed in connected-app-lint.yaml) not found: install it'],
      [{ 'tools/our-rules.mjs': 'export const nothing = 1;\n' }, 'exports no rules'],
      [{ 'tools/our-rules.mjs': 'throw new Error("syntax of doom");\n' }, 'failed to load: syntax of doom'],
      [{ 'tools/our-rules.mjs': "export const rules = { x: { meta: { description: 'x' }, checkApp() {} } };\n" }, 'rule "x" needs meta.severity'],
      [{ 'tools/our-rules.mjs': "export const rules = { x: { meta: { description: 'x', severity: { production: 'error', sandbox: 'off' } } } };\n" }, 'rule "x" has no checkApp, checkDocument or checkFile function'],
      [{ 'connected-app-lint.yaml': 'plugins: ["./tools/our-rules.mjs"]\nrules:\n  our-rules/callback-domains: error\n' }, 'unknown rule "our-rules/callback-domains" in connected-app-lint.yaml (did you mean "our-rules/callback-domain"?)'],
      [{ 'connected-app-lint.yaml': 'rules:\n  acme/thing: error\n' }, 'rules.acme/thing in connected-app-lint.yaml belongs to a plugin that is not listed under plugins'],
    ];
    for (const [files, message] of cases) {
      const result = await lint(await project(files));
      expect(result.status, message).toBe(2);
      expect(result.stderr).toContain(message);
    }
  });

  it('plugins are resolved relative to the configuration file, not the working directory', async () => {
    const root = await project();
    mkdirSync(join(root, 'elsewhere'));
    const run = await runCli(['lint', '--format', 'json', '--plugins', root], { cwd: join(root, 'elsewhere') });
    expect(run.stdout).toContain('our-rules/callback-domain');
  });
});
