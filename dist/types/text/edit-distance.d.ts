/**
 * Levenshtein distance (insertions, deletions, substitutions). Costs the product of the two lengths: callers bound
 * the lengths first (names over 64 characters get no hint; schemes are cut at 8), since the input may be hostile.
 */
export declare function editDistance(a: string, b: string): number;
