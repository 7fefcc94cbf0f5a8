// A log file holding 160,000 session ids: every one is a finding, and the report must still come out (a spread of
// that many findings into push() used to overflow the call stack: exit 2 and no report, so no leak was shown). The
// first MAX_FINDINGS_PER_RULE_PER_FILE are listed, the rest counted in one finding (finding-cap.ts).
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_FINDINGS_PER_RULE_PER_FILE } from '../../src/engine/finding-cap.js';
import { makeProject, runCli } from '../helpers/cli.js';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `count` distinct access-token look-alikes, one a line: `00D` + org id + `!` + 40 random characters. */
function sessionIdLog(count: number): string {
  const bytes = randomBytes(count * 52);
  const lines: string[] = [];
  for (let line = 0; line < count; line++) {
    let token = '00D';
    for (let index = 0; index < 52; index++) token += (index === 12 ? '!' : '') + ALPHANUMERIC[bytes[line * 52 + index]! % ALPHANUMERIC.length];
    lines.push(token);
  }
  return `${lines.join('\n')}\n`;
}

describe('a repository with 160,000 leaked session ids', () => {
  for (const format of ['json', 'github']) it(`gets a ${format} report listing the first ones and counting the rest, with exit code 1`, async () => {
    const files: Record<string, string> = { 'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }) };
    files['logs/sessions.log'] = sessionIdLog(160_000); // 9 MB: under the 10 MB cap
    const root = makeProject(files);
    const result = await runCli(['lint', '--format', format, '.'], { cwd: root });
    expect(result.stderr).not.toMatch(/Maximum call stack|internal error/i);
    expect(result.status).toBe(1);
    const leaks =
      format === 'json'
        ? (JSON.parse(result.stdout) as { messages: { ruleId: string; message: string }[] }[])
            .flatMap((entry) => entry.messages)
            .filter((finding) => finding.ruleId === 'no-secrets-in-repo')
            .map((finding) => finding.message)
        : result.stdout.split('\n').filter((line) => line.includes('no-secrets-in-repo'));
    expect(leaks).toHaveLength(MAX_FINDINGS_PER_RULE_PER_FILE + 1);
    // A random token may spell a placeholder word: the count is checked, not its exact value.
    const more = leaks.join('\n').match(/(\d{3},\d{3}) more no-secrets-in-repo findings beyond the first 100 in this file are not listed/);
    expect(Number(more?.[1]!.replace(',', ''))).toBeGreaterThan(150_000);
  });
});
