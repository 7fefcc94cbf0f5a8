// The model on input that looks almost right: hostile certificates, line breaks written as character references,
// values the platform rejects, nested elements where a plain value belongs, ECA files excluded by .forceignore, and
// where findings about absent ECA elements go.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { lint } from '../src/engine/lint.js';
import { buildModel, type ParsedFile } from '../src/model/build.js';
import { analyzeCertificate, MAX_CERTIFICATE_LENGTH, MAX_PEM_BLOCKS } from '../src/model/certificate.js';
import { isNativeCallback, parseUrl } from '../src/model/urls.js';
import { childNamed, elementCommaList, elementText, elementTextLines, parseXml, type XmlDocument } from '../src/parser/xml.js';
import { classifyFileName } from '../src/project/metadata-types.js';
import { ECA_PATHS, externalClientApp } from './helpers/apps.js';
import { makeProject } from './helpers/cli.js';

const CERTS = fileURLToPath(new URL('../fixtures/certs/', import.meta.url));
const VALID_PEM = readFileSync(join(CERTS, 'valid-rsa2048-sha256.pem'), 'utf8');

const temporaryDirectories: string[] = [];
afterEach(() => {
  for (const directory of temporaryDirectories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function parse(source: string, path = '/p/x.connectedApp-meta.xml'): XmlDocument {
  const result = parseXml(path, source);
  if (!result.ok) throw new Error(`unexpected parse error: ${result.error.message}`);
  return result.doc;
}

function parsed(path: string, source: string, forceIgnored = false): ParsedFile {
  const classified = classifyFileName(path.split('/').pop()!)!;
  return { path, type: classified.type.name, componentName: classified.componentName, forceIgnored, doc: parse(source, path) };
}

function connectedApp(oauthConfig: string, rest = ''): ParsedFile {
  return parsed(
    '/p/A.connectedApp-meta.xml',
    `<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>A</label>
    <oauthConfig>
        <callbackUrl>https://app.example.com/cb</callbackUrl>
${oauthConfig}
    </oauthConfig>${rest}
</ConnectedApp>`,
  );
}

function failureReason(text: string): string {
  const result = analyzeCertificate(text);
  if (result.ok) throw new Error(`expected a failure, got ${result.info.subject}`);
  return result.reason;
}

describe('certificates: hostile PEM text is refused in linear time', () => {
  it('refuses a 900 KB text of BEGIN lines without END lines by its length, before scanning it', () => {
    // The former backtracking regex needed ~38 s for this text.
    const hostile = '-----BEGIN CERTIFICATE-----\n'.repeat(900 * 1024 / 28);
    expect(hostile.length).toBeGreaterThan(MAX_CERTIFICATE_LENGTH);
    expect(failureReason(hostile)).toMatch(/characters long, far more than any certificate/);
  });

  it('stops at the BEGIN line cap within the length cap', () => {
    const hostile = '-----BEGIN X509 CRL-----\nAAAA\n'.repeat(2000);
    expect(hostile.length).toBeLessThan(MAX_CERTIFICATE_LENGTH);
    expect(failureReason(hostile)).toBe(`PEM text has more than ${MAX_PEM_BLOCKS} BEGIN lines; a certificate element holds one certificate`);
  });

  it('does not look for a certificate past the cap, even a valid one', () => {
    const noise = '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n'.repeat(MAX_PEM_BLOCKS);
    expect(failureReason(noise + VALID_PEM)).toMatch(/more than 16 BEGIN lines/);
  });

  it('still pairs each BEGIN line with its own END line', () => {
    const key = '-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n';
    expect(analyzeCertificate(key + VALID_PEM).ok).toBe(true);
    expect(failureReason(key)).toBe('PEM holds a private key (RSA PRIVATE KEY), not a certificate');
    expect(failureReason('-----BEGIN CERTIFICATE-----\nAAAA\n-----END X509 CRL-----')).toBe('PEM BEGIN line without a matching END line');
    expect(failureReason('-----BEGIN CERTIFICATE-----\nAAAA\n-----END X509 CRL-----\n-----BEGIN X509 CRL-----\nAA\n-----END X509 CRL-----')).toBe(
      'PEM holds X509 CRL, not a CERTIFICATE',
    );
  });
});

describe('parser: separators written as character references', () => {
  it('splits a callbackUrl at &#13; &#10; &#xD; &#xA; (alone or as a pair) and locates each URL exactly', () => {
    const doc = parse('<ConnectedApp><oauthConfig><callbackUrl>https://a.example.com/cb&#13;http://evil.example.com/cb&#13;&#10;myapp://cb&#xD;&#xa;x:/y&#x0A; https://b.example.com/cb</callbackUrl></oauthConfig></ConnectedApp>');
    const urls = elementTextLines(doc, childNamed(childNamed(doc.root, 'oauthConfig'), 'callbackUrl')!);
    expect(urls.map((url) => [url.value, url.at.column, url.at.endColumn])).toEqual([
      ['https://a.example.com/cb', 41, 65],
      ['http://evil.example.com/cb', 70, 96],
      ['myapp://cb', 106, 116],
      ['x:/y', 126, 130],
      ['https://b.example.com/cb', 137, 161],
    ]);
  });

  it('does not split at an escaped ampersand that only looks like a reference', () => {
    const doc = parse('<X><callbackUrl>https://a.example.com/cb?x=&amp;#13;y</callbackUrl></X>');
    expect(elementTextLines(doc, childNamed(doc.root, 'callbackUrl')!).map((url) => url.value)).toEqual(['https://a.example.com/cb?x=&#13;y']);
  });

  it('splits a comma list at &#44;', () => {
    const doc = parse('<X><commaSeparatedOauthScopes>Api&#44;Full</commaSeparatedOauthScopes></X>');
    expect(elementCommaList(doc, childNamed(doc.root, 'commaSeparatedOauthScopes')!).map((scope) => [scope.value, scope.at.column])).toEqual([
      ['Api', 31],
      ['Full', 39],
    ]);
  });

  it('decodes numeric character references in text and attributes once, and keeps CDATA literal', () => {
    const doc = parse('<X a="&amp;&#65;"><label>Caf&#233; &amp;#233;</label><description><![CDATA[a &amp; b]]> &#x26; c</description></X>');
    expect(doc.root.attrs).toEqual({ a: '&A' });
    expect(elementText(doc, childNamed(doc.root, 'label')!).value).toBe('Café &#233;');
    expect(elementText(doc, childNamed(doc.root, 'description')!).value).toBe('a &amp; b & c');
  });

  it('gives the model both URLs of a callback written with &#13;, so the http one is seen', () => {
    const source = '<ConnectedApp><label>A</label><oauthConfig><callbackUrl>https://a.example.com/cb&#13;http://evil.example.com/cb</callbackUrl></oauthConfig></ConnectedApp>';
    const app = buildModel([parsed('/p/A.connectedApp-meta.xml', source)]).apps[0]!;
    expect(app.callbackUrls.map((url) => url.value)).toEqual(['https://a.example.com/cb', 'http://evil.example.com/cb']);
  });
});

describe('model: a present but rejected value is invalid, not absent', () => {
  it('a Connected App boolean written True keeps its default, located at the value, with the record valid-metadata reports', () => {
    const { apps, documents } = buildModel([connectedApp('        <isAdminApproved>True</isAdminApproved>')]);
    const app = apps[0]!;
    expect(app.adminApproved).toMatchObject({ value: false, at: { line: 5, column: 26 } });
    expect(app.adminApproved.defaulted).toBeUndefined();
    expect(app.adminApproved.invalid).toMatchObject({ field: 'oauthConfig/isAdminApproved', found: 'True', expected: 'true or false' });
    // checkBooleans and the setting read the same element: one record.
    expect(documents[0]!.invalid).toEqual([app.adminApproved.invalid]);
  });

  it('a refreshTokenPolicy in an unknown unit is invalid, and the default (infinite) applies', () => {
    const { apps } = buildModel([connectedApp('', '\n    <oauthPolicy>\n        <refreshTokenPolicy>specific_lifetime:2:WEEKS</refreshTokenPolicy>\n    </oauthPolicy>')]);
    const policy = apps[0]!.refreshTokenPolicy;
    expect(policy).toMatchObject({ value: 'infinite', at: { line: 8, column: 29 }, invalid: { field: 'oauthPolicy/refreshTokenPolicy', found: 'specific_lifetime:2:WEEKS' } });
    expect(policy.defaulted).toBeUndefined();
  });

  it('an unknown ipRelaxation is invalid; a valid one is not', () => {
    const bad = buildModel([connectedApp('', '\n    <oauthPolicy><ipRelaxation>RELAXED</ipRelaxation></oauthPolicy>')]).apps[0]!;
    expect(bad.ipRelaxation).toMatchObject({ value: 'ENFORCE', invalid: { found: 'RELAXED' } });
    const good = buildModel([connectedApp('', '\n    <oauthPolicy><ipRelaxation>BYPASS</ipRelaxation></oauthPolicy>')]).apps[0]!;
    expect(good.ipRelaxation).toMatchObject({ value: 'BYPASS', at: { line: 7, column: 32 } });
    expect(good.ipRelaxation.invalid).toBeUndefined();
  });

  it('an optional setting with a rejected value is left out, and still recorded', () => {
    const { apps, documents } = buildModel([connectedApp('', '\n    <samlConfig><samlSigningAlgoType>SHA-1</samlSigningAlgoType></samlConfig>')]);
    expect(apps[0]!.samlSigningAlgorithm).toBeUndefined();
    expect(documents[0]!.invalid.map((invalid) => [invalid.field, invalid.found])).toEqual([['samlConfig/samlSigningAlgoType', 'SHA-1']]);
  });

  it('ECA policy values: permitted users, IP relaxation and an incomplete refresh-token policy are invalid, PKCE keeps its ECA default', () => {
    const files = externalClientApp('E');
    files[ECA_PATHS.policy('E')] = files[ECA_PATHS.policy('E')]!
      .replace('AdminApprovedPreAuthorized', 'AdminApproved')
      .replace('<ipRelaxationPolicyType>Enforce</ipRelaxationPolicyType>', '<ipRelaxationPolicyType>constructor</ipRelaxationPolicyType>')
      .replace('<label>', '<refreshTokenPolicyType>SpecificLifetime</refreshTokenPolicyType><refreshTokenValidityPeriod>2</refreshTokenValidityPeriod><refreshTokenValidityUnit>Weeks</refreshTokenValidityUnit><label>');
    files[ECA_PATHS.global('E')] = files[ECA_PATHS.global('E')]!.replace('<label>', '<isPkceRequired>yes</isPkceRequired><label>');
    const { apps, documents } = buildModel(Object.entries(files).map(([path, text]) => parsed(`/p/${path}`, text)));
    const app = apps[0]!;
    expect(app.adminApproved).toMatchObject({ value: false, invalid: { field: 'permittedUsersPolicyType', found: 'AdminApproved' } });
    // `constructor` is a property of every object: the ECA spelling table must not accept it.
    expect(app.ipRelaxation).toMatchObject({ value: 'ENFORCE', invalid: { found: 'constructor' } });
    // An ECA refresh-token policy has no default (DECISIONS 16): a rejected one is left out; valid-metadata reports it.
    expect(app.refreshTokenPolicy).toBeUndefined();
    expect(documents.flatMap((doc) => doc.invalid).map((invalid) => invalid.found)).toContain('Weeks');
    expect(app.pkceRequired).toMatchObject({ value: true, invalid: { found: 'yes' } });
  });

  it('an ECA lifetime policy without its period is invalid, recorded at the policy type', () => {
    const files = externalClientApp('E');
    files[ECA_PATHS.policy('E')] = files[ECA_PATHS.policy('E')]!.replace('<label>', '<refreshTokenPolicyType>SpecificInactivity</refreshTokenPolicyType><refreshTokenValidityUnit>Days</refreshTokenValidityUnit><label>');
    const { apps, documents } = buildModel(Object.entries(files).map(([path, text]) => parsed(`/p/${path}`, text)));
    expect(apps[0]!.refreshTokenPolicy).toBeUndefined();
    const policyDocument = documents.find((doc) => doc.type === 'ExtlClntAppOauthConfigurablePolicies')!;
    expect(policyDocument.invalid).toEqual([expect.objectContaining({ field: 'refreshTokenValidityPeriod', found: '', expected: expect.stringContaining('SpecificInactivity requires') })]);
  });
});

describe('model: nested elements where a plain value belongs', () => {
  it('records nested scopes instead of dropping them silently', () => {
    const { apps, documents } = buildModel([connectedApp('        <scopes><scopes>Full</scopes></scopes>\n        <scopes>Api</scopes>')]);
    expect(apps[0]!.scopes.map((scope) => scope.value)).toEqual(['Api']);
    expect(documents[0]!.invalid).toEqual([
      { field: 'oauthConfig/scopes', found: '<scopes>…</scopes>', expected: 'a plain value, not nested elements', at: expect.objectContaining({ line: 5, column: 9 }) },
    ]);
  });

  it('records a nested boolean once, and the app calls it invalid', () => {
    const { apps, documents } = buildModel([connectedApp('        <isAdminApproved><x>true</x></isAdminApproved>')]);
    expect(documents[0]!.invalid.map((invalid) => [invalid.field, invalid.found])).toEqual([['oauthConfig/isAdminApproved', '<x>…</x>']]);
    expect(apps[0]!.adminApproved).toMatchObject({ value: false, invalid: { found: '<x>…</x>' }, at: { line: 5, column: 9 } });
  });

  it('records a nested required label once, not also as missing', () => {
    const { documents } = buildModel([parsed('/p/L.connectedApp-meta.xml', '<ConnectedApp><label><b>L</b></label></ConnectedApp>')]);
    expect(documents[0]!.invalid.map((invalid) => [invalid.field, invalid.found])).toEqual([['label', '<b>…</b>']]);
  });

  it('records nested ECA scopes and enum values', () => {
    const files = externalClientApp('E');
    files[ECA_PATHS.oauth('E')] = files[ECA_PATHS.oauth('E')]!.replace(/<commaSeparatedOauthScopes>.*<\/commaSeparatedOauthScopes>/, '<commaSeparatedOauthScopes><ConnectedAppOauthAccessScope>Full</ConnectedAppOauthAccessScope></commaSeparatedOauthScopes>');
    files[ECA_PATHS.policy('E')] = files[ECA_PATHS.policy('E')]!.replace('<ipRelaxationPolicyType>Enforce</ipRelaxationPolicyType>', '<ipRelaxationPolicyType><v>Bypass</v></ipRelaxationPolicyType>');
    const { apps, documents } = buildModel(Object.entries(files).map(([path, text]) => parsed(`/p/${path}`, text)));
    const fields = documents.flatMap((doc) => doc.invalid.map((invalid) => invalid.field));
    expect(fields).toEqual(['commaSeparatedOauthScopes', 'ipRelaxationPolicyType']);
    expect(apps[0]!.scopes).toEqual([]);
    expect(apps[0]!.ipRelaxation).toMatchObject({ value: 'ENFORCE', invalid: { found: '<v>…</v>' } });
  });

  it('valid-metadata reports nested scopes through the whole pipeline', async () => {
    const root = makeProject({
      'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] }),
      'force-app/main/default/connectedApps/N.connectedApp-meta.xml': '<ConnectedApp>\n  <label>N</label>\n  <oauthConfig>\n    <callbackUrl>https://a.example.com/cb</callbackUrl>\n    <scopes><scopes>Full</scopes></scopes>\n  </oauthConfig>\n</ConnectedApp>\n',
    });
    temporaryDirectories.push(root);
    const run = await lint({ cwd: root, paths: [root], only: ['valid-metadata'] });
    const findings = run.results.flatMap((result) => result.findings);
    expect(findings.map((finding) => [finding.ruleId, finding.at.line, finding.at.column])).toEqual([['valid-metadata', 5, 5]]);
    expect(findings[0]!.message).toContain('expected a plain value, not nested elements');
  });

  it('names nested elements without echoing their content, which may be a secret', async () => {
    const secret = '8F2A61C0D9E34B7A5C1D0E9F8A7B6C5D4E3F2A1B0C9D8E7F6A5B4C3D2E1F0A9B';
    const root = makeProject({
      'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] }),
      'force-app/main/default/connectedApps/S.connectedApp-meta.xml': `<ConnectedApp>\n  <label>S</label>\n  <oauthConfig>\n    <callbackUrl>https://a.example.com/cb</callbackUrl>\n    <consumerSecret><value>${secret}</value></consumerSecret>\n  </oauthConfig>\n</ConnectedApp>\n`,
    });
    temporaryDirectories.push(root);
    const run = await lint({ cwd: root, paths: [root], only: ['valid-metadata'] });
    const messages = run.results.flatMap((result) => result.findings.map((finding) => finding.message));
    expect(messages).toEqual([expect.stringContaining('oauthConfig/consumerSecret "<value>…</value>"')]);
    expect(messages.join('\n')).not.toContain(secret.slice(8, 40));
  });
});

describe('model: ECA files excluded by .forceignore', () => {
  const eca = (ignored: (path: string) => boolean) => {
    const files = externalClientApp('E', { ipRelaxation: 'Bypass' });
    files[ECA_PATHS.global('E')] = files[ECA_PATHS.global('E')]!.replace('<label>', '<consumerSecret>8F2A61C0D9E34B7A5C1D0E9F8A7B6C5D4E3F2A1B0C9D8E7F6A5B4C3D2E1F0A9B</consumerSecret><label>');
    return buildModel(Object.entries(files).map(([path, text]) => parsed(`/p/${path}`, text, ignored(path)))).apps;
  };

  it('builds the app from the files that deploy, keeping the consumerSecret of an excluded file', () => {
    const apps = eca((path) => path.endsWith('.ecaOauthPlcy-meta.xml') || path.endsWith('.ecaGlblOauth-meta.xml'));
    expect(apps).toHaveLength(1);
    const app = apps[0]!;
    expect(app.forceIgnored).toBe(false);
    expect(app.files.map((file) => file.type)).toEqual(['ExternalClientApplication', 'ExtlClntAppOauthSettings']);
    expect(app.hasPolicyFile).toBe(false);
    expect(app.ipRelaxation).toMatchObject({ value: 'ENFORCE', defaulted: true });
    expect(app.callbackUrls).toEqual([]);
    expect(app.consumerSecret?.at.file).toBe(`/p/${ECA_PATHS.global('E')}`);
  });

  it('builds an app whose every file is excluded from all of them, marked forceIgnored', () => {
    const app = eca(() => true)[0]!;
    expect(app.forceIgnored).toBe(true);
    expect(app.files).toHaveLength(4);
    expect(app.ipRelaxation.value).toBe('BYPASS');
  });

  it('no finding of a metadata rule lands on an excluded file, except that it is committed: its secret, and global OAuth settings in source control', async () => {
    const files = externalClientApp('E', { ipRelaxation: 'Bypass', callbackUrl: 'http://partner.example.com/cb' });
    files[ECA_PATHS.global('E')] = files[ECA_PATHS.global('E')]!.replace('<label>', '<consumerSecret>8F2A61C0D9E34B7A5C1D0E9F8A7B6C5D4E3F2A1B0C9D8E7F6A5B4C3D2E1F0A9B</consumerSecret><label>');
    const root = makeProject({
      ...files,
      'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] }),
      '.forceignore': '**/*.ecaOauthPlcy-meta.xml\n**/*.ecaGlblOauth-meta.xml\n',
    });
    temporaryDirectories.push(root);
    const run = await lint({ cwd: root, paths: [root], environment: 'production' });
    const onIgnored = run.results
      .filter((result) => /\.eca(OauthPlcy|GlblOauth)-meta\.xml$/.test(result.file))
      .flatMap((result) => result.findings.map((finding) => finding.ruleId));
    // A .forceignore'd file never deploys but is still committed: its secret, and the global OAuth settings being in
    // source control at all (issue 13.9), are still reported.
    expect(onIgnored.sort()).toEqual(['eca-global-oauth-in-source-control', 'no-secrets-in-repo']);
  });
});

describe('model: where findings about absent ECA OAuth elements go (DECISIONS 12)', () => {
  it('on the global OAuth settings root when that file exists', () => {
    const app = buildModel(Object.entries(externalClientApp('E')).map(([path, text]) => parsed(`/p/${path}`, text))).apps[0]!;
    expect(app.oauthAnchor.file).toBe(`/p/${ECA_PATHS.global('E')}`);
    expect(app.pkceRequired).toMatchObject({ defaulted: true, at: { file: `/p/${ECA_PATHS.global('E')}`, line: 2 } });
  });

  it('on the .eca header when there is no global OAuth settings file, never on the .ecaOauth file', () => {
    const files = externalClientApp('E');
    delete files[ECA_PATHS.global('E')];
    const app = buildModel(Object.entries(files).map(([path, text]) => parsed(`/p/${path}`, text))).apps[0]!;
    expect(app.usesOAuth).toBe(true);
    expect(app.oauthAnchor).toEqual(app.anchor);
    expect(app.anchor.file).toBe(`/p/${ECA_PATHS.header('E')}`);
    expect(app.refreshTokenRotation.at.file).toBe(`/p/${ECA_PATHS.header('E')}`);
  });
});

describe('isNativeCallback', () => {
  it('is true for a native app private-use scheme, written or parsed', () => {
    expect(isNativeCallback('com.example.app:/oauth2redirect')).toBe(true);
    expect(isNativeCallback('myapp://callback')).toBe(true);
    expect(isNativeCallback(parseUrl('sfdc://success'))).toBe(true);
  });

  it('is false for web, scripting and scheme-less values', () => {
    for (const value of ['https://a.example.com/cb', 'http://localhost:1717/OauthRedirect', 'javascript:alert(1)', 'data:text/html,x', 'localhost:1717/cb', '/relative', '']) {
      expect(isNativeCallback(value), value).toBe(false);
    }
  });
});
