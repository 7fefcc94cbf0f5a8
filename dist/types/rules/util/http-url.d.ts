import type { Environment, Severity } from '../../types.js';
/** What the transport policy objects to in one URL; each rule words it with its own message ids. */
export type TransportProblem = 
/** Plain http to another machine: codes, tokens and assertions cross the network in clear. */
{
    kind: 'http';
    host: string;
    severity?: undefined;
}
/**
 * A loopback host (localhost, 127.0.0.0/8, [::1]) in production, over http or https: whatever listens on the
 * user's machine receives what the URL carries. Fine in a sandbox; a warning in production.
 */
 | {
    kind: 'loopback';
    host: string;
    severity: Severity;
}
/** A near miss of http or https (`htttps:`, `htps:`): a typo, never a native app's own scheme. */
 | {
    kind: 'typo';
    scheme: string;
    severity?: undefined;
}
/** A scheme that is not https (`javascript:`, `ftp:`, or a private-use scheme where only web URLs belong). */
 | {
    kind: 'scheme';
    scheme: string;
    severity?: undefined;
};
/**
 * The transport policy for one URL. `allowPrivateUse`: a native app's private-use scheme (`com.example.app:/cb`) is
 * accepted; only callbacks may have one (RFC 8252 7.1). https to a remote host passes; unparseable values pass
 * (callback-url-exact and valid-metadata say why).
 */
export declare function transportProblem(value: string, environment: Environment, allowPrivateUse: boolean): TransportProblem | undefined;
/** A scheme one or two edits away from http or https, and not a real scheme of its own. */
export declare function isHttpTypo(scheme: string): boolean;
/**
 * True for a protocol-relative URL (`//cdn.example.com/logo.png`, or `\\cdn…`, which browsers read the same way): it
 * leaves the Salesforce domain for another host, with whatever scheme the page that uses it happens to have.
 */
export declare function isProtocolRelative(value: string): boolean;
