// The transport policy for URLs an app hands to the platform (callbacks, start URLs, logout URLs …), shared by
// callback-url-https and https-urls so that both judge plain http the same way.
import { isLoopbackHost, isPrivateUseScheme, parseUrl } from '../../model/urls.js';
import type { Environment, Severity } from '../../types.js';

/** How a URL travels, as far as transport security goes. */
export type UrlTransport =
  | { kind: 'https' }
  /** Plain http; `loopback` when the host is the user's own machine (localhost, 127.0.0.0/8, [::1]). */
  | { kind: 'http'; host: string; loopback: boolean }
  /** A native app's own scheme (`com.example.app:/cb`, `myapp://cb`, RFC 8252 7.1): the redirect never leaves the device. */
  | { kind: 'private-use'; scheme: string }
  /** A scheme with another meaning (`ftp:`, `javascript:`, `data:`, `file:` …): not a web URL at all. */
  | { kind: 'other'; scheme: string }
  /** Not an absolute URL; callback-url-exact and valid-metadata say why. */
  | { kind: 'unparseable'; problem: string };

/** Classifies a URL by scheme and, for http, by host. Never throws. */
export function urlTransport(value: string): UrlTransport {
  const parsed = parseUrl(value);
  if (!parsed.ok || !parsed.url) return { kind: 'unparseable', problem: parsed.problem ?? 'not a URL' };
  if (parsed.scheme === 'https') return { kind: 'https' };
  if (parsed.scheme === 'http') {
    const host = parsed.url.hostname;
    return { kind: 'http', host, loopback: isLoopbackHost(host) };
  }
  if (isPrivateUseScheme(parsed.scheme)) return { kind: 'private-use', scheme: parsed.scheme };
  return { kind: 'other', scheme: parsed.scheme };
}

/**
 * The severity of a plain-http URL, or undefined when it is allowed. To a remote host: always an error, since codes
 * and tokens cross the network in clear. To a loopback host (a developer's machine, as the Salesforce CLI's
 * `http://localhost:1717/OauthRedirect`): nothing leaves the machine, so it is allowed in a sandbox, but a
 * production app should not send users' codes to whatever listens on their localhost: a warning.
 */
export function plainHttpSeverity(loopback: boolean, environment: Environment): Severity | undefined {
  if (!loopback) return 'error';
  return environment === 'production' ? 'warning' : undefined;
}

/** A plain-http URL the policy objects to. */
export interface InsecureHttpUrl {
  host: string;
  loopback: boolean;
  severity: Severity;
}

/** The plain-http verdict for one URL in one environment; undefined for anything else (https, other schemes, allowed loopback). */
export function insecureHttpUrl(value: string, environment: Environment): InsecureHttpUrl | undefined {
  const transport = urlTransport(value);
  if (transport.kind !== 'http') return undefined;
  const severity = plainHttpSeverity(transport.loopback, environment);
  return severity ? { host: transport.host, loopback: transport.loopback, severity } : undefined;
}

/** Why the verdict stands and what to do, as the tail of a message: the same words in every rule that uses it. */
export function explainInsecureHttp(verdict: InsecureHttpUrl): string {
  return verdict.loopback
    ? `uses plain http to the loopback host ${verdict.host}: fine for local development in a sandbox, but a production app should not send codes or tokens to whatever listens on the user's machine; remove it or use https`
    : `uses plain http to ${verdict.host}: authorization codes and tokens would cross the network unencrypted; use https`;
}
