/** Whoever holds a JWT key or a client secret acts as every user of the profiles the app pre-authorizes. */
export declare const privilegedPreAuthorization: import("../types.js").Rule;
