// Hostile pull requests against the gate (issue #11): plugin code, a PR that switches its own gate off, forged
// workflow commands and terminal escapes in what is printed, reports written through committed symbolic links.
// The CLI and the Action run in-process, with their whole environment given (no globals).
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../src/action/run.js';
import { main } from '../src/cli/main.js';
import { capture } from './helpers/in-process.js';
import { connectedApp, makeProject, tempDir } from './helpers/cli.js';
import { git, gitRepository } from './helpers/git.js';

const APP = 'force-app/main/default/connectedApps/Wide.connectedApp-meta.xml';
const SFDX = '{"packageDirectories":[{"path":"force-app"}]}';


async function cli(argv: string[], cwd: string, env: Record<string, string> = { CI: 'true' }) {
  const stdout = capture();
  const stderr = capture();
  const status = await main(argv, { cwd, env, stdout: stdout.stream, stderr: stderr.stream });
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}

async function action(workspace: string, inputs: Record<string, string>) {
  const stdout = capture();
  const stderr = capture();
  const runner = tempDir('calint-runner-');
  const summary = join(runner, 'summary.md');
  writeFileSync(summary, '');
  const env: NodeJS.ProcessEnv = { CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: summary };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const status = await runAction({ env, cwd: workspace, stdout: stdout.stream, stderr: stderr.stream });
  return { status, stdout: stdout.text(), stderr: stderr.text(), summary: readFileSync(summary, 'utf8') };
}

/** A plugin that would forge a clean result: it leaves a marker file, then ends the process with 0. */
function evilProject() {
  return makeProject({
    'sfdx-project.json': SFDX,
    [APP]: connectedApp('Wide', ['Full']),
    'evil.mjs': `import { writeFileSync } from 'node:fs';\nwriteFileSync(new URL('./PWNED', import.meta.url), 'ran');\nprocess.exit(0);\nexport const rules = {};\n`,
    'connected-app-lint.yaml': 'plugins: ["./evil.mjs"]\n',
  });
}

/** Lines of output that a runner would take for a workflow command. */
const forged = (text: string) => text.split('\n').filter((line) => line.startsWith('::'));

describe('plugin code from the linted repository', () => {
  it('CI=true lint does not run it without --plugins, and says so on stderr', async () => {
    const root = evilProject();
    const run = await cli(['lint', '--format', 'json'], root);
    expect(existsSync(join(root, 'PWNED'))).toBe(false);
    expect(run.status).toBe(1); // the Full scope is still judged
    expect(run.stderr).toContain('not loading plugin ./evil.mjs: on CI, plugin code from the linted repository runs only with --plugins');
  });

  it('the Action does not run it without its plugins input, and says so in a notice', async () => {
    const root = evilProject();
    const run = await action(root, {});
    expect(existsSync(join(root, 'PWNED'))).toBe(false);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::notice title=connected-app-lint::not loading plugin \.\/evil\.mjs/m);
  });

  it('locally (no CI) the configured plugin runs, as DECISIONS 15 says', async () => {
    const root = makeProject({
      'sfdx-project.json': SFDX,
      [APP]: connectedApp('Wide'),
      'marker.mjs': `import { writeFileSync } from 'node:fs';\nwriteFileSync(new URL('./RAN', import.meta.url), 'ran');\nexport const rules = { noop: { meta: { description: 'x', severity: { production: 'warn', sandbox: 'warn' } }, checkApp() {} } };\n`,
      'connected-app-lint.yaml': 'plugins: ["./marker.mjs"]\n',
    });
    const run = await cli(['lint', '--format', 'json'], root, {});
    expect(run.stderr).toBe('');
    expect(existsSync(join(root, 'RAN'))).toBe(true);
  });

  it('a bad plugins input is named in the error', async () => {
    const run = await action(evilProject(), { plugins: 'yes' });
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('invalid input: plugins must be true or false, not "yes"');
  });
});

describe('a trusted policy from the base commit', () => {
  function pullRequest() {
    const root = gitRepository({ 'sfdx-project.json': SFDX, [APP]: connectedApp('Wide', ['Full']), 'connected-app-lint.yaml': 'environment: production\n' });
    git(root, 'tag', 'base');
    // The pull request switches its own gate off.
    writeFileSync(join(root, 'connected-app-lint.yaml'), 'ignorePatterns: ["***"]\n');
    git(root, 'commit', '-q', '-am', 'nothing to see');
    return root;
  }

  it('ignorePatterns in the head no longer turns a failing run into "No problems" with --config-from base', async () => {
    const root = pullRequest();
    const head = await cli(['lint'], root);
    expect(head.stdout).toContain('No problems');
    const judged = await cli(['lint', '--config-from', 'base'], root);
    expect(judged.status).toBe(1);
    expect(judged.stdout).toContain('no-full-scope');
    expect(judged.stdout).toContain('This change modifies connected-app-lint.yaml, part of the lint gate');
  });

  it('the Action takes config-from, names the configuration in the job summary and the changed file in a notice', async () => {
    const root = pullRequest();
    const run = await action(root, { 'config-from': 'base' });
    expect(run.status).toBe(1);
    expect(run.summary).toMatch(/Configuration: connected-app-lint\.yaml at base \([0-9a-f]{12}\)/);
    expect(run.stdout).toMatch(/^::notice title=connected-app-lint::This change modifies connected-app-lint\.yaml/m);
  });

  it('the baseline is read from the ref too: a head that records its findings in the baseline hides nothing', async () => {
    const root = pullRequest();
    writeFileSync(join(root, 'connected-app-lint.yaml'), 'environment: production\n');
    expect((await cli(['lint', '--update-baseline'], root, {})).status).toBe(0);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'baseline everything');
    const judged = await cli(['lint', '--config-from', 'base'], root);
    expect(judged.status).toBe(1);
    expect(judged.stdout).toContain('This change modifies .calint-baseline.json');
  });

  /** A pull request that adds a Full-scope app and, in the same change, ignores every file in its configuration. */
  function hiddenAddition() {
    const root = gitRepository({ 'sfdx-project.json': SFDX, 'connected-app-lint.yaml': 'environment: production\n' });
    git(root, 'tag', 'base');
    writeFileSync(join(root, 'connected-app-lint.yaml'), 'ignorePatterns: ["**"]\n');
    mkdirSync(join(root, APP, '..'), { recursive: true });
    writeFileSync(join(root, APP), connectedApp('Wide', ['Full']));
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'nothing to see');
    return root;
  }

  it('diff --config-from base reports the Full-scope app that the head configuration hides from the diff gate', async () => {
    const root = hiddenAddition();
    const hidden = await cli(['diff', 'base', 'HEAD', '--format', 'json'], root);
    expect(hidden.status).toBe(0);
    expect((JSON.parse(hidden.stdout) as { apps: unknown[] }).apps).toEqual([]);

    const judged = await cli(['diff', 'base', 'HEAD', '--config-from', 'base', '--format', 'json'], root);
    expect(judged.status).toBe(1);
    const diff = JSON.parse(judged.stdout) as { apps: { app: string; status: string; changes: { setting: string; after: unknown }[] }[]; notices: string[] };
    expect(diff.apps.map((app) => `${app.app} ${app.status}`)).toEqual(['Wide added']);
    expect(diff.apps[0]!.changes.find((change) => change.setting === 'scopes')?.after).toContain('Full');
    expect(judged.stderr).toContain('This change modifies connected-app-lint.yaml, part of the lint gate');
  });

  it('diff --config-from: combined with --config is a usage error; an unknown ref names the option', async () => {
    const root = hiddenAddition();
    const combined = await cli(['diff', 'base', '--config-from', 'base', '--config', 'connected-app-lint.yaml'], root);
    expect(combined.status).toBe(2);
    expect(combined.stderr).toContain('--config-from cannot be combined with --config or --no-config');
    const unknown = await cli(['diff', 'base', '--config-from', 'no-such-ref'], root);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('config-from: no-such-ref is not a commit');
  });

  it('the Action with compare-to and config-from fails the step on the hidden app and counts it as added', async () => {
    const root = hiddenAddition();
    const base = git(root, 'rev-parse', 'base').trim();
    const hidden = await action(root, { 'compare-to': base });
    expect(hidden.status).toBe(0);
    const judged = await action(root, { 'compare-to': base, 'config-from': base });
    expect(judged.status).toBe(1);
    expect(judged.stdout).toContain('1 added');
    expect(judged.summary).toContain('| Wide | App added |');
  });

  it('an unknown ref is a usage error naming it', async () => {
    const run = await cli(['lint', '--config-from', 'no-such-ref'], pullRequest());
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('config-from: no-such-ref is not a commit');
  });
});

describe('everything printed is masked, one line, and cannot forge a workflow command', () => {
  const TOKEN = 'force://PlatformCLI::5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJ_Q3fKYvEw2Tyw9.dbqMxf4nnRY1GEoGxvNAB3qVPyGTwmo@acme.my.salesforce.com';

  function hostileProject() {
    return makeProject({
      'sfdx-project.json': '{"packageDirectories":[{"path":"force-app"},{"path":"x\\n::error title=forged::owned\\n::add-mask::abc"}]}',
      [APP]: connectedApp('Wide').replace('<label>Wide</label>', '<label>Wide</label><description>&#27;[2K&#27;]0;title&#7;</description>'),
      'force-app/main/default/connectedApps/Broken.connectedApp-meta.xml': `<ConnectedApp><description>CI login: <${TOKEN}></description></ConnectedApp>`,
      'force-app/main/default/connectedApps/Evil\n::error title=forged::x.connectedApp-meta.xml': connectedApp('Evil'),
    });
  }

  it.each(['text', 'json', 'sarif'])('--format %s', async (format) => {
    const root = hostileProject();
    const run = await cli(['lint', '--format', format], root);
    for (const stream of [run.stdout, run.stderr]) {
      expect(forged(stream)).toEqual([]);
      expect(stream).not.toContain('\u001b');
      expect(stream).not.toContain('\u0007');
      expect(stream).not.toContain('5Aep861TSESvWeug');
    }
    expect(run.stdout + run.stderr).toContain('Broken.connectedApp-meta.xml');
  });

  it('a message quoting a whole file is capped', async () => {
    const root = makeProject({
      'sfdx-project.json': SFDX,
      'force-app/main/default/connectedApps/Long.connectedApp-meta.xml': `<ConnectedApp><label>${'x'.repeat(100_000)}</labe></ConnectedApp>`,
    });
    const run = await cli(['lint', '--format', 'json'], root);
    const messages = (JSON.parse(run.stdout) as { messages: { message: string }[] }[]).flatMap((result) => result.messages.map((message) => message.message));
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message.length).toBeLessThanOrEqual(301);
  });
});

describe('reports and baselines are not written through symbolic links, and are written atomically', () => {
  /** A checkout with a committed link named like the report (or the baseline) to a file outside it. */
  function withLink(linkName = 'reports/calint.sarif', precious = 'precious\n') {
    const root = makeProject({ 'sfdx-project.json': SFDX, [APP]: connectedApp('Wide', ['Full']) });
    const outside = tempDir('calint-outside-');
    writeFileSync(join(outside, 'victim'), precious);
    mkdirSync(join(root, linkName, '..'), { recursive: true });
    symlinkSync(join(outside, 'victim'), join(root, linkName));
    return { root, victim: join(outside, 'victim') };
  }

  it('-o through a committed symlink on CI: exit 2, the target untouched', async () => {
    const { root, victim } = withLink();
    const run = await cli(['lint', '--format', 'sarif', '-o', 'reports/calint.sarif'], root);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('refusing to write the report to reports/calint.sarif');
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
  });

  it('-o through a symlink the user named, outside CI, is followed (their choice)', async () => {
    const { root, victim } = withLink();
    const run = await cli(['lint', '--format', 'sarif', '-o', 'reports/calint.sarif'], root, {});
    expect(run.status).toBe(1);
    expect(readFileSync(victim, 'utf8')).toContain('"version":"2.1.0"');
  });

  it('--update-baseline through a default baseline linked out of the repository: exit 2, refused when read, the target untouched', async () => {
    const { root, victim } = withLink('.calint-baseline.json', '{"findings":[]}\n');
    const run = await cli(['lint', '--update-baseline'], root, {});
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot read baseline .calint-baseline.json: symbolic link to a file outside the repository');
    expect(readFileSync(victim, 'utf8')).toBe('{"findings":[]}\n');
  });

  it('--update-baseline through a default baseline linked inside the repository: read, but not written through (exit 2)', async () => {
    const root = makeProject({ 'sfdx-project.json': SFDX, [APP]: connectedApp('Wide', ['Full']), 'baselines/main.json': '{"findings":[]}\n' });
    symlinkSync(join(root, 'baselines', 'main.json'), join(root, '.calint-baseline.json'));
    const run = await cli(['lint', '--update-baseline'], root, {});
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('refusing to write the baseline');
    expect(readFileSync(join(root, 'baselines', 'main.json'), 'utf8')).toBe('{"findings":[]}\n');
  });

  it("the Action's sarif-file through a symlink: exit 2 naming the input", async () => {
    const { root, victim } = withLink();
    const run = await action(root, { 'sarif-file': 'reports/calint.sarif' });
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('invalid input: sarif-file: refusing to write the SARIF report');
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
  });

  it('a failed write leaves the old file intact and says so', async () => {
    const root = makeProject({ 'sfdx-project.json': SFDX, [APP]: connectedApp('Wide', ['Full']), '.calint-baseline.json': '{"findings":[]}\n' });
    // The rename target is a directory: the write fails after the temporary file was written.
    const run = await cli(['lint', '--format', 'json', '-o', 'force-app'], root, {});
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot write the report to force-app \(\w+\); the previous file, if any, is unchanged/);
    expect(lstatSync(join(root, 'force-app')).isDirectory()).toBe(true);
    expect(readFileSync(join(root, '.calint-baseline.json'), 'utf8')).toBe('{"findings":[]}\n');
    expect(readFileSync(join(root, APP), 'utf8')).toContain('Wide');
  });
});
