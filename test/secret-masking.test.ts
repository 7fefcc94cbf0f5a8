// No report, in any format, may carry a secret: distinctive secrets are planted in a temporary project, the built CLI
// lints it in every registered format (to stdout and to --output-file, with a GitHub job summary file), and no
// 12-character piece of any planted value may appear anywhere in what it wrote.
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../src/reporters/index.js';

const REPO = join(import.meta.dirname, '..');
const BIN = join(REPO, 'bin', 'connected-app-lint.js');
/** A window this long is far beyond the masked prefix (at most 4 characters) and cannot occur by chance. */
const WINDOW = 12;

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Random letters and digits: fresh every run, so nothing in the tool's own text can match them by accident. */
function randomToken(length: number): string {
  return Array.from(randomBytes(length), (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');
}

const privateKeyPem = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
}).privateKey;
const pemBodyLines = privateKeyPem.split('\n').filter((line) => line !== '' && !line.startsWith('-----'));

const planted = {
  connectedAppSecret: randomBytes(32).toString('hex').toUpperCase(),
  ecaSecret: randomBytes(32).toString('hex').toUpperCase(),
  authProviderSecret: randomToken(40),
  namedCredentialPassword: randomToken(32),
  authUrl: `force://PlatformCLI::5Aep861${randomToken(80)}@acme-dev-ed.my.salesforce.com`,
  accessToken: `00D${randomToken(15)}!AQ0AQ${randomToken(90)}`,
  /** A token typed where a boolean belongs: valid-metadata echoes the values it rejects, and must mask this one. */
  tokenInBoolean: `00D${randomToken(15)}!AQ0AQ${randomToken(90)}`,
  pemBody: pemBodyLines.join(''),
  /** Credentials written into URLs, which the URL rules quote in their messages: a query, a fragment, a path. */
  callbackCode: randomToken(32),
  callbackFragmentToken: randomToken(40),
  nativeCallbackIdToken: randomToken(40),
  tokenInCallbackPath: `00D${randomToken(15)}!AQ0AQ${randomToken(90)}`,
  startUrlSid: randomToken(40),
};

/** The pieces of text that must never appear in output: every planted value, and each PEM line on its own. */
const secretTexts: [name: string, value: string][] = [...Object.entries(planted), ...pemBodyLines.map((line, index): [string, string] => [`pem line ${index + 1}`, line])];

const XML = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
const SRC = 'force-app/main/default';

const projectFiles: Record<string, string> = {
  'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] }),
  [`${SRC}/connectedApps/Billing.connectedApp-meta.xml`]: `${XML}
<ConnectedApp ${NS}>
    <contactEmail>admin@example.com</contactEmail>
    <label>Billing</label>
    <oauthConfig>
        <callbackUrl>https://app.example.com/oauth/callback</callbackUrl>
        <consumerSecret>${planted.connectedAppSecret}</consumerSecret>
        <isAdminApproved>${planted.tokenInBoolean}</isAdminApproved>
        <scopes>Api</scopes>
    </oauthConfig>
</ConnectedApp>
`,
  [`${SRC}/externalClientApps/Partner.eca-meta.xml`]: `${XML}
<ExternalClientApplication ${NS}>
    <contactEmail>admin@example.com</contactEmail>
    <distributionState>Local</distributionState>
    <label>Partner</label>
</ExternalClientApplication>
`,
  [`${SRC}/extlClntAppGlobalOauthSets/Partner.ecaGlblOauth-meta.xml`]: `${XML}
<ExtlClntAppGlobalOauthSettings ${NS}>
    <callbackUrl>https://partner.example.com/oauth/callback</callbackUrl>
    <consumerSecret>${planted.ecaSecret}</consumerSecret>
    <externalClientApplication>Partner</externalClientApplication>
    <label>Partner global</label>
</ExtlClntAppGlobalOauthSettings>
`,
  [`${SRC}/authproviders/Okta.authprovider-meta.xml`]: `${XML}
<AuthProvider ${NS}>
    <consumerKey>bPWzC6DKRrIGvy7vw4EaDqvgkLfcUQj1</consumerKey>
    <consumerSecret>${planted.authProviderSecret}</consumerSecret>
    <friendlyName>Okta</friendlyName>
    <providerType>OpenIdConnect</providerType>
</AuthProvider>
`,
  [`${SRC}/namedCredentials/Partner.namedCredential-meta.xml`]: `${XML}
<NamedCredential ${NS}>
    <endpoint>https://api.partner.example.com</endpoint>
    <label>Partner</label>
    <password>${planted.namedCredentialPassword}</password>
    <principalType>NamedUser</principalType>
    <protocol>Password</protocol>
    <username>integration@acme.com</username>
</NamedCredential>
`,
  // Plain http and a native scheme without PKCE, so that callback-url-https, callback-url-exact, https-urls and
  // pkce-required all quote these URLs.
  [`${SRC}/connectedApps/Portal.connectedApp-meta.xml`]: `${XML}
<ConnectedApp ${NS}>
    <contactEmail>admin@example.com</contactEmail>
    <label>Portal</label>
    <oauthConfig>
        <callbackUrl>http://portal.example.com/cb?code=${planted.callbackCode}#access_token=${planted.callbackFragmentToken}
com.example.portal:/oauth/done?state=abc&amp;id_token=${planted.nativeCallbackIdToken}
http://portal.example.com/session/${planted.tokenInCallbackPath}/cb</callbackUrl>
        <scopes>Api</scopes>
    </oauthConfig>
    <startUrl>http://portal.example.com/home?sid=${planted.startUrlSid}</startUrl>
</ConnectedApp>
`,
  'scripts/login.sh': `#!/bin/sh\necho "${planted.authUrl}" > /tmp/authfile\nsf org login sfdx-url --sfdx-url-file /tmp/authfile\n`,
  'data/session.json': `${JSON.stringify({ instanceUrl: 'https://acme.my.salesforce.com', accessToken: planted.accessToken }, null, 2)}\n`,
  'keys/server.key': privateKeyPem,
};

/**
 * One no-secrets-in-repo finding per planted secret that the rule looks for; the token in the boolean and the token
 * in a callback path are found by the text scan too. The other URL credentials are only for the URL rules to quote.
 */
const EXPECTED_SECRET_FINDINGS = 9;

let project: string;
let outputs: string;

beforeAll(() => {
  if (!existsSync(join(REPO, 'dist', 'cli', 'main.js'))) {
    throw new Error('dist/ is missing: build first with `npx tsc -p tsconfig.json` (npm test does this)');
  }
  project = mkdtempSync(join(tmpdir(), 'calint-masking-'));
  outputs = mkdtempSync(join(tmpdir(), 'calint-masking-out-'));
  for (const [path, text] of Object.entries(projectFiles)) {
    mkdirSync(dirname(join(project, path)), { recursive: true });
    writeFileSync(join(project, path), text);
  }
});

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
  rmSync(outputs, { recursive: true, force: true });
});

function runCli(args: string[], summaryFile: string) {
  const result = spawnSync(process.execPath, [BIN, 'lint', ...args], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', GITHUB_STEP_SUMMARY: summaryFile },
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return result;
}

/** Every planted piece of which some 12-character window occurs in `text`, with the window. */
function leaksIn(text: string): string[] {
  const leaks: string[] = [];
  for (const [name, value] of secretTexts) {
    for (let start = 0; start + WINDOW <= value.length; start++) {
      const window = value.slice(start, start + WINDOW);
      if (text.includes(window)) {
        leaks.push(`${name}: "${window}"`);
        break;
      }
    }
  }
  return leaks;
}

describe('secrets are masked in every output format', () => {
  it('the planted secrets are all found (so that their absence from the output means something)', async () => {
    const result = await runCli(['--format', 'json'], join(outputs, 'unused-summary.md'));
    expect(result.status, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
    const secretFindings = report.flatMap((file) => file.messages.filter((message) => message.ruleId === 'no-secrets-in-repo'));
    expect(secretFindings.map((finding) => finding.message)).toHaveLength(EXPECTED_SECRET_FINDINGS);
    // Each message shows at most the first four characters, then the fixed mask.
    for (const finding of secretFindings) expect(finding.message).toMatch(/\(.{0,4}…\*\*\*\*\)/);
    // The token typed into a boolean is rejected by valid-metadata, which echoes the value: masked too.
    const invalidBoolean = report.flatMap((file) => file.messages).find((message) => message.ruleId === 'valid-metadata' && message.message.includes('isAdminApproved'));
    expect(invalidBoolean?.message).toMatch(/"00D.…\*\*\*\*"/);
    // The URL rules quote the Portal app's URLs, each with its credentials masked.
    const portalUrlFindings = report
      .flatMap((file) => file.messages)
      .filter((message) => ['callback-url-https', 'https-urls', 'pkce-required'].includes(message.ruleId) && message.message.includes('"Portal"'));
    expect(portalUrlFindings.map((finding) => finding.ruleId).sort()).toEqual(['callback-url-https', 'callback-url-https', 'https-urls', 'pkce-required']);
    for (const finding of portalUrlFindings) expect(finding.message).toContain('…****');
  });

  for (const format of FORMATS) {
    it(`--format ${format}: nothing planted reaches stdout, stderr, --output-file or the job summary`, async () => {
      const summaryFile = join(outputs, `${format}-summary.md`);
      const toStdout = await runCli(['--format', format], summaryFile);
      expect(toStdout.status, toStdout.stderr).toBe(1);
      expect(toStdout.stdout.length).toBeGreaterThan(0);

      const reportFile = join(outputs, `report.${format}`);
      const toFile = await runCli(['--format', format, '--output-file', reportFile], summaryFile);
      expect(toFile.status, toFile.stderr).toBe(1);
      const written = readFileSync(reportFile, 'utf8');
      expect(written.length).toBeGreaterThan(0);

      const summary = existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : '';
      const everything = [toStdout.stdout, toStdout.stderr, toFile.stdout, toFile.stderr, written, summary].join('\n');
      expect(leaksIn(everything)).toEqual([]);
    }, 60_000);
  }
});

describe('fingerprints of secret findings', () => {
  it('hash the masked message, not the source line holding the secret', async () => {
    const { createHash } = await import('node:crypto');
    const { lint } = await import('../src/engine/lint.js');
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const root = mkdtempSync(join(tmpdir(), 'calint-fp-'));
    const dir = join(root, 'namedCredentials');
    mkdirSync(dir);
    const line = '    <password>Winter2026!</password>';
    writeFileSync(join(dir, 'Weak.namedCredential-meta.xml'), `<?xml version="1.0"?>\n<NamedCredential xmlns="http://soap.sforce.com/2006/04/metadata">\n    <label>Weak</label>\n${line}\n</NamedCredential>\n`);
    const run = await lint({ cwd: root, paths: [root], only: ['no-secrets-in-repo'] });
    const finding = run.results.flatMap((result) => result.findings).find((candidate) => candidate.ruleId === 'no-secrets-in-repo');
    expect(finding).toBeDefined();
    const fromLine = createHash('sha256').update(`no-secrets-in-repo\0\0namedCredentials/Weak.namedCredential-meta.xml\0<password>Winter2026!</password>`).digest('hex').slice(0, 16);
    const fromMessage = createHash('sha256').update(`no-secrets-in-repo\0\0namedCredentials/Weak.namedCredential-meta.xml\0${finding!.message}`).digest('hex').slice(0, 16);
    expect(finding!.fingerprint).not.toContain(fromLine);
    expect(finding!.fingerprint).toBe(`${fromMessage}:1`);
  });
});
