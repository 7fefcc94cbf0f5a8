import type { Located } from '../types.js';
import { type AppSettings } from './app-settings.js';
import { type FieldReader } from './fields.js';
export interface ConnectedAppRead {
    settings: AppSettings;
    usesOAuth: boolean;
    oauthConfig?: Located<string>;
    oauthPolicy?: Located<string>;
}
/** Reads a ConnectedApp file (source or Metadata API format; both have the same XML). */
export declare function readConnectedApp(reader: FieldReader): ConnectedAppRead;
