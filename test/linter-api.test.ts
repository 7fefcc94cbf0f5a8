// The library is what the CLI runs: `new Linter` on a project with a configuration file, a directive, a baseline and a
// plugin gives the same JSON as `connected-app-lint lint --format json`; the example of docs/api.md runs as written.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { Linter } from '../src/index.js';
import { capture } from './helpers/in-process.js';
import { connectedApp, makeProject, REPO } from './helpers/cli.js';

const APPS = 'force-app/main/default/connectedApps';


/** Config turns no-full-scope off; a directive hides a callback finding; the baseline hides another; a plugin adds one. */
function project(): string {
  const root = makeProject({
    'sfdx-project.json': '{"packageDirectories":[{"path":"force-app"}]}',
    [`${APPS}/Wide.connectedApp-meta.xml`]: connectedApp('Wide', ['Api', 'Full']),
    [`${APPS}/Open.connectedApp-meta.xml`]: connectedApp('Open').replace(
      '<callbackUrl>https://app.example.com/cb</callbackUrl>',
      '<!-- calint-disable-next-line callback-url-https -- local development only -->\n        <callbackUrl>http://dev.example.com/cb</callbackUrl>',
    ),
    [`${APPS}/Legacy.connectedApp-meta.xml`]: connectedApp('Legacy').replace('https://app.example.com/cb', 'http://legacy.example.com/cb'),
    'tools/labels.mjs': `export const rules = { 'short-label': { meta: { description: 'Labels are short', severity: { production: 'warn', sandbox: 'warn' } },
      checkApp(app, context) { if (app.name.length < 5) for (const url of app.callbackUrls) context.report({ message: 'App ' + app.name + ' has a short name.', at: url.at }); } } };\n`,
    'connected-app-lint.yaml': 'plugins: ["./tools/labels.mjs"]\nrules:\n  no-full-scope: "off"\n',
  });
  return root;
}

describe('Linter', () => {
  it('gives the JSON the CLI prints: configuration, directive, baseline and plugin included', async () => {
    const root = project();
    const cliRun = async (argv: string[]) => {
      const stdout = capture();
      const stderr = capture();
      const status = await main(argv, { cwd: root, env: {}, stdout: stdout.stream, stderr: stderr.stream });
      return { status, stdout: stdout.text(), stderr: stderr.text() };
    };
    // Record Legacy's finding in the baseline first.
    expect((await cliRun(['lint', '--only', 'callback-url-https', '--update-baseline'])).status).toBe(0);

    const cli = await cliRun(['lint', '--format', 'json']);
    const results = await new Linter({ cwd: root }).lintFiles();
    expect(JSON.parse(cli.stdout)).toEqual(JSON.parse(JSON.stringify(results)));

    const messages = results.flatMap((result) => result.messages.map((message) => message.ruleId));
    expect(messages).not.toContain('no-full-scope');
    expect(messages).toContain('labels/short-label');
    const suppressed = results.flatMap((result) => result.suppressedMessages.map((message) => message.suppressions?.[0]?.kind));
    expect(suppressed.sort()).toEqual(['directive', 'external']);
  });

  it('formats a run in every format, and a CI env keeps plugin code from running', async () => {
    const root = project();
    const linter = new Linter({ cwd: root, env: { CI: 'true' } });
    const results = await linter.lintFiles();
    expect(results.flatMap((result) => result.messages.map((message) => message.ruleId))).not.toContain('labels/short-label');
    expect(linter.lastResult!.run.notices.join('\n')).toContain('not loading plugin ./tools/labels.mjs');
    expect(linter.lastResult!.setup.configuration).toBe('connected-app-lint.yaml');
    const sarif = JSON.parse(await Linter.formatResults(linter.lastResult!.run, 'sarif')) as { version: string };
    expect(sarif.version).toBe('2.1.0');
    expect(await Linter.formatResults(linter.lastResult!.run, 'text')).toContain('callback-url-https');
    await expect(Linter.loadFormatter('xml')).rejects.toThrow('unknown format "xml"');
  });

  it('the example of docs/api.md runs as written against the built package', () => {
    const docs = readFileSync(join(REPO, 'docs', 'api.md'), 'utf8');
    const code = /<!-- example: api\.mjs[^\n]*\n```js\n([\s\S]*?)```/.exec(docs)![1]!;
    const root = project();
    // The example imports the package by name, as a user would: link this checkout in as node_modules/connected-app-lint.
    mkdirSync(join(root, 'node_modules'));
    symlinkSync(REPO, join(root, 'node_modules', 'connected-app-lint'));
    writeFileSync(join(root, 'api.mjs'), code);
    const run = spawnSync(process.execPath, ['api.mjs', root], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1' } });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('callback-url-https');
    expect(run.status).toBe(1);
  });
});

describe('Linter.calculateConfigForFile', () => {
  it('reports the configuration the lint of that path uses (file, folder, project; nested configuration and package)', async () => {
    const root = makeProject({
      'sfdx-project.json': '{"packageDirectories":[{"path":"force-app"},{"path":"packages/billing"}]}',
      [`${APPS}/Wide.connectedApp-meta.xml`]: connectedApp('Wide', ['Full']),
      'connected-app-lint.yaml': 'environment: sandbox\n',
      'force-app/connected-app-lint.yaml': 'rules:\n  no-full-scope: warn\n',
      'packages/billing/connectedApps/Billing.connectedApp-meta.xml': connectedApp('Billing', ['Full']),
      'packages/billing/connected-app-lint.yaml': 'rules:\n  no-full-scope: "off"\n',
    });
    const linter = new Linter({ cwd: root });
    for (const path of [`${APPS}/Wide.connectedApp-meta.xml`, 'force-app', 'packages/billing/connectedApps/Billing.connectedApp-meta.xml', 'packages/billing', '.']) {
      const { setup } = await linter.lintTarget({ paths: [path] });
      const calculated = await linter.calculateConfigForFile(path);
      expect({ path, configuration: calculated.configuration, config: calculated.config }).toEqual({ path, configuration: setup.configuration, config: setup.config.config });
    }
  });
});
