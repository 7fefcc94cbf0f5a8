// Inline suppressions: `calint-disable-next-line <rule> -- <reason>` and `calint-disable <rule> -- <reason>` …
// `calint-enable <rule>`, in the file that holds the finding. A directive needs a reason, and one that suppresses
// nothing is reported, so that accepted risks stay visible and stale ones do not pile up.
import type { Finding, Severity } from '../types.js';
import { DIRECTIVE_MARKER, parseDirectives, type Directive } from './directives.js';
import { PARSE_ERROR, SUPPRESSION_DIRECTIVE } from '../engine/engine-rules.js';
import type { FindingPostProcessor } from '../engine/lint.js';
import { closestName } from '../text/names.js';

/** What the directives are judged against. */
export interface SuppressionOptions {
  /**
   * `ran`: the rule ran, so a directive for it that suppresses nothing is stale; `idle`: it exists but did not run
   * here (turned off, not selected with --only, a plugin under --no-plugins), so the directive is not judged;
   * `unknown`: no such rule (a typo).
   */
  ruleStatus(ruleId: string): 'ran' | 'idle' | 'unknown';
  /** Known rule ids, for "did you mean" hints. */
  ruleIds: readonly string[];
  /** The configured severity of a directive problem (missing reason: error, unused: warning); undefined when off. */
  severity(requested: Severity): Severity | undefined;
}

/** Findings no directive can hide: an unparsable file, and the directive checks themselves. */
const UNSUPPRESSIBLE = new Set([PARSE_ERROR.id, SUPPRESSION_DIRECTIVE.id]);

interface DirectiveUse {
  directive: Directive;
  /** Rule ids of the directive that suppressed at least one finding. */
  used: Set<string>;
}

export function createSuppressionProcessor(options: SuppressionOptions): FindingPostProcessor {
  return {
    meta: [SUPPRESSION_DIRECTIVE],
    keepFilesContaining: DIRECTIVE_MARKER,
    process(findings, context) {
      const byFile = new Map<string, Finding[]>();
      const suppressible = new Set<string>();
      for (const finding of findings) {
        const list = byFile.get(finding.at.file) ?? [];
        list.push(finding);
        byFile.set(finding.at.file, list);
        if (isSuppressible(finding)) suppressible.add(finding.at.file);
      }
      const kept: Finding[] = [];
      const suppressed: Finding[] = [];
      const problems: Omit<Finding, 'fingerprint'>[] = [];
      // A file with nothing but a parse error is not read again: it may be unreadable (a FIFO would block).
      const linted = new Set(context.files);
      for (const file of new Set([...linted, ...byFile.keys()])) {
        const fileFindings = byFile.get(file) ?? [];
        const text = linted.has(file) || suppressible.has(file) ? context.textOf(file) : undefined;
        // In a file that failed to parse no rule ran: its directives can be neither used nor judged.
        const broken = fileFindings.some((finding) => finding.fatal);
        const directives = text === undefined || broken ? [] : parseDirectives(file, text);
        if (directives.length === 0) {
          for (const finding of fileFindings) kept.push(finding);
          continue;
        }
        const uses = directives.map((directive) => ({ directive, used: new Set<string>() }));
        for (const finding of fileFindings) {
          const by = isSuppressible(finding) ? suppressingDirective(finding, uses) : undefined;
          if (by) suppressed.push({ ...finding, suppressed: { kind: 'directive', justification: by.directive.reason! } });
          else kept.push(finding);
        }
        for (const problem of directiveProblems(uses, options)) problems.push(problem);
      }
      const reported = problems.map((problem) => ({ ...problem, fingerprint: context.fingerprint(problem) }));
      return { findings: [...kept, ...reported], suppressed };
    },
  };
}

const isSuppressible = (finding: Finding) => !finding.fatal && !UNSUPPRESSIBLE.has(finding.ruleId);

const isEffective = (directive: Directive) => directive.kind !== 'unknown' && directive.rules.length > 0 && !!directive.reason;

const isEnableOf = (directive: Directive, rule: string) => directive.kind === 'enable' && (directive.rules.length === 0 || directive.rules.includes(rule));

/** The directive that hides a finding, marking it used: a next-line directive on its line, else an open disable block. */
function suppressingDirective(finding: Finding, uses: DirectiveUse[]): DirectiveUse | undefined {
  const rule = finding.ruleId;
  const nextLine = uses.find(({ directive }) => directive.kind === 'disable-next-line' && isEffective(directive) && directive.targetLine === finding.at.line && directive.rules.includes(rule));
  if (nextLine) {
    nextLine.used.add(rule);
    // A summary of findings past the cap (finding-cap.ts) sits on the line of the first one it stands for; the others
    // are on other lines, which a next-line directive does not cover: it hides the summary only when it is one finding.
    return (finding.omitted ?? 1) === 1 ? nextLine : undefined;
  }
  // Walk the block directives in order up to the finding's line: the last disable of the rule not yet re-enabled.
  let open: DirectiveUse | undefined;
  for (const use of uses) {
    const { directive } = use;
    if (directive.at.line > finding.at.line) break;
    if (directive.kind === 'disable' && isEffective(directive) && directive.rules.includes(rule)) open = use;
    if (isEnableOf(directive, rule)) open = undefined;
  }
  open?.used.add(rule);
  // A summary of findings past the cap stands for findings after its line too: a block closed later does not cover them.
  if (open && (finding.omitted ?? 1) > 1 && uses.some(({ directive }) => directive.at.line > finding.at.line && isEnableOf(directive, rule))) return undefined;
  return open;
}

function directiveProblems(uses: DirectiveUse[], options: SuppressionOptions): Omit<Finding, 'fingerprint'>[] {
  const problems: Omit<Finding, 'fingerprint'>[] = [];
  const report = (directive: Directive, requested: Severity, message: string) => {
    const severity = options.severity(requested);
    if (severity) problems.push({ ruleId: SUPPRESSION_DIRECTIVE.id, severity, message, at: directive.at });
  };
  for (const { directive, used } of uses) {
    const name = directive.keyword;
    if (directive.kind === 'unknown') {
      report(directive, 'error', `${name} is not a directive: put "calint-disable-next-line <rule> -- <reason>" on the line above instead.`);
      continue;
    }
    if (directive.kind === 'enable') continue;
    if (directive.rules.length === 0) {
      report(directive, 'error', `${name} must name the rules it disables, e.g. "${name} no-full-scope -- <reason>"; it suppresses nothing.`);
      continue;
    }
    if (!directive.reason) {
      report(directive, 'error', `${name} ${directive.rules.join(', ')} has no reason: add " - <why this is accepted>" after the rule ids (" -- " works too, but XML forbids "--" inside a comment); until then it suppresses nothing.`);
      continue;
    }
    for (const rule of directive.rules) {
      if (used.has(rule)) continue;
      const status = options.ruleStatus(rule);
      if (status === 'idle') continue;
      if (status === 'unknown') {
        const hint = closestName(rule, options.ruleIds);
        report(directive, 'warning', `${name} names unknown rule "${rule}"${hint ? ` (did you mean "${hint}"?)` : ''}; it suppresses nothing.`);
        continue;
      }
      const scope = directive.kind === 'disable-next-line' ? 'on the next line' : 'up to its calint-enable or the end of the file';
      report(directive, 'warning', `Unused directive: ${name} ${rule} suppresses nothing ${scope}; remove it (the finding it was written for is gone).`);
    }
  }
  return problems;
}
