import { defineMeta } from '../rules/util/meta.js';
import type { RuleMeta } from '../types.js';

// Findings the engine itself makes carry rule ids too, so that every format can hold them (DECISIONS 3).

export const PARSE_ERROR = defineMeta({
  id: 'parse-error',
  description: 'A metadata file could not be read or parsed.',
  fullDescription:
    'The file is not well-formed XML, has the wrong root element for its suffix, is empty, binary, not UTF-8, too large or unreadable. Nothing else in it could be checked. Parse errors cannot be suppressed or baselined.',
  severity: { production: 'error', sandbox: 'error' },
  tags: ['correctness'],
  securitySeverity: 5.0,
  precision: 'very-high',
});

export const SUPPRESSION_DIRECTIVE = defineMeta({
  id: 'suppression-directive',
  description: 'An inline suppression directive is missing its reason, or suppresses nothing.',
  fullDescription:
    'Every calint-disable directive must give a reason after " -- " so that reviewers can see why a finding is accepted. A directive without a reason suppresses nothing (error); a directive that suppresses no finding is stale (warning).',
  severity: { production: 'error', sandbox: 'error' },
  tags: ['maintainability'],
  securitySeverity: 3.0,
  precision: 'very-high',
});

export const CONFIG = defineMeta({
  id: 'config',
  description: 'The configuration names something the project does not have.',
  fullDescription:
    'For example an app listed under `apps` that no file in the project defines: stale configuration would otherwise hide real intent.',
  severity: { production: 'warn', sandbox: 'warn' },
  tags: ['maintainability'],
  securitySeverity: 1.0,
  precision: 'high',
});

export const ENGINE_RULES: readonly RuleMeta[] = [PARSE_ERROR, SUPPRESSION_DIRECTIVE, CONFIG];
