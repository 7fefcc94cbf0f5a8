import { type XmlDocument } from '../parser/xml.js';
import { type AppConfig, type Flow, type MetadataTypeName, type OAuthAppSettings, type ProjectModel } from '../types.js';
/** A metadata file that parsed: the input of the model step. */
export interface ParsedFile {
    path: string;
    type: MetadataTypeName;
    componentName: string;
    forceIgnored: boolean;
    doc: XmlDocument;
}
/**
 * The elements that hold a secret in a file of this type, wherever they sit in it: an app's consumerSecret, the
 * secret fields of the other types. For judging a file the model does not read (see RepoFile.unmodelledMetadata).
 */
export declare function secretElementsOf(type: MetadataTypeName): readonly string[];
/** Step three of the pipeline: parsed files -> one MetadataDocument per file and one OAuthApp per app. */
export declare function buildModel(files: ParsedFile[], appConfig?: (name: string) => AppConfig | undefined): ProjectModel;
/**
 * A secret the platform encrypted, not plaintext: a change set's `++…++` form, or a Metadata API retrieve's
 * org-encrypted value, base64 that decodes to opaque bytes. Base64 is recognised by what alphanumeric secrets lack
 * (`+`, `/` or `=` padding), since random letters and digits also decode to opaque bytes.
 */
export declare function isPlatformEncrypted(value: string): boolean;
/**
 * The flows an app serves, from its effective settings: a certificate means JWT bearer; the client-credentials,
 * device, token-exchange and code-and-credentials switches their flows; a real callback an interactive flow
 * (user-agent for a public client: optional secret or a native app's scheme; web-server otherwise). A callback that
 * only stands in for "no redirect" counts when nothing else is there. An app with none of these is a web-server app.
 */
export declare function inferFlows(app: OAuthAppSettings): Flow[];
