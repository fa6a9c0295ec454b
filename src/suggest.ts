// "Did you mean …?": the closest known name by edit distance, ignoring case.
import { distance } from 'fastest-levenshtein';

/** Edit distance between two names, case-insensitive (so `discoveryURL` is 0 from `discoveryUrl`). */
export function nameDistance(a: string, b: string): number {
  return distance(a.toLowerCase(), b.toLowerCase());
}

/** The best candidate within `max` edits (default: 2, or a third of the name for long names), or undefined. */
export function closestName(name: string, candidates: Iterable<string>, max?: number): string | undefined {
  const limit = max ?? Math.max(2, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c === name) continue;
    const d = nameDistance(name, c);
    // Exact-case differences rank just after an exact match.
    const score = d + (c.toLowerCase() === name.toLowerCase() ? 0.1 : 0);
    if (d <= limit && score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
