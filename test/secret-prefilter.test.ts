// The pre-filter may let a clean file through, never drop a secret: every text the detailed detectors report on,
// in every secret fixture of the repository and in each evasion the XML scan decodes, must pass it. (The positive
// cases of test/secrets.test.ts go through scanText, which runs the pre-filter first, so they check it too.)
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mayHoldSecret } from '../src/secrets/prefilter.js';
import { detectSecrets, scanXmlText } from '../src/secrets/scan.js';

function filesUnder(directory: string, out: string[] = []): string[] {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) filesUnder(path, out);
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

const fixtureFiles = filesUnder('fixtures').sort();

/** A secret of each kind the detectors know, freshly made (no key or token is committed for this test). */
function secretsOfEveryKind(): Record<string, string> {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const alnum = (n: number) => randomBytes(n * 2).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, n);
  return {
    'private-key': privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    'sfdx-auth-url': `force://PlatformCLI::5Aep861${alnum(60)}@acme.my.salesforce.com`,
    'salesforce-access-token': `00D${alnum(12)}!AQ${alnum(60)}`,
  };
}

/** `text` with every character of every `anchor` in it written as a numeric XML character reference. */
function encodeAnchor(text: string, anchor: string, hex: boolean): string {
  const encoded = [...anchor].map((c) => (hex ? `&#x${c.codePointAt(0)!.toString(16)};` : `&#${c.codePointAt(0)};`)).join('');
  return text.replaceAll(anchor, encoded);
}

describe('secret pre-filter', () => {
  it('passes every repository fixture the detectors report on', () => {
    const positives = fixtureFiles.filter((file) => detectSecrets(readFileSync(file, 'utf8')).length > 0);
    // The fixtures hold keys, auth URLs and tokens in many files: a walk that found none would prove nothing.
    expect(positives.length).toBeGreaterThanOrEqual(10);
    expect(positives.filter((file) => !mayHoldSecret(readFileSync(file, 'utf8')))).toEqual([]);
  });

  it.each(Object.entries(secretsOfEveryKind()))('passes a %s, alone and inside XML', (kind, secret) => {
    expect(detectSecrets(secret).map((hit) => hit.kind)).toEqual([kind]);
    expect(mayHoldSecret(secret)).toBe(true);
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Config xmlns="http://soap.sforce.com/2006/04/metadata">\n<value>${secret}</value>\n</Config>\n`;
    expect(scanXmlText(xml).map((hit) => hit.kind)).toEqual([kind]);
  });

  it.each([
    ['private-key', 'PRIVATE KEY'],
    ['sfdx-auth-url', 'force://'],
    ['salesforce-access-token', '00D'],
  ])('passes a %s whose anchor hides behind numeric character references', (kind, anchor) => {
    const secret = secretsOfEveryKind()[kind]!;
    for (const hex of [false, true]) {
      const xml = `<Config><value>${encodeAnchor(secret, anchor, hex)}</value></Config>\n`;
      expect(xml).not.toContain(anchor);
      expect(mayHoldSecret(xml)).toBe(true);
      expect(scanXmlText(xml).map((hit) => hit.kind)).toEqual([kind]);
    }
  });

  it('stops ordinary metadata and code, namespaces and URLs included', () => {
    const clean = [
      '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n<apiVersion>62.0</apiVersion>\n</ApexClass>\n',
      'public class Foo { String url = \'https://login.salesforce.com\'; Id org = \'00D000000000001\'; }\n',
      '<callbackUrl>https://example.com/callback?a=1&amp;b=2</callbackUrl>\n',
    ];
    expect(clean.filter((text) => mayHoldSecret(text))).toEqual([]);
    // Most of the repository's own fixtures are clean metadata: the pre-filter stops the most of them.
    const passed = fixtureFiles.filter((file) => mayHoldSecret(readFileSync(file, 'utf8'))).length;
    expect(passed).toBeLessThan(fixtureFiles.length / 4);
  });
});
