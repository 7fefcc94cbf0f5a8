/** A place in a file. Lines and columns are 1-based; endColumn is exclusive (the column after the last character). */
export interface Position {
    /** Absolute path of the file. */
    file: string;
    line: number;
    column: number;
    endLine?: number;
    endColumn?: number;
}
/**
 * A value with the place it came from. `defaulted` marks an absent element whose documented default is used.
 * `invalid` marks an element that is present but holds a value the platform rejects (a boolean `True`, an unknown
 * enum value, nested elements where a plain value belongs): `value` is then the setting's documented default, `at`
 * is where the rejected value is written, and `invalid` is the same record `valid-metadata` reports for it. Only
 * settings with a documented default carry it; an optional setting whose value is rejected is left out, as if absent.
 * A rule that explains a setting should test `invalid` before `defaulted`: for example skip (valid-metadata reports
 * it) or say "is invalid (True), so the default false applies", never "is absent".
 */
export interface Located<T> {
    value: T;
    at: Position;
    defaulted?: true;
    invalid?: InvalidValue;
}
export type Environment = 'production' | 'sandbox';
export type Severity = 'error' | 'warning';
export type RuleLevel = 'off' | 'warn' | 'error';
export declare const FLOWS: readonly ["web-server", "jwt-bearer", "user-agent", "device", "client-credentials", "token-exchange", "code-credentials"];
export type Flow = (typeof FLOWS)[number];
export type AppKind = 'connectedApp' | 'externalClientApp';
/** Canonical (upper-case, Connected App spelling) IP relaxation values; ECA values are mapped onto them. */
export type IpRelaxation = 'ENFORCE' | 'BYPASS' | 'BYPASS_2FACTOR' | 'ENFORCE_RELAXREFRESH';
/** The metadata types the linter reads. */
export type MetadataTypeName = 'ConnectedApp' | 'ExternalClientApplication' | 'ExtlClntAppGlobalOauthSettings' | 'ExtlClntAppOauthSettings' | 'ExtlClntAppOauthConfigurablePolicies' | 'ExtlClntAppConfigurablePolicies' | 'AuthProvider' | 'NamedCredential';
/** A value the platform would reject at deploy, found while building the model (reported by `valid-metadata`). */
export interface InvalidValue {
    /** Element path inside the file, e.g. `oauthConfig/isAdminApproved`. */
    field: string;
    /** What was found ('' when something required is missing). */
    found: string;
    /** Human description of what is expected. */
    expected: string;
    at: Position;
    /**
     * A well-formed value the linter does not know (a scope or enum value newer than the API version it knows): a
     * warning to check the spelling, not a deploy failure (DECISIONS 14).
     */
    unknown?: true;
    /** For an `unknown` value: the known value it may stand for (`chatbot_api` -> Chatbot), offered as a hint only. */
    suggestion?: string;
    /**
     * The other file(s) of the same type naming the same app (`Aaa.ecaOauthPlcy-meta.xml and 2 more`): the app is built
     * from one of them only. Not a deploy failure that is documented, so worded apart from a rejected value.
     */
    twinOf?: string;
}
/** A secret-bearing metadata field with a value (placeholders included; the rule decides). */
export interface SecretField {
    field: string;
    value: Located<string>;
    /** Encrypted by the platform (a change set's `++…++`, a retrieve's org-encrypted base64): not plaintext. */
    encrypted?: boolean;
}
/** One metadata file after parsing, whatever its type: what document-level rules see. */
export interface MetadataDocument {
    file: string;
    type: MetadataTypeName;
    /** The component's API name (file base name without suffixes). */
    name: string;
    /** The root element as found. */
    root: Located<string>;
    /** Excluded by .forceignore: metadata rules skip it, the secret scan does not. */
    forceIgnored: boolean;
    invalid: InvalidValue[];
    secrets: SecretField[];
}
/** A file of one app (a Connected App has one, an External Client App up to five). */
export interface AppFile {
    file: string;
    type: MetadataTypeName;
    root: Position;
}
/**
 * One Connected App, or one External Client App assembled from its files. Every setting a rule reads is
 * Located; absent elements carry their documented default and `defaulted: true`.
 */
export interface OAuthApp extends OAuthAppSettings {
    name: string;
    kind: AppKind;
    /**
     * The files the app is built from. Files excluded by .forceignore never deploy: an ECA is built from its other
     * files only (their settings are not the app's, and no finding lands on them), except `consumerSecret`.
     */
    files: AppFile[];
    /** Every file of the app is excluded by .forceignore: only rules with `includeForceIgnored` see the app. */
    forceIgnored: boolean;
    /** A ConnectedApp with `oauthConfig`; an ECA with OAuth settings files. */
    usesOAuth: boolean;
    /** The app's header: ConnectedApp root, or the `.eca` root (else the first file's root). */
    anchor: Position;
    /**
     * Where OAuth findings go when an element is absent: `oauthConfig`, or (DECISIONS 12) the ECA global OAuth settings
     * root, else the `.eca` header, else the first file's root.
     */
    oauthAnchor: Position;
    /** Where policy findings go when an element is absent: `oauthPolicy` (else `oauthConfig`), or the ECA OAuth policy root. */
    policyAnchor: Position;
    /** ECA only: whether an OAuth policy file (.ecaOauthPlcy) is in the project. */
    hasPolicyFile: boolean;
    /**
     * The flows the app serves (a set: a JWT app with a web callback serves both), in FLOWS order. Declared intent in
     * the configuration (`apps.<name>.flow`) wins; otherwise they are inferred from the effective settings. Every rule
     * uses this one answer.
     */
    flows: {
        value: readonly Flow[];
        declared: boolean;
    };
}
/** A trusted IP range (Connected App `ipRanges`, ECA `trustedIpRanges`): its users skip identity verification. */
export interface IpRange {
    start: Located<string>;
    end: string;
}
/**
 * The settings of an OAuth app, as rules see them: effective values, located where they are written (or where the
 * element would be when absent: `defaulted`). Each field is one row of SETTINGS (src/model/settings.ts), which says
 * where it lives in each kind of app, its default and how it maps to the effective value.
 */
export interface OAuthAppSettings {
    label?: Located<string>;
    scopes: Located<string>[];
    callbackUrls: Located<string>[];
    adminApproved: Located<boolean>;
    permittedProfiles: Located<string>[];
    permittedPermissionSets: Located<string>[];
    ipRelaxation: Located<IpRelaxation>;
    trustedIpRanges: IpRange[];
    /**
     * Canonical: `infinite`, `zero`, `specific_lifetime:<n>:<UNIT>` or `specific_inactivity:<n>:<UNIT>`. Absent for an
     * ECA whose policy does not state it (no policy file in the project: it cannot be known, DECISIONS 16).
     */
    refreshTokenPolicy?: Located<string>;
    refreshTokenRotation: Located<boolean>;
    secretRequiredForRefreshToken: Located<boolean>;
    sessionLevel?: Located<string>;
    sessionPolicyAction?: Located<string>;
    certificate?: Located<string>;
    consumerKey?: Located<string>;
    /** From any file of the app, .forceignore'd ones included: a committed secret leaks whether or not it deploys. */
    consumerSecret?: Located<string>;
    pkceRequired: Located<boolean>;
    consumerSecretOptional: Located<boolean>;
    /** Effective: for an ECA, the global setting and (when the policy file is in the project) the policy both allow it. */
    clientCredentialsEnabled: Located<boolean>;
    /** ECA only: the admin's switch in the OAuth policy file (`isClientCredentialsFlowEnabled`), when written. */
    clientCredentialsPolicyEnabled?: Located<boolean>;
    clientCredentialsUser?: Located<string>;
    deviceFlowEnabled: Located<boolean>;
    tokenExchangeEnabled: Located<boolean>;
    codeCredentialEnabled: Located<boolean>;
    introspectAllTokens: Located<boolean>;
    /** Other URLs of the app (startUrl, logoUrl, canvasUrl, acsUrl …), with the field name. */
    otherUrls: {
        field: string;
        url: Located<string>;
    }[];
    samlSigningAlgorithm?: Located<string>;
    samlEncryptionType?: Located<string>;
}
/** What the model step yields for the whole project. */
export interface ProjectModel {
    apps: OAuthApp[];
    documents: MetadataDocument[];
}
/** A file of the repository, as the repository-wide checks (secret scan, destructive manifests) see it. */
export interface RepoFile {
    /** Absolute path. */
    file: string;
    /** The text, decoded as UTF-8; '' for binary files. */
    text: string;
    /** Binary content (a keystore, an image): only the name can be judged. */
    binary?: boolean;
    /** Present for files deleted by the change under lint (--staged, --changed-since): text is ''. */
    deleted?: boolean;
    /**
     * The metadata type and component name the file's name says, for a file named like metadata (set by the engine,
     * so file rules need not know suffixes). `modelled: false` for one the model did not read (outside every package
     * directory, e.g. a `backup/` copy, or deleted): it never deploys, but a secret committed in it leaks all the same.
     */
    metadata?: {
        type: MetadataTypeName;
        name: string;
        modelled: boolean;
    };
}
/** A finding after severities, suppressions and the baseline are applied. */
export interface Finding {
    ruleId: string;
    severity: Severity;
    message: string;
    at: Position;
    /** The app the finding belongs to, when there is one. */
    app?: string;
    /** Stable across runs and line moves: rule, app, repository-relative file and offending content. */
    fingerprint: string;
    fatal?: boolean;
    /**
     * Set on the one finding that stands for the findings a rule reported in one file past the cap (100 per rule and
     * file): how many were not listed. Counts (exit code, --max-warnings) count it as that many findings.
     */
    omitted?: number;
    suppressed?: {
        kind: 'directive' | 'baseline' | 'config';
        justification: string;
    };
}
/**
 * What a rule's `checkApp` runs on: `oauth-apps` (apps that use OAuth; the engine skips the others, so rules need
 * no `usesOAuth` guard), `apps` (every app, SAML- and canvas-only ones too), `metadata-files` (every linted metadata
 * file) and `repository-files` (every file the repository holds). Also what the rule page's header says.
 */
export type RuleSubject = 'oauth-apps' | 'apps' | 'metadata-files' | 'repository-files';
/** Values a message template may interpolate: `{{name}}` in the template is replaced by `data.name`. */
export type MessageData = Readonly<Record<string, string | number>>;
export interface RuleMeta {
    id: string;
    /** One sentence. */
    description: string;
    /** A paragraph: what and why. */
    fullDescription: string;
    severity: {
        production: RuleLevel;
        sandbox: RuleLevel;
    };
    /** Absolute docs URL of the rule's page. */
    docs: string;
    tags: string[];
    /** 0.1–10, as a number; SARIF writes it as a string. */
    securitySeverity: number;
    precision?: 'very-high' | 'high' | 'medium' | 'low';
    /** JSON Schema of the rule's options object; the engine validates configured options against it. */
    options?: Record<string, unknown>;
    /** Option values used when the configuration sets none; merged under the configured ones by the engine. */
    defaultOptions?: Record<string, unknown>;
    /** Message templates by id (`{{name}}` placeholders); `report({ messageId, data })` picks one. */
    messages?: Readonly<Record<string, string>>;
    /** What the rule's checks run on (see RuleSubject); an `oauth-apps` rule never sees an app without OAuth. */
    appliesTo?: readonly RuleSubject[];
    /** Runs on files excluded by .forceignore too (secrets are committed all the same). */
    includeForceIgnored?: boolean;
    /**
     * Findings point at secret values: fingerprints (which land in baselines and SARIF files) hash the rule's
     * masked message instead of the source line, so that no hash of a weak secret leaves the machine.
     */
    pointsAtSecrets?: boolean;
}
/** Per-app intent from the configuration. */
export interface AppConfig {
    /** The flow or flows the app serves: declared intent wins over inference. */
    flow?: Flow | Flow[];
    environment?: Environment;
    callbackUrls?: string[] | {
        production?: string[];
        sandbox?: string[];
    };
    ipRelaxation?: {
        reason: string;
    };
    allowScopes?: string[];
}
export type ReportDescriptor = ({
    message: string;
    messageId?: undefined;
    data?: undefined;
}
/** A message template of the rule's `meta.messages`, filled with `data`. */
 | {
    messageId: string;
    data?: MessageData;
    message?: undefined;
}) & {
    at: Position;
    /** A finding-specific severity (e.g. a warning inside an error rule); the user's configured level still wins. */
    severity?: Severity;
};
export interface RuleContext {
    environment: Environment;
    /** The linted project's root (git root, else SFDX project root, else working directory). */
    root: string;
    /** The rule's `defaultOptions` with the configured options merged over them, validated against `meta.options`. */
    options: Record<string, unknown>;
    /** The app's configuration entry, if any (app hooks only). */
    appConfig?: AppConfig;
    report(descriptor: ReportDescriptor): void;
}
/** A rule: meta plus checks over one or more subjects. */
export interface Rule {
    meta: RuleMeta;
    checkApp?(app: OAuthApp, ctx: RuleContext): void;
    checkDocument?(doc: MetadataDocument, ctx: RuleContext): void;
    checkFile?(file: RepoFile, ctx: RuleContext): void;
}
/** One file's results, in ESLint's LintResult terms. */
export interface FileResult {
    file: string;
    findings: Finding[];
    suppressed: Finding[];
}
export interface LintStats {
    files: number;
    metadataFiles: number;
    apps: number;
    scannedFiles: number;
    durationMs: number;
    baselineHidden: number;
}
/** Everything a reporter needs. Reporters never see the model, only this. */
export interface LintRun {
    /** Directory that repository-relative paths are computed from (git root, else project root, else cwd). */
    root: string;
    toolVersion: string;
    results: FileResult[];
    /** Meta of every rule that ran (engine pseudo-rules included). */
    rules: RuleMeta[];
    /** Files that could not be read or parsed (also present as fatal findings). */
    parseFailures: Finding[];
    stats: LintStats;
    /** One line per app for summaries (GitHub job summary). */
    apps: AppSummary[];
    /** Notes for the user (e.g. results capped). */
    notices: string[];
    /** Files the linted change deletes (--staged, --changed-since): findings on them have no file to point at. */
    deletedFiles?: string[];
    /** Which configuration judged the run (a file, a file at a git ref, or the defaults), for summaries. */
    configuration?: string;
}
export interface AppSummary {
    name: string;
    kind: AppKind;
    file: string;
    flows: readonly Flow[];
    flowDeclared: boolean;
    /** Whether the app uses OAuth at all (a SAML- or canvas-only app has no flow). */
    usesOAuth: boolean;
    scopes: string[];
    /** As written in the metadata, in order (`init` copies them into the configuration). */
    callbackUrls: string[];
    adminApproved: boolean;
    ipRelaxation: IpRelaxation;
    certificateExpiry?: string;
    environment: Environment;
}
