/** The candidate a typo most likely meant: within a third of its length in edits, else undefined. */
export declare function closestName(name: string, candidates: readonly string[]): string | undefined;
