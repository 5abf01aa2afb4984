/**
 * Weighted reciprocal rank fusion: each query adds weight × k / (k + rank) for every document it
 * returned, so a document found by many distinctive queries, high in each, comes first; k dampens
 * the difference between neighbouring ranks (one query's internal order matters less than agreement).
 */
export const FUSION_K = 30;

export interface RankedList<T> {
  weight: number;
  ids: string[];
  /** The engine's 0–1 ranking score per id, when known: a match in a title outweighs one in passing. */
  scores?: number[];
  tag: T;
}

export interface Fused<T> {
  id: string;
  score: number;
  /** The queries that found it, with what each contributed. */
  sources: Array<{ tag: T; contribution: number }>;
}

export function fuse<T>(lists: Array<RankedList<T>>, k = FUSION_K): Array<Fused<T>> {
  const fused = new Map<string, Fused<T>>();
  for (const list of lists) {
    list.ids.forEach((id, rank) => {
      const quality = list.scores ? 0.5 + 0.5 * (list.scores[rank] ?? 1) : 1;
      const contribution = list.weight * (k / (k + rank)) * quality;
      const entry = fused.get(id) ?? { id, score: 0, sources: [] };
      entry.score += contribution;
      entry.sources.push({ tag: list.tag, contribution });
      fused.set(id, entry);
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
