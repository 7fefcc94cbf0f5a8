// The diff's output: a public interface (`diff --format json`, documented in docs/formats.md). Change it only
// compatibly: add fields, never rename or remove them.
import type { SettingName } from '../model/settings.js';
import type { AppKind } from '../types.js';

/** widened: more access or weaker protection; narrowed: the reverse; changed: neither (or cannot be told). */
export type ChangeEffect = 'widened' | 'narrowed' | 'changed';
export type ChangeSeverity = 'error' | 'warning' | 'info';
export type AppStatus = 'added' | 'removed' | 'modified';

/** A setting's value as the diff shows it: text (secrets masked), a boolean, or null when absent. */
export type SettingValue = string | boolean | null;

export interface SettingChange {
  /**
   * The model's setting name (`scopes`, `adminApproved` …); `app` for the app's own addition or removal; `file` for a
   * file that could not be read; `policyFile` for an External Client App's OAuth policy file coming or going.
   */
  setting: SettingName | 'app' | 'file' | 'policyFile';
  before: SettingValue;
  after: SettingValue;
  effect: ChangeEffect;
  severity: ChangeSeverity;
  /** One sentence, the app first. */
  message: string;
}

export interface AppDiff {
  app: string;
  kind: AppKind;
  status: AppStatus;
  /** A removal that is one half of a rename: the app's name at head. */
  renamedTo?: string;
  /** An addition that is one half of a rename: the app's name at base. */
  renamedFrom?: string;
  changes: SettingChange[];
}

export interface DiffFinding {
  ruleId: string;
  severity: 'error' | 'warning';
  message: string;
  /** Repository-relative, `/`-separated. */
  file: string;
  line: number;
  column: number;
  app?: string;
  fingerprint: string;
}

export interface DiffSide {
  /** As given (`HEAD~1`, `origin/main`), or `index` / `working tree`. */
  ref: string;
  /** The commit; null for the index and the working tree. */
  commit: string | null;
}

export interface DiffSummary {
  /** Apps with at least one widened change. */
  widened: number;
  /** Apps with narrowed changes only. */
  narrowed: number;
  added: number;
  removed: number;
  /** Modified apps (widened, narrowed or neither). */
  modified: number;
  newFindings: number;
  fixedFindings: number;
}

export interface PostureDiff {
  base: DiffSide;
  head: DiffSide;
  summary: DiffSummary;
  apps: AppDiff[];
  findings: { new: DiffFinding[]; fixed: DiffFinding[] };
  /** Things the reader should know about what was (not) compared, e.g. a file that parses on one side only. */
  notices: string[];
}
