// The `config` engine rule: an app named under `apps` that the project does not define. Stale configuration
// would otherwise hide real intent (a renamed app silently loses its declared flow and callback list).
import type { Finding, Severity } from '../types.js';
import { LineIndex } from '../parser/positions.js';
import type { LoadedConfig } from '../config/types.js';
import { CONFIG } from '../engine/engine-rules.js';
import type { FindingPostProcessor } from '../engine/lint.js';
import { readCheckedText } from '../project/read.js';
import { closestName } from '../text/names.js';

export interface StaleConfigOptions {
  config: LoadedConfig;
  /** The configured severity of a `config` finding; undefined when the rule is off. */
  severity(requested: Severity): Severity | undefined;
}

/**
 * Reports configured apps absent from the linted project. Only meaningful when the run saw the whole project
 * (not --staged, not one sub-folder): the caller decides whether to add this step.
 */
export function createStaleConfigProcessor(options: StaleConfigOptions): FindingPostProcessor {
  return {
    meta: [CONFIG],
    process(findings, context) {
      const file = options.config.file;
      const configured = Object.keys(options.config.config.apps ?? {});
      const present = new Set(context.appNames);
      const missing = configured.filter((name) => !present.has(name));
      const severity = options.severity('warning');
      if (!file || missing.length === 0 || !severity) return { findings, suppressed: [] };
      return { findings: [...findings, ...staleFindings(file, context.root, missing, context.appNames, severity).map((finding) => ({ ...finding, fingerprint: context.fingerprint(finding) }))], suppressed: [] };
    },
  };
}

function staleFindings(file: string, root: string, missing: string[], appNames: readonly string[], severity: Severity): Omit<Finding, 'fingerprint'>[] {
  // Unreadable (a link out of the repository `root` included): the findings are located at the top of the file instead.
  const read = readCheckedText(file, { within: root });
  const text = read.ok ? read.text : '';
  const lines = new LineIndex(file, text);
  return missing.map((name) => {
    const hint = closestName(name, appNames);
    const offset = appKeyOffset(text, name);
    return {
      ruleId: CONFIG.id,
      severity,
      message: `apps.${name} is configured, but no app named "${name}" is in the project${hint ? ` (did you mean "${hint}"?)` : ''}; rename or remove the entry so that its settings are not silently ignored.`,
      at: offset === undefined ? { file, line: 1, column: 1 } : lines.at(offset, offset + name.length),
      app: name,
    };
  });
}

/**
 * Where an app's key sits under `apps`, in YAML or JSON alike, found by text (a YAML parser for one position is
 * not worth loading): the first `Name:` or `"Name":` after the `apps` key.
 */
export function appKeyOffset(text: string, name: string): number | undefined {
  const apps = /(?:^|[{,\s])["']?apps["']?\s*:/m.exec(text);
  if (!apps) return undefined;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const key = new RegExp(`(?<![\\w"'])(["']?)${escaped}\\1\\s*:`, 'g');
  key.lastIndex = apps.index + apps[0].length;
  const match = key.exec(text);
  return match ? match.index + match[1]!.length : undefined;
}
