// `init` as a new user meets it: on the demo project, then edit, then lint; the inferred flows, callback lists and
// allowScopes it writes; never overwriting without --force.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { connectedApp, copyToTemp, makeProject, REPO, runCli } from './helpers/cli.js';

const DIR = 'force-app/main/default/connectedApps';

async function findings(root: string, args: string[] = []): { ruleId: string; file: string; message: string }[] {
  const result = await runCli(['lint', '--format', 'json', ...args], { cwd: root });
  expect(result.status, result.stderr).not.toBe(2);
  return (JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[]).flatMap((file) =>
    file.messages.map((message) => ({ ruleId: message.ruleId, file: file.filePath.slice(root.length + 1), message: message.message })),
  );
}

describe('init', () => {
  it('on the demo: writes a commented starter file that loads, lists every app, and changes nothing until edited', async () => {
    const root = copyToTemp(join(REPO, 'fixtures', 'demo'));
    const before = await findings(root);
    const init = await runCli(['init'], { cwd: root });
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain('Wrote connected-app-lint.yaml: 3 apps');
    const text = readFileSync(join(root, 'connected-app-lint.yaml'), 'utf8');
    expect(text).toContain('# yaml-language-server: $schema=');
    expect(text).toContain('flow: web-server  # inferred: a web callback');
    expect(text).toContain('# It requests Full, which no-full-scope reports: init never allow-lists it.');
    const config = parse(text) as { environment: string; apps: Record<string, { flow: string; callbackUrls: string[]; allowScopes?: string[] }> };
    expect(config.environment).toBe('production');
    expect(Object.keys(config.apps).sort()).toEqual(['Customer_Portal', 'Legacy_Sync', 'Partner_Api']);
    expect(config.apps.Legacy_Sync!.callbackUrls).toEqual(['http://sync.example.com/oauth/callback', 'https://sync.example.com/oauth/callback/', 'https://sync.example.com/oauth/callback']);
    expect(config.apps.Partner_Api).toMatchObject({ flow: 'web-server', callbackUrls: ['https://partners.example.com/oauth/callback'] });
    expect(Object.values(config.apps).some((app) => app.allowScopes?.some((scope) => scope.toLowerCase() === 'full'))).toBe(false);

    // The recorded intent matches the project, so linting reports what it reported before, and no stale config.
    const after = await findings(root);
    expect(after.filter((finding) => finding.ruleId === 'config')).toEqual([]);
    expect(after.map((finding) => finding.ruleId).sort()).toEqual(before.map((finding) => finding.ruleId).sort());

    // Edit as the reviewer would: Legacy_Sync really uses the JWT bearer flow, relaxes IPs for a stated reason,
    // and one callback must go.
    const edited = text
      .replace(/(  Legacy_Sync:\n    flow: )web-server/, '$1jwt-bearer')
      .replace('      - http://sync.example.com/oauth/callback\n', '')
      .replace(/(  Legacy_Sync:\n)/, '$1    ipRelaxation: { reason: "runs on Heroku dynos without fixed egress IPs" }\n');
    writeFileSync(join(root, 'connected-app-lint.yaml'), edited);
    const reviewed = await findings(root);
    const legacy = (ruleId: string) => reviewed.filter((finding) => finding.ruleId === ruleId && finding.file.includes('Legacy_Sync')).map((finding) => finding.message);
    expect(legacy('jwt-certificate-present')).toEqual([expect.stringContaining('is declared jwt-bearer but has no oauthConfig/certificate')]);
    expect(legacy('ip-relaxation-enforced')).toEqual([expect.stringContaining('with a reason but without')]);
    expect(legacy('callback-url-exact').join('\n')).toContain('http://sync.example.com/oauth/callback');
  });

  it('infers each app\'s flows and writes allowScopes only for scopes beyond their defaults', async () => {
    const root = makeProject({
      'sfdx-project.json': '{"packageDirectories":[{"path":"force-app"}]}',
      [`${DIR}/Portal.connectedApp-meta.xml`]: connectedApp('Portal', ['Api', 'RefreshToken', 'OpenID']),
      [`${DIR}/Chatter_Web.connectedApp-meta.xml`]: connectedApp('Chatter Web', ['Api', 'Web', 'Chatter']),
      [`${DIR}/Jwt_Job.connectedApp-meta.xml`]: connectedApp('Jwt Job', ['Api', 'RefreshToken']).replace('<isAdminApproved>', '<certificate>MIIBfake</certificate>\n        <isAdminApproved>'),
      [`${DIR}/Server_Job.connectedApp-meta.xml`]: connectedApp('Server Job', ['Api']).replace('<isAdminApproved>', '<isClientCredentialEnabled>true</isClientCredentialEnabled>\n        <isAdminApproved>'),
      [`${DIR}/Mobile.connectedApp-meta.xml`]: connectedApp('Mobile', ['Api', 'RefreshToken']).replace('https://app.example.com/cb', 'com.example.mobile://oauth'),
    });
    expect((await runCli(['init'], { cwd: root })).status).toBe(0);
    const apps = (parse(readFileSync(join(root, 'connected-app-lint.yaml'), 'utf8')) as { apps: Record<string, { flow: string | string[]; allowScopes?: string[] }> }).apps;
    expect(Object.fromEntries(Object.entries(apps).map(([name, app]) => [name, [app.flow, app.allowScopes]]))).toEqual({
      Chatter_Web: ['web-server', ['Api', 'Web', 'Chatter']],
      // A certificate and a web callback: both flows, so RefreshToken is within the defaults (issue 13.5).
      Jwt_Job: [['web-server', 'jwt-bearer'], undefined],
      Mobile: ['user-agent', undefined],
      Portal: ['web-server', undefined],
      Server_Job: [['web-server', 'client-credentials'], undefined],
    });
    // What init wrote makes minimal-scopes quiet: the user reviews the list instead of a wall of findings.
    expect((await findings(root, ['--no-config'])).filter((finding) => finding.ruleId === 'minimal-scopes').length).toBeGreaterThan(0);
    expect((await findings(root)).filter((finding) => finding.ruleId === 'minimal-scopes')).toEqual([]);
  });

  it('never overwrites without --force; --force replaces whichever configuration file is there', async () => {
    const root = makeProject({ [`${DIR}/Portal.connectedApp-meta.xml`]: connectedApp('Portal'), 'connected-app-lint.json': '{"environment": "sandbox"}' });
    const refused = await runCli(['init'], { cwd: root });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('connected-app-lint.json already exists; edit it, or run init --force to replace it');
    expect(existsSync(join(root, 'connected-app-lint.yaml'))).toBe(false);
    const forced = await runCli(['init', '--force'], { cwd: root });
    expect(forced.status).toBe(0);
    expect(forced.stdout).toContain('replacing connected-app-lint.json');
    expect(existsSync(join(root, 'connected-app-lint.json'))).toBe(false);
    expect((await runCli(['init', root])).status).toBe(2);
  });

  it('a project without apps gets an empty, valid apps list', async () => {
    const root = makeProject({ 'sfdx-project.json': '{"packageDirectories":[{"path":"force-app"}]}', 'force-app/.gitkeep': '' });
    expect((await runCli(['init', root])).status).toBe(0);
    expect(parse(readFileSync(join(root, 'connected-app-lint.yaml'), 'utf8'))).toMatchObject({ apps: {} });
    expect((await runCli(['lint', root])).status).toBe(0);
  });
});
