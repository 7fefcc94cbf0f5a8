import { childNamed, childrenNamed } from '../parser/xml.js';
import type { Located } from '../types.js';
import { readTableSettings, type AppSettings } from './app-settings.js';
import { readIpRanges, type FieldReader } from './fields.js';
import {
  CONNECTED_APP_SCOPES,
  IP_RELAXATION_VALUES,
  POLICY_ACTIONS,
  REFRESH_TOKEN_POLICY,
  REFRESH_TOKEN_POLICY_EXPECTED,
  SAML_ENCRYPTION_TYPES,
  SAML_SIGNING_ALGORITHMS,
} from './schema.js';

/** URL fields of a Connected App besides callbacks, as `path` -> parent element name chain. */
const OTHER_URL_FIELDS: [parent: string | undefined, name: string][] = [
  [undefined, 'startUrl'],
  [undefined, 'mobileStartUrl'],
  [undefined, 'logoUrl'],
  [undefined, 'iconUrl'],
  [undefined, 'infoUrl'],
  ['oauthConfig', 'singleLogoutUrl'],
  ['oauthPolicy', 'singleLogoutUrl'],
  ['canvasConfig', 'canvasUrl'],
  ['samlConfig', 'acsUrl'],
  ['samlConfig', 'samlSloUrl'],
];

export interface ConnectedAppRead {
  settings: AppSettings;
  usesOAuth: boolean;
  oauthConfig?: Located<string>;
  oauthPolicy?: Located<string>;
}

/** Reads a ConnectedApp file (source or Metadata API format; both have the same XML). */
export function readConnectedApp(reader: FieldReader): ConnectedAppRead {
  const root = reader.root;
  const oauthConfig = childNamed(root, 'oauthConfig');
  const oauthPolicy = childNamed(root, 'oauthPolicy');
  const sessionPolicy = childNamed(root, 'sessionPolicy');
  const samlConfig = childNamed(root, 'samlConfig');

  reader.require(root, 'label', 'label', root);
  reader.checkBooleans(root);
  if (oauthConfig) reader.require(oauthConfig, 'callbackUrl', 'oauthConfig/callbackUrl', oauthConfig);

  const scopes = reader.repeated(oauthConfig, 'scopes').filter((scope) => {
    if ((CONNECTED_APP_SCOPES as readonly string[]).includes(scope.value)) return true;
    // A newer scope is still requested (minimal-scopes weighs it); a misspelt one is not.
    return reader.invalidEnum('oauthConfig/scopes', scope, CONNECTED_APP_SCOPES);
  });

  const parents: Record<string, typeof root | undefined> = { oauthConfig, oauthPolicy, sessionPolicy, canvasConfig: childNamed(root, 'canvasConfig'), samlConfig };
  const otherUrls = OTHER_URL_FIELDS.flatMap(([parent, name]) => {
    const url = reader.nonEmptyText(parent ? parents[parent] : root, name);
    return url ? [{ field: parent ? `${parent}/${name}` : name, url }] : [];
  });

  const settings: AppSettings = {
    ...readTableSettings(reader, 'connectedApp', 'ConnectedApp', (path) => parents[path]),
    scopes,
    ipRelaxation: reader.enumValue(oauthPolicy, 'ipRelaxation', IP_RELAXATION_VALUES),
    trustedIpRanges: readIpRanges(reader, childrenNamed(root, 'ipRanges'), 'start', 'end'),
    refreshTokenPolicy: reader.setting(oauthPolicy, 'refreshTokenPolicy', REFRESH_TOKEN_POLICY_EXPECTED, (text) =>
      REFRESH_TOKEN_POLICY.test(text) ? text : undefined,
    ),
    // The literal value of sessionLevel is undocumented [UNCERTAIN]: kept as written (its row reads it as text).
    sessionPolicyAction: reader.enumValue(sessionPolicy, 'policyAction', POLICY_ACTIONS),
    otherUrls,
    samlSigningAlgorithm: reader.enumValue(samlConfig, 'samlSigningAlgoType', SAML_SIGNING_ALGORITHMS),
    samlEncryptionType: reader.enumValue(samlConfig, 'encryptionType', SAML_ENCRYPTION_TYPES),
  };
  return {
    settings,
    usesOAuth: oauthConfig !== undefined,
    ...(oauthConfig ? { oauthConfig: { value: 'oauthConfig', at: reader.at(oauthConfig) } } : {}),
    ...(oauthPolicy ? { oauthPolicy: { value: 'oauthPolicy', at: reader.at(oauthPolicy) } } : {}),
  };
}
