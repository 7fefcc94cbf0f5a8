// The secret scan must never pass a file in silence: a private key in text that is not plain UTF-8 (a Latin-1 byte,
// a stray NUL byte, UTF-16 as Windows PowerShell 5 `>` writes it) or in a file over the size cap is reported.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeProject, runCli } from '../helpers/cli.js';

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
  const result = runCli(['lint', '--format', 'json', '.'], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
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
