import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/lint.js';
import { discover } from '../src/project/discover.js';
import { parseRawDiff, readBlobs } from '../src/project/git/index.js';
import { stagedScope } from '../src/project/git-scope.js';
import { defineMeta } from '../src/rules/util/meta.js';
import type { RepoFile, Rule } from '../src/types.js';
import { ECA_PATHS, ecaOauthSettings, ecaPolicy, externalClientApp } from './helpers/apps.js';
import { connectedApp, makeProject, REPO, runCli } from './helpers/cli.js';
import { git, gitRepository, SFDX_PROJECT, TYPES, writeFiles } from './helpers/git.js';

interface JsonMessage {
  ruleId: string;
  line: number;
  column: number;
  message: string;
}
interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
}

/** `lint --format json` through the built bin, in `cwd`. */
async function lintJson(cwd: string, args: string[]): { status: number; stderr: string; results: JsonResult[] } {
  const run = await runCli(['lint', '--format', 'json', ...args], { cwd });
  if (run.status > 1 || !run.stdout.startsWith('[')) throw new Error(`lint ${args.join(' ')} failed (exit ${run.status}): ${run.stderr}`);
  return { status: run.status, stderr: run.stderr, results: JSON.parse(run.stdout) as JsonResult[] };
}

/** `file:line:column rule` for each finding, with repository-relative paths, sorted. */
function findings(root: string, results: JsonResult[]): string[] {
  const top = realpathSync(root);
  return results
    .flatMap((result) => result.messages.map((message) => `${result.filePath.replace(`${top}/`, '')}:${message.line}:${message.column} ${message.ruleId}`))
    .sort();
}

const APP = `${TYPES}/connectedApps/Billing.connectedApp-meta.xml`;

describe('lint --staged', () => {
  it('lints the staged content, not the working copy, with positions in the staged content', async () => {
    const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT, [APP]: connectedApp('Billing') });
    // Staged: three comment lines on top and the Full scope (line 11). Then the working copy is fixed, unstaged.
    const staged = connectedApp('Billing', ['Full']).replace('<ConnectedApp', '<!-- a -->\n<!-- b -->\n<!-- c -->\n<ConnectedApp');
    writeFiles(root, { [APP]: staged });
    git(root, 'add', APP);
    writeFiles(root, { [APP]: connectedApp('Billing') });

    const fromIndex = await lintJson(root, ['--staged']);
    expect(fromIndex.status).toBe(1);
    expect(findings(root, fromIndex.results)).toEqual([`${APP}:11:9 no-full-scope`]);
    expect(staged.split('\n')[10]).toContain('<scopes>Full</scopes>');

    // The same files from disk are clean: the finding above can only have come from the index.
    const fromDisk = await lintJson(root, []);
    expect(findings(root, fromDisk.results)).toEqual([]);
  });

  it('is a usage error outside a git repository (exit 2, clear message)', async () => {
    const root = makeProject({ 'sfdx-project.json': SFDX_PROJECT, [APP]: connectedApp('Billing', ['Full']) });
    const run = await runCli(['lint', '--staged'], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--staged needs a git repository');
    expect(run.stderr).toContain('is not inside a git work tree');
    expect(run.stdout).toBe('');
  });

  it('--config-from outside a git repository says so once (exit 2), as --staged does', async () => {
    const root = makeProject({ 'sfdx-project.json': SFDX_PROJECT, [APP]: connectedApp('Billing', ['Full']) });
    const run = await runCli(['lint', '--config-from', 'HEAD'], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/config-from: \S+ is not inside a git work tree \(git: not a git repository[^\n]*\)\n/);
  });

  it('works before the first commit', async () => {
    const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT, [APP]: connectedApp('Billing', ['Full']) }, { commit: false });
    git(root, 'add', '-A');
    expect(findings(root, (await lintJson(root, ['--staged'])).results)).toEqual([`${APP}:8:9 no-full-scope`]);
  });

  it('lints nothing when nothing is staged', async () => {
    const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT, [APP]: connectedApp('Billing', ['Full']) });
    const run = await lintJson(root, ['--staged']);
    expect(run.status).toBe(0);
    expect(run.results).toEqual([]);
  });

  it('assembles a partly staged External Client App from the staged file and the committed rest', async () => {
    // Partner's settings files are named PartnerSettings and join the app through externalClientApplication;
    // Other is a second app in the same folders that must stay out of the lint.
    const root = gitRepository({
      'sfdx-project.json': SFDX_PROJECT,
      ...externalClientApp('Partner', { settingsName: 'PartnerSettings', scopes: 'Api, Full' }),
      ...externalClientApp('Other', { scopes: 'Full' }),
    });
    writeFiles(root, { [ECA_PATHS.policy('PartnerSettings')]: ecaPolicy('Partner', 'Bypass') });
    git(root, 'add', '-A');
    // An unstaged fix of a companion file does not count: the commit holds the index version.
    writeFiles(root, { [ECA_PATHS.oauth('PartnerSettings')]: ecaOauthSettings('Partner', 'Api') });

    const run = await lintJson(root, ['--staged']);
    const top = realpathSync(root);
    // Findings are reported for the staged file only; its companions are read (from the index) to judge the app.
    expect(run.results.map((result) => result.filePath.replace(`${top}/`, ''))).toEqual([ECA_PATHS.policy('PartnerSettings')]);
    const found = findings(root, run.results);
    expect(found).toEqual([`${ECA_PATHS.policy('PartnerSettings')}:5:29 ip-relaxation-enforced`]);
    const scope = await stagedScope({ cwd: root });
    expect(scope.discovery.metadata.filter((file) => file.companion).map((file) => file.path.replace(`${top}/`, '')).sort()).toEqual(
      [ECA_PATHS.header('Partner'), ECA_PATHS.global('PartnerSettings'), ECA_PATHS.oauth('PartnerSettings')].sort(),
    );
    const companion = scope.fileSource.read(join(top, ECA_PATHS.oauth('PartnerSettings')));
    expect(companion.ok && companion.text).toContain('Full');
    expect(found.filter((line) => line.includes('Other'))).toEqual([]);
  });

  it('reports the apps a commit deletes, but not one that only moved', async () => {
    const moved = `${TYPES}/connectedApps/Moved.connectedApp-meta.xml`;
    const gone = `${TYPES}/connectedApps/Gone.connectedApp-meta.xml`;
    const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT, [moved]: connectedApp('Moved'), [gone]: connectedApp('Gone') });
    git(root, 'rm', '-q', gone);
    mkdirSync(join(root, 'force-app/legacy/connectedApps'), { recursive: true });
    git(root, 'mv', moved, 'force-app/legacy/connectedApps/Moved.connectedApp-meta.xml');

    const scope = await stagedScope({ cwd: root });
    expect(scope.deletedFiles).toEqual([join(realpathSync(root), gone)]);

    const seen: RepoFile[] = [];
    const probe: Rule = {
      meta: defineMeta({ id: 'probe', description: 'records files', fullDescription: '', severity: { production: 'warn', sandbox: 'warn' }, tags: [], securitySeverity: 1 }),
      checkFile: (file) => void seen.push(file),
    };
    await lint({ cwd: root, rules: [probe], ...scope });
    expect(seen.filter((file) => file.deleted)).toEqual([
      { file: join(realpathSync(root), gone), text: '', deleted: true, metadata: { type: 'ConnectedApp', name: 'Gone', modelled: false } },
    ]);

    const run = await lintJson(root, ['--staged']);
    expect(findings(root, run.results)).toEqual([`${gone}:1:1 revocation-impact`]);
  });

  it('scans the staged files for secrets, and only them: never the whole repository', async () => {
    const authUrl = readFileSync(join(REPO, 'fixtures/rules/no-secrets-in-repo/bad-auth-url/authFile.json'), 'utf8');
    const keystore = readFileSync(join(REPO, 'fixtures/rules/no-secrets-in-repo/bad-keystore/certs/jwt.p12'));
    const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT, [APP]: connectedApp('Billing'), 'old/authFile.json': authUrl });
    writeFiles(root, { 'scripts/authFile.json': authUrl, 'certs/jwt.p12': keystore, 'README.md': 'nothing to see\n' });
    git(root, 'add', 'scripts', 'certs');

    const scope = await stagedScope({ cwd: root });
    const top = realpathSync(root);
    expect(scope.discovery.scanFiles).toEqual([join(top, 'certs/jwt.p12'), join(top, 'scripts/authFile.json')]);
    expect(scope.discovery.metadata).toEqual([]);

    const run = await lintJson(root, ['--staged']);
    expect(findings(root, run.results)).toEqual(['certs/jwt.p12:1:1 no-secrets-in-repo', 'scripts/authFile.json:5:21 no-secrets-in-repo']);
    // Explicit files (what pre-commit and lint-staged pass) skip the walk as well.
    expect(discover({ cwd: root, paths: [join(root, 'scripts/authFile.json')] }).scanFiles).toEqual([join(root, 'scripts/authFile.json')]);
  });

  it('lints only the staged files under the paths given', async () => {
    const other = `${TYPES}/connectedApps/Other.connectedApp-meta.xml`;
    const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT, [APP]: connectedApp('Billing'), [other]: connectedApp('Other') });
    writeFiles(root, { [APP]: connectedApp('Billing', ['Full']), [other]: connectedApp('Other', ['Full']) });
    git(root, 'add', '-A');
    expect(findings(root, (await lintJson(root, ['--staged', other])).results)).toEqual([`${other}:8:9 no-full-scope`]);
    expect(findings(root, (await lintJson(join(root, TYPES), ['--staged', 'connectedApps/Billing.connectedApp-meta.xml'])).results)).toEqual([`${APP}:8:9 no-full-scope`]);
  });

  it('as a plain git hook, reads the index git commits, also for git commit -a', async () => {
    const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT, [APP]: connectedApp('Billing') });
    writeFileSync(join(root, '.git/hooks/pre-commit'), `#!/bin/sh\nexec "${process.execPath}" "${join(REPO, 'bin/connected-app-lint.js')}" lint --staged\n`, { mode: 0o755 });
    writeFiles(root, { [APP]: connectedApp('Billing', ['Full']) });
    // Nothing staged: -a stages into a temporary index that git names in GIT_INDEX_FILE for the hook.
    const refused = spawnSync('git', ['commit', '-a', '-m', 'Full'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(refused.status).toBe(1);
    expect(`${refused.stdout}${refused.stderr}`).toContain('no-full-scope');
    expect(git(root, 'log', '--format=%s').trim()).toBe('initial');

    writeFiles(root, { [APP]: connectedApp('Billing v2') });
    const accepted = spawnSync('git', ['commit', '-a', '-m', 'label'], { cwd: root, encoding: 'utf8' });
    expect(accepted.status, accepted.stderr).toBe(0);
  });

  it('leaves out what the configuration ignores and metadata outside the package directories', async () => {
    const ignored = `${TYPES}/connectedApps/Ignored.connectedApp-meta.xml`;
    const outside = 'examples/connectedApps/Example.connectedApp-meta.xml';
    const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT, 'connected-app-lint.yaml': 'ignorePatterns:\n  - "**/Ignored.*"\n' });
    writeFiles(root, { [APP]: connectedApp('Billing', ['Full']), [ignored]: connectedApp('Ignored', ['Full']), [outside]: connectedApp('Example', ['Full']) });
    git(root, 'add', '-A');
    expect(findings(root, (await lintJson(root, ['--staged'])).results)).toEqual([`${APP}:8:9 no-full-scope`]);
  });

  it('handles file names with spaces and non-ASCII characters', async () => {
    const odd = `${TYPES}/connectedApps/Été app.connectedApp-meta.xml`;
    const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT });
    writeFiles(root, { [odd]: connectedApp('Ete', ['Full']) });
    git(root, 'add', '-A');
    expect(findings(root, (await lintJson(root, ['--staged'])).results)).toEqual([`${odd}:8:9 no-full-scope`]);
  });
});

describe('explicit files, as the pre-commit framework and lint-staged pass them', () => {
  it('lint an External Client App whole, its files joined by externalClientApplication, other apps left out', async () => {
    const root = makeProject({
      'sfdx-project.json': SFDX_PROJECT,
      ...externalClientApp('Partner', { settingsName: 'PartnerSettings' }),
      ...externalClientApp('Other'),
      // Named like Partner's settings but part of another app: not a companion.
      [ECA_PATHS.global('Partner')]: readFileSync(join(REPO, 'fixtures/rules/ip-relaxation-enforced/bad-eca', ECA_PATHS.global('Partner')), 'utf8').replace(/>Partner</, '>Third<'),
    });
    const given = join(root, ECA_PATHS.policy('PartnerSettings'));
    const found = discover({ cwd: root, paths: [given] }).metadata.map((file) => `${file.path.replace(`${root}/`, '')}${file.companion ? ' (companion)' : ''}`);
    expect(found).toEqual([
      `${ECA_PATHS.header('Partner')} (companion)`,
      `${ECA_PATHS.global('PartnerSettings')} (companion)`,
      ECA_PATHS.policy('PartnerSettings'),
      `${ECA_PATHS.oauth('PartnerSettings')} (companion)`,
    ]);
  });
});

describe('git plumbing', () => {
  it('parses raw diffs: renames carry both paths, names come verbatim', async () => {
    const zeros = '0'.repeat(40);
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const output = [`:100644 100644 ${a} ${b} R087`, 'old name.xml', 'new\tname.xml', `:000000 100644 ${zeros} ${b} A`, 'Été.txt', `:100644 000000 ${a} ${zeros} D`, 'gone.xml', ''].join('\0');
    expect(parseRawDiff(output)).toEqual([
      { path: 'new\tname.xml', from: 'old name.xml', status: 'R', mode: '100644', oid: b, previousOid: a },
      { path: 'Été.txt', status: 'A', mode: '100644', oid: b, previousOid: zeros },
      { path: 'gone.xml', status: 'D', mode: '000000', oid: zeros, previousOid: a },
    ]);
  });

  it('reads many blobs in one batch, skipping one over the size limit without losing the next', async () => {
    const root = gitRepository({}, { commit: false });
    const store = (text: string) => {
      writeFileSync(join(root, 'blob'), text);
      return git(root, 'hash-object', '-w', 'blob').trim();
    };
    const small = store('small\n');
    const large = store('x'.repeat(5000));
    const last = store('last one');
    const blobs = await readBlobs(root, [small, large, last, 'f'.repeat(40), small], 1000);
    expect(blobs.get(small)).toEqual({ ok: true, bytes: Buffer.from('small\n') });
    expect(blobs.get(large)).toMatchObject({ ok: false, size: 5000 });
    expect(blobs.get(last)).toEqual({ ok: true, bytes: Buffer.from('last one') });
    expect(blobs.get('f'.repeat(40))).toMatchObject({ ok: false, reason: 'not in the git object database' });
  });
});
