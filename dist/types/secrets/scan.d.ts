export type SecretKind = 'private-key' | 'sfdx-auth-url' | 'salesforce-access-token';
export interface SecretHit {
    kind: SecretKind;
    /** Offset (UTF-16 code units) of the first character: `-----BEGIN`, `force://` or `00D`. */
    start: number;
    /**
     * Offset just past the hit. For a private key this is the end of the BEGIN line (the header), not the
     * end of the key body; for the other kinds `text.slice(start, end) === value`.
     */
    end: number;
    /**
     * The secret text itself. For a private key: the first body characters (up to one 64-char PEM line),
     * meant only for a masked preview.
     */
    value: string;
    /** Human label e.g. "RSA private key", "SFDX auth URL", "Salesforce access token or session id". */
    label: string;
}
/**
 * Finds secrets in a text: the pre-filter first, the detectors only on a text that holds an anchor. Hits are ordered
 * by `start`; the result is a fresh array.
 */
export declare function scanText(text: string): SecretHit[];
/**
 * The detailed detectors without the pre-filter: exported for the test that proves the pre-filter passes every text
 * they report on. Callers use `scanText`.
 */
export declare function detectSecrets(text: string): SecretHit[];
/**
 * True for values that stand in for a secret rather than being one: empty, `${VAR}`, `$VAR`,
 * `{!$Credential.…}`, `Placeholder_Value`, anything in `<…>`, `xxx…`/`XXXX`, `***`, `changeme`,
 * `YOUR_…`/`your_…`, `<redacted>`, `...`, `example`, `dummy`, and `test`-style words of very low length.
 * Used by the repository text scan; secret fields of metadata use the narrower isMetadataPlaceholder.
 */
export declare function isPlaceholder(value: string): boolean;
/**
 * The placeholders a secret field of metadata may hold (consumerSecret, a NamedCredential password …): empty,
 * `${VAR}`, `{!$Credential.…}`, `Placeholder_Value`, `<…>`, `xxx…`, `***`, `changeme`, `YOUR_…`. Narrower than
 * isPlaceholder on purpose: a value in such a field is a credential by its position, so a short or word-like
 * value (`Password1`, `Secret123`, `Token_2024`) is a weak real password, not an example. The broader word
 * heuristics of isPlaceholder are for the repository text scan, where the position says nothing.
 */
export declare function isMetadataPlaceholder(value: string): boolean;
/** XML character data with its character references and predefined entities decoded. */
export declare function decodeXmlText(text: string): string;
/**
 * `scanText` for XML: character references are decoded first (`force&#58;//…`, `&#x3A;`), as the platform reads
 * them, so a secret written with one is not missed. Hits are located in the raw text.
 */
export declare function scanXmlText(text: string): SecretHit[];
