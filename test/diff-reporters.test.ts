// The diff's formats on a hand-made diff holding hostile values: Markdown stays inert, text stays one line per entry.
import { describe, expect, it } from 'vitest';
import { diffFailure } from '../src/diff/gate.js';
import type { PostureDiff } from '../src/diff/types.js';
import { renderDiffMarkdown } from '../src/reporters/diff/markdown.js';
import { renderDiffText } from '../src/reporters/diff/text.js';

function hostileDiff(): PostureDiff {
  return {
    base: { ref: 'origin/main', commit: '0123456789abcdef0123456789abcdef01234567' },
    head: { ref: 'working tree', commit: null },
    summary: { widened: 1, narrowed: 0, added: 0, removed: 0, modified: 1, newFindings: 1, fixedFindings: 0 },
    apps: [
      {
        app: 'Evil|<img src=x>',
        kind: 'connectedApp',
        status: 'modified',
        changes: [
          {
            setting: 'callbackUrls',
            before: null,
            after: 'https://x.example/a|b`<script>\n::error::forged',
            effect: 'widened',
            severity: 'warning',
            message: 'Evil|<img src=x>: callback [link](https://x) added.\n::error::forged\u001b[31m',
          },
        ],
      },
    ],
    findings: {
      new: [{ ruleId: 'no-full-scope', severity: 'error', message: 'App "<b>" requests Full', file: 'a/b.xml', line: 3, column: 9, fingerprint: 'f' }],
      fixed: [],
    },
    notices: [],
  };
}

describe('diff reporters', () => {
  it('markdown: marker first, headline, one table row per change, values and messages escaped', () => {
    const markdown = renderDiffMarkdown(hostileDiff());
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('<!-- connected-app-lint:posture -->');
    expect(lines[1]).toBe('### ❌ connected-app-lint posture: 1 app widened, 1 new finding');
    expect(markdown).toContain('| App | Change | Before | After | Effect |');
    const row = lines.find((line) => line.startsWith('| Evil'))!;
    expect(row).toBe("| Evil\\|\\<img src=x\\> | Callback URL added | — | `https://x.example/a\\|b'<script> ::error::forged` | 🔺 widened |");
    // Outside code spans every `<` and `[` is backslash-escaped: no HTML, no link.
    expect(markdown.replace(/`[^`\n]*`/g, '')).not.toMatch(/(?<!\\)<(?:img|b>|script)|(?<!\\)\[link/);
    expect(markdown).not.toMatch(/^::/m);
    expect(markdown).toContain('<details><summary>What each change means</summary>');
    expect(markdown).toContain('**New findings (1)**');
  });

  it('text: no line can start a workflow command or carry a terminal escape', () => {
    const text = renderDiffText(hostileDiff());
    expect(text).not.toMatch(/^::/m);
    expect(text).not.toContain('\u001b');
    expect(text).toContain('Posture diff origin/main -> working tree: 1 app widened, 1 new finding');
  });

  it('gate: error by default, widened for any widening, never', () => {
    const diff = hostileDiff();
    expect(diffFailure(diff, 'error')).toBe('1 new error finding (fail-on: error)');
    expect(diffFailure(diff, 'widened')).toBe('1 new error finding and 1 widening change (fail-on: widened)');
    expect(diffFailure(diff, 'never')).toBeUndefined();
    diff.findings.new = [];
    expect(diffFailure(diff, 'error')).toBeUndefined();
  });
});
