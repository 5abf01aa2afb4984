/**
 * Meilisearch's global ranking score: each ranking rule yields a rank out of a maximum, and the ranks
 * combine like digits of a mixed-radix number, so earlier rules dominate and the result lies in 0–1.
 */
export function globalScore(ranks: Array<{ rank: number; max: number }>): number {
  let rank = 1;
  let max = 1;
  for (const r of ranks) {
    rank = (rank - 1) * r.max + r.rank;
    max *= r.max;
  }
  return max === 0 ? 0 : rank / max;
}

/** Relevance (the proximity/attribute/exactness stand-in) in this many steps, so `sort` can break ties. */
export const RELEVANCE_STEPS = 10;

export function relevanceStep(score: number, best: number): number {
  if (best <= 0) return RELEVANCE_STEPS;
  return Math.max(1, Math.ceil((score / best) * RELEVANCE_STEPS));
}
