import { fileStart } from '../parser/positions.js';
import { elementPosition, type XmlDocument } from '../parser/xml.js';
import type { AppConfig, AppFile, Flow, Located, MetadataDocument, MetadataTypeName, OAuthApp, Position, ProjectModel, SecretField } from '../types.js';
import { isRejected, mergeSettings, validReading, type AppSettings, type Reading } from './app-settings.js';
import { readConnectedApp } from './connected-app.js';
import { readExternalClientAppFile } from './external-client-app.js';
import { FieldReader } from './fields.js';
import { isNativeCallback } from './urls.js';

/** A metadata file that parsed: the input of the model step. */
export interface ParsedFile {
  path: string;
  type: MetadataTypeName;
  componentName: string;
  forceIgnored: boolean;
  doc: XmlDocument;
}

/** Secret-bearing fields of the non-app types, by type. */
const SECRET_FIELDS: Partial<Record<MetadataTypeName, string[]>> = {
  AuthProvider: ['consumerSecret', 'ecKey'],
  NamedCredential: ['password', 'oauthToken', 'oauthRefreshToken', 'awsAccessSecret'],
};

interface EcaGroup {
  name: string;
  files: { file: ParsedFile; settings: AppSettings }[];
}

/** Step three of the pipeline: parsed files -> one MetadataDocument per file and one OAuthApp per app. */
export function buildModel(files: ParsedFile[], appConfig: (name: string) => AppConfig | undefined = () => undefined): ProjectModel {
  const documents: MetadataDocument[] = [];
  const apps: OAuthApp[] = [];
  const ecaGroups = new Map<string, EcaGroup>();

  for (const file of files) {
    const reader = new FieldReader(file.doc);
    const root: Located<string> = { value: file.doc.root.name, at: elementPosition(file.doc, file.doc.root) };
    const document: MetadataDocument = {
      file: file.path,
      type: file.type,
      name: file.componentName,
      root,
      forceIgnored: file.forceIgnored,
      invalid: reader.invalid,
      secrets: [],
    };
    documents.push(document);

    if (root.value !== file.type) {
      // A wrong root means we cannot know what the file is: say so, and read nothing else from it.
      reader.invalid.push({ field: 'root element', found: root.value, expected: `<${file.type}> for a file named like this`, at: root.at });
      continue;
    }

    if (file.type === 'ConnectedApp') {
      const read = readConnectedApp(reader);
      const fileEntry: AppFile = { file: file.path, type: file.type, root: root.at };
      apps.push(
        assembleApp({
          name: file.componentName,
          kind: 'connectedApp',
          files: [fileEntry],
          forceIgnored: file.forceIgnored,
          usesOAuth: read.usesOAuth,
          anchor: root.at,
          oauthAnchor: read.oauthConfig?.at ?? root.at,
          policyAnchor: read.oauthPolicy?.at ?? read.oauthConfig?.at ?? root.at,
          hasPolicyFile: false,
          settings: read.settings,
          config: appConfig(file.componentName),
        }),
      );
    } else if (file.type in SECRET_FIELDS) {
      reader.checkBooleans(reader.root);
      document.secrets = readSecretFields(reader, SECRET_FIELDS[file.type]!);
    } else {
      const read = readExternalClientAppFile(file.type, reader);
      const name = read.appName ?? file.componentName;
      const group = ecaGroups.get(name) ?? { name, files: [] };
      group.files.push({ file, settings: read.settings });
      ecaGroups.set(name, group);
    }
  }

  for (const group of ecaGroups.values()) apps.push(assembleExternalClientApp(group, appConfig(group.name)));
  apps.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { apps, documents };
}

function readSecretFields(reader: FieldReader, names: string[]): SecretField[] {
  return names.flatMap((field) => {
    const value = reader.text(reader.root, field);
    if (!value) return [];
    return [{ field, value, ...(/^\+\+.*\+\+$/s.test(value.value) ? { encrypted: true } : {}) }];
  });
}

/**
 * One External Client App from its files. Files excluded by .forceignore never deploy, so the app is built from the
 * others: their settings are not the app's (and findings never land on them). Only when every file is excluded is
 * the app built from all of them, marked `forceIgnored`, for the rules that look at ignored files too.
 */
function assembleExternalClientApp(group: EcaGroup, config: AppConfig | undefined): OAuthApp {
  const deployed = group.files.filter((entry) => !entry.file.forceIgnored);
  const forceIgnored = deployed.length === 0;
  const files = forceIgnored ? group.files : deployed;
  const byType = (type: MetadataTypeName) => files.find((entry) => entry.file.type === type);
  const rootOf = (entry: { file: ParsedFile } | undefined): Position | undefined =>
    entry ? elementPosition(entry.file.doc, entry.file.doc.root) : undefined;
  const header = byType('ExternalClientApplication');
  const global = byType('ExtlClntAppGlobalOauthSettings');
  const oauthSettings = byType('ExtlClntAppOauthSettings');
  const oauthPolicy = byType('ExtlClntAppOauthConfigurablePolicies');
  const first = files[0]!;
  const anchor = rootOf(header) ?? rootOf(first) ?? fileStart(first.file.path);
  // A committed secret leaks whether or not its file deploys: no-secrets-in-repo must see it in an excluded file too.
  const consumerSecret = group.files.map((entry) => entry.settings.consumerSecret).find((secret) => secret !== undefined);
  return assembleApp({
    name: group.name,
    kind: 'externalClientApp',
    files: files.map(({ file }) => ({ file: file.path, type: file.type, root: rootOf({ file })! })),
    forceIgnored,
    usesOAuth: Boolean(global ?? oauthSettings ?? oauthPolicy),
    anchor,
    // DECISIONS 12: an absent OAuth flag belongs in the global OAuth settings file, else on the header.
    oauthAnchor: rootOf(global) ?? anchor,
    policyAnchor: rootOf(oauthPolicy) ?? anchor,
    hasPolicyFile: oauthPolicy !== undefined,
    settings: { ...mergeSettings(files.map((entry) => entry.settings)), ...(consumerSecret ? { consumerSecret } : {}) },
    config,
    // ECA default differs from the Connected App's: PKCE is required unless turned off.
    pkceDefault: true,
  });
}

interface AssembleInput
  extends Pick<OAuthApp, 'name' | 'kind' | 'files' | 'forceIgnored' | 'usesOAuth' | 'anchor' | 'oauthAnchor' | 'policyAnchor' | 'hasPolicyFile'> {
  settings: AppSettings;
  config: AppConfig | undefined;
  pkceDefault?: boolean;
}

/**
 * The setting's value: as read, or its documented default, marked `defaulted` and located where the element would
 * be when absent, marked `invalid` and located at the rejected value when present but rejected.
 */
function orDefault<T>(reading: Reading<T> | undefined, value: T, anchor: Position): Located<T> {
  if (reading === undefined) return { value, at: anchor, defaulted: true };
  if (isRejected(reading)) return { value, at: reading.rejected.at, invalid: reading.rejected };
  return reading;
}

/** Applies the documented defaults (see orDefault). */
function assembleApp(input: AssembleInput): OAuthApp {
  const { settings: s, oauthAnchor, policyAnchor } = input;
  const app: OAuthApp = {
    name: input.name,
    kind: input.kind,
    files: input.files,
    forceIgnored: input.forceIgnored,
    usesOAuth: input.usesOAuth,
    anchor: input.anchor,
    oauthAnchor,
    policyAnchor,
    hasPolicyFile: input.hasPolicyFile,
    ...(s.label ? { label: s.label } : {}),
    flow: { value: 'web-server', declared: false },
    scopes: s.scopes ?? [],
    callbackUrls: s.callbackUrls ?? [],
    adminApproved: orDefault(s.adminApproved, false, input.kind === 'connectedApp' ? oauthAnchor : policyAnchor),
    permittedProfiles: s.permittedProfiles ?? [],
    permittedPermissionSets: s.permittedPermissionSets ?? [],
    ipRelaxation: orDefault(s.ipRelaxation, 'ENFORCE', policyAnchor),
    refreshTokenPolicy: orDefault(s.refreshTokenPolicy, 'infinite', policyAnchor),
    refreshTokenRotation: orDefault(s.refreshTokenRotation, false, oauthAnchor),
    pkceRequired: orDefault(s.pkceRequired, input.pkceDefault ?? false, oauthAnchor),
    consumerSecretOptional: orDefault(s.consumerSecretOptional, false, oauthAnchor),
    clientCredentialsEnabled: orDefault(s.clientCredentialsEnabled, false, oauthAnchor),
    deviceFlowEnabled: orDefault(s.deviceFlowEnabled, false, oauthAnchor),
    tokenExchangeEnabled: orDefault(s.tokenExchangeEnabled, false, oauthAnchor),
    introspectAllTokens: orDefault(s.introspectAllTokens, false, oauthAnchor),
    otherUrls: s.otherUrls ?? [],
    // Optional settings have no default to fall back on: a rejected value is left out (valid-metadata reports it).
    ...optional('sessionLevel', validReading(s.sessionLevel)),
    ...optional('sessionPolicyAction', validReading(s.sessionPolicyAction)),
    ...optional('certificate', s.certificate),
    ...optional('consumerKey', s.consumerKey),
    ...optional('consumerSecret', s.consumerSecret),
    ...optional('clientCredentialsPolicyEnabled', validReading(s.clientCredentialsPolicyEnabled)),
    ...optional('clientCredentialsUser', s.clientCredentialsUser),
    ...optional('samlSigningAlgorithm', validReading(s.samlSigningAlgorithm)),
    ...optional('samlEncryptionType', validReading(s.samlEncryptionType)),
  };
  app.flow = input.config?.flow ? { value: input.config.flow, declared: true } : { value: inferFlow(app), declared: false };
  return app;
}

function optional<K extends string, T>(key: K, value: T | undefined): { [P in K]?: T } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: T };
}

/**
 * The flow an app most likely uses, from its settings alone: a certificate means JWT bearer; client credentials
 * enabled means client credentials; an optional secret or a native-app callback scheme means a public client
 * (user-agent); anything else is the web-server flow.
 */
export function inferFlow(app: Pick<OAuthApp, 'certificate' | 'clientCredentialsEnabled' | 'consumerSecretOptional' | 'callbackUrls'>): Flow {
  if (app.certificate?.value) return 'jwt-bearer';
  if (app.clientCredentialsEnabled.value) return 'client-credentials';
  if (app.consumerSecretOptional.value) return 'user-agent';
  if (app.callbackUrls.some((url) => isNativeCallback(url.value))) return 'user-agent';
  return 'web-server';
}
