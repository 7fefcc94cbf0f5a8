// The text format takes its colour and width from the options only: the CLI decides them from its own stdout, a
// library caller from wherever it writes. Rendering must not change the process (FORCE_COLOR) or read its stdout.
import { afterEach, describe, expect, it } from 'vitest';
import { Linter } from '../src/index.js';
import { connectedApp, makeProject } from './helpers/cli.js';

/** A project whose one finding has a message longer than 40 columns. */
async function run() {
  const root = makeProject({
    'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }),
    'force-app/main/default/connectedApps/A.connectedApp-meta.xml': connectedApp('A', ['Full']),
  });
  const linter = new Linter({ cwd: root, env: {} });
  await linter.lintFiles();
  return linter.lastResult!.run;
}

/** The widest line, the file's name (which cannot be wrapped) aside. */
const widest = (text: string) => Math.max(...text.split('\n').filter((line) => !line.includes('connectedApp-meta.xml')).map((line) => [...line].length));
const stdout = process.stdout as { isTTY?: boolean; columns?: number };
const saved = { isTTY: stdout.isTTY, columns: stdout.columns, forceColor: process.env.FORCE_COLOR };

afterEach(() => {
  stdout.isTTY = saved.isTTY;
  stdout.columns = saved.columns as number;
  if (saved.forceColor === undefined) delete process.env.FORCE_COLOR;
  else process.env.FORCE_COLOR = saved.forceColor;
});

describe('the text format', () => {
  it('fits the width it is given', async () => {
    const text = await Linter.formatResults(await run(), 'text', { columns: 40 });
    expect(text).toContain('no-full-scope');
    expect(widest(text)).toBeLessThanOrEqual(40);
  });

  it("keeps the formatter's layout when it fits, and lays findings out narrow when a message alone is too wide", async () => {
    const result = await run();
    const finding = result.results.flatMap((file) => file.findings).find((found) => found.ruleId === 'no-full-scope')!;
    const messageLine = (text: string) => text.split('\n').find((line) => line.includes('no-full-scope'))!;
    // Wide: one line per finding, its message and rule id side by side.
    const wide = await Linter.formatResults(result, 'text', { columns: 300 });
    expect(messageLine(wide)).toContain(finding.message.replace(/[`']/g, '').slice(0, 20));
    // Narrower than the message: the rule id on a line of its own, the message wrapped below it.
    const narrow = await Linter.formatResults(result, 'text', { columns: finding.message.length - 10 });
    expect(messageLine(narrow).trim()).toBe(`✖ ${finding.at.line}:${finding.at.column}  no-full-scope`);
    expect(widest(narrow)).toBeLessThanOrEqual(finding.message.length - 10);
  });

  it('does not read the width of the process stdout', async () => {
    const result = await run();
    const unset = await Linter.formatResults(result, 'text');
    stdout.isTTY = true;
    stdout.columns = 40;
    expect(await Linter.formatResults(result, 'text')).toBe(unset);
  });

  it('leaves FORCE_COLOR alone and prints no escape sequence without colour', async () => {
    delete process.env.FORCE_COLOR;
    const text = await Linter.formatResults(await run(), 'text', { color: false });
    expect(process.env.FORCE_COLOR).toBeUndefined();
    expect(text).not.toContain('\u001b');
  });
});
