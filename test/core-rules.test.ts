// Unit tests for the core rules (callback-url-https … certificate-valid) where fixtures cannot show the behaviour
// well: a fixed clock for certificate expiry, option handling, masking, and hostile input.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/lint.js';
import { adminApprovedInProduction } from '../src/rules/admin-approved-in-production.js';
import { ecaPolicyVerifiable } from '../src/rules/eca-policy-verifiable.js';
import { callbackUrlExact } from '../src/rules/callback-url-exact.js';
import { callbackUrlHttps } from '../src/rules/callback-url-https.js';
import { certificateValid, createCertificateValid } from '../src/rules/certificate-valid.js';
import { clientCredentialsUser } from '../src/rules/client-credentials-user.js';
import { httpsUrls } from '../src/rules/https-urls.js';
import { ipRelaxationEnforced } from '../src/rules/ip-relaxation-enforced.js';
import { jwtCertificatePresent } from '../src/rules/jwt-certificate-present.js';
import { minimalScopes } from '../src/rules/minimal-scopes.js';
import { noFullScope } from '../src/rules/no-full-scope.js';
import { noSecretsInRepo } from '../src/rules/no-secrets-in-repo.js';
import { permittedUsersAssigned } from '../src/rules/permitted-users-assigned.js';
import { pkceRequired } from '../src/rules/pkce-required.js';
import { refreshTokenExpiry } from '../src/rules/refresh-token-expiry.js';
import { quoteUrl } from '../src/rules/util/display.js';
import { isHttpTypo, isProtocolRelative, transportProblem } from '../src/rules/util/http-url.js';
import { optionsProblem } from '../src/engine/rule-options.js';
import { messageOf, ruleAppliesToApp } from '../src/engine/run-rules.js';
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
    flows: { value: ['web-server'], declared: false },
    scopes: [located('Api', 9, 9)],
    callbackUrls: [located('https://app.example.com/oauth/callback', 6, 22)],
    adminApproved: located(true, 7, 26),
    permittedProfiles: [located('Integration User', 20, 5)],
    permittedPermissionSets: [],
    ipRelaxation: { value: 'ENFORCE', at: at(5, 5), defaulted: true },
    refreshTokenPolicy: { value: 'infinite', at: at(5, 5), defaulted: true },
    refreshTokenRotation: { value: false, at: at(5, 5), defaulted: true },
    secretRequiredForRefreshToken: { value: true, at: at(5, 5), defaulted: true },
    trustedIpRanges: [],
    codeCredentialEnabled: { value: false, at: at(5, 5), defaulted: true },
    pkceRequired: { value: true, at: at(5, 5), defaulted: true },
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
function check(rule: Rule, app: OAuthApp, context: ContextPart = {}): (ReportDescriptor & { message: string })[] {
  const reports: (ReportDescriptor & { message: string })[] = [];
  // As the engine runs it: the rule's subjects, its default options under the given ones, its message templates.
  if (!ruleAppliesToApp(rule, app)) return reports;
  const options = { ...rule.meta.defaultOptions, ...context.options };
  rule.checkApp!(app, { environment: 'production', root: '/project', ...context, options, report: (d) => reports.push({ ...d, message: messageOf(rule, d) }) });
  return reports;
}

const CERTS = fileURLToPath(new URL('../fixtures/certs/', import.meta.url));
const certFile = (name: string): string => readFileSync(join(CERTS, name), 'utf8');
const withCertificate = (text: string): OAuthApp => makeApp({ certificate: located(text, 7, 22), flows: { value: ['jwt-bearer'], declared: false } });
const clock = (iso: string) => () => new Date(iso);

describe('util/http-url', () => {
  it('judges plain http by host and environment, loopback over http or https alike', () => {
    expect(transportProblem('https://app.example.com/cb', 'production', true)).toBeUndefined();
    expect(transportProblem('/apex/Home', 'production', false)).toBeUndefined();
    expect(transportProblem('http://localhost:1717/cb', 'sandbox', true)).toBeUndefined();
    expect(transportProblem('https://localhost:443/', 'sandbox', true)).toBeUndefined();
    expect(transportProblem('http://localhost:1717/cb', 'production', true)).toEqual({ kind: 'loopback', host: 'localhost', severity: 'warning' });
    expect(transportProblem('https://localhost:443/', 'production', true)).toEqual({ kind: 'loopback', host: 'localhost', severity: 'warning' });
    expect(transportProblem('http://127.0.0.1:8080/cb', 'production', true)).toMatchObject({ kind: 'loopback' });
    expect(transportProblem('http://[::1]:8080/cb', 'production', true)).toMatchObject({ kind: 'loopback', host: '[::1]' });
    expect(transportProblem('http://localhost.evil.com/cb', 'sandbox', true)).toEqual({ kind: 'http', host: 'localhost.evil.com' });
    expect(transportProblem('HTTP://App.Example.com/cb', 'sandbox', true)).toEqual({ kind: 'http', host: 'app.example.com' });
  });

  it('accepts private-use schemes only where allowed, and never a near miss of http or https', () => {
    expect(transportProblem('com.example.app:/cb', 'production', true)).toBeUndefined();
    expect(transportProblem('myapp://cb', 'production', true)).toBeUndefined();
    expect(transportProblem('com.example.app:/cb', 'production', false)).toEqual({ kind: 'scheme', scheme: 'com.example.app' });
    for (const scheme of ['htttps', 'htps', 'hhtps', 'htp', 'httpss', 'hxxps']) {
      expect(transportProblem(`${scheme}://askemc.zendesk.com`, 'production', true), scheme).toEqual({ kind: 'typo', scheme });
      expect(isHttpTypo(scheme), scheme).toBe(true);
    }
    for (const scheme of ['ftp', 'wss', 'sfdc', 'com.example.app', 'myapp']) expect(isHttpTypo(scheme), scheme).toBe(false);
    for (const [value, scheme] of [['javascript:alert(1)', 'javascript'], ['data:image/png;base64,iVBORw0KGgo=', 'data'], ['ftp://files.example.com/logo.png', 'ftp'], ['JavaScript:alert(1)', 'javascript']]) {
      expect(transportProblem(value!, 'sandbox', true), value).toEqual({ kind: 'scheme', scheme });
    }
  });

  it('recognises protocol-relative URLs, which leave the Salesforce domain without a scheme', () => {
    expect(isProtocolRelative('//evil.example.com/x')).toBe(true);
    expect(isProtocolRelative(' \\\\evil.example.com/x')).toBe(true);
    expect(isProtocolRelative('/apex/Home')).toBe(false);
    expect(isProtocolRelative('https://app.example.com/')).toBe(false);
  });
});

describe('util/display quoteUrl', () => {
  it('masks the password of a user:password@ part', () => {
    const quoted = quoteUrl('https://svc:hunter2-very-secret@app.example.com/cb');
    expect(quoted).not.toContain('hunter2-very-secret');
    expect(quoted).toContain('svc:');
    expect(quoted).toContain('@app.example.com/cb');
  });

  it('masks the values of query and fragment parameters named like credentials, and nothing else', () => {
    const quoted = quoteUrl('https://app.example.com/cb?id=0152w000001H0L6&code=aPrxKn2c9Qm7Ljd8&state=xyz#access_token=T0kenValue4242abcd&token_type=Bearer');
    expect(quoted).not.toContain('aPrxKn2c9Qm7Ljd8');
    expect(quoted).not.toContain('T0kenValue4242abcd');
    expect(quoted).toContain('?id=0152w000001H0L6&code=aPrx…****&state=xyz#access_token=T0ke…****&token_type=Bearer');
    for (const name of ['sid', 'client_secret', 'refresh_token', 'password', 'api_key', 'apiKey', 'signature', 'X-Amz-Signature']) {
      expect(quoteUrl(`https://a.example.com/x?${name}=Zq8vLmN3pR5tW7yB`), name).not.toContain('Zq8vLmN3pR5tW7yB');
    }
    // Real logo URLs carry a record id and an org id, which are not secrets.
    const logo = 'https://acme.file.force.com/servlet/servlet.ImageServer?id=0152w000001H0L6&oid=00D2w00000Qujn3';
    expect(quoteUrl(logo)).toBe(`"${logo}"`);
  });

  it('masks a Salesforce session id wherever it sits in the URL', () => {
    const token = '00D5g000004ABCD!AQ8AQKzX1yV2wT3uS4rQ5pO6nM7lK8jI9hG0fE1dC2bA3zY4xW5vU6';
    for (const url of [`https://app.example.com/session/${token}/cb`, `https://app.example.com/cb?state=${token}`, `http://app.example.com/cb?access_token=${token}`]) {
      const quoted = quoteUrl(url);
      expect(quoted, url).not.toContain(token.slice(4, 16));
      expect(quoted, url).not.toContain(token.slice(-12));
    }
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

describe('callback-url-https and https-urls judge URLs by one policy', () => {
  const remote = 'uses plain http';
  const loopback = 'own machine in production';

  it('remote and loopback http', () => {
    const callback = check(callbackUrlHttps, makeApp({ callbackUrls: [located('http://app.example.com/cb', 6, 22), located('http://localhost:1717/cb', 7, 22)] }));
    const other = check(httpsUrls, makeApp({ otherUrls: [{ field: 'startUrl', url: located('http://portal.example.com/', 12, 15) }, { field: 'logoUrl', url: located('http://localhost:8080/logo.png', 13, 14) }] }));
    expect(callback.map((r) => r.message)).toEqual([expect.stringContaining(remote), expect.stringContaining(loopback)]);
    expect(other.map((r) => r.message)).toEqual([expect.stringContaining(remote), expect.stringContaining(loopback)]);
    expect(callback.map((r) => r.severity)).toEqual([undefined, 'warning']);
    expect(other.map((r) => r.severity)).toEqual([undefined, 'warning']);
  });

  it('https-urls reports javascript:, data:, ftp: and protocol-relative URLs, and passes relative ones', () => {
    const urls = [
      { field: 'logoUrl', url: located('javascript:alert(1)', 6, 14) },
      { field: 'iconUrl', url: located('data:image/png;base64,iVBORw0KGgo=', 7, 14) },
      { field: 'infoUrl', url: located('ftp://files.example.com/about', 8, 14) },
      { field: 'startUrl', url: located('//evil.example.com/x', 9, 15) },
      { field: 'mobileStartUrl', url: located('/apex/MobileHome', 10, 21) },
    ];
    const reports = check(httpsUrls, makeApp({ usesOAuth: false, otherUrls: urls }), { environment: 'sandbox' });
    expect(reports.map((r) => [r.at.line, r.severity])).toEqual([
      [6, undefined],
      [7, undefined],
      [8, undefined],
      [9, undefined],
    ]);
    expect(reports[0]!.message).toContain('App "App" logoUrl "javascript:alert(1)" uses the javascript: scheme');
    expect(reports[3]!.message).toContain('is protocol-relative');
  });
});

describe('messages never echo a credential written into a URL', () => {
  const secret = 'Qm7Ljd8aPrxKn2c9Zq8vLmN3';
  it('callback-url-https, https-urls, callback-url-exact and pkce-required', () => {
    const reports = [
      ...check(callbackUrlHttps, makeApp({ callbackUrls: [located(`http://app.example.com/cb?access_token=${secret}`, 6, 22)] })),
      ...check(httpsUrls, makeApp({ otherUrls: [{ field: 'startUrl', url: located(`http://portal.example.com/?sid=${secret}`, 12, 15) }] })),
      ...check(callbackUrlExact, makeApp({ callbackUrls: [located(`https://app.example.com/cb#code=${secret}`, 6, 22)] })),
      ...check(pkceRequired, makeApp({ callbackUrls: [located(`com.example.app:/cb?client_secret=${secret}`, 6, 22)], pkceRequired: { value: false, at: at(5, 5), defaulted: true } })),
    ];
    expect(reports).toHaveLength(4);
    for (const report of reports) {
      expect(report.message).not.toContain(secret.slice(4));
      expect(report.message).toContain('Qm7L…****');
    }
  });
});

describe('External Client App messages use the ECA spellings and file names', () => {
  const policy: Position = { file: '/p/Partner.ecaOauthPlcy-meta.xml', line: 2, column: 1 };
  const eca = (overrides: Partial<OAuthApp>): OAuthApp => makeApp({ kind: 'externalClientApp', hasPolicyFile: true, policyAnchor: policy, ...overrides });

  it('ip-relaxation-enforced tells an ECA to use Enforce, a Connected App ENFORCE', () => {
    const [ecaReport] = check(ipRelaxationEnforced, eca({ ipRelaxation: { value: 'BYPASS', at: policy } }));
    expect(ecaReport!.message).toContain('ipRelaxationPolicyType (.ecaOauthPlcy) Bypass');
    expect(ecaReport!.message).toContain('use Enforce');
    expect(ecaReport!.message).not.toContain('ENFORCE');
    const [connectedAppReport] = check(ipRelaxationEnforced, makeApp({ ipRelaxation: located('BYPASS' as const, 12, 23) }));
    expect(connectedAppReport!.message).toContain('use ENFORCE');
  });

  it('refresh-token-expiry, client-credentials-user and admin-approved-in-production name the .ecaOauthPlcy element', () => {
    const [refresh] = check(refreshTokenExpiry, eca({ scopes: [located('RefreshToken', 3, 5)], refreshTokenPolicy: { value: 'infinite', at: policy } }));
    expect(refresh!.message).toContain('refreshTokenPolicyType (.ecaOauthPlcy) is infinite');
    const [user] = check(clientCredentialsUser, eca({ clientCredentialsEnabled: { value: true, at: policy } }));
    expect(user!.message).toContain('without a run-as user in clientCredentialsFlowUser (.ecaOauthPlcy)');
    const [approval] = check(adminApprovedInProduction, eca({ adminApproved: { value: false, at: policy, defaulted: true } }));
    expect(approval!.message).toContain('permittedUsersPolicyType (.ecaOauthPlcy) is absent; set AdminApprovedPreAuthorized');
    expect(check(adminApprovedInProduction, eca({ hasPolicyFile: false }))).toEqual([]);
    const [unverifiable] = check(ecaPolicyVerifiable, eca({ hasPolicyFile: false }));
    expect(unverifiable!.message).toContain('cannot be verified: no OAuth policy file (.ecaOauthPlcy) in the project');
  });

  it('no-secrets-in-repo names the element that holds the consumer secret', () => {
    const secret = located('8F3A1C5E7B9D2F4A6C8E0B1D3F5A7C9E', 4, 21);
    const [ecaReport] = check(noSecretsInRepo, eca({ consumerSecret: secret }));
    expect(ecaReport!.message).toContain('in consumerSecret (.ecaGlblOauth)');
    const [connectedAppReport] = check(noSecretsInRepo, makeApp({ consumerSecret: secret }));
    expect(connectedAppReport!.message).toContain('in oauthConfig/consumerSecret');
  });
});

describe('every rule compares scopes the same way (letter case, aliases)', () => {
  it('no-full-scope, refresh-token-expiry and minimal-scopes agree on a scope written in another case', () => {
    expect(check(noFullScope, makeApp({ scopes: [located('full', 9, 9)] }))).toHaveLength(1);
    const refresh = check(refreshTokenExpiry, makeApp({ scopes: [located('offlineaccess', 9, 9)] }));
    expect(refresh.map((r) => r.message)).toEqual([expect.stringContaining('valid until revoked')]);
    // minimal-scopes leaves Full to no-full-scope and knows that a JWT app gets no refresh token, whatever the case.
    const jwt = { flows: { value: ['jwt-bearer' as const], declared: true } };
    expect(check(minimalScopes, makeApp({ ...jwt, scopes: [located('full', 9, 9)] }))).toEqual([]);
    expect(check(minimalScopes, makeApp({ ...jwt, scopes: [located('refreshtoken', 9, 9)] })).map((r) => r.message)).toEqual([
      expect.stringContaining('requests refreshtoken, beyond what jwt-bearer needs'),
    ]);
  });
});

describe('callback-url-exact', () => {
  it('compares with the list of the effective environment only', () => {
    const app = makeApp({ callbackUrls: [located('https://uat.example.com/cb', 6, 22)] });
    const appConfig = { callbackUrls: { production: ['https://app.example.com/cb'] } };
    expect(check(callbackUrlExact, app, { environment: 'sandbox', appConfig })).toEqual([]);
    const production = check(callbackUrlExact, app, { environment: 'production', appConfig });
    expect(production.map((r) => r.at.line)).toEqual([6, 5]);
    expect(production[0]!.message).toContain('apps.App.callbackUrls.production');
    expect(production[1]!.message).toContain('lacks the callback "https://app.example.com/cb"');
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
      // The model anchors an ECA without global OAuth settings at its header (DECISIONS 12; test/model-robustness.test.ts).
      oauthAnchor: header,
      files: [
        { file: header.file, type: 'ExternalClientApplication', root: header },
        { file: oauth.file, type: 'ExtlClntAppOauthSettings', root: oauth },
      ],
    });
    const reports = check(callbackUrlExact, app, { appConfig: { callbackUrls: ['https://app.example.com/cb'] } });
    expect(reports.map((r) => r.at)).toEqual([header]);
    expect(reports[0]!.message).toContain('lacks the callback "https://app.example.com/cb"');
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
    expect(reports[0]!.message).toContain('sets oauthPolicy/ipRelaxation BYPASS');
  });
});

describe('jwt-certificate-present', () => {
  it('passes a jwt-bearer app with a certificate and any other flow without one', () => {
    expect(check(jwtCertificatePresent, makeApp({ flows: { value: ['jwt-bearer'], declared: true }, certificate: located('MIIB', 7, 22) }))).toEqual([]);
    expect(check(jwtCertificatePresent, makeApp({ flows: { value: ['client-credentials'], declared: true } }))).toEqual([]);
    expect(check(jwtCertificatePresent, makeApp({ flows: { value: ['jwt-bearer'], declared: true } })).map((r) => r.at)).toEqual([at(5, 5)]);
  });
});

describe('certificate-valid with a fixed clock', () => {
  const valid = certFile('valid-rsa2048-sha256.b64'); // 2025-01-01 .. 2055-01-01

  it('warns when the certificate expires within 30 days, with subject, expiry date and days left', () => {
    const reports = check(createCertificateValid(clock('2054-12-15T00:00:00Z')), withCertificate(valid));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.severity).toBe('warning');
    expect(reports[0]!.at).toEqual(at(7, 22));
    expect(reports[0]!.message).toContain('App "App" certificate "valid-rsa2048-sha256"');
    expect(reports[0]!.message).toContain('expires on 2055-01-01, in 17 days');
  });

  it('stays silent outside the window', () => {
    expect(check(createCertificateValid(clock('2054-12-01T00:00:00Z')), withCertificate(valid))).toEqual([]);
  });

  it('takes the window from the expiryWarningDays option, inclusive of its last day', () => {
    const rule = createCertificateValid(clock('2054-12-15T00:00:00Z'));
    expect(check(rule, withCertificate(valid), { options: { expiryWarningDays: 16 } })).toEqual([]);
    expect(check(rule, withCertificate(valid), { options: { expiryWarningDays: 17 } })).toHaveLength(1);
    expect(check(rule, withCertificate(valid), { options: { expiryWarningDays: 90 } })[0]!.message).toContain('in 17 days');
  });

  it('never sees an unusable option value: the engine checks options against the rule\'s schema', () => {
    const schema = createCertificateValid().meta.options;
    expect(optionsProblem({ expiryWarningDays: -1 }, schema)).toBe('options.expiryWarningDays must be at least 0');
    expect(optionsProblem({ expiryWarningDays: 'soon' }, schema)).toBe('options.expiryWarningDays must be an integer');
    expect(optionsProblem({ expiryWarningDays: null }, schema)).toBe('options.expiryWarningDays must be an integer');
    expect(optionsProblem({ expiryWarningDayz: 3 }, schema)).toContain('is not an option of this rule (it has expiryWarningDays)');
    expect(optionsProblem({ expiryWarningDays: 10 }, schema)).toBeUndefined();
  });

  it('reports expiry as a rotation warning on the day after (DECISIONS 13: JWT bearer does not enforce expiry)', () => {
    const reports = check(createCertificateValid(clock('2055-01-02T00:00:00Z')), withCertificate(valid));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.severity).toBe('warning');
    expect(reports[0]!.message).toContain('expired on 2055-01-01; rotate it and its signing key');
    expect(reports[0]!.message).not.toContain('fail');
  });

  it('reports each problem of one certificate separately (expired and a weak key)', () => {
    const reports = check(createCertificateValid(clock('2046-01-01T00:00:00Z')), withCertificate(certFile('weak-rsa1024.pem')));
    expect(reports.map((r) => r.message)).toEqual([expect.stringContaining('expired on 2045-01-01'), expect.stringContaining('1024-bit RSA key')]);
    expect(reports.map((r) => r.severity)).toEqual(['warning', undefined]);
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
  const rules = [callbackUrlHttps, callbackUrlExact, httpsUrls, pkceRequired, adminApprovedInProduction, permittedUsersAssigned, ipRelaxationEnforced, jwtCertificatePresent, certificateValid];
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
          otherUrls: [{ field: 'logoUrl', url: located(value, 9, 14) }],
          certificate: located(value, 8, 22),
          sessionLevel: located(value, 30, 1),
          ipRelaxation: located('BYPASS' as const, 12, 23),
          flows: { value: ['jwt-bearer'], declared: true },
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

describe('invalid values are left to valid-metadata, not reinterpreted', () => {
  it('isAdminApproved "True", isPkceRequired "yes" and an unknown refresh policy give valid-metadata findings only', async () => {
    const { lint } = await import('../src/engine/lint.js');
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const root = mkdtempSync(join(tmpdir(), 'calint-invalid-'));
    mkdirSync(join(root, 'connectedApps'));
    writeFileSync(
      join(root, 'connectedApps', 'Odd.connectedApp-meta.xml'),
      `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>a@example.com</contactEmail>
    <label>Odd</label>
    <oauthConfig>
        <callbackUrl>myapp://callback</callbackUrl>
        <isAdminApproved>True</isAdminApproved>
        <isPkceRequired>yes</isPkceRequired>
        <scopes>Api</scopes>
        <scopes>RefreshToken</scopes>
    </oauthConfig>
    <oauthPolicy>
        <ipRelaxation>ENFORCE</ipRelaxation>
        <refreshTokenPolicy>specific_lifetime:2:WEEKS</refreshTokenPolicy>
    </oauthPolicy>
    <profileName>Integration User</profileName>
</ConnectedApp>
`,
    );
    const run = await lint({ cwd: root, paths: [root] });
    const ids = run.results.flatMap((result) => result.findings.map((finding) => finding.ruleId));
    expect(ids.filter((id) => id === 'valid-metadata')).toHaveLength(3);
    expect(ids).not.toContain('admin-approved-in-production');
    expect(ids).not.toContain('pkce-required');
    expect(ids).not.toContain('refresh-token-expiry');
  });
});
