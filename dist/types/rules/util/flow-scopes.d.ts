import type { Flow, OAuthApp } from '../../types.js';
/** The scopes that let an app receive refresh tokens (`Full` does not: refresh_token must be asked for). */
export declare const REFRESH_TOKEN_SCOPES: readonly string[];
/** Whether any of the flows issues refresh tokens (every flow but JWT bearer and client credentials). */
export declare function issuesRefreshTokens(flows: readonly Flow[]): boolean;
/** What the flows need by default: Api for the API-only flows; Api, refresh tokens and OpenID when any other is served. */
export declare function defaultAllowedScopes(flows: readonly Flow[]): string[];
/** A set of scope names that knows aliases and ignores letter case (configuration is written by hand). */
export declare class ScopeSet {
    private readonly keys;
    constructor(scopes?: Iterable<string>);
    add(scope: string): void;
    has(scope: string): boolean;
}
/** A configured list of scope names, or undefined when the value is not one (bad configuration must not crash). */
export declare function scopeList(value: unknown): string[] | undefined;
/**
 * Scope comparisons for every rule go through these two and ScopeSet, so that `full`, `offlineaccess` or an alias
 * is judged the same way by every rule (the platform's own spelling is checked by valid-metadata).
 */
export declare function isFullScope(scope: string): boolean;
/** True for a scope that lets the app receive refresh tokens (RefreshToken or its alias OfflineAccess). */
export declare function isRefreshTokenScope(scope: string): boolean;
/**
 * What `init` writes as an app's `allowScopes`: the scopes it requests today, when some of them go beyond its
 * flow's defaults (undefined when the defaults already cover them). `Full` is never blessed here.
 */
export declare function initialAllowScopes(app: Pick<OAuthApp, 'scopes' | 'flows'>): string[] | undefined;
/** The app's flows for a message: `jwt-bearer + web-server`. */
export declare function describeFlows(app: Pick<OAuthApp, 'flows'>): string;
