// Types of bundle.mjs, for the test that builds the worker script with the bundles' options.
import type { BuildOptions, Metafile } from 'esbuild';
export declare const ROOT: string;
export declare function bundleOptions(header: string): BuildOptions;
export declare function bundledPackageDirs(metafile: Metafile): string[];
