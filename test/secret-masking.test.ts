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
  'scripts/login.sh': `#!/bin/sh\necho "${planted.authUrl}" > /tmp/authfile\nsf org login sfdx-url --sfdx-url-file /tmp/authfile\n`,
  'data/session.json': `${JSON.stringify({ instanceUrl: 'https://acme.my.salesforce.com', accessToken: planted.accessToken }, null, 2)}\n`,
  'keys/server.key': privateKeyPem,
};

/** One no-secrets-in-repo finding per planted secret; the token in the boolean is found by the text scan too. */
const EXPECTED_SECRET_FINDINGS = 8;

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
  it('the planted secrets are all found (so that their absence from the output means something)', () => {
    const result = runCli(['--format', 'json'], join(outputs, 'unused-summary.md'));
    expect(result.status, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
    const secretFindings = report.flatMap((file) => file.messages.filter((message) => message.ruleId === 'no-secrets-in-repo'));
    expect(secretFindings.map((finding) => finding.message)).toHaveLength(EXPECTED_SECRET_FINDINGS);
    // Each message shows at most the first four characters, then the fixed mask.
    for (const finding of secretFindings) expect(finding.message).toMatch(/\(.{0,4}…\*\*\*\*\)/);
    // The token typed into a boolean is rejected by valid-metadata, which echoes the value: masked too.
    const invalidBoolean = report.flatMap((file) => file.messages).find((message) => message.ruleId === 'valid-metadata' && message.message.includes('isAdminApproved'));
    expect(invalidBoolean?.message).toMatch(/"00D.…\*\*\*\*"/);
  });

  for (const format of FORMATS) {
    it(`--format ${format}: nothing planted reaches stdout, stderr, --output-file or the job summary`, () => {
      const summaryFile = join(outputs, `${format}-summary.md`);
      const toStdout = runCli(['--format', format], summaryFile);
      expect(toStdout.status, toStdout.stderr).toBe(1);
      expect(toStdout.stdout.length).toBeGreaterThan(0);

      const reportFile = join(outputs, `report.${format}`);
      const toFile = runCli(['--format', format, '--output-file', reportFile], summaryFile);
      expect(toFile.status, toFile.stderr).toBe(1);
      const written = readFileSync(reportFile, 'utf8');
      expect(written.length).toBeGreaterThan(0);

      const summary = existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : '';
      const everything = [toStdout.stdout, toStdout.stderr, toFile.stdout, toFile.stderr, written, summary].join('\n');
      expect(leaksIn(everything)).toEqual([]);
    }, 60_000);
  }
});
