// The GitHub API's error text reaches the step log in the warning about the pull-request comment. An API (or a proxy
// in front of it) that answers with escape sequences or a `##[error]` must not get them into the log as such.
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPostureDiff } from '../../src/action/posture.js';
import { capture } from '../helpers/in-process.js';
import { connectedApp, tempDir } from '../helpers/cli.js';
import { git, gitRepository, SFDX_PROJECT, TYPES, writeFiles } from '../helpers/git.js';

const HOSTILE_DETAIL = 'Server Error \u001b]0;owned\u0007 \u001b[2K \u009b31m ##[error]forged annotation';
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('an API error quoted in the step log', () => {
  it('is escaped', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: HOSTILE_DETAIL }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const app = `${TYPES}/connectedApps/A.connectedApp-meta.xml`;
      const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT, [app]: connectedApp('A') });
      const base = git(root, 'rev-parse', 'HEAD').trim();
      writeFiles(root, { [app]: connectedApp('A', ['Api', 'Full']) });
      git(root, 'commit', '-q', '-am', 'widen');
      const event = join(tempDir(), 'event.json');
      writeFileSync(event, JSON.stringify({ pull_request: { number: 7 } }));
      const stdout = capture();
      const stderr = capture();
      const env = {
        GITHUB_API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        GITHUB_REPOSITORY: 'acme/salesforce',
        GITHUB_EVENT_PATH: event,
      };
      await runPostureDiff({ compareTo: base, comment: 'always', token: 'ghs_test', config: '', failOn: 'error' }, root, { env, stdout: stdout.stream, stderr: stderr.stream });
      const log = stdout.text() + stderr.text();
      expect(log).toContain('Server Error'); // the warning is there
      for (const line of log.split('\n')) {
        expect(line).not.toMatch(RAW_CONTROL);
        expect(line).not.toContain('##[');
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
