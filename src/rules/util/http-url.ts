// The transport policy for URLs an app hands to the platform (callbacks, start URLs, logout URLs …), shared by
// callback-url-https and https-urls so that both judge a URL by one policy.
import { isLoopbackHost, isNativeCallback, parseUrl } from '../../model/urls.js';
import { editDistance } from '../../text/edit-distance.js';
import type { Environment, Severity } from '../../types.js';

/** What the transport policy objects to in one URL; each rule words it with its own message ids. */
export type TransportProblem =
  /** Plain http to another machine: codes, tokens and assertions cross the network in clear. */
  | { kind: 'http'; host: string; severity?: undefined }
  /**
   * A loopback host (localhost, 127.0.0.0/8, [::1]) in production, over http or https: whatever listens on the
   * user's machine receives what the URL carries. Fine in a sandbox; a warning in production.
   */
  | { kind: 'loopback'; host: string; severity: Severity }
  /** A near miss of http or https (`htttps:`, `htps:`): a typo, never a native app's own scheme. */
  | { kind: 'typo'; scheme: string; severity?: undefined }
  /** A scheme that is not https (`javascript:`, `ftp:`, or a private-use scheme where only web URLs belong). */
  | { kind: 'scheme'; scheme: string; severity?: undefined };

/** Schemes within this many edits of `http` or `https` are typos of them (`htttps`, `hhtps`, `htp`). */
const TYPO_DISTANCE = 2;
/** Real schemes that happen to be close to http: reported as other schemes, not as typos. */
const REAL_NEAR_SCHEMES: ReadonlySet<string> = new Set(['ftp', 'ftps', 'sftp', 'ws', 'wss']);

/**
 * The transport policy for one URL. `allowPrivateUse`: a native app's private-use scheme (`com.example.app:/cb`) is
 * accepted; only callbacks may have one (RFC 8252 7.1). https to a remote host passes; unparseable values pass
 * (callback-url-exact and valid-metadata say why).
 */
export function transportProblem(value: string, environment: Environment, allowPrivateUse: boolean): TransportProblem | undefined {
  const parsed = parseUrl(value);
  const scheme = parsed.scheme;
  if (scheme !== '' && scheme !== 'http' && scheme !== 'https' && isHttpTypo(scheme)) return { kind: 'typo', scheme };
  if (!parsed.ok || !parsed.url) return undefined;
  if (scheme === 'http' || scheme === 'https') {
    const host = parsed.url.hostname;
    if (isLoopbackHost(host)) return environment === 'production' ? { kind: 'loopback', host, severity: 'warning' } : undefined;
    return scheme === 'http' ? { kind: 'http', host } : undefined;
  }
  if (allowPrivateUse && isNativeCallback(parsed)) return undefined;
  return { kind: 'scheme', scheme };
}

/** A scheme one or two edits away from http or https, and not a real scheme of its own. */
export function isHttpTypo(scheme: string): boolean {
  const lower = scheme.toLowerCase();
  if (REAL_NEAR_SCHEMES.has(lower) || lower.length > 8) return false;
  return ['http', 'https'].some((target) => editDistance(lower, target) <= TYPO_DISTANCE);
}


/**
 * True for a protocol-relative URL (`//cdn.example.com/logo.png`, or `\\cdn…`, which browsers read the same way): it
 * leaves the Salesforce domain for another host, with whatever scheme the page that uses it happens to have.
 */
export function isProtocolRelative(value: string): boolean {
  return /^\s*[\\/]{2}/.test(value);
}
