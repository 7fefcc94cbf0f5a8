import { renderMessage } from '../rules/util/define-rule.js';
import type { Environment, MetadataDocument, OAuthApp, RepoFile, ReportDescriptor, Rule, RuleContext, Severity } from '../types.js';
import type { LinterConfig } from '../config/types.js';
import { UsageError } from '../errors.js';
import { FindingCap } from './finding-cap.js';
import { optionsProblem } from './rule-options.js';
import { environmentFor, findingSeverity, resolveRule, type ResolvedRule } from './severity.js';

/** A finding as a rule reported it, with its effective severity; fingerprints and suppressions come later. */
export interface RawFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  at: ReportDescriptor['at'];
  app?: string;
  fatal?: boolean;
  /** On the one finding that stands for the reports past the cap in its file (finding-cap.ts): how many it stands for. */
  omitted?: number;
}

export interface RuleRunInput {
  rules: readonly Rule[];
  config: LinterConfig;
  cliEnvironment: Environment | undefined;
  root: string;
}

/**
 * Runs each enabled rule over its subjects. Rules see the model only; a rule that throws is reported against the
 * subject it was checking instead of ending the run.
 */
export class RuleRunner {
  readonly findings: RawFinding[] = [];
  readonly crashes: { ruleId: string; subject: string; error: Error }[] = [];

  /** Levels and options per rule and environment, resolved once per run rather than once per file. */
  private readonly resolvedRules = new Map<string, ResolvedRule>();

  /** At most MAX_FINDINGS_PER_RULE_PER_FILE findings per rule and file; the rest are counted in one summary finding. */
  private readonly cap = new FindingCap((summary) => this.findings.push(summary));

  constructor(private readonly input: RuleRunInput) {
    for (const rule of input.rules) checkConfiguredOptions(rule, input.config);
  }

  private resolved(rule: Rule, environment: Environment): ResolvedRule {
    const key = `${environment}\0${rule.meta.id}`;
    let resolved = this.resolvedRules.get(key);
    if (!resolved) {
      resolved = resolveRule(rule.meta, this.input.config, environment);
      this.resolvedRules.set(key, resolved);
    }
    return resolved;
  }

  private run(rule: Rule, environment: Environment, subject: string, app: OAuthApp | undefined, check: (ctx: RuleContext) => void): void {
    const resolved = this.resolved(rule, environment);
    if (resolved.level === 'off') return;
    const appConfig = app ? this.input.config.apps?.[app.name] : undefined;
    const admit = this.cap.forRule(rule.meta.id);
    const ctx: RuleContext = {
      environment,
      root: this.input.root,
      options: resolved.options,
      ...(appConfig ? { appConfig } : {}),
      report: (descriptor) => {
        const severity = findingSeverity(resolved, descriptor.severity);
        // Counted before anything is built: a report past the cap costs no message, object or fingerprint.
        if (!admit(descriptor.at, severity, app?.name)) return;
        this.findings.push({
          ruleId: rule.meta.id,
          severity,
          // Raw: lint() passes every message through safeMessage (masked, escaped, bounded) before anything sees it.
          message: messageOf(rule, descriptor),
          at: descriptor.at,
          ...(app ? { app: app.name } : {}),
        });
      },
    };
    try {
      check(ctx);
    } catch (error) {
      this.crashes.push({ ruleId: rule.meta.id, subject, error: error as Error });
    }
  }

  apps(apps: readonly OAuthApp[]): void {
    for (const app of apps) {
      const environment = environmentFor(this.input.config.apps?.[app.name]?.environment, this.input.cliEnvironment, this.input.config);
      for (const rule of this.input.rules) {
        if (!rule.checkApp || (app.forceIgnored && !rule.meta.includeForceIgnored)) continue;
        if (!ruleAppliesToApp(rule, app)) continue;
        // A crash is reported on the app's header file: a finding needs a file that exists.
        this.run(rule, environment, app.anchor.file, app, (ctx) => rule.checkApp!(app, ctx));
      }
    }
  }

  documents(documents: readonly MetadataDocument[]): void {
    const environment = environmentFor(undefined, this.input.cliEnvironment, this.input.config);
    for (const doc of documents) {
      for (const rule of this.input.rules) {
        if (!rule.checkDocument || (doc.forceIgnored && !rule.meta.includeForceIgnored)) continue;
        this.run(rule, environment, doc.file, undefined, (ctx) => rule.checkDocument!(doc, ctx));
      }
    }
  }

  file(file: RepoFile): void {
    const environment = environmentFor(undefined, this.input.cliEnvironment, this.input.config);
    for (const rule of this.input.rules) {
      if (!rule.checkFile) continue;
      this.run(rule, environment, file.file, undefined, (ctx) => rule.checkFile!(file, ctx));
    }
  }

  /** Whether any enabled rule looks at repository files: without one, the repository walk is skipped. */
  hasFileRules(): boolean {
    return this.enabledFileRules().length > 0;
  }

  /** The enabled rules that look at repository files (checkFile). */
  enabledFileRules(): readonly Rule[] {
    const environment = environmentFor(undefined, this.input.cliEnvironment, this.input.config);
    return this.input.rules.filter((rule) => rule.checkFile && resolveRule(rule.meta, this.input.config, environment).level !== 'off');
  }
}

/** `appliesTo: ['oauth-apps']` rules never see an app without OAuth, so they need no guard of their own. */
export function ruleAppliesToApp(rule: Rule, app: OAuthApp): boolean {
  return app.usesOAuth || !rule.meta.appliesTo?.includes('oauth-apps') || rule.meta.appliesTo.includes('apps');
}

/** The finding's text: the message as given, or the rule's template for `messageId` filled with `data`. */
export function messageOf(rule: Rule, descriptor: ReportDescriptor): string {
  if (descriptor.messageId === undefined) return descriptor.message;
  const template = rule.meta.messages?.[descriptor.messageId];
  // Thrown inside the rule's run, so it is reported as that rule's crash on the subject, not lost.
  if (template === undefined) throw new Error(`rule ${rule.meta.id} reported an unknown messageId "${descriptor.messageId}"`);
  return renderMessage(template, descriptor.data);
}

/**
 * Options the configuration gives a rule must fit the rule's own schema: plugin rules are checked here only (the
 * configuration schema cannot know them), built-in ones here too so that one check covers every rule. A bad option
 * is a configuration error (exit 2), named by its place in the configuration.
 */
function checkConfiguredOptions(rule: Rule, config: LinterConfig): void {
  const setting = config.rules?.[rule.meta.id];
  if (!Array.isArray(setting) || setting[1] === undefined) return;
  const problem = optionsProblem(setting[1], rule.meta.options ?? { type: 'object' }, `rules.${rule.meta.id}[1]`);
  if (problem) throw new UsageError(`configuration: ${problem}`);
}
