/** Each scope is more data a leaked token opens: an app should hold only what its flows use. */
export declare const minimalScopes: import("../types.js").Rule;
