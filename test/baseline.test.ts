// The baseline round trip through the built CLI: record, hide, survive moved lines, report new findings, prune
// fixed ones; never hide parse errors; partial runs neither prune nor call stale what they did not see.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectedApp, makeProject, runCli } from './helpers/cli.js';

const DIR = 'force-app/main/default/connectedApps';
const BASELINE = '.calint-baseline.json';

interface Entry {
  fingerprint: string;
  rule: string;
  app?: string;
  file: string;
  message: string;
}

const entries = (root: string, name = BASELINE) => (JSON.parse(readFileSync(join(root, name), 'utf8')) as { findings: Entry[] }).findings;

async function json(root: string, args: string[] = []) {
  const result = await runCli(['lint', '--format', 'json', ...args], { cwd: root });
  expect(result.status, result.stderr).not.toBe(2);
  const files = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; line: number }[]; suppressedMessages: { ruleId: string; line: number; suppressions: { kind: string; justification: string }[] }[] }[];
  return { status: result.status, messages: files.flatMap((file) => file.messages), suppressed: files.flatMap((file) => file.suppressedMessages) };
}

function project(): string {
  return makeProject({
    'sfdx-project.json': '{"packageDirectories":[{"path":"force-app"}]}',
    [`${DIR}/Billing_Sync.connectedApp-meta.xml`]: connectedApp('Billing Sync', ['Api', 'Full']),
    [`${DIR}/Reporting.connectedApp-meta.xml`]: connectedApp('Reporting', ['Api', 'Full', 'Web']),
  });
}

describe('baseline', () => {
  it('round trip: record, hide, survive a moved line, report a new finding, prune a fixed one', async () => {
    const root = project();
    const before = await json(root);
    expect(before.status).toBe(1);
    const known = before.messages.length;
    expect(known).toBeGreaterThanOrEqual(3); // two Full scopes and Web

    // Record: the run that writes the baseline hides what it records and says so.
    const update = await runCli(['lint', '--update-baseline'], { cwd: root });
    expect(update.status).toBe(0);
    expect(update.stdout).toContain(`Baseline ${BASELINE} updated: ${known} finding(s) recorded, ${known} new, 0 fixed and pruned.`);
    const recorded = entries(root);
    expect(recorded).toHaveLength(known);
    expect(recorded.find((entry) => entry.rule === 'no-full-scope' && entry.app === 'Billing_Sync')).toMatchObject({ file: `${DIR}/Billing_Sync.connectedApp-meta.xml` });
    expect(JSON.stringify(recorded)).not.toMatch(/"line"/); // never keyed by line

    // Hide: the default file is picked up; the summary says how many it hid.
    const hidden = await runCli(['lint'], { cwd: root });
    expect(hidden.status).toBe(0);
    expect(hidden.stdout).toContain(`${known} known finding(s) hidden by the baseline.`);
    const hiddenJson = await json(root);
    expect(hiddenJson.suppressed.every((message) => message.suppressions[0]!.kind === 'external' && message.suppressions[0]!.justification.includes(BASELINE))).toBe(true);

    // Move lines: three new lines above the Full scope keep it hidden.
    const billing = join(root, DIR, 'Billing_Sync.connectedApp-meta.xml');
    writeFileSync(billing, readFileSync(billing, 'utf8').replace('    <label>', '    <description>Moves\nevery\nline</description>\n    <label>'));
    const moved = await json(root);
    expect(moved.status).toBe(0);
    expect(moved.suppressed.filter((message) => message.ruleId === 'no-full-scope').map((message) => message.line).sort((a, b) => a - b)).toEqual([9, 12]); // Reporting at 9, Billing_Sync moved from 9 to 12

    // A new finding is not in the baseline: it is reported.
    writeFileSync(join(root, DIR, 'Newcomer.connectedApp-meta.xml'), connectedApp('Newcomer', ['Full']));
    const added = await json(root);
    expect(added.status).toBe(1);
    expect(added.messages.map((message) => message.ruleId)).toContain('no-full-scope');

    // A fixed finding makes its entry stale; rewriting prunes it and records the new one.
    writeFileSync(billing, readFileSync(billing, 'utf8').replace('<scopes>Full</scopes>', ''));
    const stale = await runCli(['lint'], { cwd: root });
    expect(stale.stdout).toContain('1 baseline entry matches no finding any more (fixed?); run with --update-baseline to prune it.');
    const rewrite = await runCli(['lint', '--update-baseline'], { cwd: root });
    expect(rewrite.status).toBe(0);
    expect(rewrite.stdout).toMatch(/updated: \d+ finding\(s\) recorded, [1-9]\d* new, 1 fixed and pruned\./);
    const after = entries(root);
    expect(after.some((entry) => entry.app === 'Billing_Sync' && entry.rule === 'no-full-scope')).toBe(false);
    expect(after.some((entry) => entry.app === 'Newcomer' && entry.rule === 'no-full-scope')).toBe(true);
    expect((await json(root)).status).toBe(0);
  });

  it('--baseline names another file; a missing or broken one is a usage error', async () => {
    const root = project();
    expect(await runCli(['lint', '--baseline', 'ci/known.json'], { cwd: root })).toMatchObject({ status: 2, stderr: expect.stringContaining('baseline ci/known.json does not exist; create it with --update-baseline') });
    expect((await runCli(['lint', '--baseline', 'ci/known.json', '--update-baseline'], { cwd: root })).status).toBe(0);
    expect(existsSync(join(root, BASELINE))).toBe(false);
    expect((await json(root, ['--baseline', 'ci/known.json'])).status).toBe(0);
    expect((await json(root)).status).toBe(1); // the default file does not exist: nothing is hidden
    writeFileSync(join(root, 'ci', 'known.json'), '{"not": "a baseline"}');
    expect(await runCli(['lint', '--baseline', 'ci/known.json'], { cwd: root })).toMatchObject({ status: 2, stderr: expect.stringContaining('is not a connected-app-lint baseline') });
  });

  it('parse errors are never recorded nor hidden', async () => {
    const root = project();
    writeFileSync(join(root, DIR, 'Broken.connectedApp-meta.xml'), '<ConnectedApp><label>x</label>');
    const update = await runCli(['lint', '--update-baseline', '--format', 'json'], { cwd: root });
    expect(update.status).toBe(1);
    expect(entries(root).some((entry) => entry.rule === 'parse-error')).toBe(false);
    expect((await json(root)).messages.map((message) => message.ruleId)).toEqual(['parse-error']);
  });

  it('a partial run (--only) updates its own rule and keeps the other entries', async () => {
    const root = project();
    await runCli(['lint', '--update-baseline'], { cwd: root });
    const all = entries(root);
    const billing = join(root, DIR, 'Billing_Sync.connectedApp-meta.xml');
    writeFileSync(billing, readFileSync(billing, 'utf8').replace('<scopes>Full</scopes>', ''));
    const partial = await runCli(['lint', '--only', 'minimal-scopes', '--update-baseline'], { cwd: root });
    expect(partial.stdout).toContain('0 fixed and pruned');
    expect(entries(root)).toEqual(all);
    await runCli(['lint', '--update-baseline'], { cwd: root });
    expect(entries(root)).toHaveLength(all.length - 1);
  });
});
