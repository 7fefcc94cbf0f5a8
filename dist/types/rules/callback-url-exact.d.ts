/** The platform compares `redirect_uri` with each registered callback character for character. */
export declare const callbackUrlExact: import("../types.js").Rule;
