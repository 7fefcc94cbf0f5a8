import { hash } from 'node:crypto';
import { sep } from 'node:path';
import { fastRelative } from '../project/relative-path.js';
import type { Position } from '../types.js';

/** Repository-relative path with forward slashes: the same on every machine and OS. */
export function relativePath(root: string, file: string): string {
  const rel = fastRelative(root, file);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/**
 * The offending content of a finding: the text of its first line from the start column, trimmed. Enough to tell
 * findings apart (`<scopes>Full</scopes>`, one callback URL), and blind to line moves and to edits elsewhere in
 * a multi-line element.
 */
export function offendingContent(lineText: string, at: Position): string {
  const end = at.endLine === at.line && at.endColumn ? at.endColumn - 1 : undefined;
  return lineText.slice(at.column - 1, end).trim().replace(/\s+/g, ' ');
}

/**
 * A fingerprint of rule, app, file and offending content, never of the line number: moving lines keeps it, so
 * baselines and GitHub alerts survive edits above a finding. Findings with equal keys are numbered in order
 * (`:1`, `:2`), the shape GitHub's `primaryLocationLineHash` uses.
 */
export class FingerprintAllocator {
  private readonly seen = new Map<string, number>();

  next(parts: { ruleId: string; app?: string; file: string; content: string }): string {
    // One-shot hash(): no Hash object per finding (a run reports hundreds).
    const key = hash('sha256', `${parts.ruleId}\0${parts.app ?? ''}\0${parts.file}\0${parts.content}`, 'hex').slice(0, 16);
    const occurrence = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, occurrence);
    return `${key}:${occurrence}`;
  }
}
