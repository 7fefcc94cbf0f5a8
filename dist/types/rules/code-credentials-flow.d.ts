/** The headless code-and-credentials flow takes a user's password through the app: only where that is the intent. */
export declare const codeCredentialsFlow: import("../types.js").Rule;
