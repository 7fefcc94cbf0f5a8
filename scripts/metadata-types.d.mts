// Types of metadata-types.mjs, for the test that compares the generated table with SDR's registry.
export declare const METADATA_TYPES_FILE: string;
export declare const LINTED_TYPE_NAMES: readonly string[];
export declare function sdrRegistry(): { types: Record<string, { name: string; suffix?: string; directoryName?: string }> };
export declare function sdrVersion(): string;
export declare function metadataTypesSource(registry?: ReturnType<typeof sdrRegistry>, version?: string): string;
