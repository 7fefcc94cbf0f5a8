// Types of build-action.mjs, for the test that rebuilds the bundle.
/** Absolute path of the committed bundle, action/bundle/index.mjs. */
export declare const ACTION_BUNDLE: string;
/** Bundles src/action/main.ts into `outfile` (the committed bundle by default); returns the path and esbuild's metafile. */
export declare function buildAction(outfile?: string): Promise<{ outfile: string; metafile: unknown }>;
