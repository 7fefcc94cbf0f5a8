/** The callback receives the authorization code (and, in the user-agent flow, the token itself): it must be TLS. */
export declare const callbackUrlHttps: import("../types.js").Rule;
