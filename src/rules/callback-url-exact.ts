import { basename } from 'node:path';
import { callbackComparisonKey, explainDifference, parseUrl } from '../model/urls.js';
import type { AppConfig, Environment, Located, OAuthApp, Position } from '../types.js';
import { defineRule, type TypedRuleContext } from './util/define-rule.js';
import { quoteUrl } from './util/display.js';

const MESSAGES = {
  shape: 'App "{{app}}" callback {{url}} is not one exact URL: it {{problems}}',
  duplicate: 'App "{{app}}" callback {{url}} repeats the one on {{where}}; remove the duplicate',
  nearDuplicate: 'App "{{app}}" callback {{url}} differs from {{other}} ({{where}}) only in {{difference}}; keep one',
  notDeclared: 'App "{{app}}" callback {{url}} is not in apps.{{app}}.callbackUrls{{scope}}{{hint}}',
  missing: 'App "{{app}}" lacks the callback {{url}} that apps.{{app}}.callbackUrls{{scope}} declares',
} as const;
type Context = TypedRuleContext<keyof typeof MESSAGES, Record<string, never>>;

/** The platform compares `redirect_uri` with each registered callback character for character. */
export const callbackUrlExact = defineRule({
  meta: {
    id: 'callback-url-exact',
    description: 'Callback URLs must be exact absolute URLs, without wildcards, fragments or near-duplicates, and match the declared list.',
    fullDescription:
      'Salesforce matches the redirect_uri of an OAuth request against the registered callbacks exactly. Each entry must therefore be one exact, absolute URL: no * wildcard, no whitespace, no #fragment (OAuth 2.0 forbids it). Entries that differ only by a trailing slash, the letter case of scheme or host, a default port or http versus https are near-duplicates that hide which spelling the client really sends. When the configuration declares the expected callbacks of an app, the registered set must match it exactly.',
    severity: { production: 'error', sandbox: 'error' },
    appliesTo: ['oauth-apps'],
    tags: ['security', 'oauth', 'callback'],
    securitySeverity: 5.3,
    precision: 'high',
    messages: MESSAGES,
  },
  checkApp(app, ctx) {
    for (const url of app.callbackUrls) {
      const problems = shapeProblems(url.value);
      if (problems.length === 0) continue;
      ctx.report({ messageId: 'shape', data: { app: app.name, url: quoteUrl(url.value), problems: problems.join(', ') }, at: url.at });
    }
    reportNearDuplicates(app, ctx);
    const expected = expectedCallbacks(ctx.appConfig, ctx.environment);
    if (expected) compareWithExpected(app, ctx, expected);
  },
});

/** What keeps one entry from being a single exact URL (empty when nothing does). */
function shapeProblems(value: string): string[] {
  const problems: string[] = [];
  if (/\s/.test(value)) problems.push('contains whitespace (one URL per line)');
  if (value.includes('*')) problems.push('contains a * wildcard');
  if (value.includes('#')) problems.push('has a #fragment, which OAuth 2.0 forbids');
  if (problems.length > 0) return problems;
  const parsed = parseUrl(value);
  if (!parsed.ok) problems.push(`is ${parsed.problem ?? 'not a URL'}`);
  return problems;
}

function reportNearDuplicates(app: OAuthApp, ctx: Context): void {
  const firstByKey = new Map<string, Located<string>>();
  for (const url of app.callbackUrls) {
    const key = callbackComparisonKey(url.value);
    const earlier = firstByKey.get(key);
    if (!earlier) {
      firstByKey.set(key, url);
      continue;
    }
    const where = placeOf(earlier.at, url.at);
    const data = { app: app.name, url: quoteUrl(url.value), where };
    if (earlier.value === url.value) {
      ctx.report({ messageId: 'duplicate', data, at: url.at, severity: 'warning' });
      continue;
    }
    ctx.report({ messageId: 'nearDuplicate', data: { ...data, other: quoteUrl(earlier.value), difference: describeDifference(earlier.value, url.value) }, at: url.at });
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
  return { urls, scope: Array.isArray(declared) ? '' : `.${environment}` };
}

function compareWithExpected(app: OAuthApp, ctx: Context, expected: { urls: string[]; scope: string }): void {
  const actual = new Set(app.callbackUrls.map((url) => url.value));
  const wanted = new Set(expected.urls);
  // The first declared URL per comparison key, built once: a search of the declared list per registered callback
  // costs registered x declared, and both lists come from the repository.
  const declaredByKey = new Map<string, string>();
  for (const candidate of expected.urls) {
    const key = callbackComparisonKey(candidate);
    if (!declaredByKey.has(key)) declaredByKey.set(key, candidate);
  }

  for (const url of app.callbackUrls) {
    if (wanted.has(url.value)) continue;
    const close = declaredByKey.get(callbackComparisonKey(url.value));
    const hint = close ? `, which has ${quoteUrl(close)} (differing only in ${describeDifference(close, url.value)})` : '';
    ctx.report({ messageId: 'notDeclared', data: { app: app.name, url: quoteUrl(url.value), scope: expected.scope, hint }, at: url.at });
  }

  const anchor = app.oauthAnchor;
  for (const url of new Set(expected.urls)) {
    if (actual.has(url)) continue;
    ctx.report({ messageId: 'missing', data: { app: app.name, url: quoteUrl(url), scope: expected.scope }, at: anchor });
  }
}

/** "trailing slash, default port": what separates two entries with the same comparison key. */
function describeDifference(a: string, b: string): string {
  const reasons = explainDifference(a, b);
  return reasons.length > 0 ? reasons.join(', ') : 'spelling';
}
