// `diff --format json`: the PostureDiff object as is (a public interface: docs/formats.md).
import type { PostureDiff } from '../../diff/types.js';

export function renderDiffJson(diff: PostureDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}
