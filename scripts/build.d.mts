// Types of build.mjs, for the test that rebuilds the committed outputs and compares them.
export declare const BUILD_OUTPUTS: string[];
export declare function generateSources(): void;
export declare function buildOutputs(outRoot?: string): Promise<void>;
