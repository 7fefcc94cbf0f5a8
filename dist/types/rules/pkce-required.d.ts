/** A mobile bundle or a single-page app cannot keep a secret: only PKCE ties the code to the client that asked for it. */
export declare const pkceRequired: import("../types.js").Rule;
