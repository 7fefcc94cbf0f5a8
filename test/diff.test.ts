// `connected-app-lint diff`: real git repositories built in temp folders, the built CLI run on them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIFF_SETTINGS, NOT_COMPARED } from '../src/diff/settings.js';
import type { PostureDiff } from '../src/diff/types.js';
import { SETTINGS } from '../src/model/settings.js';
import { ECA_PATHS, ecaPolicy, externalClientApp } from './helpers/apps.js';
import { connectedApp, runCli } from './helpers/cli.js';
import { git, gitRepository, SFDX_PROJECT, TYPES, writeFiles } from './helpers/git.js';

const BILLING = `${TYPES}/connectedApps/Billing.connectedApp-meta.xml`;

/** A Connected App with a refresh-token policy and IP relaxation, so that both can be widened. */
function billing(options: { scopes?: string[]; adminApproved?: boolean; callback?: string; ipRelaxation?: string } = {}): string {
  const app = connectedApp('Billing', options.scopes ?? ['Api'], `
    <oauthPolicy>
        <ipRelaxation>${options.ipRelaxation ?? 'ENFORCE'}</ipRelaxation>
        <refreshTokenPolicy>specific_lifetime:1:DAYS</refreshTokenPolicy>
    </oauthPolicy>`);
  return app
    .replace('<isAdminApproved>true</isAdminApproved>', `<isAdminApproved>${options.adminApproved ?? true}</isAdminApproved>`)
    .replace('https://app.example.com/cb', options.callback ?? 'https://app.example.com/cb');
}

/** Base commit: Billing (Connected App) and Portal (External Client App with its OAuth policy), both locked down. */
function baseRepository(): string {
  return gitRepository({ 'sfdx-project.json': SFDX_PROJECT, [BILLING]: billing(), ...externalClientApp('Portal') });
}

function commit(root: string, files: Record<string, string>, message: string): void {
  writeFiles(root, files);
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', message);
}

/** Widens both apps: Full scope, a plain-http callback, admin approval dropped; ECA opened to all users and IP relaxed. */
function widen(root: string): void {
  commit(
    root,
    {
      [BILLING]: billing({ scopes: ['Api', 'Full'], adminApproved: false, callback: 'http://app.example.com/cb' }),
      [ECA_PATHS.policy('Portal')]: ecaPolicy('Portal', 'Bypass').replace('AdminApprovedPreAuthorized', 'AllSelfAuthorized'),
    },
    'widen',
  );
}

async function diffJson(root: string, args: string[]): Promise<{ status: number; diff: PostureDiff; stderr: string }> {
  const run = (await runCli(['diff', ...args, '--format', 'json'], { cwd: root }));
  if (!run.stdout.startsWith('{')) throw new Error(`diff ${args.join(' ')} failed (exit ${run.status}): ${run.stderr}`);
  return { status: run.status, diff: JSON.parse(run.stdout) as PostureDiff, stderr: run.stderr };
}

const settingsOf = (diff: PostureDiff, app: string) => diff.apps.find((entry) => entry.app === app)?.changes.map((change) => `${change.setting} ${change.effect} ${change.severity}`);

describe('diff', () => {
  it('after a widening commit prints the change table and exits 1', async () => {
    const root = baseRepository();
    widen(root);
    const run = (await runCli(['diff', 'HEAD~1'], { cwd: root }));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Posture diff HEAD~1 -> working tree: 2 apps widened');
    expect(run.stdout).toMatch(/Billing \(Connected App, modified\)/);
    expect(run.stdout).toMatch(/\+ error +Scope added: \(none\) -> Full \(widened\)/);
    expect(run.stdout).toMatch(/Portal \(External Client App, modified\)/);
    expect(run.stderr).toContain('fail-on: error');
  });

  it('reports each widening with its effect and severity, in the documented JSON shape', async () => {
    const root = baseRepository();
    widen(root);
    const { status, diff } = (await diffJson(root, ['HEAD~1', 'HEAD']));
    expect(status).toBe(1);
    expect(Object.keys(diff)).toEqual(['base', 'head', 'summary', 'apps', 'findings', 'notices']);
    expect(diff.base).toEqual({ ref: 'HEAD~1', commit: git(root, 'rev-parse', 'HEAD~1').trim() });
    expect(diff.head).toEqual({ ref: 'HEAD', commit: git(root, 'rev-parse', 'HEAD').trim() });
    expect(diff.apps.map((app) => [app.app, app.kind, app.status])).toEqual([
      ['Billing', 'connectedApp', 'modified'],
      ['Portal', 'externalClientApp', 'modified'],
    ]);
    expect(settingsOf(diff, 'Billing')).toEqual([
      'scopes widened error',
      'callbackUrls widened error',
      'adminApproved widened warning',
    ]);
    expect(settingsOf(diff, 'Portal')).toEqual(['adminApproved widened warning', 'ipRelaxation widened warning']);
    expect(diff.apps[0]!.changes[1]).toMatchObject({ before: 'https://app.example.com/cb', after: 'http://app.example.com/cb' });
    const portal = diff.apps[1]!.changes;
    expect(portal[0]).toMatchObject({ before: 'AdminApprovedPreAuthorized', after: 'AllSelfAuthorized', message: 'Portal: permitted users opened to AllSelfAuthorized.' });
    expect(portal[1]).toMatchObject({ before: 'ENFORCE', after: 'BYPASS' });
    for (const change of diff.apps.flatMap((app) => app.changes)) {
      expect(change.message.startsWith(`${diff.apps.find((app) => app.changes.includes(change))!.app}: `)).toBe(true);
      expect(change.message.length).toBeLessThanOrEqual(120);
    }
    expect(diff.summary).toMatchObject({ widened: 2, narrowed: 0, added: 0, removed: 0, modified: 2 });
    // New lint findings at head, by fingerprint: the Full scope and the plain-http callback among them.
    expect(diff.findings.new.map((finding) => finding.ruleId)).toEqual(expect.arrayContaining(['no-full-scope', 'callback-url-https']));
    expect(diff.findings.new.every((finding) => finding.file === BILLING || finding.file.startsWith(TYPES))).toBe(true);
    expect(diff.findings.fixed).toEqual([]);
  });

  it('after a narrowing commit exits 0 and reports the findings it fixed', async () => {
    const root = baseRepository();
    widen(root);
    commit(root, { [BILLING]: billing(), [ECA_PATHS.policy('Portal')]: ecaPolicy('Portal', 'Enforce') }, 'narrow');
    const { status, diff } = (await diffJson(root, ['HEAD~1']));
    expect(status).toBe(0);
    expect(diff.summary).toMatchObject({ widened: 0, narrowed: 2 });
    expect(diff.apps.flatMap((app) => app.changes).every((change) => change.effect === 'narrowed')).toBe(true);
    expect(diff.findings.new).toEqual([]);
    expect(diff.findings.fixed.map((finding) => finding.ruleId)).toEqual(expect.arrayContaining(['no-full-scope', 'callback-url-https']));
    const text = (await runCli(['diff', 'HEAD~1'], { cwd: root }));
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('2 apps narrowed');
  });

  it('--fail-on widened fails on a warning-only widening that the default lets pass; never always passes', async () => {
    const root = baseRepository();
    commit(root, { [BILLING]: billing({ ipRelaxation: 'BYPASS_2FACTOR' }) }, 'relax');
    expect((await diffJson(root, ['HEAD~1'])).diff.apps[0]!.changes[0]).toMatchObject({ setting: 'ipRelaxation', effect: 'widened', severity: 'warning' });
    // The ip-relaxation-enforced rule reports BYPASS_2FACTOR as an error: a new error finding fails the default gate.
    expect((await runCli(['diff', 'HEAD~1', '--fail-on', 'never'], { cwd: root })).status).toBe(0);
    commit(root, { [BILLING]: billing({ ipRelaxation: 'ENFORCE_RELAXREFRESH' }) }, 'relax a little');
    expect((await runCli(['diff', 'HEAD~2', 'HEAD~1'], { cwd: root })).status).toBe(1);
    const { status } = (await diffJson(root, ['HEAD~2']));
    expect(status).toBe(0);
    expect((await runCli(['diff', 'HEAD~2', '--fail-on', 'widened'], { cwd: root })).status).toBe(1);
  });

  it('a removed app warns that deploying revokes its tokens, and says whether a destructive manifest lists it', async () => {
    const root = baseRepository();
    git(root, 'rm', '-q', BILLING);
    commit(root, { 'manifest/destructiveChanges.xml': '<Package xmlns="http://soap.sforce.com/2006/04/metadata"><types><members>Billing</members><name>ConnectedApp</name></types><version>62.0</version></Package>' }, 'remove');
    const { diff } = (await diffJson(root, ['HEAD~1']));
    expect(diff.apps).toHaveLength(1);
    expect(diff.apps[0]).toMatchObject({ app: 'Billing', status: 'removed' });
    expect(diff.apps[0]!.changes[0]!.severity).toBe('warning');
    expect(diff.apps[0]!.changes[0]!.message).toBe('Billing: Connected App removed; deleting it revokes all its tokens (destructiveChanges lists it).');
  });

  it('a renamed app is a removal plus an addition, said as such; an added Connected App points at External Client Apps', async () => {
    const root = baseRepository();
    git(root, 'mv', BILLING, `${TYPES}/connectedApps/Invoicing.connectedApp-meta.xml`);
    git(root, 'commit', '-q', '-m', 'rename');
    const { diff } = (await diffJson(root, ['HEAD~1']));
    expect(diff.apps.map((app) => [app.app, app.status, app.renamedTo ?? app.renamedFrom])).toEqual([
      ['Billing', 'removed', 'Invoicing'],
      ['Invoicing', 'added', 'Billing'],
    ]);
    expect(diff.apps[0]!.changes[0]!.message).toBe('Billing: renamed to Invoicing; deleting it revokes all its tokens (no destructiveChanges*.xml lists it yet).');
    expect(diff.apps[1]!.changes[0]!.message).toBe("Invoicing: renamed from Billing; orgs cannot create Connected Apps since Spring '26: use an External Client App.");
    // Both halves of the rename carry the app's settings: the addition lists its scopes and callback as widening.
    expect(diff.apps[1]!.changes.map((change) => change.setting)).toEqual(['app', 'scopes', 'callbackUrls', 'permittedProfiles']);
  });

  it('an app moved to another package directory is not a change', async () => {
    const root = baseRepository();
    const project = JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }, { path: 'billing-app' }], sourceApiVersion: '62.0' });
    git(root, 'mv', 'force-app/main/default/connectedApps', 'billing-app');
    commit(root, { 'sfdx-project.json': project }, 'move');
    const { status, diff } = (await diffJson(root, ['HEAD~1']));
    expect(diff.apps).toEqual([]);
    expect(diff.findings).toEqual({ new: [], fixed: [] });
    expect(status).toBe(0);
  });

  it('a file that parses on one side only is a parse error there, and the other apps are still compared', async () => {
    const root = baseRepository();
    commit(root, { [BILLING]: '<ConnectedApp><label>Billing</label', [ECA_PATHS.policy('Portal')]: ecaPolicy('Portal', 'Bypass') }, 'break');
    const { status, diff } = (await diffJson(root, ['HEAD~1', 'HEAD']));
    expect(status).toBe(1);
    expect(diff.apps.find((app) => app.app === 'Billing')).toMatchObject({ status: 'modified', changes: [{ setting: 'file', severity: 'error', after: null }] });
    expect(settingsOf(diff, 'Portal')).toEqual(['ipRelaxation widened warning']);
    expect(diff.findings.new.filter((finding) => finding.ruleId === 'parse-error').map((finding) => finding.file)).toEqual([BILLING]);
    expect(diff.notices.join('\n')).toContain(`${BILLING} cannot be read at HEAD`);
  });

  it('a binary or huge app file on one side is reported, never read as metadata', async () => {
    const root = baseRepository();
    commit(root, { [BILLING]: 'x'.repeat(11 * 1024 * 1024) }, 'huge');
    const { diff } = (await diffJson(root, ['HEAD~1']));
    expect(diff.apps[0]).toMatchObject({ app: 'Billing', changes: [{ setting: 'file' }] });
    expect(diff.findings.new[0]!.message).toMatch(/over the 10 MB limit/);
    writeFileSync(join(root, BILLING), Buffer.from([0, 1, 2, 3, 0, 0, 0]));
    const binary = (await diffJson(root, ['HEAD~1']));
    expect(binary.diff.findings.new.some((finding) => /binary/.test(finding.message))).toBe(true);
  });

  it('compares the working tree by default and the index with --staged', async () => {
    const root = baseRepository();
    writeFiles(root, { [BILLING]: billing({ scopes: ['Api', 'Web'] }) });
    expect(settingsOf((await diffJson(root, ['HEAD'])).diff, 'Billing')).toEqual(['scopes widened warning']);
    expect((await diffJson(root, ['HEAD', '--staged'])).diff.apps).toEqual([]);
    git(root, 'add', BILLING);
    expect((await diffJson(root, ['HEAD', '--staged'])).diff.head).toEqual({ ref: 'index', commit: null });
    expect(settingsOf((await diffJson(root, ['HEAD', '--staged'])).diff, 'Billing')).toEqual(['scopes widened warning']);
  });

  it('--merge-base compares with where the branch was cut, not with what the base gained since', async () => {
    const root = baseRepository();
    git(root, 'checkout', '-q', '-b', 'feature');
    commit(root, { [BILLING]: billing({ scopes: ['Api', 'Web'] }) }, 'feature');
    git(root, 'checkout', '-q', 'main');
    commit(root, { [ECA_PATHS.policy('Portal')]: ecaPolicy('Portal', 'Bypass') }, 'main moves on');
    git(root, 'checkout', '-q', 'feature');
    expect((await diffJson(root, ['main', '--merge-base'])).diff.apps.map((app) => app.app)).toEqual(['Billing']);
    expect((await diffJson(root, ['main'])).diff.apps.map((app) => app.app)).toEqual(['Billing', 'Portal']);
  });

  it('says exactly what to fetch for an unknown base, and exits 2 outside a repository', async () => {
    const root = baseRepository();
    const unknown = (await runCli(['diff', 'origin/main'], { cwd: root }));
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown git revision "origin/main"');
    expect(unknown.stderr).toContain('git fetch --no-tags origin main:refs/remotes/origin/main');

    const shallow = join(root, '..', `${root.split('/').pop()}-shallow`);
    git(root, 'commit', '-q', '--allow-empty', '-m', 'second');
    git(join(root, '..'), 'clone', '-q', '--depth=1', `file://${root}`, shallow);
    const base = git(root, 'rev-parse', 'HEAD~1').trim();
    const run = (await runCli(['diff', base], { cwd: shallow }));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`in this shallow clone: run git fetch --no-tags --depth=1 origin ${base} first`);

    const outside = (await runCli(['diff', 'HEAD'], { cwd: join(root, '..') }));
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/diff: \S+ is not inside a git work tree \(git: [^\n]+\); diff compares two states of a repository\n/);
  });

  it('masks secrets in values and messages', async () => {
    const secret = '8F3A1C2B9D7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9E8F7A6B5C4D3E2F1A';
    const root = baseRepository();
    commit(root, { [BILLING]: billing().replace('<isAdminApproved>', `<consumerSecret>${secret}</consumerSecret>\n        <isAdminApproved>`) }, 'secret 1');
    commit(root, { [BILLING]: billing().replace('<isAdminApproved>', `<consumerSecret>${secret.replace('8F', '9F')}</consumerSecret>\n        <isAdminApproved>`) }, 'secret 2');
    for (const format of ['json', 'text', 'markdown']) {
      const run = (await runCli(['diff', 'HEAD~2', '--format', format], { cwd: root }));
      expect(run.stdout).not.toContain(secret.slice(8, 40));
      expect(run.stdout.length).toBeGreaterThan(100);
    }
    const { diff } = (await diffJson(root, ['HEAD~1']));
    expect(diff.apps[0]!.changes[0]).toMatchObject({ setting: 'consumerSecret', before: '8F3A…****', after: '9F3A…****' });
  });

  it('judges every protection a Connected App can lose, and the same changes reversed as narrowed', async () => {
    const locked = billing().replace(
      '<isAdminApproved>',
      `<isPkceRequired>true</isPkceRequired>
        <isRefreshTokenRotationEnabled>true</isRefreshTokenRotationEnabled>
        <isAdminApproved>`,
    ).replace(
      '<profileName>',
      `<ipRanges>
        <end>10.0.0.255</end>
        <start>10.0.0.1</start>
    </ipRanges>
    <sessionPolicy>
        <sessionLevel>HIGH_ASSURANCE</sessionLevel>
    </sessionPolicy>
    <profileName>`,
    );
    // The shared test app requires PKCE; the opened-up one turns it off.
    const open = billing()
      .replace('<isPkceRequired>true</isPkceRequired>', '')
      .replace('<isAdminApproved>', '<isConsumerSecretOptional>true</isConsumerSecretOptional>\n        <isClientCredentialEnabled>true</isClientCredentialEnabled>\n        <isAdminApproved>')
      .replace('specific_lifetime:1:DAYS', 'specific_lifetime:2:MONTHS')
      .replace(
        '<profileName>',
        `<ipRanges>
        <end>10.0.0.255</end>
        <start>10.0.0.1</start>
    </ipRanges>
    <ipRanges>
        <end>255.255.255.255</end>
        <start>0.0.0.0</start>
    </ipRanges>
    <profileName>`,
      );
    const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT, [BILLING]: locked });
    commit(root, { [BILLING]: open }, 'open up');
    const widenedDiff = (await diffJson(root, ['HEAD~1', 'HEAD'])).diff;
    expect(settingsOf(widenedDiff, 'Billing')).toEqual([
      'trustedIpRanges widened warning',
      'refreshTokenPolicy widened warning',
      'refreshTokenRotation widened warning',
      'pkceRequired widened warning',
      'consumerSecretOptional widened warning',
      'clientCredentialsEnabled widened warning',
      'sessionLevel widened warning',
    ]);
    expect(widenedDiff.apps[0]!.changes[0]).toMatchObject({ before: null, after: '0.0.0.0-255.255.255.255' });
    commit(root, { [BILLING]: locked }, 'lock down');
    const narrowedDiff = (await diffJson(root, ['HEAD~1', 'HEAD'])).diff;
    expect(narrowedDiff.apps[0]!.changes.map((change) => change.effect)).toEqual(Array(7).fill('narrowed'));
  });

  it('judges the headless flow, the refresh-token secret, the session action and SAML crypto, both ways', async () => {
    const saml = (algorithm: string, encryption: string) => `
    <samlConfig>
        <acsUrl>https://sp.example.com/acs</acsUrl>
        <encryptionType>${encryption}</encryptionType>
        <entityUrl>https://sp.example.com</entityUrl>
        <samlSigningAlgoType>${algorithm}</samlSigningAlgoType>
        <samlSubjectType>Username</samlSubjectType>
    </samlConfig>`;
    const session = (action: string) => `
    <sessionPolicy>
        <policyAction>${action}</policyAction>
        <sessionLevel>HIGH_ASSURANCE</sessionLevel>
    </sessionPolicy>`;
    const app = (open: boolean) =>
      billing()
        .replace('<isAdminApproved>', `<isCodeCredentialEnabled>${open}</isCodeCredentialEnabled>\n        <isSecretRequiredForRefreshToken>${!open}</isSecretRequiredForRefreshToken>\n        <isAdminApproved>`)
        .replace('</ConnectedApp>', `${open ? saml('SHA1', 'Triple_Des') : saml('SHA256', 'AES_256')}${session(open ? 'RaiseSessionLevel' : 'Block')}\n</ConnectedApp>`);
    const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT, [BILLING]: app(false) });
    commit(root, { [BILLING]: app(true) }, 'open up');
    const opened = (await diffJson(root, ['HEAD~1', 'HEAD'])).diff;
    expect(settingsOf(opened, 'Billing')).toEqual([
      'secretRequiredForRefreshToken widened warning',
      'codeCredentialEnabled widened warning',
      'sessionPolicyAction widened warning',
      'samlSigningAlgorithm widened warning',
      'samlEncryptionType widened warning',
    ]);
    expect(opened.apps[0]!.changes.map((change) => `${change.before} -> ${change.after}`)).toEqual([
      'true -> false',
      'false -> true',
      'Block -> RaiseSessionLevel',
      'SHA256 -> SHA1',
      'AES_256 -> Triple_Des',
    ]);
    for (const change of opened.apps[0]!.changes) expect(change.message.startsWith('Billing: ')).toBe(true);
    commit(root, { [BILLING]: app(false) }, 'lock down');
    const locked = (await diffJson(root, ['HEAD~1', 'HEAD'])).diff;
    expect(locked.apps[0]!.changes.map((change) => `${change.setting} ${change.effect}`)).toEqual([
      'secretRequiredForRefreshToken narrowed',
      'codeCredentialEnabled narrowed',
      'sessionPolicyAction narrowed',
      'samlSigningAlgorithm narrowed',
      'samlEncryptionType narrowed',
    ]);
  });

  it('compares every setting of the model, or says why not', () => {
    const compared = new Set(DIFF_SETTINGS.map((setting) => setting.setting));
    for (const { name } of SETTINGS) {
      const reason = (NOT_COMPARED as Partial<Record<string, string>>)[name];
      expect(compared.has(name) !== (reason !== undefined), `${name}: compared, or listed in NOT_COMPARED with a reason (not both)`).toBe(true);
      if (reason !== undefined) expect(reason.length, `${name}'s reason`).toBeGreaterThan(20);
    }
    const known = new Set(SETTINGS.map((spec) => spec.name));
    expect([...compared].filter((name) => !known.has(name))).toEqual([]);
    expect(compared.size + Object.keys(NOT_COMPARED).length).toBe(SETTINGS.length);
  });
});
