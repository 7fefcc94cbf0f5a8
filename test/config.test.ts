// Configuration: discovery, the schema and its error messages, and every per-app option changing its rule's outcome,
// end to end through the built CLI as a user runs it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSearchDirectories, findConfigFile, loadConfigFile, parseConfig, rebasePatterns } from '../src/config/config.js';
import { registryConfigSchema } from '../src/config/schema.js';
import { renderRulesMarkdown } from '../src/cli/rules-command.js';
import { GENERATED, generatedFiles } from '../scripts/generate.mjs';
import { connectedApp, makeProject, REPO, runCli } from './helpers/cli.js';

const APP_PATH = 'force-app/main/default/connectedApps';

interface Message {
  file: string;
  ruleId: string;
  line: number;
  column: number;
  severity: number;
  message: string;
}

/** Lints with the JSON format and flattens the messages. */
async function lintJson(cwd: string, args: string[] = []): { status: number; stderr: string; messages: Message[] } {
  const result = await runCli(['lint', '--format', 'json', ...args], { cwd });
  if (result.status === 2) return { status: 2, stderr: result.stderr, messages: [] };
  const json = JSON.parse(result.stdout) as { filePath: string; messages: Omit<Message, 'file'>[] }[];
  return { status: result.status, stderr: result.stderr, messages: json.flatMap((entry) => entry.messages.map((message) => ({ ...message, file: basename(entry.filePath) }))) };
}

const rulesOf = (messages: Message[], ruleId: string) => messages.filter((message) => message.ruleId === ruleId);

/** A project with one Connected App; `extra` goes after its oauthConfig. */
function project(files: Record<string, string>, app = connectedApp('Billing Sync')): string {
  return makeProject({ 'sfdx-project.json': '{"packageDirectories":[{"path":"force-app"}]}', [`${APP_PATH}/Billing_Sync.connectedApp-meta.xml`]: app, ...files });
}

describe('configuration discovery', () => {
  it('finds the file in the linted directory or the nearest parent, up to the git root', async () => {
    const root = makeProject({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'connected-app-lint.yaml': 'environment: sandbox\n',
      'sub/sfdx-project.json': '{}',
      'sub/deeper/x.txt': '',
    });
    expect(findConfigFile(join(root, 'sub', 'deeper'), root)).toBe(join(root, 'connected-app-lint.yaml'));
    writeFileSync(join(root, 'sub', 'connected-app-lint.json'), '{}');
    expect(findConfigFile(join(root, 'sub', 'deeper'), root)).toBe(join(root, 'sub', 'connected-app-lint.json'));
    expect(configSearchDirectories(join(root, 'sub', 'deeper'))).toEqual([join(root, 'sub', 'deeper'), join(root, 'sub'), root]);
  });

  it('never looks above the git root, nor above the SFDX project outside git', async () => {
    const outer = makeProject({ 'connected-app-lint.yml': 'environment: sandbox\n', 'repo/.git/HEAD': '', 'repo/app/x.txt': '', 'plain/sfdx-project.json': '{}', 'plain/app/x.txt': '' });
    expect(findConfigFile(join(outer, 'repo', 'app'), outer)).toBeUndefined();
    expect(findConfigFile(join(outer, 'plain', 'app'), outer)).toBeUndefined();
    // With neither, the search goes up to the filesystem root and finds the outer file.
    mkdirSync(join(outer, 'loose', 'app'), { recursive: true });
    expect(findConfigFile(join(outer, 'loose', 'app'), outer)).toBe(join(outer, 'connected-app-lint.yml'));
  });

  it('two configuration files in one directory are a usage error naming both', async () => {
    const root = project({ 'connected-app-lint.json': '{}', 'connected-app-lint.yaml': '{}' });
    const result = await lintJson(root);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('connected-app-lint.json, connected-app-lint.yaml');
  });

  it('the CLI uses the discovered file, --config overrides it, --no-config ignores it', async () => {
    const root = project({
      'connected-app-lint.yaml': 'rules:\n  no-full-scope: off\n',
      'other/strict.json': '{"rules": {"no-full-scope": "warn"}}',
    }, connectedApp('Billing Sync', ['Api', 'Full']));
    expect(rulesOf((await lintJson(root)).messages, 'no-full-scope')).toEqual([]);
    expect(rulesOf((await lintJson(root, ['--config', 'other/strict.json'])).messages, 'no-full-scope').map((m) => m.severity)).toEqual([1]);
    expect(rulesOf((await lintJson(root, ['--no-config'])).messages, 'no-full-scope').map((m) => m.severity)).toEqual([2]);
    // Linting a directory from elsewhere finds the configuration next to it.
    expect(rulesOf((await lintJson(REPO, [root])).messages, 'no-full-scope')).toEqual([]);
    const missing = await lintJson(root, ['--config', 'nope.yaml']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('configuration file nope.yaml not found');
  });
});

describe('configuration schema', () => {
  it('schema/config.schema.json and the compiled validator are generated from the live rule registry (npm run generate)', async () => {
    const expected = generatedFiles({ registryConfigSchema, renderRulesMarkdown });
    for (const path of [GENERATED.schema, GENERATED.validator]) {
      expect(readFileSync(join(REPO, path), 'utf8') === expected[path], `${path} is out of step with the rules: run npm run generate`).toBe(true);
    }
    // The published schema lists every rule for editor completion, and the validator needs no ajv at run time.
    const schema = JSON.parse(expected[GENERATED.schema]!) as { properties: { rules: { properties: Record<string, unknown> } } };
    expect(Object.keys(schema.properties.rules.properties)).toContain('no-full-scope');
    expect(Object.keys(schema.properties.rules.properties)).not.toContain('parse-error');
    // (ajv names its helpers in strings such as 'require("ajv/dist/runtime/ucs2length")'; those are never called.)
    expect(expected[GENERATED.validator]).not.toMatch(/(?<!['"])\brequire\(|^import /m);
  });

  it('errors exit 2 and name the file, the line and the key, each one', async () => {
    const root = project({
      'connected-app-lint.yaml': [
        'environment: staging',
        'rules:',
        '  no-full-scop: error',
        '  certificate-valid: [warnn, { expiryWarningDays: 45 }]',
        '  minimal-scopes: [warn, { alow: [Api] }]',
        'apps:',
        '  Billing_Sync:',
        '    flow: jwt',
        '    callbackUrls: https://billing.example.com/cb',
        '    ipRelaxation: {}',
        '    colour: red',
        'ignorePatterns: legacy/**',
        'extends: recommended',
        '',
      ].join('\n'),
    });
    const result = await lintJson(root);
    expect(result.status).toBe(2);
    const lines = result.stderr.split('\n');
    const expectLine = (fragment: string) => expect(lines.some((line) => line.includes(fragment)), `${fragment} in\n${result.stderr}`).toBe(true);
    expectLine('connected-app-lint.yaml:1:14: environment must be one of production, sandbox, not "staging"');
    expectLine('connected-app-lint.yaml:3:3: unknown rule "no-full-scop" in rules (did you mean "no-full-scope"?)');
    expectLine('connected-app-lint.yaml:4:23: rules.certificate-valid[0] must be one of off, warn, error, not "warnn"');
    expectLine('connected-app-lint.yaml:5:28: unknown key "alow" in rules.minimal-scopes[1]');
    expectLine('connected-app-lint.yaml:8:11: apps.Billing_Sync.flow must be one of web-server, jwt-bearer');
    expectLine('connected-app-lint.yaml:9:19: apps.Billing_Sync.callbackUrls must be a list of URLs, or a mapping with production and sandbox lists');
    expectLine('connected-app-lint.yaml:10:19: apps.Billing_Sync.ipRelaxation needs "reason"');
    expectLine('connected-app-lint.yaml:11:5: unknown key "colour" in apps.Billing_Sync; allowed: flow, environment, callbackUrls, ipRelaxation, allowScopes');
    expectLine('connected-app-lint.yaml:12:17: ignorePatterns must be a list, not "legacy/**"');
    expectLine('connected-app-lint.yaml:13:1: unknown key "extends" in the configuration');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('JSON configurations are located too; broken syntax and parse-error settings are usage errors', async () => {
    const json = await lintJson(project({ 'connected-app-lint.json': '{\n  "rules": {\n    "no-full-scope": 2\n  }\n}\n' }));
    expect(json.status).toBe(2);
    expect(json.stderr).toContain('connected-app-lint.json:3:22: rules.no-full-scope must be off, warn or error, or [level, options], not 2');
    const badJson = await lintJson(project({ 'connected-app-lint.json': '{"rules": ' }));
    expect(badJson.status).toBe(2);
    expect(badJson.stderr).toContain('connected-app-lint.json is not valid JSON');
    const badYaml = await lintJson(project({ 'connected-app-lint.yaml': 'rules:\n  a: b\n  a: c\n' }));
    expect(badYaml.status).toBe(2);
    expect(badYaml.stderr).toMatch(/connected-app-lint\.yaml:3:\d+: not valid YAML/);
    const parseError = await lintJson(project({ 'connected-app-lint.yaml': 'rules:\n  parse-error: off\n' }));
    expect(parseError.stderr).toContain('rules.parse-error cannot be configured');
  });

  it('every rule fixture configuration is valid against the published schema', async () => {
    const fixtures = join(REPO, 'fixtures', 'rules');
    let checked = 0;
    for (const rule of readdirSync(fixtures)) {
      for (const name of readdirSync(join(fixtures, rule))) {
        const file = join(fixtures, rule, name, 'case.json');
        const config = (JSON.parse(readFileSync(file, 'utf8')) as { config?: unknown }).config;
        if (config === undefined) continue;
        (await expect(parseConfig(file, JSON.stringify(config), REPO), `${rule}/${name}`)).resolves.toBeDefined();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('an alias bomb is refused instead of expanded', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((name, index) => `${name}: &${name} [${Array(10).fill(`*${'abcdefgh'[index]}`).join(', ')}]`), 'environment: *h', ''].join('\n');
    const root = project({ 'connected-app-lint.yaml': bomb });
    (await expect(loadConfigFile(join(root, 'connected-app-lint.yaml'), root))).rejects.toThrow(/connected-app-lint\.yaml/);
  });

  it('an app named like an Object.prototype member never reaches the prototype', async () => {
    const root = project({ 'connected-app-lint.yaml': 'apps:\n  Billing_Sync: { flow: jwt-bearer }\n' });
    const loaded = await loadConfigFile(join(root, 'connected-app-lint.yaml'), root);
    expect(loaded.config.apps?.['constructor']).toBeUndefined();
    expect(loaded.config.apps?.['Billing_Sync']).toEqual({ flow: 'jwt-bearer' });
  });
});

describe('every per-app option changes its rule', () => {
  const yaml = (text: string) => ({ 'connected-app-lint.yaml': text });

  it('flow feeds jwt-certificate-present', async () => {
    expect(rulesOf((await lintJson(project({}))).messages, 'jwt-certificate-present')).toEqual([]);
    const declared = rulesOf((await lintJson(project(yaml('apps:\n  Billing_Sync:\n    flow: jwt-bearer\n')))).messages, 'jwt-certificate-present');
    expect(declared.map((m) => [m.file, m.line])).toEqual([['Billing_Sync.connectedApp-meta.xml', 5]]);
  });

  it('callbackUrls feeds callback-url-exact, flat or per environment', async () => {
    const expectedElsewhere = project(yaml('apps:\n  Billing_Sync:\n    callbackUrls: [https://billing.example.com/oauth/callback]\n'));
    const differing = rulesOf((await lintJson(expectedElsewhere)).messages, 'callback-url-exact');
    expect(differing.length).toBeGreaterThan(0);
    expect(differing.map((m) => m.message).join('\n')).toContain('https://billing.example.com/oauth/callback');
    expect(rulesOf((await lintJson(project(yaml('apps:\n  Billing_Sync:\n    callbackUrls: [https://app.example.com/cb]\n')))).messages, 'callback-url-exact')).toEqual([]);
    const perEnvironment = project(yaml('apps:\n  Billing_Sync:\n    callbackUrls:\n      production: [https://app.example.com/cb]\n      sandbox: [https://staging.example.com/cb]\n'));
    expect(rulesOf((await lintJson(perEnvironment)).messages, 'callback-url-exact')).toEqual([]);
    expect(rulesOf((await lintJson(perEnvironment, ['--env', 'sandbox'])).messages, 'callback-url-exact').length).toBeGreaterThan(0);
  });

  it('ipRelaxation.reason feeds ip-relaxation-enforced', async () => {
    const relaxed = connectedApp('Billing Sync', ['Api'], '\n    <oauthPolicy>\n        <ipRelaxation>BYPASS</ipRelaxation>\n    </oauthPolicy>');
    const without = rulesOf((await lintJson(project({}, relaxed))).messages, 'ip-relaxation-enforced');
    expect(without.map((m) => m.message)).toEqual([expect.stringContaining('sets oauthPolicy/ipRelaxation BYPASS')]);
    const withReason = rulesOf((await lintJson(project(yaml('apps:\n  Billing_Sync:\n    ipRelaxation: { reason: "runs on cloud hosts without fixed egress IPs" }\n'), relaxed))).messages, 'ip-relaxation-enforced');
    expect(withReason.map((m) => m.message)).toEqual([expect.stringContaining('with a reason but without')]);
  });

  it('environment wins over --env for that app only (DECISIONS 2)', async () => {
    const selfAuthorized = connectedApp('Billing Sync').replace('<isAdminApproved>true</isAdminApproved>', '<isAdminApproved>false</isAdminApproved>');
    const files = { [`${APP_PATH}/Other_App.connectedApp-meta.xml`]: selfAuthorized.replace('Billing Sync', 'Other App') };
    const production = (await lintJson(project(files, selfAuthorized), ['--env', 'production'])).messages;
    expect(rulesOf(production, 'admin-approved-in-production').map((m) => m.file).sort()).toEqual(['Billing_Sync.connectedApp-meta.xml', 'Other_App.connectedApp-meta.xml']);
    const sandboxApp = (await lintJson(project({ ...files, ...yaml('apps:\n  Billing_Sync:\n    environment: sandbox\n') }, selfAuthorized), ['--env', 'production'])).messages;
    expect(rulesOf(sandboxApp, 'admin-approved-in-production').map((m) => m.file)).toEqual(['Other_App.connectedApp-meta.xml']);
    // The configuration's environment applies to every app, and --env wins over it.
    const sandboxProject = project({ ...files, ...yaml('environment: sandbox\n') }, selfAuthorized);
    expect(rulesOf((await lintJson(sandboxProject)).messages, 'admin-approved-in-production')).toEqual([]);
    expect(rulesOf((await lintJson(sandboxProject, ['--env', 'production'])).messages, 'admin-approved-in-production')).toHaveLength(2);
  });

  it('allowScopes feeds minimal-scopes', async () => {
    const webApp = connectedApp('Billing Sync', ['Api', 'Web']);
    expect(rulesOf((await lintJson(project({}, webApp))).messages, 'minimal-scopes').map((m) => m.message)).toEqual([expect.stringContaining('Web')]);
    expect(rulesOf((await lintJson(project(yaml('apps:\n  Billing_Sync:\n    allowScopes: [Web]\n'), webApp))).messages, 'minimal-scopes')).toEqual([]);
  });

  it('rule levels and options, and ignorePatterns relative to the configuration file', async () => {
    const full = connectedApp('Billing Sync', ['Api', 'Full', 'Web']);
    const configured = project(yaml('rules:\n  no-full-scope: [warn]\n  minimal-scopes: [error, { allow: [Api, Web] }]\n'), full);
    const messages = (await lintJson(configured)).messages;
    expect(rulesOf(messages, 'no-full-scope').map((m) => m.severity)).toEqual([1]);
    expect(rulesOf(messages, 'minimal-scopes')).toEqual([]);
    const ignoring = project({ ...yaml('ignorePatterns: ["force-app/main/default/connectedApps/Billing_*"]\n') }, full);
    expect(rulesOf((await lintJson(ignoring)).messages, 'no-full-scope')).toEqual([]);
  });

  it('an app named in apps but absent from the project is a config warning at its key', async () => {
    const root = project(yaml('apps:\n  Billing_Sync:\n    flow: web-server\n  Biling_Sink:\n    flow: jwt-bearer\n'));
    const result = await lintJson(root);
    const stale = rulesOf(result.messages, 'config');
    expect(stale.map((m) => [m.file, m.line, m.column, m.severity])).toEqual([['connected-app-lint.yaml', 4, 3, 1]]);
    expect(stale[0]!.message).toContain('"Biling_Sink"');
    expect(stale[0]!.message).toContain('did you mean "Billing_Sync"?');
    // It is a rule like any other: it can be turned off; and a run over part of the project cannot judge it.
    writeFileSync(join(root, 'connected-app-lint.yaml'), 'rules:\n  config: off\napps:\n  Biling_Sink: {}\n');
    expect(rulesOf((await lintJson(root)).messages, 'config')).toEqual([]);
    writeFileSync(join(root, 'connected-app-lint.yaml'), 'apps:\n  Biling_Sink: {}\n');
    expect(rulesOf((await lintJson(root, [join(root, APP_PATH, 'Billing_Sync.connectedApp-meta.xml')])).messages, 'config')).toEqual([]);
  });
});

describe('ignorePatterns are relative to the configuration file', () => {
  it('rebases anchored and floating patterns onto the lint root', async () => {
    expect(rebasePatterns(['legacy/**', '/old', '*.bak', '!keep.bak', 'dir/'], '/r/app', '/r')).toEqual(['app/legacy/**', 'app/old', 'app/**/*.bak', '!app/**/keep.bak', 'app/**/dir/']);
    expect(rebasePatterns(['legacy/**'], '/r', '/r')).toEqual(['legacy/**']);
  });

  it('in a sub-folder project of a git repository', async () => {
    const repo = makeProject({
      'app/sfdx-project.json': '{"packageDirectories":[{"path":"force-app"}]}',
      [`app/${APP_PATH}/Billing_Sync.connectedApp-meta.xml`]: connectedApp('Billing Sync', ['Full']),
      'app/connected-app-lint.yaml': 'ignorePatterns: ["force-app/**/Billing_*"]\n',
    });
    spawnSync('git', ['init', '-q'], { cwd: repo });
    expect(rulesOf((await lintJson(join(repo, 'app'))).messages, 'no-full-scope')).toEqual([]);
    writeFileSync(join(repo, 'app', 'connected-app-lint.yaml'), 'ignorePatterns: ["elsewhere/**"]\n');
    expect(rulesOf((await lintJson(join(repo, 'app'))).messages, 'no-full-scope')).toHaveLength(1);
  });
});
