// What the platform accepts: enum values and formats from ../shared/reference/metadata.md. The model checks values
// against these while reading them; `valid-metadata` reports what does not fit.

/** The Metadata API version whose values these lists hold: newer values are warned about, not rejected. */
export const KNOWN_API_VERSION = '65.0';

/** A name the platform could have added (`DataCloudUserClaims`, `mcp_api`): letters, digits and `_`, no spaces. */
export const WELL_FORMED_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

/** ConnectedAppOauthAccessScope, in WSDL order. */
export const CONNECTED_APP_SCOPES = [
  'Basic', 'Api', 'Web', 'Full', 'Chatter', 'CustomApplications', 'RefreshToken', 'OpenID', 'Profile', 'Email',
  'Address', 'Phone', 'OfflineAccess', 'CustomPermissions', 'Wave', 'Eclair', 'Pardot', 'Lightning', 'Content',
  'CDPIngest', 'CDPProfile', 'CDPQuery', 'Chatbot', 'CDPSegment', 'CDPIdentityResolution', 'CDPCalculatedInsight',
  'ForgotPassword', 'UserRegistration', 'SFAP', 'Interaction', 'CDP', 'EinsteinGPT', 'PwdlessLogin',
] as const;

/** The ECA doc lists a few scope names the WSDL enum lacks [UNCERTAIN]: accepted on ECAs so we never cry wolf. */
export const ECA_EXTRA_SCOPES = ['SFApiPlatform', 'MCP', 'SCRT'] as const;

export const IP_RELAXATION_VALUES = ['ENFORCE', 'BYPASS_2FACTOR', 'BYPASS', 'ENFORCE_RELAXREFRESH'] as const;

/** ECA spellings mapped to the Connected App ones. The casing of the last two is [UNCERTAIN]: compared case-insensitively. */
export const ECA_IP_RELAXATION: Record<string, (typeof IP_RELAXATION_VALUES)[number]> = {
  enforce: 'ENFORCE',
  bypass: 'BYPASS',
  bypass_2factor: 'BYPASS_2FACTOR',
  enforce_relaxrefresh: 'ENFORCE_RELAXREFRESH',
};

export const REFRESH_TOKEN_POLICY = /^(?:zero|infinite|specific_(?:lifetime|inactivity):[1-9][0-9]*:(?:HOURS|DAYS|MONTHS))$/;
export const REFRESH_TOKEN_POLICY_EXPECTED = 'zero, infinite, specific_lifetime:<n>:<HOURS|DAYS|MONTHS> or specific_inactivity:<n>:<HOURS|DAYS|MONTHS>';

export const ECA_REFRESH_TOKEN_POLICY_TYPES = ['Infinite', 'SpecificInactivity', 'SpecificLifetime', 'Zero'] as const;
export const ECA_REFRESH_TOKEN_UNITS = ['Days', 'Hours', 'Months'] as const;
export const ECA_PERMITTED_USERS = ['AdminApprovedPreAuthorized', 'AllSelfAuthorized'] as const;
export const ECA_SESSION_LEVELS = ['HIGH_ASSURANCE', 'LOW', 'STANDARD'] as const;
export const POLICY_ACTIONS = ['Block', 'RaiseSessionLevel'] as const;
export const SAML_SIGNING_ALGORITHMS = ['SHA1', 'SHA256'] as const;
export const SAML_ENCRYPTION_TYPES = ['AES_128', 'AES_256', 'Triple_Des'] as const;
export const ECA_DISTRIBUTION_STATES = ['Local', 'Packaged', 'Packageable', 'AutoInstalled', 'Managed'] as const;

/** Documented boolean elements whose names do not start with is/should/are (ConnectedApp, AuthProvider, NamedCredential). */
const OTHER_BOOLEAN_ELEMENTS: ReadonlySet<string> = new Set([
  'idTokenIncludeAttributes', 'idTokenIncludeCustomPerms', 'idTokenIncludeStandardClaims', 'assetIncludeAttributes',
  'assetIncludeCustomPerms', 'privateApp', 'includeOrgIdInIdentifier', 'requireMfa', 'sendAccessTokenInHeader',
  'sendClientCredentialsInHeader', 'sendSecretInApis', 'allowMergeFieldsInBody', 'allowMergeFieldsInHeader',
  'generateAuthorizationHeader',
]);

/** Boolean elements are recognised by name (`isAdminApproved`, `shouldRotateConsumerKey` …) so new ones are checked too. */
export function isBooleanElementName(name: string): boolean {
  return /^(?:is|should|are)[A-Z]/.test(name) || OTHER_BOOLEAN_ELEMENTS.has(name);
}

/** The closest allowed value differing only by letter case, for "did you mean" hints. */
export function caseInsensitiveMatch(value: string, allowed: readonly string[]): string | undefined {
  const lower = value.toLowerCase();
  return allowed.find((candidate) => candidate.toLowerCase() === lower);
}

/**
 * The allowed value an OAuth protocol or UI spelling stands for (`refresh_token` -> RefreshToken, `chatbot_api` ->
 * Chatbot, `SfapApi` -> SFAP): AI-written metadata often uses those. Compares without case, `_`, `-` and an `api` tail.
 */
export function protocolSpellingMatch(value: string, allowed: readonly string[]): string | undefined {
  const squash = (text: string) => text.toLowerCase().replace(/[_-]/g, '');
  const wanted = squash(value);
  const withoutApi = wanted.endsWith('api') ? wanted.slice(0, -3) : wanted;
  return allowed.find((candidate) => [wanted, withoutApi].includes(squash(candidate)));
}
