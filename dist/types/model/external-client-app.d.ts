import type { MetadataTypeName } from '../types.js';
import { type AppSettings } from './app-settings.js';
import { type FieldReader } from './fields.js';
/** What one External Client App file contributes, and the app it belongs to. */
export interface EcaFileRead {
    /** The `externalClientApplication` element: the join key of the ECA's files. */
    appName?: string;
    settings: AppSettings;
}
/** Reads one file of the External Client App family; each type contributes its own part of the app. */
export declare function readExternalClientAppFile(type: MetadataTypeName, reader: FieldReader): EcaFileRead;
