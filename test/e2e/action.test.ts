// The GitHub Action, run the way the runner runs it: `node <main>` from a checkout of the action that has no
// node_modules, inputs as INPUT_* variables (upper-cased, hyphens kept), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files,
// GITHUB_WORKSPACE as the working directory.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinRules } from '../../src/rules/index.js';
import type { SarifLog } from '../../src/reporters/sarif.js';
import { connectedApp, copyToTemp, makeProject, REPO, tempDir } from '../helpers/cli.js';
import { ACTION_BUNDLE } from '../../scripts/build-action.mjs';

const DEMO = join(REPO, 'fixtures', 'demo');
const DEMO_SECRET = '8F3A1C2B9D7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9E8F7A6B5C4D3E2F1A';
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
const action = parseYaml(readFileSync(join(REPO, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
};

interface ActionRun {
  status: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** The action's repository as the runner downloads it: committed files only, no node_modules anywhere above. */
function checkoutAction(): string {
  const dir = tempDir('calint-action-');
  for (const file of ['package.json', 'action.yml', action.runs.main]) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    copyFileSync(join(REPO, file), join(dir, file));
  }
  return dir;
}

/** `name<<delimiter` … `delimiter` entries, as @actions/core writes and the runner reads them. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const end = lines.indexOf(match[2]!, i + 1);
    outputs[match[1]!] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

let actionDir: string;

/** Runs the committed bundle with the workflow's `with:` inputs, as the runner would. */
function runAction(workspace: string, inputs: Record<string, string>): ActionRun {
  const runnerFiles = tempDir('calint-runner-');
  const outputFile = join(runnerFiles, 'output');
  const summaryFile = join(runnerFiles, 'summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/salesforce',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  };
  // The runner passes every declared input, defaults included.
  for (const [name, spec] of Object.entries(action.inputs)) env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? spec.default ?? '';
  const result = spawnSync(process.execPath, [join(actionDir, action.runs.main)], { cwd: workspace, env, encoding: 'utf8' });
  if (result.error) throw result.error;
  return {
    status: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
  };
}

const lines = (stdout: string, prefix: string) => stdout.split('\n').filter((line) => line.startsWith(prefix));

/**
 * A project whose only findings are warnings: every rule off but no-full-scope, turned down to a warning, in a YAML
 * configuration (the YAML parser is a CommonJS dependency that requires Node built-ins: it must work bundled too).
 */
function warningsOnlyProject(): string {
  const rules = builtinRules.map((rule) => `  ${rule.meta.id}: "${rule.meta.id === 'no-full-scope' ? 'warn' : 'off'}"`);
  return makeProject({
    'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }),
    'force-app/main/default/connectedApps/Wide.connectedApp-meta.xml': connectedApp('Wide', ['Api', 'Full']),
    'force-app/main/default/connectedApps/Wider.connectedApp-meta.xml': connectedApp('Wider', ['Full']),
    'ci/calint.yaml': `# warnings only\nrules:\n${rules.join('\n')}\n`,
  });
}

describe('GitHub Action', () => {
  beforeAll(() => {
    actionDir = checkoutAction();
  });

  it('action.yml: a node24 JavaScript action whose main is the committed bundle, with the documented inputs and outputs', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'action/bundle/index.mjs' });
    expect(join(REPO, action.runs.main)).toBe(ACTION_BUNDLE);
    expect(Object.keys(action.inputs)).toEqual(['path', 'config', 'config-from', 'plugins', 'environment', 'sarif-file', 'fail-on', 'max-warnings', 'sarif-category', 'compare-to', 'comment', 'github-token']);
    expect(Object.keys(action.outputs)).toEqual(['errors', 'warnings', 'sarif-file', 'widened', 'removed', 'added']);
    expect(existsSync(join(actionDir, 'node_modules'))).toBe(false);
  });

  it('on the demo: annotations, job summary, outputs, SARIF file; fails with fail-on error', () => {
    const workspace = copyToTemp(DEMO);
    const run = runAction(workspace, { 'sarif-file': 'reports/calint.sarif', 'sarif-category': 'salesforce' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);

    const sarifPath = join(workspace, 'reports', 'calint.sarif');
    expect(run.outputs['sarif-file']).toBe(sarifPath);
    const log = JSON.parse(readFileSync(sarifPath, 'utf8')) as SarifLog;
    expect(log.version).toBe('2.1.0'); // the schema check of this reporter's logs is in test/shared/sarif-schema.test.ts
    expect(log.runs[0].tool.driver.semanticVersion).toBe(pkg.version);
    expect(log.runs[0].automationDetails.id).toBe('salesforce/');
    const errors = log.runs[0].results.filter((result) => result.level === 'error').length;
    const warnings = log.runs[0].results.filter((result) => result.level === 'warning').length;
    expect(errors).toBeGreaterThan(0);
    expect(run.outputs).toMatchObject({ errors: String(errors), warnings: String(warnings) });

    expect(lines(run.stdout, '::error ')).toHaveLength(Math.min(errors, 10));
    expect(run.stdout).toContain(
      '::error file=integrations/main/default/connectedApps/Legacy_Sync.connectedApp-meta.xml,line=14,endLine=14,col=9,endColumn=30,title=no-full-scope::App "Legacy_Sync" requests Full scope',
    );
    expect(run.stdout).toContain(`connected-app-lint: failing the step: ${errors} error`);

    expect(run.summary.startsWith('## connected-app-lint\n')).toBe(true);
    expect(run.summary).toContain(
      '| [Legacy\\_Sync](https://github.com/acme/salesforce/blob/0123456789abcdef0123456789abcdef01234567/integrations/main/default/connectedApps/Legacy_Sync.connectedApp-meta.xml) | Connected App |',
    );
    expect(run.summary).toContain('### Findings');
    for (const text of [run.stdout, run.summary, readFileSync(sarifPath, 'utf8')]) expect(text.includes(DEMO_SECRET)).toBe(false);
  });

  it('fail-on decides the exit status: error and warning fail the demo, never passes it with the same outputs', () => {
    const workspace = copyToTemp(DEMO);
    const byError = runAction(workspace, { 'fail-on': 'error' });
    const byWarning = runAction(workspace, { 'fail-on': 'warning' });
    const never = runAction(workspace, { 'fail-on': 'never' });
    expect([byError.status, byWarning.status, never.status]).toEqual([1, 1, 0]);
    expect(never.outputs).toEqual({ ...byError.outputs });
    expect(never.outputs['sarif-file']).toBe('');
    expect(never.stdout).not.toContain('failing the step');
    expect(lines(never.stdout, '::error ').length).toBeGreaterThan(0);
  });

  it('warnings only: pass with fail-on error, fail with fail-on warning or above max-warnings', () => {
    const workspace = warningsOnlyProject();
    const config = { config: 'ci/calint.yaml' };
    const base = runAction(workspace, config);
    expect(base.outputs).toMatchObject({ errors: '0', warnings: '2' });
    expect(base.status).toBe(0);
    expect(lines(base.stdout, '::warning file=force-app/main/default/connectedApps/')).toHaveLength(2);
    expect(runAction(workspace, { ...config, 'fail-on': 'warning' }).status).toBe(1);
    const tooMany = runAction(workspace, { ...config, 'max-warnings': '1' });
    expect(tooMany.status).toBe(1);
    expect(tooMany.stdout).toContain('failing the step: 2 warnings, more than max-warnings 1');
    expect(runAction(workspace, { ...config, 'max-warnings': '2' }).status).toBe(0);
    expect(runAction(workspace, { ...config, 'max-warnings': '0', 'fail-on': 'never' }).status).toBe(0);
  });

  it('a clean project passes even with fail-on warning', () => {
    const workspace = makeProject({ 'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }) });
    const app = 'force-app/main/default/connectedApps/Customer_Portal.connectedApp-meta.xml';
    mkdirSync(join(workspace, app, '..'), { recursive: true });
    copyFileSync(join(DEMO, app), join(workspace, app));
    const run = runAction(workspace, { 'fail-on': 'warning' });
    expect(run.outputs).toMatchObject({ errors: '0', warnings: '0' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('connected-app-lint: no problems in 1 app.\n');
    expect(run.summary).toContain('✅ **0 errors, 0 warnings** in 1 app');
  });

  it('more than ten errors: ten error annotations, a notice with the rest, all of them in the summary', () => {
    const files: Record<string, string> = { 'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }) };
    for (let i = 1; i <= 12; i++) files[`force-app/main/default/connectedApps/App_${i}.connectedApp-meta.xml`] = connectedApp(`App ${i}`, ['Api', 'Full']);
    const run = runAction(makeProject(files), { 'fail-on': 'error' });
    const errors = Number(run.outputs.errors);
    expect(errors).toBeGreaterThan(10);
    expect(run.status).toBe(1);
    expect(lines(run.stdout, '::error ')).toHaveLength(10);
    const notices = lines(run.stdout, '::notice ');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`${errors - 10} error`);
    expect(notices[0]).toContain('in the job summary');
    expect(run.summary.split('\n').filter((line) => line.startsWith('| ❌ error |'))).toHaveLength(errors);
  });

  it('several paths, one per line', () => {
    const workspace = copyToTemp(DEMO);
    const both = runAction(workspace, { path: 'force-app\nintegrations\n', 'fail-on': 'never' });
    const one = runAction(workspace, { path: 'force-app', 'fail-on': 'never' });
    expect(Number(both.outputs.errors)).toBeGreaterThan(Number(one.outputs.errors));
    expect(one.stdout).not.toContain('file=integrations/');
  });

  it('bad inputs fail the step with exit 2 and an error naming the input', () => {
    const workspace = copyToTemp(DEMO);
    const failOn = runAction(workspace, { 'fail-on': 'sometimes' });
    expect(failOn.status).toBe(2);
    expect(failOn.stdout).toBe('::error title=connected-app-lint::invalid input: fail-on must be one of error, warning, never, not "sometimes"\n');
    const environment = runAction(workspace, { environment: 'staging' });
    expect(environment.status).toBe(2);
    expect(environment.stdout).toContain('invalid input: environment must be production or sandbox');
    const maxWarnings = runAction(workspace, { 'max-warnings': 'many' });
    expect(maxWarnings.status).toBe(2);
    expect(maxWarnings.stdout).toContain('invalid input: max-warnings takes a whole number');
    expect(failOn.outputs).toEqual({});
  });
});
