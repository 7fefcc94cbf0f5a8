// `diff --format json`: the PostureDiff object as is (a public interface: docs/formats.md).
import type { PostureDiff } from '../../diff/types.js';
import { inertJson } from '../../text/safe-text.js';

export function renderDiffJson(diff: PostureDiff): string {
  return `${inertJson(JSON.stringify(diff, null, 2))}\n`;
}
