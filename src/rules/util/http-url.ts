// The transport policy for URLs an app hands to the platform (callbacks, start URLs, logout URLs …), shared by
// callback-url-https and https-urls so that both judge a URL by one policy and explain it in the same words.
import { isLoopbackHost, isNativeCallback, parseUrl } from '../../model/urls.js';
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
  if (isNativeCallback(parsed)) return { kind: 'private-use', scheme: parsed.scheme };
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

/** The plain-http verdict for a classified URL; undefined for anything else (https, other schemes, allowed loopback). */
function httpVerdict(transport: UrlTransport, environment: Environment): InsecureHttpUrl | undefined {
  if (transport.kind !== 'http') return undefined;
  const severity = plainHttpSeverity(transport.loopback, environment);
  return severity ? { host: transport.host, loopback: transport.loopback, severity } : undefined;
}

/** The plain-http verdict for one URL in one environment; undefined for anything else (https, other schemes, allowed loopback). */
export function insecureHttpUrl(value: string, environment: Environment): InsecureHttpUrl | undefined {
  return httpVerdict(urlTransport(value), environment);
}

/**
 * Why the verdict stands and what to do, as the tail of a message: the same words in every rule that uses it.
 * `carries` is what travels through the URL ("authorization codes and tokens", "the SAML assertion that logs the
 * user in"), so that each rule can say what is at stake without rewording the policy.
 */
export function explainInsecureHttp(verdict: InsecureHttpUrl, carries: string): string {
  return verdict.loopback
    ? `uses plain http to the loopback host ${verdict.host}: fine for local development in a sandbox, but a production app should not exchange ${carries} with whatever listens on the user's machine; remove it or use https`
    : `uses plain http to ${verdict.host}: ${carries} would cross the network unencrypted, readable and replaceable on the way; use https`;
}

/** What the transport policy objects to in one URL. */
export interface TransportProblem {
  /** The tail of the message, after `<element> "<url>" of app "<name>" `. */
  explanation: string;
  /** Set when the policy grades the problem itself (plain http); otherwise the rule's own level applies. */
  severity?: Severity;
}

/**
 * The transport policy for one URL, for every rule that judges URLs: plain http as plainHttpSeverity says, and a
 * scheme that is neither https nor a native app's private-use scheme (`javascript:`, `data:`, `ftp:` …) always.
 * https, private-use schemes, allowed loopback http and unparseable values pass (the last are other rules' to report).
 */
export function transportProblem(value: string, environment: Environment, carries: string): TransportProblem | undefined {
  const transport = urlTransport(value);
  if (transport.kind === 'other') {
    return { explanation: `uses the ${transport.scheme}: scheme, which is neither https nor a native app's private-use scheme; use an https URL` };
  }
  const verdict = httpVerdict(transport, environment);
  return verdict ? { explanation: explainInsecureHttp(verdict, carries), severity: verdict.severity } : undefined;
}

/**
 * True for a protocol-relative URL (`//cdn.example.com/logo.png`, or `\\cdn…`, which browsers read the same way): it
 * leaves the Salesforce domain for another host, with whatever scheme the page that uses it happens to have.
 */
export function isProtocolRelative(value: string): boolean {
  return /^\s*[\\/]{2}/.test(value);
}
