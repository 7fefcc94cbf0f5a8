/** Introspecting every token in the org is a monitoring tool's job, not an integration's. */
export declare const noIntrospectAllTokens: import("../types.js").Rule;
