import { childrenNamed } from '../parser/xml.js';
import type { Located, MetadataTypeName } from '../types.js';
import { isRejected, mapReading, readTableSettings, type AppSettings, type Reading } from './app-settings.js';
import { enumExpectation, readIpRanges, type FieldReader } from './fields.js';
import {
  CONNECTED_APP_SCOPES,
  ECA_DISTRIBUTION_STATES,
  ECA_EXTRA_SCOPES,
  ECA_IP_RELAXATION,
  ECA_PERMITTED_USERS,
  ECA_REFRESH_TOKEN_POLICY_TYPES,
  ECA_REFRESH_TOKEN_UNITS,
  ECA_SESSION_LEVELS,
  POLICY_ACTIONS,
} from './schema.js';

const ECA_SCOPES: readonly string[] = [...CONNECTED_APP_SCOPES, ...ECA_EXTRA_SCOPES];

/** What one External Client App file contributes, and the app it belongs to. */
export interface EcaFileRead {
  /** The `externalClientApplication` element: the join key of the ECA's files. */
  appName?: string;
  settings: AppSettings;
}

/** Reads one file of the External Client App family; each type contributes its own part of the app. */
export function readExternalClientAppFile(type: MetadataTypeName, reader: FieldReader): EcaFileRead {
  const root = reader.root;
  reader.checkBooleans(root);
  const appName = reader.nonEmptyText(root, 'externalClientApplication')?.value;
  if (type !== 'ExternalClientApplication') reader.require(root, 'externalClientApplication', 'externalClientApplication', root);

  const table = readTableSettings(reader, 'externalClientApp', type, () => undefined);
  const withName = (settings: AppSettings): EcaFileRead => ({ ...(appName ? { appName } : {}), settings: { ...table, ...settings } });
  switch (type) {
    case 'ExternalClientApplication':
      reader.require(root, 'label', 'label', root);
      reader.enumValue(root, 'distributionState', ECA_DISTRIBUTION_STATES);
      return { settings: { ...table, otherUrls: urls(reader, ['iconUrl', 'infoUrl', 'logoUrl']) } };
    case 'ExtlClntAppGlobalOauthSettings':
      return withName({});
    case 'ExtlClntAppOauthSettings':
      return withName({
        scopes: scopes(reader),
        trustedIpRanges: readIpRanges(reader, childrenNamed(root, 'trustedIpRanges'), 'startIpAddress', 'endIpAddress'),
        otherUrls: urls(reader, ['singleLogoutUrl']),
      });
    case 'ExtlClntAppOauthConfigurablePolicies':
      return withName(readOauthPolicies(reader));
    case 'ExtlClntAppConfigurablePolicies':
      return withName({ otherUrls: urls(reader, ['startUrl']) });
    default:
      return { settings: {} };
  }
}

function scopes(reader: FieldReader): Located<string>[] {
  return reader.commaList(reader.root, 'commaSeparatedOauthScopes').filter((scope) => {
    if (ECA_SCOPES.includes(scope.value)) return true;
    // A newer scope is still requested (minimal-scopes weighs it); a misspelt one is not.
    return reader.invalidEnum('commaSeparatedOauthScopes', scope, ECA_SCOPES);
  });
}

function urls(reader: FieldReader, names: string[]): { field: string; url: Located<string> }[] {
  return names.flatMap((name) => {
    const url = reader.nonEmptyText(reader.root, name);
    return url ? [{ field: name, url }] : [];
  });
}

function readOauthPolicies(reader: FieldReader): AppSettings {
  const root = reader.root;
  const permitted = reader.enumValue(root, 'permittedUsersPolicyType', ECA_PERMITTED_USERS);
  return {
    adminApproved: mapReading(permitted, (value) => value === 'AdminApprovedPreAuthorized'),
    ipRelaxation: reader.setting(root, 'ipRelaxationPolicyType', (found) => enumExpectation(found, ECA_IP_RELAXATION_SPELLINGS), (text) =>
      Object.hasOwn(ECA_IP_RELAXATION, text.toLowerCase()) ? ECA_IP_RELAXATION[text.toLowerCase()] : undefined,
    ),
    refreshTokenPolicy: readRefreshTokenPolicy(reader),
    sessionLevel: reader.enumValue(root, 'requiredSessionLevel', ECA_SESSION_LEVELS),
    sessionPolicyAction: reader.enumValue(root, 'policyAction', POLICY_ACTIONS),
    otherUrls: urls(reader, ['startUrl', 'singleLogoutUrl']),
  };
}

/** The ECA spellings of the IP relaxation values, for "did you mean" hints. */
const ECA_IP_RELAXATION_SPELLINGS = ['Enforce', 'Bypass', 'Bypass_2factor', 'Enforce_RelaxRefresh'];

/**
 * The ECA refresh-token policy in the Connected App's one-string form, so rules compare one thing. The policy is
 * rejected as a whole when its type, or a length part that the type needs, is rejected or missing.
 */
function readRefreshTokenPolicy(reader: FieldReader): Reading<string> | undefined {
  const root = reader.root;
  const type = reader.enumValue(root, 'refreshTokenPolicyType', ECA_REFRESH_TOKEN_POLICY_TYPES);
  const period = reader.setting(root, 'refreshTokenValidityPeriod', 'a positive whole number', (text) => (/^[1-9][0-9]*$/.test(text) ? text : undefined));
  const unit = reader.enumValue(root, 'refreshTokenValidityUnit', ECA_REFRESH_TOKEN_UNITS);
  if (type === undefined || isRejected(type)) return type;
  if (type.value === 'Zero' || type.value === 'Infinite') return { value: type.value.toLowerCase(), at: type.at };

  // A lifetime or inactivity policy means nothing without its length: the Connected App form requires `<n>:<UNIT>` too.
  const required = (name: string, part: Reading<string> | undefined): Reading<string> =>
    part ?? { rejected: reader.reject({ field: name, found: '', expected: `a <${name}> element, which ${type.value} requires`, at: type.at }) };
  const length = required('refreshTokenValidityPeriod', period);
  const lengthUnit = required('refreshTokenValidityUnit', unit);
  if (isRejected(length)) return length;
  if (isRejected(lengthUnit)) return lengthUnit;
  const kind = type.value === 'SpecificLifetime' ? 'specific_lifetime' : 'specific_inactivity';
  return { value: `${kind}:${length.value}:${lengthUnit.value.toUpperCase()}`, at: type.at };
}
