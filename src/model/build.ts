import { fileStart } from '../parser/positions.js';
import { elementPosition, type XmlDocument } from '../parser/xml.js';
import type { AppConfig, AppFile, Flow, Located, MetadataDocument, MetadataTypeName, OAuthApp, Position, ProjectModel, SecretField } from '../types.js';
import { mergeSettings, type AppSettings } from './app-settings.js';
import { readConnectedApp } from './connected-app.js';
import { readExternalClientAppFile } from './external-client-app.js';
import { FieldReader } from './fields.js';
import { parseUrl, isPrivateUseScheme } from './urls.js';

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

function assembleExternalClientApp(group: EcaGroup, config: AppConfig | undefined): OAuthApp {
  const byType = (type: MetadataTypeName) => group.files.find((entry) => entry.file.type === type);
  const rootOf = (entry: { file: ParsedFile } | undefined): Position | undefined =>
    entry ? elementPosition(entry.file.doc, entry.file.doc.root) : undefined;
  const header = byType('ExternalClientApplication');
  const global = byType('ExtlClntAppGlobalOauthSettings');
  const oauthSettings = byType('ExtlClntAppOauthSettings');
  const oauthPolicy = byType('ExtlClntAppOauthConfigurablePolicies');
  const first = group.files[0]!;
  const anchor = rootOf(header) ?? rootOf(first) ?? fileStart(first.file.path);
  return assembleApp({
    name: group.name,
    kind: 'externalClientApp',
    files: group.files.map(({ file }) => ({ file: file.path, type: file.type, root: rootOf({ file })! })),
    forceIgnored: group.files.every(({ file }) => file.forceIgnored),
    usesOAuth: Boolean(global ?? oauthSettings ?? oauthPolicy),
    anchor,
    oauthAnchor: rootOf(global) ?? rootOf(oauthSettings) ?? anchor,
    policyAnchor: rootOf(oauthPolicy) ?? anchor,
    hasPolicyFile: oauthPolicy !== undefined,
    settings: mergeSettings(group.files.map((entry) => entry.settings)),
    config,
    // ECA default differs from the Connected App's: PKCE is required unless turned off.
    pkceDefault: true,
  });
}

interface AssembleInput {
  name: string;
  kind: OAuthApp['kind'];
  files: AppFile[];
  forceIgnored: boolean;
  usesOAuth: boolean;
  anchor: Position;
  oauthAnchor: Position;
  policyAnchor: Position;
  hasPolicyFile: boolean;
  settings: AppSettings;
  config: AppConfig | undefined;
  pkceDefault?: boolean;
}

/** Applies the documented defaults, each marked `defaulted` and located where the element would be. */
function assembleApp(input: AssembleInput): OAuthApp {
  const { settings: s, oauthAnchor, policyAnchor } = input;
  const byDefault = <T>(value: T, at: Position): Located<T> => ({ value, at, defaulted: true });
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
    adminApproved: s.adminApproved ?? byDefault(false, input.kind === 'connectedApp' ? oauthAnchor : policyAnchor),
    permittedProfiles: s.permittedProfiles ?? [],
    permittedPermissionSets: s.permittedPermissionSets ?? [],
    ipRelaxation: s.ipRelaxation ?? byDefault('ENFORCE', policyAnchor),
    refreshTokenPolicy: s.refreshTokenPolicy ?? byDefault('infinite', policyAnchor),
    refreshTokenRotation: s.refreshTokenRotation ?? byDefault(false, oauthAnchor),
    pkceRequired: s.pkceRequired ?? byDefault(input.pkceDefault ?? false, oauthAnchor),
    consumerSecretOptional: s.consumerSecretOptional ?? byDefault(false, oauthAnchor),
    clientCredentialsEnabled: s.clientCredentialsEnabled ?? byDefault(false, oauthAnchor),
    deviceFlowEnabled: s.deviceFlowEnabled ?? byDefault(false, oauthAnchor),
    tokenExchangeEnabled: s.tokenExchangeEnabled ?? byDefault(false, oauthAnchor),
    introspectAllTokens: s.introspectAllTokens ?? byDefault(false, oauthAnchor),
    otherUrls: s.otherUrls ?? [],
    ...optional('sessionLevel', s.sessionLevel),
    ...optional('sessionPolicyAction', s.sessionPolicyAction),
    ...optional('certificate', s.certificate),
    ...optional('consumerKey', s.consumerKey),
    ...optional('consumerSecret', s.consumerSecret),
    ...optional('clientCredentialsPolicyEnabled', s.clientCredentialsPolicyEnabled),
    ...optional('clientCredentialsUser', s.clientCredentialsUser),
    ...optional('samlSigningAlgorithm', s.samlSigningAlgorithm),
    ...optional('samlEncryptionType', s.samlEncryptionType),
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
  if (app.callbackUrls.some((url) => isPrivateUseScheme(parseUrl(url.value).scheme))) return 'user-agent';
  return 'web-server';
}
