import type { MetadataTypeName } from '../types.js';
/** Each linted metadata type with its file suffix and folder, as the Salesforce CLI spells them. */
export declare const METADATA_TYPE_TABLE: readonly {
    name: MetadataTypeName;
    suffix: string;
    directoryName: string;
}[];
