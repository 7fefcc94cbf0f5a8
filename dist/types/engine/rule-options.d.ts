type Schema = Record<string, unknown>;
/** The first reason `value` does not fit `schema`, as `<path> must …`; undefined when it fits. */
export declare function optionsProblem(value: unknown, schema: Schema | undefined, path?: string): string | undefined;
/** The rule's defaults with the configured options over them (one level deep: options are flat objects). */
export declare function mergeOptions(defaults: Record<string, unknown> | undefined, configured: Record<string, unknown>): Record<string, unknown>;
export {};
