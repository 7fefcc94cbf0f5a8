/**
 * The start of a URL or of a text holding one (at least `shown` characters of it, when it has them; all of it by
 * default) with its credentials masked wherever they sit: the password of a `user:password@` part, the value of a
 * query or fragment parameter named like a credential (`?access_token=…`, `#sid=…`), and any secret the repository
 * scan recognises (a Salesforce session id in the path). Bounded work: the secret scan reads a window past `shown`
 * (maskSecretsInHead, which masks a secret the window cuts), and the parameter masking only reads what that left.
 */
export declare function maskUrlCredentials(value: string, shown?: number): string;
