// `--format github`: workflow-command escaping, GitHub's 10-per-level annotation limit, and the job summary.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/lint.js';
import { githubReporter } from '../src/reporters/github.js';
import { markdownText } from '../src/reporters/markdown-text.js';
import type { ReporterOptions } from '../src/reporters/types.js';
import { escapeData, escapeProperty, workflowCommand } from '../src/reporters/workflow-commands.js';
import type { AppSummary, Finding, LintRun } from '../src/types.js';
import { connectedApp, copyToTemp, makeProject, REPO, tempDir } from './helpers/cli.js';

const DEMO_SECRET = '8F3A1C2B9D7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9E8F7A6B5C4D3E2F1A';

function options(env: NodeJS.ProcessEnv = {}, quiet = false): ReporterOptions {
  return { color: false, quiet, cwd: '/repo', env };
}

function finding(severity: 'error' | 'warning', index: number, message = `Finding ${index}.`): Finding {
  return {
    ruleId: severity === 'error' ? 'loud' : 'quiet',
    severity,
    message,
    app: 'Portal',
    at: { file: `/repo/force-app/main/default/connectedApps/A${index}.connectedApp-meta.xml`, line: index + 1, column: 3, endLine: index + 1, endColumn: 12 },
    fingerprint: `${index.toString(16).padStart(16, '0')}:1`,
  };
}

function syntheticRun(findings: Finding[], apps: AppSummary[] = []): LintRun {
  return {
    root: '/repo',
    toolVersion: '0.1.0',
    results: findings.map((item) => ({ file: item.at.file, findings: [item], suppressed: [] })),
    rules: [
      { id: 'loud', description: 'Loud.', fullDescription: 'Loud.', severity: { production: 'error', sandbox: 'error' }, docs: 'https://example.com/loud', tags: [], securitySeverity: 9 },
      { id: 'quiet', description: 'Quiet.', fullDescription: 'Quiet.', severity: { production: 'warn', sandbox: 'warn' }, docs: 'https://example.com/quiet', tags: [], securitySeverity: 2 },
    ],
    parseFailures: [],
    stats: { files: findings.length, metadataFiles: findings.length, apps: apps.length, scannedFiles: 0, durationMs: 0, baselineHidden: 0 },
    apps,
    notices: [],
  };
}

const annotations = (output: string, level: string) => output.split('\n').filter((line) => line.startsWith(`::${level} `) || line.startsWith(`::${level}::`));

describe('workflow commands', () => {
  it("escape %, CR and LF in data, and also : and , in properties, as GitHub's toolkit does", () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('C:\\dir,x\n%')).toBe('C%3A\\dir%2Cx%0A%25');
    expect(workflowCommand('error', { file: 'a,b:c.xml', line: 3, endLine: 3, col: 2, endColumn: undefined, title: 'no-full-scope' }, 'App "X": 50%\nbad')).toBe(
      '::error file=a%2Cb%3Ac.xml,line=3,endLine=3,col=2,title=no-full-scope::App "X": 50%25%0Abad',
    );
    expect(workflowCommand('notice', {}, 'plain')).toBe('::notice::plain');
  });

  it('text from a linted file cannot start a workflow command of its own', async () => {
    const hostile = 'App "x\n::add-mask::y\r::error::forged" is bad';
    const run = syntheticRun([finding('error', 0, hostile), ...Array.from({ length: 11 }, (_, index) => finding('error', index + 1, hostile))]);
    const output = await githubReporter.render(run, options());
    const lines = output.split('\n');
    expect(lines.filter((line) => line.includes('forged')).every((line) => line.startsWith('::error file=') || line.startsWith('  '))).toBe(true);
    expect(lines.some((line) => line.startsWith('::add-mask::') || line.startsWith('::error::'))).toBe(false);
  });
});

describe('--format github annotations', () => {
  it('annotates at most 10 errors and 10 warnings, most severe first, then one notice about the rest', async () => {
    // Warnings come first in the run's order; errors must still be annotated first.
    const run = syntheticRun([...Array.from({ length: 15 }, (_, index) => finding('warning', index)), ...Array.from({ length: 12 }, (_, index) => finding('error', 15 + index))]);
    const output = await githubReporter.render(run, options());
    const lines = output.trimEnd().split('\n');
    expect(annotations(output, 'error')).toHaveLength(10);
    expect(annotations(output, 'warning')).toHaveLength(10);
    expect(lines.slice(0, 10).every((line) => line.startsWith('::error '))).toBe(true);
    expect(lines[0]).toBe(
      '::error file=force-app/main/default/connectedApps/A15.connectedApp-meta.xml,line=16,endLine=16,col=3,endColumn=12,title=loud::Finding 15.',
    );
    const notices = annotations(output, 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('7 more findings (2 errors, 5 warnings) not annotated');
    expect(notices[0]).toContain("this step's log");
    // The rest are plain lines a terminal reader can follow.
    expect(lines.filter((line) => line.startsWith('  force-app/'))).toHaveLength(7);
    expect(lines).toContain('  force-app/main/default/connectedApps/A26.connectedApp-meta.xml:27:3  error  Finding 26.  loud');
    expect(lines.at(-1)).toBe('connected-app-lint: 12 errors, 15 warnings in 0 apps.');
  });

  it('no notice when everything fits; --quiet annotates errors only', async () => {
    const run = syntheticRun([finding('error', 0), finding('warning', 1)]);
    const output = await githubReporter.render(run, options());
    expect(annotations(output, 'notice')).toEqual([]);
    expect(annotations(output, 'warning')).toHaveLength(1);
    const quiet = await githubReporter.render(run, options({}, true));
    expect(annotations(quiet, 'warning')).toEqual([]);
    expect(annotations(quiet, 'error')).toHaveLength(1);
  });

  it('on a project with more than ten errors: ten error annotations, the rest counted, no secret in full', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 12; i++) files[`force-app/main/default/connectedApps/App_${i}.connectedApp-meta.xml`] = connectedApp(`App ${i}`, ['Api', 'Full']);
    const dir = makeProject({ 'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }), ...files });
    const run = await lint({ cwd: dir, paths: [dir] });
    const errors = run.results.flatMap((result) => result.findings).filter((item) => item.severity === 'error').length;
    expect(errors).toBeGreaterThan(10);
    const output = await githubReporter.render(run, options());
    expect(annotations(output, 'error')).toHaveLength(10);
    expect(annotations(output, 'notice')[0]).toMatch(new RegExp(`${errors - 10} errors?`));
    expect(annotations(output, 'error').every((line) => /^::error file=force-app\/main\/default\/connectedApps\/App_\d+\.connectedApp-meta\.xml,line=\d+,endLine=\d+,col=\d+/.test(line))).toBe(true);
  });
});

describe('job summary', () => {
  it('is appended to GITHUB_STEP_SUMMARY: totals, one row per app, findings linked to the files; no secret', async () => {
    const dir = copyToTemp(join(REPO, 'fixtures', 'demo'));
    const run = await lint({ cwd: dir, paths: [dir] });
    const summaryFile = join(tempDir(), 'summary.md');
    writeFileSync(summaryFile, '# An earlier step\n');
    const env = { GITHUB_STEP_SUMMARY: summaryFile, GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/org-config', GITHUB_SHA: 'abc123' };
    const output = await githubReporter.render(run, options(env));

    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary.startsWith('# An earlier step\n## connected-app-lint\n')).toBe(true);
    const errors = run.results.flatMap((result) => result.findings).filter((item) => item.severity === 'error').length;
    expect(summary).toMatch(new RegExp(`\\*\\*${errors} errors, \\d+ warnings?\\*\\* in 3 apps`));
    expect(summary).toContain('| App | Kind | Environment | Flow | Scopes | Admin approved | IP relaxation | Certificate expires | Findings |');
    const legacyRow = summary.split('\n').find((line) => line.startsWith('| [Legacy\\_Sync]'))!;
    expect(legacyRow).toContain('(https://github.com/acme/org-config/blob/abc123/integrations/main/default/connectedApps/Legacy_Sync.connectedApp-meta.xml)');
    expect(legacyRow).toContain('| Connected App | production | web-server (inferred) | Api, Full, RefreshToken | no | BYPASS | — |');
    expect(summary).toContain('| [Partner\\_Api](https://github.com/acme/org-config/blob/abc123/force-app/main/default/externalClientApps/Partner_Api.eca-meta.xml) | External Client App |');
    expect(summary).toContain(
      '[integrations/main/default/connectedApps/Legacy\\_Sync.connectedApp-meta.xml:14](https://github.com/acme/org-config/blob/abc123/integrations/main/default/connectedApps/Legacy_Sync.connectedApp-meta.xml#L14)',
    );
    expect(summary).toContain('[no-full-scope](https://github.com/connected-app-lint/connected-app-lint/blob/main/docs/rules/no-full-scope.md)');
    for (const text of [summary, output]) expect(text).not.toContain(DEMO_SECRET);
  });

  it('escapes Markdown from the linted files and caps the findings table near 1 MiB', async () => {
    expect(markdownText('a|b <script>*x*</script> [l](u) `c` &amp;\nnext')).toBe('a\\|b \\<script\\>\\*x\\*\\</script\\> \\[l\\](u) \\`c\\` \\&amp; next');
    const app: AppSummary = {
      name: 'Evil|<img src=x>',
      kind: 'connectedApp',
      file: '/repo/a.xml',
      flows: ['web-server'],
      flowDeclared: true,
      usesOAuth: true,
      scopes: ['Api'],
      callbackUrls: ['https://app.example.com/cb'],
      adminApproved: true,
      ipRelaxation: 'ENFORCE',
      environment: 'sandbox',
      certificateExpiry: '2027-01-31',
    };
    const long = 'x'.repeat(2_000);
    const run = syntheticRun(
      Array.from({ length: 1_000 }, (_, index) => finding('warning', index, `${long} ${index}`)),
      [app],
    );
    const summaryFile = join(tempDir(), 'summary.md');
    await githubReporter.render(run, options({ GITHUB_STEP_SUMMARY: summaryFile }));
    const summary = readFileSync(summaryFile, 'utf8');
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(1024 * 1024);
    expect(summary.includes('| Evil\\|\\<img src=x\\> | Connected App | sandbox | web-server | Api | yes | ENFORCE | 2027-01-31 | ✅ none |')).toBe(true);
    expect(/…and \d+ more findings: a job summary holds at most 1 MiB/.test(summary)).toBe(true);
    // Without GitHub's repository variables there is nothing to link to: plain paths.
    expect(summary.includes('/blob/')).toBe(false);
  });

  it('caps the apps table too: ten thousand apps still leave a summary within 1 MiB, with the findings after them', async () => {
    const apps: AppSummary[] = Array.from({ length: 10_000 }, (_, index) => ({
      name: `Integration_App_${index}`,
      kind: 'externalClientApp',
      file: `/repo/force-app/main/default/externalClientApps/Integration_App_${index}.eca-meta.xml`,
      flows: ['web-server', 'refresh-token'],
      flowDeclared: true,
      usesOAuth: true,
      scopes: ['Api', 'RefreshToken', 'OpenID', 'Web'],
      callbackUrls: ['https://app.example.com/cb'],
      adminApproved: true,
      ipRelaxation: 'ENFORCE',
      environment: 'production',
      certificateExpiry: '2027-01-31',
    }));
    const summaryFile = join(tempDir(), 'summary.md');
    const output = await githubReporter.render(syntheticRun([finding('error', 0)], apps), options({ GITHUB_STEP_SUMMARY: summaryFile }));
    expect(output).not.toContain('could not write the job summary');
    const summary = readFileSync(summaryFile, 'utf8');
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(1024 * 1024);
    const shown = summary.split('\n').filter((line) => line.startsWith('| Integration\\_App\\_')).length;
    expect(shown).toBeGreaterThan(100);
    expect(summary).toContain(`…and ${10_000 - shown} more apps:`);
    expect(summary).toContain('### Findings');
  });

  it('a summary file an earlier step filled to 900 KiB gets a shorter lint summary, not none, and keeps room after it', async () => {
    const long = 'x'.repeat(2_000);
    const run = syntheticRun(Array.from({ length: 1_000 }, (_, index) => finding('warning', index, `${long} ${index}`)), []);
    const summaryFile = join(tempDir(), 'summary.md');
    const earlier = `${'e'.repeat(900 * 1024 - 1)}\n`;
    writeFileSync(summaryFile, earlier);
    const output = await githubReporter.render(run, options({ GITHUB_STEP_SUMMARY: summaryFile }));
    expect(output).not.toMatch(/could not write the job summary|no room left/);
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary.startsWith(earlier)).toBe(true);
    const lint = summary.slice(earlier.length);
    expect(lint).toContain('## connected-app-lint');
    expect(lint).toMatch(/…and \d+ more findings: a job summary holds at most 1 MiB/);
    // What the same step writes next (the posture diff) still has room.
    expect(1024 * 1024 - Buffer.byteLength(summary)).toBeGreaterThanOrEqual(16 * 1024);
  });

  it("counts each app's own findings in its row (errors only with --quiet)", async () => {
    const app = (name: string): AppSummary => ({
      name,
      kind: 'connectedApp',
      file: `/repo/force-app/main/default/connectedApps/${name}.connectedApp-meta.xml`,
      flows: ['web-server'],
      flowDeclared: true,
      usesOAuth: true,
      scopes: ['Api'],
      callbackUrls: [],
      adminApproved: true,
      ipRelaxation: 'ENFORCE',
      environment: 'production',
    });
    const findings = [finding('error', 0), finding('warning', 1), finding('error', 2), { ...finding('warning', 3), app: 'Billing' }, { ...finding('error', 4), app: undefined }];
    const rowOf = async (name: string, quiet: boolean) => {
      const summaryFile = join(tempDir(), 'summary.md');
      await githubReporter.render(syntheticRun(findings, [app('Portal'), app('Billing'), app('Idle')]), options({ GITHUB_STEP_SUMMARY: summaryFile }, quiet));
      return readFileSync(summaryFile, 'utf8').split('\n').find((line) => line.startsWith(`| ${name} |`))!;
    };
    expect(await rowOf('Portal', false)).toMatch(/\| ❌ 2 errors, ⚠️ 1 warning \|$/);
    expect(await rowOf('Billing', false)).toMatch(/\| ⚠️ 1 warning \|$/);
    expect(await rowOf('Idle', false)).toMatch(/\| ✅ none \|$/);
    expect(await rowOf('Portal', true)).toMatch(/\| ❌ 2 errors \|$/);
    expect(await rowOf('Billing', true)).toMatch(/\| ✅ none \|$/);
  });

  it('without GITHUB_STEP_SUMMARY there is no summary, and none leaks into stdout', async () => {
    const output = await githubReporter.render(syntheticRun([finding('error', 0)]), options({}));
    expect(output).toContain('::error ');
    expect(output).not.toContain('## connected-app-lint');
  });

  it('a summary file that cannot be written is reported on stdout, not thrown', async () => {
    const output = await githubReporter.render(syntheticRun([finding('error', 0)]), options({ GITHUB_STEP_SUMMARY: join(tempDir(), 'missing', 'dir', 'summary.md') }));
    expect(output).toContain('connected-app-lint: could not write the job summary: ');
    expect(output).toContain('::error ');
  });
});
