import { settingElement } from '../model/settings.js';
import { defineRule } from './util/define-rule.js';
import { isRefreshTokenScope, issuesRefreshTokens } from './util/flow-scopes.js';

const DEFAULT_MAX_DAYS = 90;
/** Days per unit of a refresh-token policy length (a month counted as 30 days). */
const UNIT_DAYS: Readonly<Record<string, number>> = { HOURS: 1 / 24, DAYS: 1, MONTHS: 30 };

/** A refresh token that never expires and is never replaced is a permanent credential once it leaks. */
export const refreshTokenExpiry = defineRule<'infinite' | 'tooLong', { maxDays: number }>({
  meta: {
    id: 'refresh-token-expiry',
    description: 'Refresh tokens must expire, within a bounded lifetime, or be rotated.',
    fullDescription:
      'An app that can receive refresh tokens (it requests RefreshToken or OfflineAccess and serves a flow that issues them) with the policy "valid until revoked" (infinite, the Connected App default when the policy is absent) and without rotation hands out tokens that work forever. A lifetime or inactivity period longer than maxDays (90 by default) is a warning too: Salesforce recommends short idle lifetimes. Rotation (isRefreshTokenRotationEnabled) answers both. An External Client App keeps the policy in its admin-owned OAuth policy file; when that file is not in the project the lifetime cannot be verified, and eca-policy-verifiable says so, once per app.',
    severity: { production: 'warn', sandbox: 'warn' },
    appliesTo: ['oauth-apps'],
    tags: ['security', 'oauth', 'tokens'],
    securitySeverity: 5.3,
    precision: 'high',
    options: {
      type: 'object',
      properties: {
        maxDays: { type: 'integer', minimum: 1, default: DEFAULT_MAX_DAYS, description: 'Longest refresh-token lifetime or inactivity period accepted, in days.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { maxDays: DEFAULT_MAX_DAYS },
    messages: {
      infinite: 'App "{{app}}" issues refresh tokens valid until revoked ({{element}} {{found}}) and does not rotate them',
      tooLong: 'App "{{app}}" keeps refresh tokens for {{period}}, more than {{max}} days, and does not rotate them',
    },
  },
  checkApp(app, ctx) {
    if (!issuesRefreshTokens(app.flows.value) || !app.scopes.some((entry) => isRefreshTokenScope(entry.value))) return;
    // Invalid policy or rotation values fail the deploy: valid-metadata reports them.
    if (app.refreshTokenRotation.value || app.refreshTokenRotation.invalid) return;
    const policy = app.refreshTokenPolicy;
    // No policy file on an ECA: eca-policy-verifiable says so once (DECISIONS 16); no default is assumed.
    if (!policy) return;
    if (policy.invalid) return;
    const data = { app: app.name, element: settingElement(app.kind, 'refreshTokenPolicy') };
    if (policy.value === 'infinite') {
      ctx.report({ messageId: 'infinite', data: { ...data, found: policy.defaulted ? 'is absent' : 'is infinite' }, at: policy.at });
      return;
    }
    const [, length, unit] = policy.value.split(':');
    const days = Number(length) * (UNIT_DAYS[unit ?? ''] ?? 1);
    if (days > ctx.options.maxDays) {
      ctx.report({ messageId: 'tooLong', data: { ...data, period: `${length} ${unit?.toLowerCase()}`, max: ctx.options.maxDays }, at: policy.at });
    }
  },
});
