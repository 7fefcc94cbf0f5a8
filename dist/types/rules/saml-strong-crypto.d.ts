/** A SAML assertion is a login: its signature and encryption must not be breakable. */
export declare const samlStrongCrypto: import("../types.js").Rule;
