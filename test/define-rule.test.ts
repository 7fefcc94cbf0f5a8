// defineRule through the engine: messages by id, defaults merged under configured options, options checked against
// the rule's own schema (plugin rules too), and `appliesTo` keeping apps without OAuth away from OAuth rules.
import { describe, expect, it } from 'vitest';
import { RuleRunner } from '../src/engine/run-rules.js';
import { defineRule } from '../src/rules/util/define-rule.js';
import type { OAuthApp, Rule } from '../src/types.js';

const at = { file: '/p/A.connectedApp-meta.xml', line: 2, column: 1 };
const app = (usesOAuth: boolean) => ({ name: 'A', usesOAuth, forceIgnored: false, anchor: at }) as unknown as OAuthApp;

/** A plugin-style rule: `team/owner-named` with its own options schema and defaults. */
const ownerNamed: Rule = defineRule<'missing', { owner: string; strict: boolean }>({
  meta: {
    id: 'team/owner-named',
    description: 'Every app names an owner.',
    fullDescription: 'Test rule.',
    severity: { production: 'warn', sandbox: 'warn' },
    appliesTo: ['oauth-apps'],
    tags: [],
    securitySeverity: 1,
    options: { type: 'object', properties: { owner: { type: 'string', minLength: 1 }, strict: { type: 'boolean' } }, additionalProperties: false },
    defaultOptions: { owner: 'platform-team', strict: false },
    messages: { missing: 'App "{{app}}" has no owner; ask {{owner}} (strict: {{strict}})' },
  },
  checkApp(subject, ctx) {
    ctx.report({ messageId: 'missing', data: { app: subject.name, owner: ctx.options.owner, strict: String(ctx.options.strict) }, at });
  },
});

const run = (config: ConstructorParameters<typeof RuleRunner>[0]['config'], apps: OAuthApp[]) => {
  const runner = new RuleRunner({ rules: [ownerNamed], config, cliEnvironment: undefined, root: '/p' });
  runner.apps(apps);
  return runner;
};

describe('defineRule through the engine', () => {
  it('renders the message template with its data and merges the configured options over the defaults', () => {
    expect(run({}, [app(true)]).findings.map((finding) => finding.message)).toEqual(['App "A" has no owner; ask platform-team (strict: false)']);
    const configured = run({ rules: { 'team/owner-named': ['warn', { strict: true }] } }, [app(true)]);
    expect(configured.findings.map((finding) => finding.message)).toEqual(['App "A" has no owner; ask platform-team (strict: true)']);
  });

  it('checks a plugin rule\'s configured options against its own schema: a configuration error', () => {
    expect(() => run({ rules: { 'team/owner-named': ['warn', { owner: '' }] } }, [])).toThrow('configuration: rules.team/owner-named[1].owner must have at least 1 character(s)');
    expect(() => run({ rules: { 'team/owner-named': ['warn', { colour: 'red' }] } }, [])).toThrow('colour is not an option of this rule (it has owner, strict)');
  });

  it('never runs an oauth-apps rule on an app without OAuth', () => {
    expect(run({}, [app(false)]).findings).toEqual([]);
  });

  it('reports an unknown messageId as the rule\'s crash, not as a finding', () => {
    const broken: Rule = { ...ownerNamed, checkApp: (_subject, ctx) => ctx.report({ messageId: 'nope', at }) };
    const runner = new RuleRunner({ rules: [broken], config: {}, cliEnvironment: undefined, root: '/p' });
    runner.apps([app(true)]);
    expect(runner.findings).toEqual([]);
    expect(runner.crashes.map((crash) => crash.error.message)).toEqual(['rule team/owner-named reported an unknown messageId "nope"']);
  });
});
