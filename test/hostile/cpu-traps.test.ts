// Crafted files under the size cap that used to hold a CI runner for seconds to hours (each loop searched the rest
// of the file again for every match). Each runs against an ordinary file of the same size through the same code.
import { generateKeyPairSync } from 'node:crypto';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseDirectives } from '../../src/suppress/directives.js';
import { parseXml } from '../../src/parser/xml.js';
import { scanText } from '../../src/secrets/scan.js';
import { connectedApp, makeProject } from '../helpers/cli.js';
import { expectLinearTime, fill, ONE_MB } from './linear-time.js';

const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
/** An ordinary metadata file of about 1 MB: many short elements, as a big permission set has. */
const benignMetadata = `<ConnectedApp ${NS}>${fill('<scopes>Api</scopes>\n<label>A label</label>\n')}</ConnectedApp>\n`;

describe('the XML scan', () => {
  it('reads a run of a million `<` in linear time', async () => {
    // Each `<` used to search for its `>` to the end of the file (a pre-scan for the nesting depth, now gone).
    const crafted = `<ConnectedApp ${NS}>${'<'.repeat(ONE_MB)}/></ConnectedApp>\n`;
    let result: ReturnType<typeof parseXml> | undefined;
    await expectLinearTime(() => parseXml('a.xml', benignMetadata), () => (result = parseXml('a.xml', crafted)), 5);
    expect(result?.ok).toBe(false);
  });
});

describe('directives in XML comments', () => {
  it('are searched once per comment, not again from every `<!--` inside it', async () => {
    const crafted = `<!-- calint-disable no-full-scope -- reason ${fill('<!--')}-->\n<a/>\n`;
    const benign = fill('<!-- calint-disable no-full-scope -- reason -->\n<a/>\n');
    let directives: ReturnType<typeof parseDirectives> = [];
    await expectLinearTime(() => parseDirectives('a.xml', benign), () => (directives = parseDirectives('a.xml', crafted)), 5);
    expect(directives).toHaveLength(1);
  });

  it('find the line each stacked disable-next-line applies to in linear time', async () => {
    // Every directive of the stack used to walk down the whole stack to find its content line.
    const directive = '<!-- calint-disable-next-line no-full-scope -- reason -->\n';
    const crafted = `${fill(directive)}<a/>\n`;
    const benign = fill(`${directive}<a/>\n`);
    let directives: ReturnType<typeof parseDirectives> = [];
    await expectLinearTime(() => parseDirectives('a.xml', benign), () => (directives = parseDirectives('a.xml', crafted)), 5);
    const lastLine = crafted.split('\n').length - 1;
    expect(directives.length).toBeGreaterThan(10_000);
    expect(directives.every((d) => d.targetLine === lastLine)).toBe(true);
  });
});

/** Runs the CLI in this process on a folder (JSON report); the exit code and the report. */
async function lintFolder(root: string): Promise<{ exit: number; report: string }> {
  let report = '';
  const stdout = new Writable({ write: (chunk, _encoding, done) => ((report += String(chunk)), done()) });
  const stderr = new Writable({ write: (_chunk, _encoding, done) => done() });
  const exit = await main(['lint', '--format', 'json', root], { cwd: root, env: {}, stdout, stderr });
  return { exit, report };
}

describe('"did you mean" hints', () => {
  it('are not computed for a megabyte-long rule name in a directive', async () => {
    const app = (comment: string) =>
      makeProject({
        'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }),
        'force-app/main/default/connectedApps/A.connectedApp-meta.xml': connectedApp('A').replace('<label>', `<!-- ${comment} -->\n    <label>`),
      });
    const crafted = app(`calint-disable-next-line ${'n'.repeat(ONE_MB)} -- reason`);
    const benign = app(`just a comment ${'n'.repeat(ONE_MB)}`);
    let run = { exit: -1, report: '' };
    await expectLinearTime(() => lintFolder(benign), async () => (run = await lintFolder(crafted)), 5);
    expect(run.exit).not.toBe(2);
    expect(run.report).toContain('suppression-directive'); // the unknown rule name is still reported
  });
});

describe('the private key scan', () => {
  it('reads a megabyte of backslashes after an armor header in linear time', async () => {
    // The armor header loop called the escape reader for each of its 256 characters, and it walked the whole run.
    const crafted = `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: ${'\\'.repeat(ONE_MB)}`;
    const key = generateKeyPairSync('rsa', { modulusLength: 1024, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
    const benign = fill(`${key}\n`);
    await expectLinearTime(() => scanText(benign), () => scanText(crafted), 5);
    expect(scanText(benign).length).toBeGreaterThan(100);
  });
});
