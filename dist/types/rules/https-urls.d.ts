/** The app's other URLs (start, logo, canvas, SAML, logout …) carry sessions and assertions too: https only. */
export declare const httpsUrls: import("../types.js").Rule;
