// Inline suppressions: directives with, without and with an unused reason, blocks, non-XML files and
// --no-inline-config, end to end through the built CLI; the directive reader on its own.
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDirectives } from '../src/suppress/directives.js';
import { connectedApp, makeProject, runCli } from './helpers/cli.js';

const APP = 'force-app/main/default/connectedApps/Billing_Sync.connectedApp-meta.xml';

interface Message {
  file: string;
  ruleId: string;
  line: number;
  severity: number;
  message: string;
  suppressions?: { kind: string; justification: string }[];
}

async function lintJson(root: string, args: string[] = []): { status: number; messages: Message[]; suppressed: Message[] } {
  const result = await runCli(['lint', root, '--format', 'json', ...args]);
  expect(result.status, result.stderr).not.toBe(2);
  const json = JSON.parse(result.stdout) as { filePath: string; messages: Message[]; suppressedMessages: Message[] }[];
  const flat = (key: 'messages' | 'suppressedMessages') => json.flatMap((entry) => entry[key].map((message) => ({ ...message, file: basename(entry.filePath) })));
  return { status: result.status, messages: flat('messages'), suppressed: flat('suppressedMessages') };
}

/** The test app with a Full scope (line 9) and comment lines inserted before given lines of it. */
function appWith(comments: Record<number, string>, scopes = ['Api', 'Full']): string {
  const lines = connectedApp('Billing Sync', scopes).split('\n');
  return lines.flatMap((line, index) => (comments[index + 1] !== undefined ? [comments[index + 1]!, line] : [line])).join('\n');
}

const project = (app: string, extra: Record<string, string> = {}) => makeProject({ 'sfdx-project.json': '{"packageDirectories":[{"path":"force-app"}]}', [APP]: app, ...extra });
const only = (messages: Message[], ruleId: string) => messages.filter((message) => message.ruleId === ruleId);

describe('inline suppressions (CLI)', () => {
  it('a directive with a reason moves the finding to suppressedMessages with its justification', async () => {
    const root = project(appWith({ 9: '        <!-- calint-disable-next-line no-full-scope -- legacy Heroku app, removal tracked in JIRA-123 -->' }));
    const run = await lintJson(root);
    expect(run.status).toBe(0);
    expect(only(run.messages, 'no-full-scope')).toEqual([]);
    expect(only(run.messages, 'suppression-directive')).toEqual([]);
    expect(only(run.suppressed, 'no-full-scope')).toEqual([
      expect.objectContaining({ line: 10, severity: 2, suppressions: [{ kind: 'directive', justification: 'legacy Heroku app, removal tracked in JIRA-123' }] }),
    ]);
  });

  it('a directive without a reason suppresses nothing and is an error; one that suppresses nothing is a warning', async () => {
    const root = project(
      appWith({
        4: '    <!-- calint-disable-next-line callback-url-https -- the callback is https already -->',
        9: '        <!-- calint-disable-next-line no-full-scope -->',
      }),
    );
    const run = await lintJson(root);
    expect(run.status).toBe(1);
    expect(only(run.messages, 'no-full-scope').map((m) => m.line)).toEqual([11]);
    expect(only(run.messages, 'suppression-directive').map((m) => [m.line, m.severity, m.message])).toEqual([
      [4, 1, expect.stringContaining('Unused directive: calint-disable-next-line callback-url-https suppresses nothing')],
      [10, 2, expect.stringContaining('has no reason')],
    ]);
    expect(run.suppressed).toEqual([]);
  });

  it('calint-disable … calint-enable covers a block; several rules in one directive; the ` - ` separator', async () => {
    const root = project(
      appWith({
        7: '    <!-- calint-disable no-full-scope, minimal-scopes - reviewed in SEC-42 -->',
        10: '    <!-- calint-enable no-full-scope -->',
      }, ['Api', 'Full', 'Web']).replace('</oauthConfig>', '    <scopes>Full</scopes>\n    </oauthConfig>'),
    );
    const run = await lintJson(root);
    // Full inside the block is suppressed, the second Full after calint-enable is not; Web (minimal-scopes) stays suppressed to the end.
    expect(only(run.suppressed, 'no-full-scope').map((m) => m.suppressions?.[0]?.justification)).toEqual(['reviewed in SEC-42']);
    expect(only(run.messages, 'no-full-scope')).toHaveLength(1);
    expect(only(run.messages, 'minimal-scopes')).toEqual([]);
    expect(only(run.suppressed, 'minimal-scopes')).toHaveLength(1);
    expect(only(run.messages, 'suppression-directive')).toEqual([]);
  });

  it('--no-inline-config ignores every directive, so CI sees everything', async () => {
    const root = project(appWith({ 9: '        <!-- calint-disable-next-line no-full-scope -- legacy -->', 4: '    <!-- calint-disable-next-line no-full-scope -->' }));
    const run = await lintJson(root, ['--no-inline-config']);
    expect(only(run.messages, 'no-full-scope')).toHaveLength(1);
    expect(only(run.messages, 'suppression-directive')).toEqual([]);
    expect(run.suppressed).toEqual([]);
  });

  it('typos are named; directives for rules that did not run (--only, off) are not called unused', async () => {
    const root = project(appWith({ 9: '        <!-- calint-disable-next-line no-full-scop, no-full-scope -- legacy -->' }));
    const run = await lintJson(root);
    expect(only(run.messages, 'suppression-directive').map((m) => m.message)).toEqual([expect.stringContaining('unknown rule "no-full-scop" (did you mean "no-full-scope"?)')]);
    expect(only(run.suppressed, 'no-full-scope')).toHaveLength(1);
    const selected = await lintJson(root, ['--only', 'callback-url-https']);
    expect(only(selected.messages, 'suppression-directive').map((m) => m.message)).toEqual([expect.stringContaining('unknown rule "no-full-scop"')]);
  });

  it('a directive in another file type (a script with an auth URL) in that file\'s comment syntax', async () => {
    const token = `5Aep861${'kq8Zt3Xw1Pm4Lr7Vn2Bc5Hd9Jf6Gs0Ya3Qe8Ru1'}.${'Wi4Ox7Pz2Nk5Ml8Jb3Vc6Xd9Ze1Af4Sg7Dh0Fj3K'}`;
    const script = ['#!/bin/sh', '# calint-disable-next-line no-secrets-in-repo -- revoked token, kept as a regression sample', `AUTH=force://PlatformCLI::${token}@acme.my.salesforce.com`, ''].join('\n');
    const root = project(connectedApp('Billing Sync'), { 'scripts/login.sh': script, 'scripts/other.sh': `AUTH=force://PlatformCLI::${token}@acme.my.salesforce.com\n`, 'docs/notes.md': 'Write `calint-disable-next-line no-full-scope -- reason` above the line.\n' });
    const run = await lintJson(root);
    expect(only(run.suppressed, 'no-secrets-in-repo').map((m) => [m.file, m.line])).toEqual([['login.sh', 3]]);
    expect(only(run.messages, 'no-secrets-in-repo').map((m) => m.file)).toEqual(['other.sh']);
    // Prose that mentions a directive is not one.
    expect(only(run.messages, 'suppression-directive')).toEqual([]);
  });

  it('parse errors cannot be suppressed', async () => {
    const root = project('<?xml version="1.0"?>\n<!-- calint-disable parse-error -- please -->\n<ConnectedApp><label>x</label>\n');
    const run = await lintJson(root);
    expect(only(run.messages, 'parse-error')).toHaveLength(1);
    expect(run.suppressed).toEqual([]);
  });
});

describe('parseDirectives', () => {
  it('reads XML comments: kind, rules, reason, target line past blank and stacked comment lines', async () => {
    const text = [
      '<a>',
      '  <!-- calint-disable-next-line r1, r2 -- why -->',
      '  <!-- calint-disable-next-line r3 -- also -->',
      '',
      '  <b/>',
      '  <!-- calint-disable r4 -->',
      '  <!--',
      '    calint-disable-next-line r5 - spans',
      '    lines',
      '  -->',
      '  <c/>',
      '  <!-- not a calint-disable r6 -- because it does not open the comment -->',
      '  <!-- calint-disable-line r7 -- wrong keyword -->',
      '</a>',
    ].join('\n');
    const directives = parseDirectives('/x/App.connectedApp-meta.xml', text);
    expect(directives.map((d) => [d.kind, d.rules, d.reason, d.at.line, d.targetLine])).toEqual([
      ['disable-next-line', ['r1', 'r2'], 'why', 2, 5],
      ['disable-next-line', ['r3'], 'also', 3, 5],
      ['disable', ['r4'], undefined, 6, undefined],
      ['disable-next-line', ['r5'], 'spans lines', 8, 11],
      ['unknown', ['r7'], 'wrong keyword', 13, undefined],
    ]);
    expect(directives[0]!.at).toMatchObject({ column: 8, endLine: 2, endColumn: 46 });
  });

  it('reads line comments of other files, and only where the directive opens the comment', async () => {
    const text = ['# calint-disable-next-line a -- hash', 'x', '// calint-disable b -- slashes */', '/* calint-enable b */', 'key = 1 # calint-disable-next-line c -- trailing', 'echo "calint-disable d -- in a string"', '-- calint-disable-next-line e --', 'y'].join('\n');
    expect(parseDirectives('/x/script.sh', text).map((d) => [d.kind, d.rules, d.reason, d.at.line, d.targetLine])).toEqual([
      ['disable-next-line', ['a'], 'hash', 1, 2],
      ['disable', ['b'], 'slashes', 3, undefined],
      ['enable', ['b'], undefined, 4, undefined],
      ['disable-next-line', ['e'], '', 7, 8],
    ]);
    expect(parseDirectives('/x/none.txt', 'nothing here')).toEqual([]);
  });
});
