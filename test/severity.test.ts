import { describe, expect, it } from 'vitest';
import { findingSeverity, resolveRule } from '../src/engine/severity.js';
import { defineMeta } from '../src/rules/util/meta.js';

const meta = (production: 'error' | 'warn') =>
  defineMeta({ id: 'r', description: 'd', fullDescription: 'd', severity: { production, sandbox: 'warn' }, tags: [], securitySeverity: 5 });

describe('finding severity', () => {
  it('without configuration, the rule grades its own findings within its level', () => {
    const resolved = resolveRule(meta('error'), {}, 'production');
    expect(findingSeverity(resolved, undefined)).toBe('error');
    expect(findingSeverity(resolved, 'warning')).toBe('warning');
    expect(findingSeverity(resolveRule(meta('error'), {}, 'sandbox'), undefined)).toBe('warning');
  });

  it('configured error on an error rule keeps the grading: options must not turn warnings into errors', () => {
    const resolved = resolveRule(meta('error'), { rules: { r: ['error', { days: 60 }] } }, 'production');
    expect(findingSeverity(resolved, 'warning')).toBe('warning');
    expect(findingSeverity(resolved, undefined)).toBe('error');
  });

  it('configured warn caps every finding; configured error raises a warning rule', () => {
    expect(findingSeverity(resolveRule(meta('error'), { rules: { r: 'warn' } }, 'production'), undefined)).toBe('warning');
    expect(findingSeverity(resolveRule(meta('warn'), { rules: { r: 'error' } }, 'production'), 'warning')).toBe('error');
  });
});
