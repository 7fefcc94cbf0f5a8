// The progress line: only for a person at a terminal, only for runs over a second, never in CI or over a report
// piped from stdout, and gone before the report is written.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { createProgressLine, wantsProgress } from '../src/cli/progress.js';
import { lint, type LintProgress } from '../src/engine/lint.js';
import { connectedApp, makeProject } from './helpers/cli.js';

/** A stream that keeps what is written; `isTTY` as a terminal's stderr has it. */
function capture(isTTY: boolean): Writable & { isTTY: boolean; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { isTTY: boolean; text: () => string };
  stream.isTTY = isTTY;
  stream.text = () => chunks.join('');
  return stream;
}

describe('wantsProgress', () => {
  const base = { stderr: capture(true), env: {}, format: 'text', toFile: false };

  it('is on for a terminal outside CI with a report for people', () => {
    expect(wantsProgress(base)).toBe(true);
    expect(wantsProgress({ ...base, format: 'github' })).toBe(true);
  });

  it('is off when stderr is not a terminal', () => {
    expect(wantsProgress({ ...base, stderr: capture(false) })).toBe(false);
  });

  it('is off in CI, unless CI says false', () => {
    expect(wantsProgress({ ...base, env: { CI: 'true' } })).toBe(false);
    expect(wantsProgress({ ...base, env: { CI: '1' } })).toBe(false);
    expect(wantsProgress({ ...base, env: { CI: 'false' } })).toBe(true);
    expect(wantsProgress({ ...base, env: { CI: 'FALSE' } })).toBe(true);
    // An empty CI is not CI, as for plugins and symlinked output paths (one isCi for the whole run).
    expect(wantsProgress({ ...base, env: { CI: '' } })).toBe(true);
    expect(wantsProgress({ ...base, env: { CI: '0' } })).toBe(true);
  });

  it('is off for json and sarif on stdout, on when they go to a file', () => {
    expect(wantsProgress({ ...base, format: 'json' })).toBe(false);
    expect(wantsProgress({ ...base, format: 'sarif' })).toBe(false);
    expect(wantsProgress({ ...base, format: 'json', toFile: true })).toBe(true);
    expect(wantsProgress({ ...base, format: 'sarif', toFile: true })).toBe(true);
  });
});

describe('createProgressLine', () => {
  const scan = (done: number): LintProgress => ({ phase: 'scan', done, total: 20_000 });

  it('stays silent for the first second, then redraws in place at most every 100 ms', () => {
    let time = 0;
    const stderr = capture(true);
    const line = createProgressLine(stderr, () => time);
    time = 999;
    line.update(scan(64));
    expect(stderr.text()).toBe('');
    time = 1000;
    line.update(scan(12_345));
    expect(stderr.text()).toBe('\r\u001b[Kconnected-app-lint: scanning repository files 12,345/20,000');
    time = 1050;
    line.update(scan(12_409));
    expect(stderr.text()).not.toContain('12,409');
    time = 1100;
    line.update({ phase: 'parse', done: 3, total: 200 });
    expect(stderr.text()).toMatch(/\r\u001b\[Kconnected-app-lint: parsing metadata 3\/200$/);
  });

  it('clears its line once, and only if it drew one', () => {
    let time = 0;
    const quiet = capture(true);
    createProgressLine(quiet, () => time).clear();
    expect(quiet.text()).toBe('');

    const stderr = capture(true);
    const line = createProgressLine(stderr, () => time);
    time = 2000;
    line.update(scan(1));
    line.clear();
    line.clear();
    expect(stderr.text().endsWith('1/20,000\r\u001b[K')).toBe(true);
  });
});

describe('lint onProgress', () => {
  it('reports each phase from its first file, then every 64 files, with the phase total', async () => {
    const files: Record<string, string> = {
      'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }),
      'force-app/main/default/connectedApps/One.connectedApp-meta.xml': connectedApp('One'),
      'force-app/main/default/connectedApps/Two.connectedApp-meta.xml': connectedApp('Two'),
    };
    for (let i = 0; i < 140; i++) files[`force-app/main/default/classes/C${i}.cls`] = `public class C${i} {}\n`;
    const root = makeProject(files);
    const events: LintProgress[] = [];
    const run = await lint({ cwd: root, paths: [root], onProgress: (progress) => events.push({ ...progress }) });
    const scanTotal = run.stats.scannedFiles;
    expect(scanTotal).toBe(143);
    expect(events).toEqual([
      { phase: 'parse', done: 0, total: 2 },
      { phase: 'scan', done: 0, total: 143 },
      { phase: 'scan', done: 64, total: 143 },
      { phase: 'scan', done: 128, total: 143 },
    ]);
  });
});

describe('the CLI', () => {
  it('writes nothing to a terminal stderr for a run under a second, in any format', async () => {
    const root = makeProject({
      'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }),
      'force-app/main/default/connectedApps/Good.connectedApp-meta.xml': connectedApp('Good'),
    });
    {
      for (const [format, report] of [
        ['text', /No problems in 1 app/],
        ['json', /Good\.connectedApp-meta\.xml/],
      ] as const) {
        const stderr = capture(true);
        const stdout = capture(false);
        await main(['lint', root, '--format', format], { cwd: root, env: {}, stdout, stderr });
        expect(stderr.text()).toBe('');
        expect(stdout.text()).toMatch(report);
      }
    }
  });
});
