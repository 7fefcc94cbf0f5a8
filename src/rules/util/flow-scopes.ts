// Which OAuth scopes each flow needs. Shared by minimal-scopes (what to report), refresh-token-expiry (which
// scopes bring refresh tokens) and `init` (what to write as an app's allowScopes so adoption is one review).
import type { Flow, OAuthApp } from '../../types.js';

/** One scope under several names: the platform treats them as the same and normalizes them on retrieve. */
const ALIAS_GROUPS: readonly (readonly string[])[] = [
  ['RefreshToken', 'OfflineAccess'],
  ['Basic', 'Profile', 'Email', 'Address', 'Phone'],
];

/** The scopes that let an app receive refresh tokens (`Full` does not: refresh_token must be asked for). */
export const REFRESH_TOKEN_SCOPES: readonly string[] = ['RefreshToken', 'OfflineAccess'];

/** Flows in which the app itself holds the credential and no refresh token is ever issued. */
const API_ONLY_FLOWS: ReadonlySet<Flow> = new Set<Flow>(['jwt-bearer', 'client-credentials']);

/** Left to no-full-scope, so that one problem is reported once. */
const FULL = 'full';

/** Whether any of the flows issues refresh tokens (every flow but JWT bearer and client credentials). */
export function issuesRefreshTokens(flows: readonly Flow[]): boolean {
  return flows.some((flow) => !API_ONLY_FLOWS.has(flow));
}

/** What the flows need by default: Api for the API-only flows; Api, refresh tokens and OpenID when any other is served. */
export function defaultAllowedScopes(flows: readonly Flow[]): string[] {
  return issuesRefreshTokens(flows) ? ['Api', 'RefreshToken', 'OfflineAccess', 'OpenID'] : ['Api'];
}

function aliasesOf(scope: string): readonly string[] {
  const key = scope.toLowerCase();
  return ALIAS_GROUPS.find((group) => group.some((name) => name.toLowerCase() === key)) ?? [scope];
}

/** A set of scope names that knows aliases and ignores letter case (configuration is written by hand). */
export class ScopeSet {
  private readonly keys = new Set<string>();

  constructor(scopes: Iterable<string> = []) {
    for (const scope of scopes) this.add(scope);
  }

  add(scope: string): void {
    for (const name of aliasesOf(scope)) this.keys.add(name.toLowerCase());
  }

  has(scope: string): boolean {
    return this.keys.has(scope.toLowerCase());
  }
}

/** A configured list of scope names, or undefined when the value is not one (bad configuration must not crash). */
export function scopeList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((entry): entry is string => typeof entry === 'string');
}

/**
 * Scope comparisons for every rule go through these two and ScopeSet, so that `full`, `offlineaccess` or an alias
 * is judged the same way by every rule (the platform's own spelling is checked by valid-metadata).
 */
export function isFullScope(scope: string): boolean {
  return scope.toLowerCase() === FULL;
}

const REFRESH_TOKEN_SCOPE_SET = new ScopeSet(REFRESH_TOKEN_SCOPES);

/** True for a scope that lets the app receive refresh tokens (RefreshToken or its alias OfflineAccess). */
export function isRefreshTokenScope(scope: string): boolean {
  return REFRESH_TOKEN_SCOPE_SET.has(scope);
}

/**
 * What `init` writes as an app's `allowScopes`: the scopes it requests today, when some of them go beyond its
 * flow's defaults (undefined when the defaults already cover them). `Full` is never blessed here.
 */
export function initialAllowScopes(app: Pick<OAuthApp, 'scopes' | 'flows'>): string[] | undefined {
  const requested = [...new Set(app.scopes.map((scope) => scope.value))].filter((scope) => !isFullScope(scope));
  const defaults = new ScopeSet(defaultAllowedScopes(app.flows.value));
  return requested.some((scope) => !defaults.has(scope)) ? requested : undefined;
}

/** The app's flows for a message: `jwt-bearer + web-server`. */
export function describeFlows(app: Pick<OAuthApp, 'flows'>): string {
  return app.flows.value.join(' + ');
}
