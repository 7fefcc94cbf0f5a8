// Types of package-info.mjs, for the test that compares the generated file with package.json.
export declare const PACKAGE_INFO_FILE: string;
export declare function packageInfoSource(manifest?: unknown): string;
