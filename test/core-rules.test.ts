// Unit tests for the core rules (callback-url-https … certificate-valid) where fixtures cannot show the behaviour
// well: a fixed clock for certificate expiry, option handling, masking, and hostile input.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/lint.js';
import { adminApprovedInProduction } from '../src/rules/admin-approved-in-production.js';
import { callbackUrlExact } from '../src/rules/callback-url-exact.js';
import { callbackUrlHttps } from '../src/rules/callback-url-https.js';
import { certificateValid, createCertificateValid } from '../src/rules/certificate-valid.js';
import { ipRelaxationEnforced } from '../src/rules/ip-relaxation-enforced.js';
import { jwtCertificatePresent } from '../src/rules/jwt-certificate-present.js';
import { permittedUsersAssigned } from '../src/rules/permitted-users-assigned.js';
import { quoteUrl } from '../src/rules/util/display.js';
import { explainInsecureHttp, insecureHttpUrl, plainHttpSeverity, urlTransport } from '../src/rules/util/http-url.js';
import type { Located, OAuthApp, Position, ReportDescriptor, Rule, RuleContext } from '../src/types.js';

const FILE = '/project/force-app/main/default/connectedApps/App.connectedApp-meta.xml';
const at = (line: number, column = 1): Position => ({ file: FILE, line, column });
const located = <T>(value: T, line: number, column = 1): Located<T> => ({ value, at: at(line, column) });

/** A well-configured Connected App; each test overrides what it is about. */
function makeApp(overrides: Partial<OAuthApp> = {}): OAuthApp {
  return {
    name: 'App',
    kind: 'connectedApp',
    files: [{ file: FILE, type: 'ConnectedApp', root: at(2) }],
    forceIgnored: false,
    usesOAuth: true,
    anchor: at(2),
    oauthAnchor: at(5, 5),
    policyAnchor: at(5, 5),
    hasPolicyFile: false,
    flow: { value: 'web-server', declared: false },
    scopes: [located('Api', 9, 9)],
    callbackUrls: [located('https://app.example.com/oauth/callback', 6, 22)],
    adminApproved: located(true, 7, 26),
    permittedProfiles: [located('Integration User', 20, 5)],
    permittedPermissionSets: [],
    ipRelaxation: { value: 'ENFORCE', at: at(5, 5), defaulted: true },
    refreshTokenPolicy: { value: 'infinite', at: at(5, 5), defaulted: true },
    refreshTokenRotation: { value: false, at: at(5, 5), defaulted: true },
    pkceRequired: { value: false, at: at(5, 5), defaulted: true },
    consumerSecretOptional: { value: false, at: at(5, 5), defaulted: true },
    clientCredentialsEnabled: { value: false, at: at(5, 5), defaulted: true },
    deviceFlowEnabled: { value: false, at: at(5, 5), defaulted: true },
    tokenExchangeEnabled: { value: false, at: at(5, 5), defaulted: true },
    introspectAllTokens: { value: false, at: at(5, 5), defaulted: true },
    otherUrls: [],
    ...overrides,
  };
}

type ContextPart = Partial<Pick<RuleContext, 'environment' | 'options' | 'appConfig'>>;

/** Runs one rule's app check directly and returns what it reported. */
function check(rule: Rule, app: OAuthApp, context: ContextPart = {}): ReportDescriptor[] {
  const reports: ReportDescriptor[] = [];
  rule.checkApp!(app, { environment: 'production', root: '/project', options: {}, ...context, report: (d) => reports.push(d) });
  return reports;
}

const CERTS = fileURLToPath(new URL('../fixtures/certs/', import.meta.url));
const certFile = (name: string): string => readFileSync(join(CERTS, name), 'utf8');
const withCertificate = (text: string): OAuthApp => makeApp({ certificate: located(text, 7, 22), flow: { value: 'jwt-bearer', declared: false } });
const clock = (iso: string) => () => new Date(iso);

describe('util/http-url', () => {
  it('classifies URLs by transport', () => {
    expect(urlTransport('https://app.example.com/cb')).toEqual({ kind: 'https' });
    expect(urlTransport('HTTP://App.Example.com/cb')).toEqual({ kind: 'http', host: 'app.example.com', loopback: false });
    expect(urlTransport('http://localhost:1717/OauthRedirect')).toEqual({ kind: 'http', host: 'localhost', loopback: true });
    expect(urlTransport('http://127.0.0.1:8080/cb')).toMatchObject({ kind: 'http', loopback: true });
    expect(urlTransport('http://[::1]:8080/cb')).toMatchObject({ kind: 'http', host: '[::1]', loopback: true });
    expect(urlTransport('http://localhost.evil.com/cb')).toMatchObject({ kind: 'http', loopback: false });
    expect(urlTransport('com.example.app:/oauth2/callback')).toEqual({ kind: 'private-use', scheme: 'com.example.app' });
    expect(urlTransport('myapp://cb')).toEqual({ kind: 'private-use', scheme: 'myapp' });
    expect(urlTransport('javascript:alert(1)')).toEqual({ kind: 'other', scheme: 'javascript' });
    expect(urlTransport('/relative/cb')).toMatchObject({ kind: 'unparseable' });
    expect(urlTransport('')).toMatchObject({ kind: 'unparseable' });
  });

  it('judges plain http by host and environment', () => {
    expect(plainHttpSeverity(false, 'production')).toBe('error');
    expect(plainHttpSeverity(false, 'sandbox')).toBe('error');
    expect(plainHttpSeverity(true, 'production')).toBe('warning');
    expect(plainHttpSeverity(true, 'sandbox')).toBeUndefined();
    expect(insecureHttpUrl('https://app.example.com/cb', 'production')).toBeUndefined();
    expect(insecureHttpUrl('myapp://cb', 'production')).toBeUndefined();
    expect(insecureHttpUrl('http://localhost:1717/OauthRedirect', 'sandbox')).toBeUndefined();
    expect(insecureHttpUrl('http://localhost:1717/OauthRedirect', 'production')).toEqual({ host: 'localhost', loopback: true, severity: 'warning' });
    const remote = insecureHttpUrl('http://app.example.com/cb', 'sandbox');
    expect(remote).toEqual({ host: 'app.example.com', loopback: false, severity: 'error' });
    expect(explainInsecureHttp(remote!)).toContain('app.example.com');
  });
});

describe('util/display quoteUrl', () => {
  it('masks the password of a user:password@ part', () => {
    const quoted = quoteUrl('https://svc:hunter2-very-secret@app.example.com/cb');
    expect(quoted).not.toContain('hunter2-very-secret');
    expect(quoted).toContain('svc:');
    expect(quoted).toContain('@app.example.com/cb');
  });

  it('keeps a normal URL as written and cuts a hostile long one', () => {
    expect(quoteUrl('https://app.example.com/cb')).toBe('"https://app.example.com/cb"');
    const long = quoteUrl(`https://app.example.com/${'a'.repeat(100_000)}`);
    expect(long.length).toBeLessThan(300);
    expect(long.endsWith('…"')).toBe(true);
  });
});

describe('callback-url-https', () => {
  it('never repeats a password written into a callback URL', () => {
    const reports = check(callbackUrlHttps, makeApp({ callbackUrls: [located('http://svc:s3cr3t-password-value@app.example.com/cb', 6, 22)] }));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.message).not.toContain('s3cr3t-password-value');
  });

  it('leaves unparseable values to callback-url-exact and ignores apps without OAuth', () => {
    expect(check(callbackUrlHttps, makeApp({ callbackUrls: [located('not a url', 6, 22)] }))).toEqual([]);
    expect(check(callbackUrlHttps, makeApp({ usesOAuth: false, callbackUrls: [located('http://app.example.com/cb', 6, 22)] }))).toEqual([]);
  });
});

describe('callback-url-exact', () => {
  it('compares with the list of the effective environment only', () => {
    const app = makeApp({ callbackUrls: [located('https://uat.example.com/cb', 6, 22)] });
    const appConfig = { callbackUrls: { production: ['https://app.example.com/cb'] } };
    expect(check(callbackUrlExact, app, { environment: 'sandbox', appConfig })).toEqual([]);
    const production = check(callbackUrlExact, app, { environment: 'production', appConfig });
    expect(production.map((r) => r.at.line)).toEqual([6, 5]);
    expect(production[0]!.message).toContain('for production');
    expect(production[1]!.message).toContain('lacks the callback URL "https://app.example.com/cb"');
  });

  it('trims declared URLs, reports a URL declared twice once, and ignores non-strings in a hand-written config', () => {
    const app = makeApp({ callbackUrls: [located('https://app.example.com/cb', 6, 22)] });
    const appConfig = { callbackUrls: [' https://app.example.com/cb ', 'https://b.example.com/cb', 'https://b.example.com/cb', 42] as unknown as string[] };
    const reports = check(callbackUrlExact, app, { appConfig });
    expect(reports).toHaveLength(1);
    expect(reports[0]!.message).toContain('https://b.example.com/cb');
  });

  it('a missing callback of an ECA without global OAuth settings goes to the .eca header (DECISIONS 12)', () => {
    const header: Position = { file: '/p/Partner.eca-meta.xml', line: 2, column: 1 };
    const oauth: Position = { file: '/p/Partner.ecaOauth-meta.xml', line: 2, column: 1 };
    const app = makeApp({
      kind: 'externalClientApp',
      callbackUrls: [],
      anchor: header,
      oauthAnchor: oauth,
      files: [
        { file: header.file, type: 'ExternalClientApplication', root: header },
        { file: oauth.file, type: 'ExtlClntAppOauthSettings', root: oauth },
      ],
    });
    const reports = check(callbackUrlExact, app, { appConfig: { callbackUrls: ['https://app.example.com/cb'] } });
    expect(reports.map((r) => r.at)).toEqual([header]);
    expect(reports[0]!.message).toContain('callbackUrl (.ecaGlblOauth)');
  });
});

describe('admin-approved-in-production and permitted-users-assigned', () => {
  it('ignore apps without OAuth', () => {
    const app = makeApp({ usesOAuth: false, adminApproved: { value: false, at: at(5, 5), defaulted: true } });
    expect(check(adminApprovedInProduction, app)).toEqual([]);
    expect(check(permittedUsersAssigned, makeApp({ usesOAuth: false, permittedProfiles: [] }))).toEqual([]);
  });

  it('reports an admin-approved app with neither profiles nor permission sets at the approval', () => {
    const reports = check(permittedUsersAssigned, makeApp({ permittedProfiles: [] }));
    expect(reports.map((r) => r.at)).toEqual([at(7, 26)]);
    expect(check(permittedUsersAssigned, makeApp({ permittedProfiles: [], permittedPermissionSets: [located('API', 21, 5)] }))).toEqual([]);
  });
});

describe('ip-relaxation-enforced', () => {
  const bypass = { ipRelaxation: located('BYPASS' as const, 12, 23) };
  const reason = { ipRelaxation: { reason: 'depot scanners roam' } };

  it('compares the session level without letter case ([UNCERTAIN] literal)', () => {
    expect(check(ipRelaxationEnforced, makeApp({ ...bypass, sessionLevel: located('high_assurance', 30, 23) }), { appConfig: reason })).toEqual([]);
  });

  it('treats a blank reason as no reason', () => {
    const reports = check(ipRelaxationEnforced, makeApp({ ...bypass, sessionLevel: located('HIGH_ASSURANCE', 30, 23) }), {
      appConfig: { ipRelaxation: { reason: '   ' } },
    });
    expect(reports).toHaveLength(1);
    expect(reports[0]!.message).toContain('apps.App.ipRelaxation.reason');
  });
});

describe('jwt-certificate-present', () => {
  it('passes a jwt-bearer app with a certificate and any other flow without one', () => {
    expect(check(jwtCertificatePresent, makeApp({ flow: { value: 'jwt-bearer', declared: true }, certificate: located('MIIB', 7, 22) }))).toEqual([]);
    expect(check(jwtCertificatePresent, makeApp({ flow: { value: 'client-credentials', declared: true } }))).toEqual([]);
    expect(check(jwtCertificatePresent, makeApp({ flow: { value: 'jwt-bearer', declared: true } })).map((r) => r.at)).toEqual([at(5, 5)]);
  });
});

describe('certificate-valid with a fixed clock', () => {
  const valid = certFile('valid-rsa2048-sha256.b64'); // 2025-01-01 .. 2055-01-01

  it('warns when the certificate expires within 30 days, with subject, expiry date and days left', () => {
    const reports = check(createCertificateValid(clock('2054-12-15T00:00:00Z')), withCertificate(valid));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.severity).toBe('warning');
    expect(reports[0]!.at).toEqual(at(7, 22));
    expect(reports[0]!.message).toContain('CN=valid-rsa2048-sha256, OU=Fixtures, O=Connected App Lint, C=AU');
    expect(reports[0]!.message).toContain('expires on 2055-01-01, in 17 days');
  });

  it('stays silent outside the window', () => {
    expect(check(createCertificateValid(clock('2054-12-01T00:00:00Z')), withCertificate(valid))).toEqual([]);
  });

  it('takes the window from the expiryWarningDays option, inclusive of its last day', () => {
    const rule = createCertificateValid(clock('2054-12-15T00:00:00Z'));
    expect(check(rule, withCertificate(valid), { options: { expiryWarningDays: 16 } })).toEqual([]);
    expect(check(rule, withCertificate(valid), { options: { expiryWarningDays: 17 } })).toHaveLength(1);
    expect(check(rule, withCertificate(valid), { options: { expiryWarningDays: 90 } })[0]!.message).toContain('90 days before expiry');
  });

  it('falls back to 30 days for an unusable option value', () => {
    const rule = createCertificateValid(clock('2054-12-15T00:00:00Z'));
    for (const bad of [-1, 'soon', Number.NaN, null]) {
      const reports = check(rule, withCertificate(valid), { options: { expiryWarningDays: bad } });
      expect(reports.map((r) => r.message)).toEqual([expect.stringContaining('30 days before expiry')]);
    }
  });

  it('reports expiry as an error on the day after, counting days ago', () => {
    const reports = check(createCertificateValid(clock('2055-01-02T00:00:00Z')), withCertificate(valid));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.severity).toBeUndefined(); // the rule's own level: error
    expect(reports[0]!.message).toContain('expired on 2055-01-01, 1 day ago');
  });

  it('reports each problem of one certificate separately (expired and a weak key)', () => {
    const reports = check(createCertificateValid(clock('2046-01-01T00:00:00Z')), withCertificate(certFile('weak-rsa1024.pem')));
    expect(reports.map((r) => r.message)).toEqual([expect.stringContaining('expired on 2045-01-01'), expect.stringContaining('1024-bit RSA key')]);
    expect(reports[1]!.message).toContain('expired 2045-01-01, 365 days ago');
  });

  it('never shows private key material pasted in place of a certificate', () => {
    const body = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj';
    const reports = check(certificateValid, withCertificate(`-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----`));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.message).toContain('private key');
    expect(reports[0]!.message).not.toContain(body.slice(10, 30));
  });

  it('runs through the engine with the configured option', async () => {
    const dir = fileURLToPath(new URL('../fixtures/rules/jwt-certificate-present/good/', import.meta.url));
    const rules = [createCertificateValid(clock('2054-12-15T00:00:00Z'))];
    const run = async (setting?: ['warn', { expiryWarningDays: number }]) =>
      (await lint({ cwd: dir, paths: [dir], rules, config: { config: setting ? { rules: { 'certificate-valid': setting } } : {} } })).results.flatMap(
        (result) => result.findings,
      );
    const findings = await run();
    expect(findings.map((f) => [f.app, f.severity])).toEqual([
      ['Integration', 'warning'],
      ['Partner', 'warning'],
    ]);
    expect(await run(['warn', { expiryWarningDays: 10 }])).toEqual([]);
  });
});

describe('hostile input never crashes a rule', () => {
  const rules = [callbackUrlHttps, callbackUrlExact, adminApprovedInProduction, permittedUsersAssigned, ipRelaxationEnforced, jwtCertificatePresent, certificateValid];
  const hostile = [
    '',
    '\u0000',
    'http://',
    '::::',
    'http://[::1',
    `https://${'a'.repeat(70_000)}.example.com/cb`,
    'https://exa mple.com/cb',
    '-----BEGIN CERTIFICATE-----',
    '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
    'MIIB'.repeat(10_000),
    '\uD800',
  ];

  for (const rule of rules) {
    it(rule.meta.id, () => {
      for (const value of hostile) {
        const app = makeApp({
          callbackUrls: [located(value, 6, 22), located(value, 7, 1)],
          certificate: located(value, 8, 22),
          sessionLevel: located(value, 30, 1),
          ipRelaxation: located('BYPASS' as const, 12, 23),
          flow: { value: 'jwt-bearer', declared: true },
        });
        const appConfig = { callbackUrls: [value, 7 as unknown as string], ipRelaxation: { reason: value } };
        for (const environment of ['production', 'sandbox'] as const) {
          const reports = check(rule, app, { environment, appConfig, options: { expiryWarningDays: value } });
          for (const report of reports) expect(report.message.length).toBeLessThan(2_000);
        }
      }
    });
  }
});
