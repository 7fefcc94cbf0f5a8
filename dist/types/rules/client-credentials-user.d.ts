/** In the client-credentials flow every call runs as one user: the app is only as safe as the user it names. */
export declare const clientCredentialsUser: import("../types.js").Rule;
