/** A refresh token that never expires and is never replaced is a permanent credential once it leaks. */
export declare const refreshTokenExpiry: import("../types.js").Rule;
