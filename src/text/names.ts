import { editDistance } from './edit-distance.js';

/** Case-insensitive edit distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
  return editDistance(a.toLowerCase(), b.toLowerCase());
}

/**
 * Names longer than this get no hint: the edit distance costs the product of the two lengths, and a hostile
 * configuration or directive may hold a megabyte-long name. Rule ids, option keys and app names are far shorter.
 */
const MAX_HINTED_LENGTH = 64;

/** The candidate a typo most likely meant: within a third of its length in edits, else undefined. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  if (name.length > MAX_HINTED_LENGTH) return undefined;
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    // The length difference is a lower bound of the distance: most candidates are ruled out without computing it.
    if (candidate.length > MAX_HINTED_LENGTH || Math.abs(candidate.length - name.length) >= bestDistance) continue;
    const d = distance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
