import { isIPv4 } from 'node:net';
import { settingElement } from '../model/settings.js';
import { defineRule } from './util/define-rule.js';

const DEFAULT_MIN_PREFIX = 16;

/** The number of IPv4 addresses from start to end inclusive; undefined when either is not an IPv4 address. */
function rangeSize(start: string, end: string): number | undefined {
  if (!isIPv4(start) || !isIPv4(end)) return undefined;
  const toNumber = (ip: string) => ip.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
  return toNumber(end) - toNumber(start) + 1;
}

/** Users inside a trusted range skip identity verification: a huge range trusts much of the internet. */
export const trustedIpRanges = defineRule<'tooWide', { minPrefixLength: number }>({
  meta: {
    id: 'trusted-ip-ranges',
    description: 'Trusted IP ranges of an app must be narrow (no wider than a /16 by default).',
    fullDescription:
      'A Connected App\'s ipRanges and an External Client App\'s trustedIpRanges are ranges whose users can use the app without identity verification. A range such as 0.0.0.0-255.255.255.255, or anything wider than a /16 (65,536 addresses), trusts networks no organisation controls. List the egress addresses of your own offices or services instead. The widest accepted range is an option (minPrefixLength).',
    severity: { production: 'error', sandbox: 'warn' },
    appliesTo: ['oauth-apps'],
    tags: ['security', 'oauth', 'network'],
    securitySeverity: 6.5,
    precision: 'very-high',
    options: {
      type: 'object',
      properties: {
        minPrefixLength: { type: 'integer', minimum: 0, maximum: 32, default: DEFAULT_MIN_PREFIX, description: 'A range wider than a block of this prefix length is reported.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { minPrefixLength: DEFAULT_MIN_PREFIX },
    messages: {
      tooWide: 'App "{{app}}" trusts {{start}}-{{end}} ({{size}} addresses) in {{element}}; narrow it to /{{prefix}} or less',
    },
  },
  checkApp(app, ctx) {
    const limit = 2 ** (32 - ctx.options.minPrefixLength);
    for (const range of app.trustedIpRanges) {
      const size = rangeSize(range.start.value, range.end);
      if (size === undefined || size <= limit) continue;
      const data = { app: app.name, start: range.start.value, end: range.end, size: size.toLocaleString('en-US'), element: settingElement(app.kind, 'trustedIpRanges'), prefix: ctx.options.minPrefixLength };
      ctx.report({ messageId: 'tooWide', data, at: range.start.at });
    }
  },
});
