import type { Environment, MetadataDocument, OAuthApp, RepoFile, ReportDescriptor, Rule, RuleContext, Severity } from '../types.js';
import { escapeControlChars } from '../text/control-chars.js';
import type { LinterConfig } from './config-types.js';
import { environmentFor, findingSeverity, resolveRule, type ResolvedRule } from './severity.js';

/** A finding as a rule reported it, with its effective severity; fingerprints and suppressions come later. */
export interface RawFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  at: ReportDescriptor['at'];
  app?: string;
  fatal?: boolean;
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

  constructor(private readonly input: RuleRunInput) {}

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
    const ctx: RuleContext = {
      environment,
      root: this.input.root,
      options: resolved.options,
      ...(appConfig ? { appConfig } : {}),
      report: (descriptor) => {
        this.findings.push({
          ruleId: rule.meta.id,
          severity: findingSeverity(resolved, descriptor.severity),
          // Messages quote values from the repository: control characters in them must not reach a terminal raw.
          message: escapeControlChars(descriptor.message),
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
    const environment = environmentFor(undefined, this.input.cliEnvironment, this.input.config);
    return this.input.rules.some((rule) => rule.checkFile && resolveRule(rule.meta, this.input.config, environment).level !== 'off');
  }
}
