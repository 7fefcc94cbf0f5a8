/** The Metadata API version whose values these lists hold: newer values are warned about, not rejected. */
export declare const KNOWN_API_VERSION = "65.0";
/** A name the platform could have added (`DataCloudUserClaims`, `mcp_api`): letters, digits and `_`, no spaces. */
export declare const WELL_FORMED_NAME: RegExp;
/** ConnectedAppOauthAccessScope, in WSDL order. */
export declare const CONNECTED_APP_SCOPES: readonly ["Basic", "Api", "Web", "Full", "Chatter", "CustomApplications", "RefreshToken", "OpenID", "Profile", "Email", "Address", "Phone", "OfflineAccess", "CustomPermissions", "Wave", "Eclair", "Pardot", "Lightning", "Content", "CDPIngest", "CDPProfile", "CDPQuery", "Chatbot", "CDPSegment", "CDPIdentityResolution", "CDPCalculatedInsight", "ForgotPassword", "UserRegistration", "SFAP", "Interaction", "CDP", "EinsteinGPT", "PwdlessLogin"];
/** The ECA doc lists a few scope names the WSDL enum lacks [UNCERTAIN]: accepted on ECAs so we never cry wolf. */
export declare const ECA_EXTRA_SCOPES: readonly ["SFApiPlatform", "MCP", "SCRT"];
export declare const IP_RELAXATION_VALUES: readonly ["ENFORCE", "BYPASS_2FACTOR", "BYPASS", "ENFORCE_RELAXREFRESH"];
/** ECA spellings mapped to the Connected App ones. The casing of the last two is [UNCERTAIN]: compared case-insensitively. */
export declare const ECA_IP_RELAXATION: Record<string, (typeof IP_RELAXATION_VALUES)[number]>;
export declare const REFRESH_TOKEN_POLICY: RegExp;
export declare const REFRESH_TOKEN_POLICY_EXPECTED = "zero, infinite, specific_lifetime:<n>:<HOURS|DAYS|MONTHS> or specific_inactivity:<n>:<HOURS|DAYS|MONTHS>";
export declare const ECA_REFRESH_TOKEN_POLICY_TYPES: readonly ["Infinite", "SpecificInactivity", "SpecificLifetime", "Zero"];
export declare const ECA_REFRESH_TOKEN_UNITS: readonly ["Days", "Hours", "Months"];
export declare const ECA_PERMITTED_USERS: readonly ["AdminApprovedPreAuthorized", "AllSelfAuthorized"];
export declare const ECA_SESSION_LEVELS: readonly ["HIGH_ASSURANCE", "LOW", "STANDARD"];
export declare const POLICY_ACTIONS: readonly ["Block", "RaiseSessionLevel"];
export declare const SAML_SIGNING_ALGORITHMS: readonly ["SHA1", "SHA256"];
export declare const SAML_ENCRYPTION_TYPES: readonly ["AES_128", "AES_256", "Triple_Des"];
export declare const ECA_DISTRIBUTION_STATES: readonly ["Local", "Packaged", "Packageable", "AutoInstalled", "Managed"];
/** Boolean elements are recognised by name (`isAdminApproved`, `shouldRotateConsumerKey` …) so new ones are checked too. */
export declare function isBooleanElementName(name: string): boolean;
/** The closest allowed value differing only by letter case, for "did you mean" hints. */
export declare function caseInsensitiveMatch(value: string, allowed: readonly string[]): string | undefined;
/**
 * The allowed value an OAuth protocol or UI spelling stands for (`refresh_token` -> RefreshToken, `chatbot_api` ->
 * Chatbot, `SfapApi` -> SFAP): AI-written metadata often uses those. Compares without case, `_`, `-` and an `api` tail.
 */
export declare function protocolSpellingMatch(value: string, allowed: readonly string[]): string | undefined;
