// One table of the OAuth app's settings: where each lives in a Connected App and in an External Client App, its
// type, its documented default and how it maps to the effective value rules see. The model's readers, the app
// builder, rule messages (the element as written, `settingElement`) and the diff read it; `SETTINGS` names are stable
// (the diff command keys changes by them). Sources: ../shared/reference/metadata.md (Metadata API reference, API 65.0).
import type { AppKind, MetadataTypeName, OAuthAppSettings } from '../types.js';

export type SettingName = keyof OAuthAppSettings;

/** The files of an External Client App that hold settings. */
export type EcaSettingsFile =
  | 'ExternalClientApplication'
  | 'ExtlClntAppGlobalOauthSettings'
  | 'ExtlClntAppOauthSettings'
  | 'ExtlClntAppOauthConfigurablePolicies'
  | 'ExtlClntAppConfigurablePolicies';

/**
 * How a setting is read. `boolean`, `text` (non-empty), `secret` (kept even when empty: the rule decides), `lines`
 * (one URL per line), `repeated` (one element per entry) and `comma-list` are read from the table alone; `custom`
 * settings have a reader of their own in connected-app.ts or external-client-app.ts (enums, composite values).
 */
export type ReadAs = 'boolean' | 'text' | 'secret' | 'lines' | 'repeated' | 'comma-list' | 'custom';

export interface SettingSource {
  /** Connected App: the element path from the root (`oauthConfig/isPkceRequired`); ECA: the element in `file`. */
  element: string;
  readAs: ReadAs;
}

export type SettingAnchor = 'oauth' | 'policy';

export interface SettingSpec {
  name: SettingName;
  /** What the setting means, for docs. */
  description: string;
  connectedApp?: SettingSource;
  externalClientApp?: SettingSource & { file: EcaSettingsFile };
  /** The documented default when the element is absent, per kind; absent: the setting is optional (or a list). */
  defaults?: Partial<Record<AppKind, boolean | string>>;
  /** Where a finding about the absent element goes: the OAuth settings or the OAuth policy (per kind when they differ). */
  anchor?: SettingAnchor | Partial<Record<AppKind, SettingAnchor>>;
  /** How the written value becomes the effective one rules see, when it is not simply the value. */
  effective?: string;
}

const global = (element: string, readAs: ReadAs = 'boolean') => ({ file: 'ExtlClntAppGlobalOauthSettings' as const, element, readAs });
const policy = (element: string, readAs: ReadAs = 'custom') => ({ file: 'ExtlClntAppOauthConfigurablePolicies' as const, element, readAs });
const oauth = (element: string, readAs: ReadAs = 'boolean') => ({ element: `oauthConfig/${element}`, readAs });

/** Every setting, once. `satisfies` keeps the table and OAuthAppSettings in step: a new field needs its row. */
const TABLE = {
  label: { description: 'The app\'s name in Setup.', connectedApp: { element: 'label', readAs: 'text' }, externalClientApp: { file: 'ExternalClientApplication', element: 'label', readAs: 'text' } },
  scopes: {
    description: 'OAuth scopes the app requests.',
    connectedApp: oauth('scopes', 'custom'),
    externalClientApp: { file: 'ExtlClntAppOauthSettings', element: 'commaSeparatedOauthScopes', readAs: 'custom' },
  },
  callbackUrls: { description: 'Registered redirect URIs, one per line.', connectedApp: oauth('callbackUrl', 'lines'), externalClientApp: global('callbackUrl', 'lines') },
  adminApproved: {
    description: 'Only pre-authorized users (assigned profiles and permission sets) may use the app.',
    connectedApp: oauth('isAdminApproved'),
    externalClientApp: policy('permittedUsersPolicyType'),
    defaults: { connectedApp: false, externalClientApp: false },
    anchor: { connectedApp: 'oauth', externalClientApp: 'policy' },
    effective: 'ECA: true when permittedUsersPolicyType is AdminApprovedPreAuthorized.',
  },
  permittedProfiles: { description: 'Profiles pre-authorized to use the app.', connectedApp: { element: 'profileName', readAs: 'repeated' }, externalClientApp: policy('commaSeparatedProfile', 'comma-list') },
  permittedPermissionSets: {
    description: 'Permission sets pre-authorized to use the app.',
    connectedApp: { element: 'permissionSetName', readAs: 'repeated' },
    externalClientApp: policy('commaSeparatedPermissionSet', 'comma-list'),
  },
  ipRelaxation: {
    description: 'Whether the org\'s and profiles\' login IP ranges apply to the app.',
    connectedApp: { element: 'oauthPolicy/ipRelaxation', readAs: 'custom' },
    externalClientApp: policy('ipRelaxationPolicyType'),
    defaults: { connectedApp: 'ENFORCE', externalClientApp: 'ENFORCE' },
    anchor: 'policy',
    effective: 'ECA spellings (Enforce, Bypass, …) map to the Connected App ones (ENFORCE, BYPASS, …).',
  },
  trustedIpRanges: {
    description: 'Address ranges whose users skip identity verification.',
    connectedApp: { element: 'ipRanges', readAs: 'custom' },
    externalClientApp: { file: 'ExtlClntAppOauthSettings', element: 'trustedIpRanges', readAs: 'custom' },
  },
  refreshTokenPolicy: {
    description: 'How long refresh tokens stay valid.',
    connectedApp: { element: 'oauthPolicy/refreshTokenPolicy', readAs: 'custom' },
    externalClientApp: policy('refreshTokenPolicyType'),
    defaults: { connectedApp: 'infinite' },
    anchor: 'policy',
    effective: 'One string: infinite, zero, specific_lifetime:<n>:<UNIT> or specific_inactivity:<n>:<UNIT>; an ECA\'s type, period and unit are joined into it. No ECA default: without the policy file it cannot be known.',
  },
  refreshTokenRotation: {
    description: 'A new refresh token on each refresh; the old one stops working.',
    connectedApp: oauth('isRefreshTokenRotationEnabled'),
    externalClientApp: global('isRefreshTokenRotationEnabled'),
    defaults: { connectedApp: false, externalClientApp: false },
    anchor: 'oauth',
  },
  secretRequiredForRefreshToken: {
    description: 'The refresh-token grant requires the client secret.',
    connectedApp: oauth('isSecretRequiredForRefreshToken'),
    externalClientApp: global('isSecretRequiredForRefreshToken'),
    defaults: { connectedApp: true, externalClientApp: true },
    anchor: 'oauth',
  },
  sessionLevel: {
    description: 'The session level users need (HIGH_ASSURANCE: a second factor).',
    connectedApp: { element: 'sessionPolicy/sessionLevel', readAs: 'text' },
    externalClientApp: policy('requiredSessionLevel'),
  },
  sessionPolicyAction: { description: 'What happens to a lower session: Block or RaiseSessionLevel.', connectedApp: { element: 'sessionPolicy/policyAction', readAs: 'custom' }, externalClientApp: policy('policyAction') },
  certificate: { description: 'X.509 certificate that verifies JWT bearer assertions.', connectedApp: oauth('certificate', 'text'), externalClientApp: global('certificate', 'text') },
  consumerKey: { description: 'The OAuth client_id.', connectedApp: oauth('consumerKey', 'text'), externalClientApp: global('consumerKey', 'text') },
  consumerSecret: {
    description: 'The OAuth client_secret (never returned by a retrieve).',
    connectedApp: oauth('consumerSecret', 'secret'),
    externalClientApp: global('consumerSecret', 'secret'),
    effective: 'Read from every file of the app, .forceignore\'d ones included: a committed secret leaks whether or not it deploys.',
  },
  pkceRequired: {
    description: 'Authorization-code requests must carry a PKCE challenge.',
    connectedApp: oauth('isPkceRequired'),
    externalClientApp: global('isPkceRequired'),
    defaults: { connectedApp: false, externalClientApp: true },
    anchor: 'oauth',
  },
  consumerSecretOptional: {
    description: 'The web-server flow does not require the client secret (a public client).',
    connectedApp: oauth('isConsumerSecretOptional'),
    externalClientApp: global('isConsumerSecretOptional'),
    defaults: { connectedApp: false, externalClientApp: false },
    anchor: 'oauth',
  },
  clientCredentialsEnabled: {
    description: 'The client-credentials flow is enabled.',
    connectedApp: oauth('isClientCredentialEnabled'),
    externalClientApp: global('isClientCredentialsFlowEnabled'),
    defaults: { connectedApp: false, externalClientApp: false },
    anchor: 'oauth',
    effective: 'ECA: enabled only when the global setting and the policy\'s isClientCredentialsFlowEnabled both allow it; without the policy file, the global setting.',
  },
  clientCredentialsPolicyEnabled: { description: 'ECA: the admin\'s switch for the client-credentials flow.', externalClientApp: policy('isClientCredentialsFlowEnabled', 'boolean') },
  clientCredentialsUser: { description: 'The run-as user of the client-credentials flow.', connectedApp: oauth('oauthClientCredentialUser', 'text'), externalClientApp: policy('clientCredentialsFlowUser', 'text') },
  deviceFlowEnabled: { description: 'The device flow is enabled.', externalClientApp: global('isDeviceFlowEnabled'), defaults: { connectedApp: false, externalClientApp: false }, anchor: 'oauth' },
  tokenExchangeEnabled: {
    description: 'OAuth 2.0 token exchange is enabled.',
    connectedApp: oauth('isTokenExchangeEnabled'),
    externalClientApp: global('isTokenExchangeEnabled'),
    defaults: { connectedApp: false, externalClientApp: false },
    anchor: 'oauth',
  },
  codeCredentialEnabled: {
    description: 'The headless Authorization Code and Credentials flow is enabled.',
    connectedApp: oauth('isCodeCredentialEnabled'),
    externalClientApp: global('isCodeCredFlowEnabled'),
    defaults: { connectedApp: false, externalClientApp: false },
    anchor: 'oauth',
  },
  introspectAllTokens: {
    description: 'The app may introspect every token in the org.',
    connectedApp: oauth('isIntrospectAllTokens'),
    externalClientApp: global('isIntrospectAllTokens'),
    defaults: { connectedApp: false, externalClientApp: false },
    anchor: 'oauth',
  },
  otherUrls: {
    description: 'Start, logo, icon, info, logout, canvas and SAML URLs, each with its element.',
    connectedApp: { element: 'startUrl, mobileStartUrl, logoUrl, iconUrl, infoUrl, oauthConfig/singleLogoutUrl, oauthPolicy/singleLogoutUrl, canvasConfig/canvasUrl, samlConfig/acsUrl, samlConfig/samlSloUrl', readAs: 'custom' },
    externalClientApp: { file: 'ExternalClientApplication', element: 'iconUrl, infoUrl, logoUrl (and startUrl, singleLogoutUrl in the policy files)', readAs: 'custom' },
  },
  samlSigningAlgorithm: { description: 'SAML assertion signature algorithm.', connectedApp: { element: 'samlConfig/samlSigningAlgoType', readAs: 'custom' } },
  samlEncryptionType: { description: 'SAML assertion encryption.', connectedApp: { element: 'samlConfig/encryptionType', readAs: 'custom' } },
} satisfies Record<SettingName, Omit<SettingSpec, 'name'>>;

export const SETTINGS: readonly SettingSpec[] = Object.entries(TABLE).map(([name, spec]) => ({ name: name as SettingName, ...(spec as Omit<SettingSpec, 'name'>) }));

const BY_NAME = new Map(SETTINGS.map((spec) => [spec.name, spec]));

export function settingSpec(name: SettingName): SettingSpec {
  return BY_NAME.get(name)!;
}

/** The file suffix users see for each ECA file, for messages. */
const ECA_SUFFIX: Readonly<Record<EcaSettingsFile, string>> = {
  ExternalClientApplication: '.eca',
  ExtlClntAppGlobalOauthSettings: '.ecaGlblOauth',
  ExtlClntAppOauthSettings: '.ecaOauth',
  ExtlClntAppOauthConfigurablePolicies: '.ecaOauthPlcy',
  ExtlClntAppConfigurablePolicies: '.ecaPlcy',
};

/**
 * The element that holds a setting in this kind of app, as a user would search for it: `oauthConfig/isPkceRequired`,
 * or `isPkceRequired (.ecaGlblOauth)` with the ECA file's suffix.
 */
export function settingElement(kind: AppKind, name: SettingName): string {
  const spec = settingSpec(name);
  if (kind === 'connectedApp') return spec.connectedApp?.element ?? name;
  const source = spec.externalClientApp;
  return source ? `${source.element} (${ECA_SUFFIX[source.file]})` : name;
}

/** The settings an ECA file type holds that the table can read on its own (not `custom`). */
export function tableReadSettings(kind: AppKind, type?: MetadataTypeName): { name: SettingName; source: SettingSource }[] {
  return SETTINGS.flatMap((spec) => {
    const source = kind === 'connectedApp' ? spec.connectedApp : spec.externalClientApp;
    if (!source || source.readAs === 'custom') return [];
    if (kind === 'externalClientApp' && spec.externalClientApp?.file !== type) return [];
    return [{ name: spec.name, source }];
  });
}

/** Where a finding about the setting's absent element goes in this kind of app. */
export function settingAnchor(spec: SettingSpec, kind: AppKind): SettingAnchor {
  const anchor = spec.anchor;
  return typeof anchor === 'string' ? anchor : (anchor?.[kind] ?? 'oauth');
}
