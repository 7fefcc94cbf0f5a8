// A parse error may quote the text the XML scanner stopped at: a refresh token written as `<force://…>` in a
// description must not come out in that message, in any format, and a huge tag must not give a huge message.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, spawnCli, tempDir } from '../helpers/cli.js';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const randomToken = (length: number) => Array.from(randomBytes(length), (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');

const SRC = 'force-app/main/default/connectedApps';
const refreshToken = `5Aep861${randomToken(80)}`;

function appWithDescription(description: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>a@example.com</contactEmail>
    <description>${description}</description>
    <label>Ci</label>
</ConnectedApp>
`;
}

function project(description: string): string {
  return makeProject({
    'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] }),
    [`${SRC}/Ci.connectedApp-meta.xml`]: appWithDescription(description),
  });
}

/** Every piece of `output` that is a parse-error message, as the format writes it. */
function parseErrorMessages(format: string, output: string): string[] {
  if (format === 'json') {
    const results = JSON.parse(output) as { findings?: { ruleId: string; message: string }[]; messages?: { ruleId: string; message: string }[] }[];
    return results.flatMap((result) => [...(result.findings ?? []), ...(result.messages ?? [])]).filter((f) => f.ruleId === 'parse-error').map((f) => f.message);
  }
  if (format === 'sarif') {
    const sarif = JSON.parse(output) as { runs: { results: { ruleId: string; message: { text: string } }[] }[] };
    return sarif.runs[0]!.results.filter((r) => r.ruleId === 'parse-error').map((r) => r.message.text);
  }
  return output.split('\n').filter((line) => line.includes('malformed XML'));
}

describe('a secret quoted by a parse error', () => {
  const root = project(`CI login: <force://PlatformCLI::${refreshToken}@acme.my.salesforce.com>`);

  for (const format of ['text', 'json', 'sarif', 'github']) {
    it(`is masked in --format ${format}`, () => {
      // The report goes outside the project: a second run must not scan the first one's report.
      const report = join(tempDir(), 'report.out');
      const result = spawnCli(['lint', '--format', format, '--output-file', report, '.'], { cwd: root });
      expect(result.status).toBe(1);
      const written = readFileSync(report, 'utf8');
      const everything = `${written}\n${result.stdout}\n${result.stderr}`;
      // The message is there, at the tag, but never the token (not even a 12-character piece).
      expect(parseErrorMessages(format, written).join('\n')).toMatch(/malformed XML: attributes must be separated by white space/);
      for (let start = 0; start + 12 <= refreshToken.length; start += 6) expect(everything).not.toContain(refreshToken.slice(start, start + 12));
    });
  }
});

describe('a parse error on a 1 MB tag', () => {
  it('gives a message of a few hundred characters', () => {
    // An element never closed: the end tag of <description> is found instead, and the message names both.
    const root = project(`<${'x'.repeat(1024 * 1024)}>`);
    const result = spawnCli(['lint', '--format', 'json', '.'], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    expect(result.status).toBe(1);
    const messages = parseErrorMessages('json', result.stdout);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.length).toBeLessThanOrEqual(300);
    expect(messages[0]).toContain('xxxx');
    expect(result.stdout.length).toBeLessThan(10_000);
  });
});
