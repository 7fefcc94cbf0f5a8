import type { Environment, MetadataDocument, OAuthApp, RepoFile, ReportDescriptor, Rule, Severity } from '../types.js';
import type { LinterConfig } from '../config/types.js';
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
export declare class RuleRunner {
    private readonly input;
    readonly findings: RawFinding[];
    readonly crashes: {
        ruleId: string;
        subject: string;
        error: Error;
    }[];
    /** Levels and options per rule and environment, resolved once per run rather than once per file. */
    private readonly resolvedRules;
    /** At most MAX_FINDINGS_PER_RULE_PER_FILE findings per rule and file; the rest are counted in one summary finding. */
    private readonly cap;
    constructor(input: RuleRunInput);
    private resolved;
    private run;
    apps(apps: readonly OAuthApp[]): void;
    documents(documents: readonly MetadataDocument[]): void;
    file(file: RepoFile): void;
    /** Whether any enabled rule looks at repository files: without one, the repository walk is skipped. */
    hasFileRules(): boolean;
    /** The enabled rules that look at repository files (checkFile). */
    enabledFileRules(): readonly Rule[];
}
/** `appliesTo: ['oauth-apps']` rules never see an app without OAuth, so they need no guard of their own. */
export declare function ruleAppliesToApp(rule: Rule, app: OAuthApp): boolean;
/** The finding's text: the message as given, or the rule's template for `messageId` filled with `data`. */
export declare function messageOf(rule: Rule, descriptor: ReportDescriptor): string;
