import type { Located, MetadataTypeName } from '../types.js';
import type { AppSettings } from './app-settings.js';
import type { FieldReader } from './fields.js';
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

  switch (type) {
    case 'ExternalClientApplication':
      reader.require(root, 'label', 'label', root);
      reader.enumValue(root, 'distributionState', ECA_DISTRIBUTION_STATES, 'distributionState');
      return { settings: { label: reader.nonEmptyText(root, 'label'), otherUrls: urls(reader, ['iconUrl', 'infoUrl', 'logoUrl']) } };
    case 'ExtlClntAppGlobalOauthSettings':
      return {
        ...(appName ? { appName } : {}),
        settings: {
          callbackUrls: reader.lines(root, 'callbackUrl'),
          certificate: reader.nonEmptyText(root, 'certificate'),
          consumerKey: reader.nonEmptyText(root, 'consumerKey'),
          consumerSecret: reader.text(root, 'consumerSecret'),
          pkceRequired: reader.bool(root, 'isPkceRequired'),
          consumerSecretOptional: reader.bool(root, 'isConsumerSecretOptional'),
          clientCredentialsEnabled: reader.bool(root, 'isClientCredentialsFlowEnabled'),
          deviceFlowEnabled: reader.bool(root, 'isDeviceFlowEnabled'),
          tokenExchangeEnabled: reader.bool(root, 'isTokenExchangeEnabled'),
          introspectAllTokens: reader.bool(root, 'isIntrospectAllTokens'),
          refreshTokenRotation: reader.bool(root, 'isRefreshTokenRotationEnabled'),
        },
      };
    case 'ExtlClntAppOauthSettings':
      return {
        ...(appName ? { appName } : {}),
        settings: { scopes: scopes(reader), otherUrls: urls(reader, ['singleLogoutUrl']) },
      };
    case 'ExtlClntAppOauthConfigurablePolicies':
      return { ...(appName ? { appName } : {}), settings: readOauthPolicies(reader) };
    case 'ExtlClntAppConfigurablePolicies':
      return { ...(appName ? { appName } : {}), settings: { otherUrls: urls(reader, ['startUrl']) } };
    default:
      return { settings: {} };
  }
}

function scopes(reader: FieldReader): Located<string>[] {
  return reader.commaList(reader.root, 'commaSeparatedOauthScopes').filter((scope) => {
    if (ECA_SCOPES.includes(scope.value)) return true;
    reader.invalidEnum('commaSeparatedOauthScopes', scope, ECA_SCOPES);
    return false;
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
  const permitted = reader.enumValue(root, 'permittedUsersPolicyType', ECA_PERMITTED_USERS, 'permittedUsersPolicyType');

  let ipRelaxation: AppSettings['ipRelaxation'];
  const ip = reader.nonEmptyText(root, 'ipRelaxationPolicyType');
  if (ip) {
    const canonical = ECA_IP_RELAXATION[ip.value.toLowerCase()];
    if (canonical) ipRelaxation = { value: canonical, at: ip.at };
    else reader.invalidEnum('ipRelaxationPolicyType', ip, ['Enforce', 'Bypass', 'Bypass_2factor', 'Enforce_RelaxRefresh']);
  }

  const policyType = reader.enumValue(root, 'refreshTokenPolicyType', ECA_REFRESH_TOKEN_POLICY_TYPES, 'refreshTokenPolicyType');
  const period = reader.nonEmptyText(root, 'refreshTokenValidityPeriod');
  const unit = reader.enumValue(root, 'refreshTokenValidityUnit', ECA_REFRESH_TOKEN_UNITS, 'refreshTokenValidityUnit');
  if (period && !/^[1-9][0-9]*$/.test(period.value)) {
    reader.invalid.push({ field: 'refreshTokenValidityPeriod', found: period.value, expected: 'a positive whole number', at: period.at });
  }
  // A lifetime or inactivity policy means nothing without its length: the Connected App form requires `<n>:<UNIT>` too.
  if (policyType?.value === 'SpecificLifetime' || policyType?.value === 'SpecificInactivity') {
    for (const [name, present] of [['refreshTokenValidityPeriod', period], ['refreshTokenValidityUnit', reader.nonEmptyText(root, 'refreshTokenValidityUnit')]] as const) {
      if (present) continue;
      reader.invalid.push({ field: name, found: '', expected: `a <${name}> element, which ${policyType.value} requires`, at: policyType.at });
    }
  }

  return {
    adminApproved: permitted ? { value: permitted.value === 'AdminApprovedPreAuthorized', at: permitted.at } : undefined,
    permittedProfiles: reader.commaList(root, 'commaSeparatedProfile'),
    permittedPermissionSets: reader.commaList(root, 'commaSeparatedPermissionSet'),
    ipRelaxation,
    refreshTokenPolicy: policyType ? { value: canonicalRefreshPolicy(policyType.value, period?.value, unit?.value), at: policyType.at } : undefined,
    sessionLevel: reader.enumValue(root, 'requiredSessionLevel', ECA_SESSION_LEVELS, 'requiredSessionLevel'),
    sessionPolicyAction: reader.enumValue(root, 'policyAction', POLICY_ACTIONS, 'policyAction'),
    clientCredentialsPolicyEnabled: reader.bool(root, 'isClientCredentialsFlowEnabled'),
    clientCredentialsUser: reader.nonEmptyText(root, 'clientCredentialsFlowUser'),
    otherUrls: urls(reader, ['startUrl', 'singleLogoutUrl']),
  };
}

/** ECA refresh-token settings in the Connected App's one-string form, so rules compare one thing. */
function canonicalRefreshPolicy(type: string, period: string | undefined, unit: string | undefined): string {
  switch (type) {
    case 'Zero':
      return 'zero';
    case 'Infinite':
      return 'infinite';
    default: {
      const kind = type === 'SpecificLifetime' ? 'specific_lifetime' : 'specific_inactivity';
      return `${kind}:${period ?? '?'}:${(unit ?? '?').toUpperCase()}`;
    }
  }
}
