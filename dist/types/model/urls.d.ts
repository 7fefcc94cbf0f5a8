/** A callback (redirect) URL as written in metadata, parsed with the WHATWG URL parser. */
export interface ParsedCallback {
    /** True when the value parses as an absolute URL. */
    ok: boolean;
    url?: URL;
    /** Lower-case scheme without ':'; '' when the value has none. */
    scheme: string;
    /** Why the value is not usable as a URL; set exactly when `ok` is false. */
    problem?: string;
}
/** Parses a URL with WHATWG `URL`. Never throws; `problem` is set when not parseable or not absolute. */
export declare function parseUrl(value: string): ParsedCallback;
/** localhost (and *.localhost), 127.0.0.0/8, and ::1 (with or without brackets, in any spelling). */
export declare function isLoopbackHost(hostname: string): boolean;
/**
 * True for a scheme that looks like a native app's private-use URI scheme (RFC 8252 section 7.1):
 * 'myapp', 'com.example.app', 'sfdc'. False for http(s) and for schemes with a standard meaning
 * ('javascript', 'data', 'file', 'ftp', ...). Accepts the scheme with or without a trailing ':'.
 */
export declare function isPrivateUseScheme(scheme: string): boolean;
/**
 * True for a callback that returns to a native app through its private-use URI scheme (`com.example.app:/cb`,
 * `myapp://cb`; RFC 8252 section 7.1): the mark of a public client. Judged by the scheme as written, so a callback
 * whose rest does not parse still counts. Takes the URL text, or its parseUrl result when the caller has one.
 */
export declare function isNativeCallback(url: string | ParsedCallback): boolean;
/**
 * A key under which callback URLs that the platform would treat as "the same app, but a different string" collide:
 * lower-cases scheme and host, drops default ports (443 for https, 80 for http), drops one trailing slash of the path,
 * maps http to https. Exact string differences that would break the OAuth handshake collide here.
 * Unparseable values are their own key (trimmed).
 */
export declare function callbackComparisonKey(value: string): string;
export type CallbackDifference = 'trailing slash' | 'letter case of scheme or host' | 'default port' | 'http versus https';
/**
 * Which of 'trailing slash' | 'letter case of scheme or host' | 'default port' | 'http versus https' explain why
 * two different strings share a comparison key (all that apply). Empty when the strings are identical, when their
 * keys differ, or when the difference is of another kind (surrounding whitespace, dot segments, ...).
 */
export declare function explainDifference(a: string, b: string): string[];
