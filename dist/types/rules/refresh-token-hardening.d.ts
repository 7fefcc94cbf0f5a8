/** A confidential app whose refresh tokens work without its secret turns a leaked token into a lasting session. */
export declare const refreshTokenHardening: import("../types.js").Rule;
