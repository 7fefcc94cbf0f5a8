// Rule ids are a public interface: the registry must hold exactly the ids the issues define, each with its page.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_RULES } from '../src/engine/engine-rules.js';
import { builtinRules } from '../src/rules/index.js';
import { REPO } from './helpers/cli.js';

const CORE = [
  'no-full-scope',
  'callback-url-https',
  'callback-url-exact',
  'admin-approved-in-production',
  'permitted-users-assigned',
  'ip-relaxation-enforced',
  'jwt-certificate-present',
  'certificate-valid',
  'no-secrets-in-repo',
  'valid-metadata',
];
const FLOW = [
  'pkce-required',
  'minimal-scopes',
  'refresh-token-expiry',
  'client-credentials-user',
  'https-urls',
  'no-introspect-all-tokens',
  'saml-strong-crypto',
  'revocation-impact',
];
const ENGINE = ['parse-error', 'suppression-directive', 'config'];

describe('rule ids', () => {
  it('the built-in rules are exactly the core and flow rule sets', () => {
    expect(builtinRules.map((rule) => rule.meta.id).sort()).toEqual([...CORE, ...FLOW].sort());
    expect(ENGINE_RULES.map((meta) => meta.id).sort()).toEqual([...ENGINE].sort());
  });

  it('every rule has its docs page, a docs URL pointing at it, a security severity in range and a fixture folder', () => {
    for (const meta of [...builtinRules.map((rule) => rule.meta), ...ENGINE_RULES]) {
      expect(existsSync(join(REPO, 'docs', 'rules', `${meta.id}.md`)), meta.id).toBe(true);
      expect(meta.docs.endsWith(`/docs/rules/${meta.id}.md`)).toBe(true);
      expect(meta.securitySeverity).toBeGreaterThanOrEqual(0.1);
      expect(meta.securitySeverity).toBeLessThanOrEqual(10);
    }
    for (const id of [...CORE, ...FLOW]) expect(existsSync(join(REPO, 'fixtures', 'rules', id)), id).toBe(true);
  });
});
