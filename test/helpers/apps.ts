// External Client App files for tests, in the SFDX layout: one folder per type under `force-app/main/default`.
// The settings files may be named differently from the app: they join it through `externalClientApplication`,
// as Salesforce's own generated files do (`ecaViaMetadataGlblOAuth.ecaGlblOauth-meta.xml` for `ecaViaMetadata`).

const XMLNS = 'http://soap.sforce.com/2006/04/metadata';
const TYPES = 'force-app/main/default';

export interface EcaOptions {
  /** File base name of the settings files (default: the app name). */
  settingsName?: string;
  scopes?: string;
  ipRelaxation?: string;
  callbackUrl?: string;
}

export const ECA_PATHS = {
  header: (name: string) => `${TYPES}/externalClientApps/${name}.eca-meta.xml`,
  global: (name: string) => `${TYPES}/extlClntAppGlobalOauthSets/${name}.ecaGlblOauth-meta.xml`,
  oauth: (name: string) => `${TYPES}/extlClntAppOauthSettings/${name}.ecaOauth-meta.xml`,
  policy: (name: string) => `${TYPES}/extlClntAppOauthPolicies/${name}.ecaOauthPlcy-meta.xml`,
};

export function ecaOauthSettings(app: string, scopes: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ExtlClntAppOauthSettings xmlns="${XMLNS}">
    <commaSeparatedOauthScopes>${scopes}</commaSeparatedOauthScopes>
    <externalClientApplication>${app}</externalClientApplication>
    <label>${app} oauth</label>
</ExtlClntAppOauthSettings>
`;
}

export function ecaPolicy(app: string, ipRelaxation: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ExtlClntAppOauthConfigurablePolicies xmlns="${XMLNS}">
    <commaSeparatedProfile>Integration User</commaSeparatedProfile>
    <externalClientApplication>${app}</externalClientApplication>
    <ipRelaxationPolicyType>${ipRelaxation}</ipRelaxationPolicyType>
    <label>${app} policy</label>
    <permittedUsersPolicyType>AdminApprovedPreAuthorized</permittedUsersPolicyType>
</ExtlClntAppOauthConfigurablePolicies>
`;
}

/** The four files of an OAuth External Client App, by repository path. */
export function externalClientApp(name: string, options: EcaOptions = {}): Record<string, string> {
  const settings = options.settingsName ?? name;
  return {
    [ECA_PATHS.header(name)]: `<?xml version="1.0" encoding="UTF-8"?>
<ExternalClientApplication xmlns="${XMLNS}">
    <contactEmail>admin@example.com</contactEmail>
    <distributionState>Local</distributionState>
    <isProtected>false</isProtected>
    <label>${name}</label>
</ExternalClientApplication>
`,
    [ECA_PATHS.global(settings)]: `<?xml version="1.0" encoding="UTF-8"?>
<ExtlClntAppGlobalOauthSettings xmlns="${XMLNS}">
    <callbackUrl>${options.callbackUrl ?? 'https://partner.example.com/oauth/callback'}</callbackUrl>
    <externalClientApplication>${name}</externalClientApplication>
    <label>${name} global</label>
</ExtlClntAppGlobalOauthSettings>
`,
    [ECA_PATHS.oauth(settings)]: ecaOauthSettings(name, options.scopes ?? 'Api, RefreshToken'),
    [ECA_PATHS.policy(settings)]: ecaPolicy(name, options.ipRelaxation ?? 'Enforce'),
  };
}

/**
 * A Connected App registering `urls` as its callbacks, one a line in one `<callbackUrl>` (the platform's own
 * layout). Thousands of plain-http ones make the flood of findings the per-file cap is for.
 */
export function connectedAppWithCallbacks(label: string, urls: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="${XMLNS}">
    <contactEmail>admin@example.com</contactEmail>
    <label>${label}</label>
    <oauthConfig>
        <callbackUrl>${urls.join('\n')}</callbackUrl>
        <isAdminApproved>true</isAdminApproved>
        <isPkceRequired>true</isPkceRequired>
        <scopes>Api</scopes>
    </oauthConfig>
    <profileName>Integration User</profileName>
</ConnectedApp>
`;
}

/** `count` distinct URLs `${prefix}0`, `${prefix}1`, ... */
export function numberedUrls(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}${index}`);
}
