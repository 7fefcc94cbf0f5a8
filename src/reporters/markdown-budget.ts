// Markdown under a size limit (GitHub: 65,536 characters a comment, 1 MiB a step's job summary), assembled from
// whole lines: a table row, a list item or a <details> block is in or out, never cut, and whatever is left out is
// counted in a "… N more" line. Sizes are UTF-8 bytes, which is never fewer than characters, so one measure fits both.

/** A run of lines that can be shortened: its items are dropped from the end, its frame stays whole. */
export interface MarkdownSection {
  /** Lines before the items (a heading, a table's header, `<details><summary>`). */
  head: readonly string[];
  items: readonly string[];
  /** Lines after the items (`</details>`). */
  foot?: readonly string[];
  /** The line(s) saying how many items were left out, placed after the last item shown. */
  more: (omitted: number) => readonly string[];
  /** Lower numbers get room first; sections are still written in the order given. */
  priority: number;
  /** At most this many items, whatever the room (a readable comment). */
  maxItems?: number;
  /** Its items take at most this many bytes, whatever the room (thousands of apps still leave room for the findings). */
  maxItemBytes?: number;
}

const size = (lines: readonly string[]) => lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);

/**
 * `top`, then every non-empty section, as one text of at most `limit` bytes (newline-terminated), or undefined when
 * `top` alone does not fit. Each section keeps its frame and its "more" line; the room left goes to the sections'
 * items by priority, each taking as many as fit in order. A section whose frame does not fit either is left out.
 */
export function fitMarkdown(top: readonly string[], sections: readonly MarkdownSection[], limit: number): string | undefined {
  let left = limit - size(top);
  if (left < 0) return undefined;
  const present = sections.filter((section) => section.items.length > 0);
  // Each section's smallest form: its frame and a "more" line for all of its items.
  const minimum = new Map(present.map((section) => [section, size(section.head) + size(section.foot ?? []) + size(section.more(section.items.length))]));
  const byPriority = [...present].sort((a, b) => a.priority - b.priority);
  const kept = new Set<MarkdownSection>();
  for (const section of byPriority) {
    if (minimum.get(section)! > left) continue;
    kept.add(section);
    left -= minimum.get(section)!;
  }
  // The "more" line was reserved for every item; a section that shows them all gives that back.
  const shown = new Map<MarkdownSection, number>();
  for (const section of byPriority.filter((entry) => kept.has(entry))) {
    left += size(section.more(section.items.length));
    let count = 0;
    let itemBytes = 0;
    for (const item of section.items.slice(0, section.maxItems)) {
      const cost = Buffer.byteLength(item) + 1;
      const rest = section.items.length - count - 1;
      const moreAfter = rest > 0 ? size(section.more(rest)) : 0;
      if (cost + moreAfter > left || itemBytes + cost > (section.maxItemBytes ?? Infinity)) break;
      left -= cost;
      itemBytes += cost;
      count++;
    }
    if (count < section.items.length) left -= size(section.more(section.items.length - count));
    shown.set(section, count);
  }
  const out = [...top];
  for (const section of present) {
    if (!kept.has(section)) continue;
    const count = shown.get(section)!;
    out.push(...section.head, ...section.items.slice(0, count));
    if (count < section.items.length) out.push(...section.more(section.items.length - count));
    out.push(...(section.foot ?? []));
  }
  return `${out.join('\n')}\n`;
}
