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

const HOST_AND_PORT = /^[A-Za-z0-9.-]+:[0-9]+(?:[/?#]|$)/;
const SCHEME_PREFIX = /^[\s\u0000-\u001f]*([A-Za-z][A-Za-z0-9+.-]*):/;

/** Parses a URL with WHATWG `URL`. Never throws; `problem` is set when not parseable or not absolute. */
export function parseUrl(value: string): ParsedCallback {
  if (typeof value !== 'string' || value.trim() === '') {
    return { ok: false, scheme: '', problem: 'empty URL' };
  }
  // `localhost:1717/OauthRedirect` parses as scheme "localhost": it is a URL whose scheme was forgotten.
  if (HOST_AND_PORT.test(value.trim())) {
    return { ok: false, scheme: '', problem: 'not an absolute URL (no scheme: it starts with host:port)' };
  }
  const prefix = SCHEME_PREFIX.exec(value);
  const rawScheme = prefix?.[1]?.toLowerCase() ?? '';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    if (rawScheme === '') {
      return { ok: false, scheme: '', problem: 'not an absolute URL (no scheme)' };
    }
    return { ok: false, scheme: rawScheme, problem: `not a valid ${rawScheme} URL` };
  }
  return { ok: true, url, scheme: url.protocol.replace(/:$/, '').toLowerCase() };
}

/** localhost (and *.localhost), 127.0.0.0/8, and ::1 (with or without brackets, in any spelling). */
export function isLoopbackHost(hostname: string): boolean {
  if (typeof hostname !== 'string') return false;
  let host = hostname.trim().toLowerCase();
  if (host === '') return false;
  if (host.endsWith('.') && !host.startsWith('[')) host = host.slice(0, -1);
  if (host === 'localhost' || host.endsWith('.localhost')) return true;

  // Let the URL parser canonicalise IP literals: '127.1' -> '127.0.0.1', '[0:0::1]' -> '[::1]'.
  const literal = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  let canonical: string;
  try {
    canonical = new URL(`http://${literal}/`).hostname;
  } catch {
    return false;
  }
  if (canonical === '[::1]') return true;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(canonical)) return canonical.startsWith('127.');
  // IPv4-mapped IPv6 loopback, ::ffff:127.x.y.z (the parser prints it as ::ffff:7fxx:xxxx).
  return /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(canonical);
}

/** Schemes with a web, file or scripting meaning, which a native app must not claim as its redirect scheme. */
const NON_PRIVATE_SCHEMES = new Set([
  'http',
  'https',
  'ws',
  'wss',
  'ftp',
  'ftps',
  'sftp',
  'file',
  'data',
  'blob',
  'javascript',
  'vbscript',
  'about',
  'view-source',
  'filesystem',
  'mailto',
  'tel',
  'sms',
  'urn',
  'ldap',
  'ldaps',
  'chrome',
  'chrome-extension',
  'moz-extension',
  'resource',
  'content',
  'intent',
]);

/**
 * True for a scheme that looks like a native app's private-use URI scheme (RFC 8252 section 7.1):
 * 'myapp', 'com.example.app', 'sfdc'. False for http(s) and for schemes with a standard meaning
 * ('javascript', 'data', 'file', 'ftp', ...). Accepts the scheme with or without a trailing ':'.
 */
export function isPrivateUseScheme(scheme: string): boolean {
  if (typeof scheme !== 'string') return false;
  const normalized = scheme.trim().replace(/:$/, '').toLowerCase();
  if (!/^[a-z][a-z0-9+.-]*$/.test(normalized)) return false;
  return !NON_PRIVATE_SCHEMES.has(normalized);
}

/**
 * True for a callback that returns to a native app through its private-use URI scheme (`com.example.app:/cb`,
 * `myapp://cb`; RFC 8252 section 7.1): the mark of a public client. Judged by the scheme as written, so a callback
 * whose rest does not parse still counts. Takes the URL text, or its parseUrl result when the caller has one.
 */
export function isNativeCallback(url: string | ParsedCallback): boolean {
  const parsed = typeof url === 'string' ? parseUrl(url) : url;
  return isPrivateUseScheme(parsed.scheme);
}

interface RawParts {
  scheme: string;
  hasAuthority: boolean;
  host: string;
  port: string;
  path: string;
}

/** The pieces of the string exactly as written (before WHATWG normalisation), for explaining differences. */
function rawParts(value: string): RawParts | undefined {
  const match = /^\s*([A-Za-z][A-Za-z0-9+.-]*):(\/\/([^/?#]*))?([^?#]*)/.exec(value);
  if (!match) return undefined;
  const scheme = match[1] ?? '';
  const hasAuthority = match[2] !== undefined;
  const authority = match[3] ?? '';
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  let host = hostPort;
  let port = '';
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close >= 0) {
      host = hostPort.slice(0, close + 1);
      port = hostPort.slice(close + 1).replace(/^:/, '');
    }
  } else {
    const colon = hostPort.lastIndexOf(':');
    if (colon >= 0) {
      host = hostPort.slice(0, colon);
      port = hostPort.slice(colon + 1);
    }
  }
  // trimEnd, not `/\s+$/`: that regex is tried again from every blank of a long run of them (quadratic).
  return { scheme, hasAuthority, host, port, path: (match[4] ?? '').trimEnd() };
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443' };

/**
 * A key under which callback URLs that the platform would treat as "the same app, but a different string" collide:
 * lower-cases scheme and host, drops default ports (443 for https, 80 for http), drops one trailing slash of the path,
 * maps http to https. Exact string differences that would break the OAuth handshake collide here.
 * Unparseable values are their own key (trimmed).
 */
export function callbackComparisonKey(value: string): string {
  const parsed = parseUrl(value);
  if (!parsed.ok || !parsed.url) return typeof value === 'string' ? value.trim() : '';
  const url = parsed.url;
  let scheme = parsed.scheme;
  let port = url.port;
  if (DEFAULT_PORTS[scheme] === port) port = '';
  if (scheme === 'http') scheme = 'https';
  const hasAuthority = url.href.startsWith(`${url.protocol}//`);
  let authority = '';
  if (hasAuthority) {
    const userinfo = url.username || url.password ? `${url.username}${url.password ? `:${url.password}` : ''}@` : '';
    authority = `//${userinfo}${url.hostname.toLowerCase()}${port ? `:${port}` : ''}`;
  }
  let path = url.pathname;
  if (path.endsWith('/')) path = path.slice(0, -1);
  return `${scheme}:${authority}${path}${url.search}${url.hash}`;
}

export type CallbackDifference = 'trailing slash' | 'letter case of scheme or host' | 'default port' | 'http versus https';

/**
 * Which of 'trailing slash' | 'letter case of scheme or host' | 'default port' | 'http versus https' explain why
 * two different strings share a comparison key (all that apply). Empty when the strings are identical, when their
 * keys differ, or when the difference is of another kind (surrounding whitespace, dot segments, ...).
 */
export function explainDifference(a: string, b: string): string[] {
  if (a === b) return [];
  if (callbackComparisonKey(a) !== callbackComparisonKey(b)) return [];
  const ra = rawParts(a);
  const rb = rawParts(b);
  if (!ra || !rb) return [];
  const reasons: CallbackDifference[] = [];

  const schemeA = ra.scheme.toLowerCase();
  const schemeB = rb.scheme.toLowerCase();
  const hasUpper = (s: string): boolean => s !== s.toLowerCase();

  const trimOne = (path: string): string => (path.endsWith('/') ? path.slice(0, -1) : path);
  if (ra.path !== rb.path && trimOne(ra.path) === trimOne(rb.path)) reasons.push('trailing slash');

  const schemeCase = schemeA === schemeB ? ra.scheme !== rb.scheme : hasUpper(ra.scheme) !== hasUpper(rb.scheme);
  const hostCase = ra.host !== rb.host && ra.host.toLowerCase() === rb.host.toLowerCase();
  if (schemeCase || hostCase) reasons.push('letter case of scheme or host');

  if (ra.port !== rb.port) {
    const explicitDefault = (parts: RawParts): boolean =>
      parts.port !== '' && Number(parts.port) === Number(DEFAULT_PORTS[parts.scheme.toLowerCase()]);
    if (explicitDefault(ra) || explicitDefault(rb)) reasons.push('default port');
  }

  if (isHttpPair(schemeA, schemeB)) {
    reasons.push('http versus https');
  }
  return reasons;
}

function isHttpPair(a: string, b: string): boolean {
  return (a === 'http' && b === 'https') || (a === 'https' && b === 'http');
}
