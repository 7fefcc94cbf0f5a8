import { basename } from 'node:path';
import { fileStart } from '../parser/positions.js';
import { elementPosition, type XmlDocument } from '../parser/xml.js';
import { FLOWS, type AppConfig, type AppFile, type Flow, type Located, type MetadataDocument, type MetadataTypeName, type OAuthApp, type OAuthAppSettings, type Position, type ProjectModel, type SecretField } from '../types.js';
import { isRejected, mergeSettings, validReading, type AppSettings, type Reading } from './app-settings.js';
import { readConnectedApp } from './connected-app.js';
import { readExternalClientAppFile } from './external-client-app.js';
import { FieldReader } from './fields.js';
import { SETTINGS, settingAnchor } from './settings.js';
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

/**
 * The elements that hold a secret in a file of this type, wherever they sit in it: an app's consumerSecret, the
 * secret fields of the other types. For judging a file the model does not read (see RepoFile.unmodelledMetadata).
 */
export function secretElementsOf(type: MetadataTypeName): readonly string[] {
  return SECRET_FIELDS[type] ?? (type === 'ConnectedApp' || type.startsWith('ExternalClientApp') || type.startsWith('ExtlClntApp') ? ['consumerSecret'] : []);
}

interface EcaGroup {
  name: string;
  files: { file: ParsedFile; settings: AppSettings }[];
}

/** Step three of the pipeline: parsed files -> one MetadataDocument per file and one OAuthApp per app. */
export function buildModel(files: ParsedFile[], appConfig: (name: string) => AppConfig | undefined = () => undefined): ProjectModel {
  const documents: MetadataDocument[] = [];
  const apps: OAuthApp[] = [];
  const ecaGroups = new Map<string, EcaGroup>();
  const documentOf = new Map<string, MetadataDocument>();

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
    documentOf.set(file.path, document);

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

  for (const group of ecaGroups.values()) {
    reportTwinFiles(group, documentOf);
    apps.push(assembleExternalClientApp(group, appConfig(group.name)));
  }
  apps.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { apps, documents };
}

/**
 * Two deployed files of one type for the same External Client App (a second `…ecaOauthPlcy-meta.xml` naming the same
 * app): the app is assembled from one of them only, so the other would go unjudged in silence, and a pull request
 * could add a safe twin to hide an insecure file. Each of them is recorded invalid (valid-metadata reports an error).
 */
function reportTwinFiles(group: EcaGroup, documentOf: ReadonlyMap<string, MetadataDocument>): void {
  const byType = new Map<MetadataTypeName, ParsedFile[]>();
  for (const { file } of group.files) {
    if (file.forceIgnored) continue;
    const same = byType.get(file.type) ?? [];
    same.push(file);
    byType.set(file.type, same);
  }
  for (const [type, twins] of byType) {
    if (twins.length < 2) continue;
    // Each names the first other file, and how many more (thousands of twins must not make a quadratic message).
    for (const [index, file] of twins.entries()) {
      const document = documentOf.get(file.path);
      const other = basename(twins[index === 0 ? 1 : 0]!.path);
      const more = twins.length > 2 ? ` and ${twins.length - 2} more` : '';
      document?.invalid.push({
        field: 'externalClientApplication',
        found: group.name,
        expected: `one ${type} per app`,
        twinOf: `${other}${more}`,
        at: document.root.at,
      });
    }
  }
}

function readSecretFields(reader: FieldReader, names: string[]): SecretField[] {
  return names.flatMap((field) => {
    const value = reader.text(reader.root, field);
    if (!value) return [];
    return [{ field, value, ...(isPlatformEncrypted(value.value) ? { encrypted: true } : {}) }];
  });
}

/** Base64 long enough to hold a cipher block and an IV: what an org-encrypted secret looks like. */
const BASE64_BLOB = /^[A-Za-z0-9+/]{22,}={0,2}$/;

/**
 * A secret the platform encrypted, not plaintext: a change set's `++…++` form, or a Metadata API retrieve's
 * org-encrypted value, base64 that decodes to opaque bytes. Base64 is recognised by what alphanumeric secrets lack
 * (`+`, `/` or `=` padding), since random letters and digits also decode to opaque bytes.
 */
export function isPlatformEncrypted(value: string): boolean {
  const text = value.trim();
  if (/^\+\+.*\+\+$/s.test(text)) return true;
  if (!BASE64_BLOB.test(text) || text.length % 4 !== 0 || !/[+/=]/.test(text)) return false;
  const bytes = Buffer.from(text, 'base64');
  const opaque = bytes.filter((byte) => byte < 0x20 || byte > 0x7e).length;
  return bytes.length >= 16 && opaque / bytes.length >= 0.25;
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
  });
}

interface AssembleInput
  extends Pick<OAuthApp, 'name' | 'kind' | 'files' | 'forceIgnored' | 'usesOAuth' | 'anchor' | 'oauthAnchor' | 'policyAnchor' | 'hasPolicyFile'> {
  settings: AppSettings;
  config: AppConfig | undefined;
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

/**
 * Every setting from its SETTINGS row: with a documented default for this kind, the value or the default (see
 * orDefault); a list, as read or empty; an optional value, as read (a rejected one is left out, as if absent:
 * valid-metadata reports it). Then the effective values that combine settings, and the flows.
 */
function assembleApp(input: AssembleInput): OAuthApp {
  const settings: Record<string, unknown> = {};
  const read = input.settings as Record<string, Reading<unknown> | unknown[] | undefined>;
  for (const spec of SETTINGS) {
    const reading = read[spec.name];
    const fallback = spec.defaults?.[input.kind];
    if (fallback !== undefined) {
      const anchor = settingAnchor(spec, input.kind) === 'policy' ? input.policyAnchor : input.oauthAnchor;
      settings[spec.name] = orDefault(reading as Reading<unknown> | undefined, fallback, anchor);
    } else if (LIST_SETTINGS.has(spec.name)) {
      settings[spec.name] = reading ?? [];
    } else {
      const valid = validReading(reading as Reading<unknown> | undefined);
      if (valid !== undefined) settings[spec.name] = valid;
    }
  }
  const app = {
    name: input.name,
    kind: input.kind,
    files: input.files,
    forceIgnored: input.forceIgnored,
    usesOAuth: input.usesOAuth,
    anchor: input.anchor,
    oauthAnchor: input.oauthAnchor,
    policyAnchor: input.policyAnchor,
    hasPolicyFile: input.hasPolicyFile,
    ...(settings as unknown as OAuthAppSettings),
    flows: { value: [], declared: false },
  } as OAuthApp;
  app.clientCredentialsEnabled = effectiveClientCredentials(app);
  const declared = input.config?.flow;
  app.flows = declared ? { value: orderFlows(Array.isArray(declared) ? declared : [declared]), declared: true } : { value: inferFlows(app), declared: false };
  return app;
}

/** Settings that are lists: absent means none. */
const LIST_SETTINGS: ReadonlySet<string> = new Set(['scopes', 'callbackUrls', 'permittedProfiles', 'permittedPermissionSets', 'trustedIpRanges', 'otherUrls']);

/**
 * An ECA's client-credentials flow works only when the developer's global setting offers it and the admin's policy
 * enables it: one effective value, located at the decisive element. Without the policy file in the project, the
 * global setting is all the repository shows.
 */
function effectiveClientCredentials(app: OAuthApp): Located<boolean> {
  const offered = app.clientCredentialsEnabled;
  if (app.kind !== 'externalClientApp' || !app.hasPolicyFile || !offered.value) return offered;
  const policy = app.clientCredentialsPolicyEnabled;
  return policy ?? { value: false, at: app.policyAnchor, defaulted: true };
}

/** Callbacks that only stand in for "no browser redirect" (what JWT and client-credentials apps register). */
const PLACEHOLDER_CALLBACK = /^(?:https:\/\/(?:login|test)\.salesforce\.com\/services\/oauth2\/success|sfdc:\/\/success)\/?$/i;

/**
 * The flows an app serves, from its effective settings: a certificate means JWT bearer; the client-credentials,
 * device, token-exchange and code-and-credentials switches their flows; a real callback an interactive flow
 * (user-agent for a public client: optional secret or a native app's scheme; web-server otherwise). A callback that
 * only stands in for "no redirect" counts when nothing else is there. An app with none of these is a web-server app.
 */
export function inferFlows(app: OAuthAppSettings): Flow[] {
  const flows = new Set<Flow>();
  if (app.certificate?.value) flows.add('jwt-bearer');
  if (app.clientCredentialsEnabled.value) flows.add('client-credentials');
  if (app.deviceFlowEnabled.value) flows.add('device');
  if (app.tokenExchangeEnabled.value) flows.add('token-exchange');
  if (app.codeCredentialEnabled.value) flows.add('code-credentials');
  const callbacks = app.callbackUrls.filter((url) => !PLACEHOLDER_CALLBACK.test(url.value.trim()));
  if (callbacks.length > 0 || (flows.size === 0 && app.callbackUrls.length > 0)) {
    const isPublic = app.consumerSecretOptional.value || app.callbackUrls.some((url) => isNativeCallback(url.value));
    flows.add(isPublic ? 'user-agent' : 'web-server');
  }
  if (flows.size === 0) flows.add('web-server');
  return orderFlows([...flows]);
}

function orderFlows(flows: readonly Flow[]): Flow[] {
  return FLOWS.filter((flow) => flows.includes(flow));
}
