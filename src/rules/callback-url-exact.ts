import { basename } from 'node:path';
import { callbackComparisonKey, explainDifference, parseUrl } from '../model/urls.js';
import type { AppConfig, Environment, Located, OAuthApp, Position, Rule, RuleContext } from '../types.js';
import { defineMeta } from './util/meta.js';
import { quoteUrl } from './util/display.js';
import { elementName } from './util/elements.js';

/** The platform compares `redirect_uri` with each registered callback character for character. */
export const callbackUrlExact: Rule = {
  meta: defineMeta({
    id: 'callback-url-exact',
    description: 'Callback URLs must be exact absolute URLs, without wildcards, fragments or near-duplicates, and match the declared list.',
    fullDescription:
      'Salesforce matches the redirect_uri of an OAuth request against the registered callbacks exactly. Each entry must therefore be one exact, absolute URL: no * wildcard, no whitespace, no #fragment (OAuth 2.0 forbids it). Entries that differ only by a trailing slash, the letter case of scheme or host, a default port or http versus https are near-duplicates that hide which spelling the client really sends. When the configuration declares the expected callbacks of an app, the registered set must match it exactly.',
    severity: { production: 'error', sandbox: 'error' },
    tags: ['security', 'oauth', 'callback'],
    securitySeverity: 5.3,
    precision: 'high',
  }),
  checkApp(app, ctx) {
    if (!app.usesOAuth) return;
    for (const url of app.callbackUrls) {
      const problems = shapeProblems(url.value);
      if (problems.length === 0) continue;
      ctx.report({
        message: `Callback URL ${quoteUrl(url.value)} of app "${app.name}" is not one exact, absolute URL: it ${problems.join('; it ')}.`,
        at: url.at,
      });
    }
    reportNearDuplicates(app, ctx);
    const expected = expectedCallbacks(ctx.appConfig, ctx.environment);
    if (expected) compareWithExpected(app, ctx, expected);
  },
};

/** What keeps one entry from being a single exact URL (empty when nothing does). */
function shapeProblems(value: string): string[] {
  const problems: string[] = [];
  if (/\s/.test(value)) problems.push('contains whitespace (put each URL on its own line)');
  if (value.includes('*')) problems.push('contains a * wildcard (list every callback in full)');
  if (value.includes('#')) problems.push('has a #fragment, which OAuth 2.0 does not allow in a redirect URI');
  if (problems.length > 0) return problems;
  const parsed = parseUrl(value);
  if (!parsed.ok) problems.push(`is ${parsed.problem ?? 'not a URL'}`);
  return problems;
}

function reportNearDuplicates(app: OAuthApp, ctx: RuleContext): void {
  const firstByKey = new Map<string, Located<string>>();
  for (const url of app.callbackUrls) {
    const key = callbackComparisonKey(url.value);
    const earlier = firstByKey.get(key);
    if (!earlier) {
      firstByKey.set(key, url);
      continue;
    }
    const where = placeOf(earlier.at, url.at);
    if (earlier.value === url.value) {
      ctx.report({
        message: `Callback URL ${quoteUrl(url.value)} of app "${app.name}" repeats the entry on ${where}; remove the duplicate.`,
        at: url.at,
        severity: 'warning',
      });
      continue;
    }
    ctx.report({
      message: `Callback URL ${quoteUrl(url.value)} of app "${app.name}" differs from ${quoteUrl(earlier.value)} on ${where} ${describeDifference(earlier.value, url.value)}: the platform matches callbacks exactly, so keep the one spelling the client sends and remove the other.`,
      at: url.at,
    });
  }
}

/** "line 7", or "line 7 of X.ecaGlblOauth-meta.xml" when the earlier entry is in another file. */
function placeOf(earlier: Position, later: Position): string {
  return earlier.file === later.file ? `line ${earlier.line}` : `line ${earlier.line} of ${basename(earlier.file)}`;
}

/** The callbacks the configuration declares for the app in this environment, if it declares any. */
function expectedCallbacks(config: AppConfig | undefined, environment: Environment): { urls: string[]; scope: string } | undefined {
  const declared = config?.callbackUrls;
  if (!declared) return undefined;
  const list = Array.isArray(declared) ? declared : declared[environment];
  if (!Array.isArray(list)) return undefined;
  const urls = list.filter((url): url is string => typeof url === 'string').map((url) => url.trim());
  return { urls, scope: Array.isArray(declared) ? '' : ` for ${environment}` };
}

function compareWithExpected(app: OAuthApp, ctx: RuleContext, expected: { urls: string[]; scope: string }): void {
  const actual = new Set(app.callbackUrls.map((url) => url.value));
  const wanted = new Set(expected.urls);
  const element = elementName(app.kind, 'callbackUrl');

  for (const url of app.callbackUrls) {
    if (wanted.has(url.value)) continue;
    const key = callbackComparisonKey(url.value);
    const close = expected.urls.find((candidate) => callbackComparisonKey(candidate) === key);
    const hint = close ? ` (the configuration expects ${quoteUrl(close)}, which differs from it ${describeDifference(close, url.value)})` : '';
    ctx.report({
      message: `Callback URL ${quoteUrl(url.value)} of app "${app.name}" is not in the callback list the configuration declares${expected.scope}${hint}; remove it, or add it to apps.${app.name}.callbackUrls.`,
      at: url.at,
    });
  }

  const anchor = app.oauthAnchor;
  for (const url of new Set(expected.urls)) {
    if (actual.has(url)) continue;
    ctx.report({
      message: `App "${app.name}" lacks the callback URL ${quoteUrl(url)} that the configuration declares${expected.scope}; add it to ${element}, one URL per line.`,
      at: anchor,
    });
  }
}

/** "only in spelling (trailing slash, default port)": what separates two entries with the same comparison key. */
function describeDifference(a: string, b: string): string {
  const reasons = explainDifference(a, b);
  return reasons.length > 0 ? `only in spelling (${reasons.join(', ')})` : 'only in spelling';
}
