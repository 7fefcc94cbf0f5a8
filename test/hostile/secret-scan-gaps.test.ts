// The secret scan must never pass a file in silence: a private key in text that is not plain UTF-8 (a Latin-1 byte,
// a stray NUL byte, UTF-16 as Windows PowerShell 5 `>` writes it) or in a file over the size cap is reported.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeProject, runCli, spawnCli } from '../helpers/cli.js';
import { git, gitRepository, writeFiles } from '../helpers/git.js';

const key = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
}).privateKey;

const FILE = 'notes/deploy-notes.txt';

interface JsonFinding {
  ruleId: string;
  message: string;
}

/** The findings on FILE of a JSON report. */
function findingsOnFile(content: Uint8Array): { status: number; findings: JsonFinding[] } {
  const root = makeProject({ 'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }), 'force-app/.keep': '', [FILE]: content });
  const result = spawnCli(['lint', '--format', 'json', '.'], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(result.stdout) as { filePath?: string; file?: string; findings?: JsonFinding[]; messages?: JsonFinding[] }[];
  const entry = report.find((item) => (item.filePath ?? item.file ?? '').endsWith(FILE));
  return { status: result.status, findings: entry?.findings ?? entry?.messages ?? [] };
}

const text = (before: string) => Buffer.from(`${before}Deploy key for the CI user:\n${key}\n`, 'latin1');

describe('a private key the secret scan used to miss', () => {
  it('is found in a file with one Latin-1 byte', () => {
    const { status, findings } = findingsOnFile(text('Notes de d\u00e9ploiement\n')); // é as the single byte 0xE9
    expect(status).toBe(1);
    expect(findings.map((finding) => finding.ruleId)).toContain('no-secrets-in-repo');
  });

  it('is found in a file with a NUL byte near its start', () => {
    const { status, findings } = findingsOnFile(text('header\u0000\n'));
    expect(status).toBe(1);
    expect(findings.map((finding) => finding.ruleId)).toContain('no-secrets-in-repo');
  });

  it('is found in a UTF-16LE file with a byte-order mark (Windows PowerShell 5 `>`)', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Deploy key:\r\n${key.replace(/\n/g, '\r\n')}`, 'utf16le')]);
    const { status, findings } = findingsOnFile(utf16);
    expect(status).toBe(1);
    expect(findings.map((finding) => finding.ruleId)).toContain('no-secrets-in-repo');
  });

  it('is found in UTF-16BE without a byte-order mark', () => {
    const le = Buffer.from(`Deploy key:\n${key}`, 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) (be[i] = le[i + 1]!), (be[i + 1] = le[i]!);
    const { status, findings } = findingsOnFile(be);
    expect(status).toBe(1);
    expect(findings.map((finding) => finding.ruleId)).toContain('no-secrets-in-repo');
  });

  it('in an 11 MB file is not passed in silence: the file is reported as not scanned and the run fails', () => {
    const filler = 'log line with nothing secret in it\n'.repeat(Math.ceil((11 * 1024 * 1024) / 35));
    const { status, findings } = findingsOnFile(Buffer.from(`${filler}${key}`));
    expect(status).toBe(1);
    expect(findings.map((finding) => finding.message).join('\n')).toMatch(/over the 10 MB limit: not scanned for secrets/);
  });
});

describe('a secret written with XML character references', () => {
  const token = `5Aep861${Buffer.from(key.slice(40, 120)).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 80)}`;

  it('is found by the repository scan in an XML file the metadata rules do not read, at its line', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<settings>\n    <authUrl>force&#58;//PlatformCLI::${token}&#x40;acme.my.salesforce.com</authUrl>\n</settings>\n`;
    const root = makeProject({ 'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }), 'force-app/.keep': '', 'config/ci-settings.xml': xml });
    const result = spawnCli(['lint', '--format', 'json', '.'], { cwd: root });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { filePath?: string; file?: string; findings?: (JsonFinding & { line: number })[]; messages?: (JsonFinding & { line: number })[] }[];
    const entry = report.find((item) => (item.filePath ?? item.file ?? '').endsWith('ci-settings.xml'));
    const findings = entry?.findings ?? entry?.messages ?? [];
    expect(findings.map((finding) => [finding.ruleId, finding.line])).toContainEqual(['no-secrets-in-repo', 3]);
    expect(result.stdout).not.toContain(token.slice(0, 16));
  });

  it('is found in a consumerSecret of a Connected App that .forceignore hides from the metadata rules', () => {
    const app = `<?xml version="1.0" encoding="UTF-8"?>\n<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">\n    <label>Ci</label>\n    <oauthConfig>\n        <callbackUrl>https://a.example.com/cb</callbackUrl>\n        <consumerKey>3MVG9abc</consumerKey>\n        <consumerSecret>force&#x3A;//PlatformCLI::${token}@acme.my.salesforce.com</consumerSecret>\n    </oauthConfig>\n</ConnectedApp>\n`;
    const root = makeProject({
      'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }),
      '.forceignore': 'force-app/main/default/connectedApps/\n',
      'force-app/main/default/connectedApps/Ci.connectedApp-meta.xml': app,
    });
    const result = spawnCli(['lint', '--format', 'json', '.'], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('SFDX auth URL');
  });
});

describe('a staged text file over 10 MB', () => {
  it('is reported as not scanned and fails the run (--staged reads it from the git index)', () => {
    const filler = 'log line with nothing secret in it\n'.repeat(Math.ceil((11 * 1024 * 1024) / 35));
    const root = gitRepository({ 'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }), 'force-app/.keep': '' });
    writeFiles(root, { [FILE]: `${filler}${key}` });
    git(root, 'add', '-A');
    const result = spawnCli(['lint', '--staged', '--format', 'json'], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/over the 10 MB limit: not scanned for secrets/);
  });
});

describe('a file whose name is not UTF-8', () => {
  // git lists names as bytes; decoded as UTF-8, a byte that is not UTF-8 becomes U+FFFD, and no string then opens the
  // file: it was passed over in silence as a tracked file deleted from the working tree.
  const notUtf8 = (root: string, before: string, after: string) => Buffer.concat([Buffer.from(join(root, before)), Buffer.from([0xe9]), Buffer.from(after)]);
  const committed = (write: (root: string) => void) => {
    const root = gitRepository({ 'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }), 'force-app/.keep': '', 'notes/README.md': 'notes\n' }, { commit: false });
    write(root);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'notes');
    return root;
  };

  it('is reported as not scanned and fails the run', async () => {
    const root = committed((root) => writeFileSync(notUtf8(root, 'notes/cl', '.txt'), `Deploy key:\n${key}\n`));
    const result = await runCli(['lint', '--format', 'json', '.'], { cwd: root });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { filePath: string; messages: JsonFinding[] }[];
    const entry = report.find((item) => item.filePath.endsWith('notes/cl\u{fffd}.txt'));
    expect(entry?.messages.map((finding) => finding.message).join('\n')).toMatch(/not valid UTF-8.*not scanned for secrets/);
  });

  it('is reported even when a file named with U+FFFD itself stands in for it', async () => {
    const root = committed((root) => {
      writeFiles(root, { 'notes/cl\u{fffd}.txt': 'nothing to see\n' });
      writeFileSync(notUtf8(root, 'notes/cl', '.txt'), `Deploy key:\n${key}\n`);
    });
    const result = await runCli(['lint', '--format', 'json', '.'], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/not scanned for secrets/);
  });
});
