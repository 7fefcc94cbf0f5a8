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
/**
 * `top`, then every non-empty section, as one text of at most `limit` bytes (newline-terminated), or undefined when
 * `top` alone does not fit. Each section keeps its frame and its "more" line; the room left goes to the sections'
 * items by priority, each taking as many as fit in order. A section whose frame does not fit either is left out.
 */
export declare function fitMarkdown(top: readonly string[], sections: readonly MarkdownSection[], limit: number): string | undefined;
