/** The global OAuth settings carry the consumer key, secret and certificate: the Metadata API says to keep them out. */
export declare const ecaGlobalOauthInSourceControl: import("../types.js").Rule;
