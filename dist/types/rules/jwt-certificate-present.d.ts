/** The JWT bearer flow verifies the client's signed assertion with the certificate uploaded to the app. */
export declare const jwtCertificatePresent: import("../types.js").Rule;
