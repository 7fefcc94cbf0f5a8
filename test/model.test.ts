import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../src/types.js';
import { buildModel, type ParsedFile } from '../src/model/build.js';
import { parseXml } from '../src/parser/xml.js';
import { classifyFileName } from '../src/project/metadata-types.js';

function parsed(path: string, source: string): ParsedFile {
  const classified = classifyFileName(path.split('/').pop()!)!;
  const result = parseXml(path, source);
  if (!result.ok) throw new Error(result.error.message);
  return { path, type: classified.type.name, componentName: classified.componentName, forceIgnored: false, doc: result.doc };
}

const minimalConnectedApp = `<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>a@example.com</contactEmail>
    <label>Min</label>
    <oauthConfig>
        <callbackUrl>https://x.example.com/cb</callbackUrl>
        <scopes>Api</scopes>
    </oauthConfig>
</ConnectedApp>`;

describe('model defaults', () => {
  it('a Connected App without the optional elements gets the documented defaults, marked and located', () => {
    const { apps } = buildModel([parsed('/p/Min.connectedApp-meta.xml', minimalConnectedApp)]);
    const app = apps[0]!;
    expect(app).toMatchObject({ name: 'Min', kind: 'connectedApp', usesOAuth: true });
    expect(app.adminApproved).toMatchObject({ value: false, defaulted: true, at: { line: 4, column: 5 } });
    expect(app.pkceRequired).toMatchObject({ value: false, defaulted: true });
    expect(app.ipRelaxation).toMatchObject({ value: 'ENFORCE', defaulted: true });
    expect(app.refreshTokenPolicy).toMatchObject({ value: 'infinite', defaulted: true });
    expect(app.flows).toEqual({ value: ['web-server'], declared: false });
    expect(app.secretRequiredForRefreshToken).toMatchObject({ value: true, defaulted: true });
    expect(app.scopes).toEqual([{ value: 'Api', at: { file: '/p/Min.connectedApp-meta.xml', line: 6, column: 9, endLine: 6, endColumn: 29 } }]);
  });

  it('an External Client App is assembled from its files; PKCE defaults to true; ECA enums map to the shared values', () => {
    const files = [
      parsed('/p/externalClientApps/E.eca-meta.xml', '<ExternalClientApplication><label>E</label></ExternalClientApplication>'),
      parsed('/p/extlClntAppGlobalOauthSets/E.ecaGlblOauth-meta.xml', '<ExtlClntAppGlobalOauthSettings><callbackUrl>https://e.example.com/cb</callbackUrl><externalClientApplication>E</externalClientApplication></ExtlClntAppGlobalOauthSettings>'),
      parsed('/p/extlClntAppOauthPolicies/E.ecaOauthPlcy-meta.xml', `<ExtlClntAppOauthConfigurablePolicies>
  <commaSeparatedProfile>Admin, Integration User</commaSeparatedProfile>
  <externalClientApplication>E</externalClientApplication>
  <ipRelaxationPolicyType>Bypass_2factor</ipRelaxationPolicyType>
  <permittedUsersPolicyType>AdminApprovedPreAuthorized</permittedUsersPolicyType>
  <refreshTokenPolicyType>SpecificInactivity</refreshTokenPolicyType>
  <refreshTokenValidityPeriod>7</refreshTokenValidityPeriod>
  <refreshTokenValidityUnit>Days</refreshTokenValidityUnit>
</ExtlClntAppOauthConfigurablePolicies>`),
    ];
    const { apps } = buildModel(files);
    expect(apps).toHaveLength(1);
    const app = apps[0]!;
    expect(app).toMatchObject({ name: 'E', kind: 'externalClientApp', usesOAuth: true, hasPolicyFile: true });
    expect(app.files.map((file) => file.type)).toEqual(['ExternalClientApplication', 'ExtlClntAppGlobalOauthSettings', 'ExtlClntAppOauthConfigurablePolicies']);
    expect(app.pkceRequired).toMatchObject({ value: true, defaulted: true });
    expect(app.adminApproved).toMatchObject({ value: true, at: { line: 5 } });
    expect(app.permittedProfiles.map((profile) => profile.value)).toEqual(['Admin', 'Integration User']);
    expect(app.ipRelaxation.value).toBe('BYPASS_2FACTOR');
    expect(app.refreshTokenPolicy.value).toBe('specific_inactivity:7:DAYS');
    expect(app.anchor.file).toBe('/p/externalClientApps/E.eca-meta.xml');
    expect(app.oauthAnchor.file).toBe('/p/extlClntAppGlobalOauthSets/E.ecaGlblOauth-meta.xml');
  });

  it('infers the set of flows from the effective settings, and takes the configured flows over it', () => {
    const flowsOf = (xml: string, config?: AppConfig) => buildModel([parsed('/p/X.connectedApp-meta.xml', xml)], () => config).apps[0]!.flows;
    const withJwt = (xml: string) => xml.replace('<scopes>Api</scopes>', '<certificate>MIIB</certificate><scopes>Api</scopes>');
    // A certificate and a web callback: both JWT bearer and web server (issue 13.5).
    expect(flowsOf(withJwt(minimalConnectedApp))).toEqual({ value: ['web-server', 'jwt-bearer'], declared: false });
    const loginSuccess = minimalConnectedApp.replace('https://x.example.com/cb', 'https://login.salesforce.com/services/oauth2/success');
    expect(flowsOf(withJwt(loginSuccess)).value).toEqual(['jwt-bearer']);
    expect(flowsOf(loginSuccess).value).toEqual(['web-server']);
    expect(flowsOf(minimalConnectedApp.replace('https://x.example.com/cb', 'com.example.app:/oauth')).value).toEqual(['user-agent']);
    const cc = loginSuccess.replace('<scopes>Api</scopes>', '<isClientCredentialEnabled>true</isClientCredentialEnabled><scopes>Api</scopes>');
    expect(flowsOf(cc).value).toEqual(['client-credentials']);
    const headless = minimalConnectedApp.replace('<scopes>Api</scopes>', '<isCodeCredentialEnabled>true</isCodeCredentialEnabled><scopes>Api</scopes>');
    expect(flowsOf(headless).value).toEqual(['web-server', 'code-credentials']);
    expect(flowsOf(minimalConnectedApp, { flow: 'device' })).toEqual({ value: ['device'], declared: true });
    expect(flowsOf(minimalConnectedApp, { flow: ['jwt-bearer', 'web-server'] })).toEqual({ value: ['web-server', 'jwt-bearer'], declared: true });
  });

  it('enables ECA client credentials only when the global setting and the policy both allow it', () => {
    const eca = (policy: string | undefined) => {
      const files = [
        parsed('/p/extlClntAppGlobalOauthSets/E.ecaGlblOauth-meta.xml', '<ExtlClntAppGlobalOauthSettings><externalClientApplication>E</externalClientApplication><isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled></ExtlClntAppGlobalOauthSettings>'),
        ...(policy === undefined ? [] : [parsed('/p/extlClntAppOauthPolicies/E.ecaOauthPlcy-meta.xml', `<ExtlClntAppOauthConfigurablePolicies><externalClientApplication>E</externalClientApplication>${policy}</ExtlClntAppOauthConfigurablePolicies>`)]),
      ];
      return buildModel(files).apps[0]!;
    };
    expect(eca('<isClientCredentialsFlowEnabled>false</isClientCredentialsFlowEnabled>').clientCredentialsEnabled.value).toBe(false);
    expect(eca('').clientCredentialsEnabled).toMatchObject({ value: false, defaulted: true });
    expect(eca('<isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>').clientCredentialsEnabled).toMatchObject({ value: true, at: { file: '/p/extlClntAppOauthPolicies/E.ecaOauthPlcy-meta.xml' } });
    expect(eca('').flows.value).toEqual(['web-server']);
    // Without the policy file, the global setting is all the repository shows.
    expect(eca(undefined).clientCredentialsEnabled.value).toBe(true);
    expect(eca(undefined).flows.value).toEqual(['client-credentials']);
  });

  it('records values the platform would reject instead of guessing', () => {
    const bad = minimalConnectedApp
      .replace('<scopes>Api</scopes>', '<isAdminApproved>yes</isAdminApproved><scopes>api</scopes><scopes>Api</scopes>')
      .replace('</oauthConfig>', '</oauthConfig><oauthPolicy><ipRelaxation>ENFORCE_ACTIVATED_USERS</ipRelaxation><refreshTokenPolicy>rotate_on_each_refresh</refreshTokenPolicy></oauthPolicy>');
    const { documents, apps } = buildModel([parsed('/p/B.connectedApp-meta.xml', bad)]);
    expect(documents[0]!.invalid.map((invalid) => [invalid.field, invalid.found])).toEqual([
      ['oauthConfig/isAdminApproved', 'yes'],
      ['oauthConfig/scopes', 'api'],
      ['oauthPolicy/ipRelaxation', 'ENFORCE_ACTIVATED_USERS'],
      ['oauthPolicy/refreshTokenPolicy', 'rotate_on_each_refresh'],
    ]);
    expect(documents[0]!.invalid[1]!.expected).toContain('Api');
    expect(apps[0]!.scopes.map((scope) => scope.value)).toEqual(['Api']);
  });
});
