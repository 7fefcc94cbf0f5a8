// One table-driven test for every rule fixture, as ESLint's RuleTester does: fixtures are data.
//
// fixtures/rules/<rule-id>/<case>/ is a small project; its case.json says how to lint it and what the rule must
// find there (and nothing else: a case with `expected: []` proves the rule stays silent).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/lint.js';
import type { LinterConfig } from '../src/config/types.js';
import { builtinRules } from '../src/rules/index.js';
import type { Environment } from '../src/types.js';

interface ExpectedFinding {
  file: string;
  line: number;
  column: number;
  severity?: 'error' | 'warning';
  /** Substrings the message must contain. */
  message?: string[];
}

interface FixtureCase {
  description?: string;
  environment?: Environment;
  config?: LinterConfig;
  /** Lint these paths (relative to the case folder) instead of the folder itself. */
  paths?: string[];
  expected: ExpectedFinding[];
}

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'rules');
const ruleIds = readdirSync(FIXTURES).filter((name) => existsSync(join(FIXTURES, name)) && !name.startsWith('.'));

describe('every built-in rule has fixtures with a failing and a passing case', () => {
  for (const rule of builtinRules) {
    it(rule.meta.id, () => {
      const dir = join(FIXTURES, rule.meta.id);
      expect(existsSync(dir), `fixtures/rules/${rule.meta.id} exists`).toBe(true);
      const cases = readdirSync(dir).map((name) => JSON.parse(readFileSync(join(dir, name, 'case.json'), 'utf8')) as FixtureCase);
      expect(cases.some((c) => c.expected.length > 0), 'a case with findings').toBe(true);
      expect(cases.some((c) => c.expected.length === 0), 'a case without findings').toBe(true);
    });
  }
});

for (const ruleId of ruleIds) {
  describe(`rule ${ruleId}`, () => {
    const ruleDir = join(FIXTURES, ruleId);
    for (const caseName of readdirSync(ruleDir).sort()) {
      const caseDir = join(ruleDir, caseName);
      const spec = JSON.parse(readFileSync(join(caseDir, 'case.json'), 'utf8')) as FixtureCase;
      it(`${caseName}${spec.description ? `: ${spec.description}` : ''}`, async () => {
        const run = await lint({
          cwd: caseDir,
          paths: (spec.paths ?? ['.']).map((path) => join(caseDir, path)),
          ...(spec.environment ? { environment: spec.environment } : {}),
          config: { config: spec.config ?? {} },
        });
        const found = run.results
          .flatMap((result) => result.findings)
          .filter((finding) => finding.ruleId === ruleId)
          .map((finding) => ({
            file: relative(caseDir, finding.at.file),
            line: finding.at.line,
            column: finding.at.column,
            severity: finding.severity,
            message: finding.message,
          }));
        expect(
          found.map(({ file, line, column }) => ({ file, line, column })),
          `findings of ${ruleId} in ${caseName}: ${JSON.stringify(found, null, 1)}`,
        ).toEqual(spec.expected.map(({ file, line, column }) => ({ file, line, column })));
        spec.expected.forEach((expected, index) => {
          const actual = found[index]!;
          if (expected.severity) expect(actual.severity).toBe(expected.severity);
          for (const part of expected.message ?? []) expect(actual.message).toContain(part);
        });
        // Fixtures are small and valid apart from what they demonstrate: nothing may fail to parse.
        expect(run.parseFailures.filter((failure) => !caseName.includes('parse'))).toEqual([]);
      });
    }
  });
}
