// Bad input never crashes the linter and never stops it: each bad file gets a message with file, line and
// column; the other files are still linted; the exit code says so.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectedApp, makeProject, runCli, spawnCli } from './helpers/cli.js';

const dir = 'force-app/main/default/connectedApps';

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; severity: number; message: string; line: number; column: number; fatal?: boolean }[];
}

async function lintJson(root: string, extraArgs: string[] = [], asUser?: number) {
  // Another user needs another process: the one real spawn of this file.
  const argv = ['lint', root, '--format', 'json', ...extraArgs];
  const result = asUser === undefined ? await runCli(argv) : spawnCli(argv, { uid: asUser, gid: asUser });
  expect(result.stderr).not.toMatch(/at .*\.js:\d+:\d+/); // never a stack trace
  return { ...result, json: JSON.parse(result.stdout) as JsonResult[] };
}

function messagesFor(results: JsonResult[], suffix: string) {
  return results.find((result) => result.filePath.endsWith(suffix))?.messages ?? [];
}

describe('bad input', () => {
  const cases: [name: string, content: string | Uint8Array, expected: RegExp, line?: number][] = [
    ['Malformed', '<?xml version="1.0"?>\n<ConnectedApp>\n  <label>x</lable>\n</ConnectedApp>\n', /malformed XML/, 3],
    ['Empty', '', /empty/],
    ['Blank', '  \n\n', /empty/],
    ['Binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /binary/],
    ['Latin1', Buffer.from('<ConnectedApp><label>Caf\xe9</label></ConnectedApp>', 'latin1'), /UTF-8/],
    ['Utf16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<ConnectedApp><label>A</label></ConnectedApp>', 'utf16le')]), /UTF-16/],
    ['Doctype', '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<ConnectedApp/>', /DOCTYPE/, 2],
    ['Truncated', '<?xml version="1.0"?>\n<ConnectedApp>\n  <label>x</label>\n  <oauthConfig>', /malformed XML/],
  ];

  for (const [name, content, expected, line] of cases) {
    it(`${name}: a fatal parse-error at a position, exit 1, the good file still linted`, async () => {
      const root = makeProject({
        [`${dir}/${name}.connectedApp-meta.xml`]: content,
        [`${dir}/Good.connectedApp-meta.xml`]: connectedApp('Good', ['Api', 'Full']),
      });
      const { status, json } = await lintJson(root);
      expect(status).toBe(1);
      const [message] = messagesFor(json, `${name}.connectedApp-meta.xml`);
      expect(message).toMatchObject({ ruleId: 'parse-error', severity: 2, fatal: true });
      expect(message!.message).toMatch(expected);
      if (line) expect(message!.line).toBe(line);
      expect(message!.column).toBeGreaterThanOrEqual(1);
      expect(messagesFor(json, 'Good.connectedApp-meta.xml').map((m) => m.ruleId)).toContain('no-full-scope');
    });
  }

  it('a file over 10 MB is refused without being read', async () => {
    const root = makeProject({ [`${dir}/Huge.connectedApp-meta.xml`]: `<ConnectedApp><description>${'x'.repeat(10 * 1024 * 1024 + 10)}</description></ConnectedApp>` });
    const { status, json } = await lintJson(root);
    expect(status).toBe(1);
    expect(messagesFor(json, 'Huge.connectedApp-meta.xml')[0]!.message).toMatch(/10 MB/);
  });

  it('a dangling symlink, a directory named like a metadata file and a FIFO each get a message', async () => {
    const root = makeProject({ [`${dir}/Good.connectedApp-meta.xml`]: connectedApp('Good') });
    symlinkSync(join(root, 'nowhere.xml'), join(root, dir, 'Dangling.connectedApp-meta.xml'));
    mkdirSync(join(root, dir, 'Folder.connectedApp-meta.xml'));
    writeFileSync(join(root, dir, 'Folder.connectedApp-meta.xml', 'inner.txt'), 'x');
    execFileSync('mkfifo', [join(root, dir, 'Pipe.connectedApp-meta.xml')]);
    const { status, json } = await lintJson(root);
    expect(status).toBe(1);
    expect(messagesFor(json, 'Dangling.connectedApp-meta.xml')[0]!.message).toMatch(/not found|dangling/);
    expect(messagesFor(json, 'Folder.connectedApp-meta.xml')[0]!.message).toMatch(/directory/);
    expect(messagesFor(json, 'Pipe.connectedApp-meta.xml')[0]!.message).toMatch(/not a regular file/);
  });

  it('an unreadable file gets a message (run as an unprivileged user when we are root)', async () => {
    const root = makeProject({
      [`${dir}/Secret.connectedApp-meta.xml`]: connectedApp('Secret'),
      [`${dir}/Good.connectedApp-meta.xml`]: connectedApp('Good', ['Full']),
    });
    chmodSync(join(root, dir, 'Secret.connectedApp-meta.xml'), 0o000);
    for (const path of [root, join(root, 'force-app'), join(root, 'force-app/main'), join(root, 'force-app/main/default'), join(root, dir)]) chmodSync(path, 0o755);
    const asUser = process.getuid?.() === 0 ? 65534 : undefined;
    const { status, json } = await lintJson(root, [], asUser);
    expect(status).toBe(1);
    expect(messagesFor(json, 'Secret.connectedApp-meta.xml')[0]!.message).toMatch(/permission denied/);
    expect(messagesFor(json, 'Good.connectedApp-meta.xml').map((m) => m.ruleId)).toContain('no-full-scope');
  });

  it('a repository file that cannot be read is reported as not scanned for secrets, not passed over', async () => {
    const root = makeProject({
      [`${dir}/Good.connectedApp-meta.xml`]: connectedApp('Good'),
      'notes/deploy.txt': 'a key may be here\n',
      'notes/readable.txt': 'nothing here\n',
    });
    chmodSync(join(root, 'notes', 'deploy.txt'), 0o000);
    for (const path of [root, join(root, 'notes'), join(root, 'force-app'), join(root, 'force-app/main'), join(root, 'force-app/main/default'), join(root, dir)]) chmodSync(path, 0o755);
    const asUser = process.getuid?.() === 0 ? 65534 : undefined;
    const { status, json } = await lintJson(root, [], asUser);
    expect(status).toBe(1);
    expect(messagesFor(json, 'deploy.txt')[0]!.message).toMatch(/permission denied: not scanned for secrets/);
    expect(messagesFor(json, 'readable.txt')).toEqual([]);
  });

  it('a wrong root element for the suffix is reported at the root element', async () => {
    const root = makeProject({
      [`${dir}/Wrong.connectedApp-meta.xml`]: '<?xml version="1.0"?>\n<ExternalClientApplication xmlns="http://soap.sforce.com/2006/04/metadata">\n  <label>W</label>\n</ExternalClientApplication>\n',
    });
    const { status, json } = await lintJson(root);
    expect(status).toBe(1);
    const [message] = messagesFor(json, 'Wrong.connectedApp-meta.xml');
    expect(message).toMatchObject({ ruleId: 'valid-metadata', line: 2, column: 1 });
    expect(message!.message).toContain('ConnectedApp');
  });

  it('explicit files with unknown suffixes are skipped quietly; missing paths are a usage error', async () => {
    const root = makeProject({ 'README.md': '# hi', [`${dir}/Good.connectedApp-meta.xml`]: connectedApp('Good') });
    const ok = await runCli(['lint', join(root, 'README.md'), join(root, dir, 'Good.connectedApp-meta.xml')]);
    expect(ok.status).toBe(0);
    const missing = await runCli(['lint', join(root, 'nope.connectedApp-meta.xml')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.connectedApp-meta.xml');
  });
});
