// `--print-config` echoes the configuration file: a credential written into it (an access token among the ignore
// patterns, a client secret in a callback URL of a rule's options) must come out masked like anywhere else.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { connectedApp, makeProject } from '../helpers/cli.js';
import { runMain } from '../helpers/in-process.js';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const random = (length: number) => Array.from(randomBytes(length), (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');

describe('--print-config', () => {
  it('masks secrets in the configuration it prints', async () => {
    const token = `00D${random(15)}!${random(60)}`;
    const clientSecret = random(40);
    const root = makeProject({
      'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }),
      'force-app/main/default/connectedApps/A.connectedApp-meta.xml': connectedApp('A'),
      'connected-app-lint.json': JSON.stringify({ ignorePatterns: [`tmp/${token}/**`, `https://login.example.com/cb?client_secret=${clientSecret}`] }),
    });
    const printed = await runMain(['lint', '--print-config', '.'], root);
    expect(printed.status).toBe(0);
    const config = JSON.parse(printed.stdout) as { ignorePatterns: string[] };
    expect(config.ignorePatterns).toHaveLength(2); // still the configuration, still JSON
    expect(printed.stdout).toContain('client_secret=');
    for (const secret of [token.slice(20), clientSecret]) {
      for (let start = 4; start + 8 <= secret.length; start += 4) expect(printed.stdout).not.toContain(secret.slice(start, start + 8));
    }
  });
});
