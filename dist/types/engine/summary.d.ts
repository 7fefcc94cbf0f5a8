import type { AppSummary, Environment, OAuthApp } from '../types.js';
import type { LinterConfig } from '../config/types.js';
/** One line per app, for job summaries: what a reviewer wants to see at a glance. */
export declare function summarizeApps(apps: readonly OAuthApp[], config: LinterConfig, cliEnvironment: Environment | undefined): AppSummary[];
