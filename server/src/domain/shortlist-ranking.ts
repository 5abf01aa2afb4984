/**
 * Weighted ranking of a shortlist round, kept free of I/O so its arithmetic can be checked on known scores.
 *
 * Entry score = Σ_c weight_c × (mean of submitted scores_c / scale) × 100 / Σ_c weight_c, a number 0–100 rounded
 * to two decimals. Entries without any submitted review are unranked. Entries with the same (rounded) score form a
 * tie the council breaks explicitly by ordering them; until then the tie is "unresolved".
 */

/** A criterion is flagged for a consensus discussion when its submitted scores spread this share of the scale or more. */
export const DISAGREEMENT_SHARE = 0.4;

export interface RankingCriterion {
  id: string;
  weight: number;
}

export interface RankingReview {
  userId: string;
  /** Score per criterion id, 0..scale. */
  scores: Record<string, number>;
}

export interface RankingEntryInput {
  id: string;
  /** The council's order within a tie group (0 first); null until set. */
  tieBreak: number | null;
  /** Submitted reviews only. */
  reviews: RankingReview[];
}

export interface RankedEntry {
  id: string;
  /** 0–100 with two decimals; null when no review was submitted. */
  total: number | null;
  /** Mean score per criterion id (unrounded), only for criteria someone scored. */
  means: Record<string, number>;
  reviewCount: number;
  /** 1-based; entries in an unresolved tie share a rank; null when unranked. */
  rank: number | null;
  /** 'resolved' or 'unresolved' when another entry has the same total; null when alone. */
  tie: 'resolved' | 'unresolved' | null;
  /** Criteria whose submitted scores disagree by DISAGREEMENT_SHARE of the scale or more. */
  disagreement: string[];
}

export interface RankingResult {
  /** Ranked entries first (best first), then unranked ones in input order. */
  entries: RankedEntry[];
  /** Groups of entry ids with equal totals whose order the council has not set yet. */
  unresolvedTies: string[][];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Mean per criterion, then the weighted total on a 0–100 scale. */
export function entryTotal(criteria: RankingCriterion[], scale: number, reviews: RankingReview[]): { total: number | null; means: Record<string, number> } {
  const means: Record<string, number> = {};
  for (const c of criteria) {
    const values = reviews.map((r) => r.scores[c.id]).filter((v): v is number => typeof v === 'number');
    if (values.length) means[c.id] = values.reduce((a, b) => a + b, 0) / values.length;
  }
  if (reviews.length === 0) return { total: null, means };
  const weightSum = criteria.reduce((a, c) => a + c.weight, 0);
  if (weightSum <= 0 || scale <= 0) return { total: null, means };
  const weighted = criteria.reduce((a, c) => a + c.weight * ((means[c.id] ?? 0) / scale), 0);
  return { total: round2((weighted * 100) / weightSum), means };
}

/** Criteria on which submitted scores spread by at least DISAGREEMENT_SHARE × scale (needs two reviews or more). */
export function disagreements(criteria: RankingCriterion[], scale: number, reviews: RankingReview[]): string[] {
  if (reviews.length < 2) return [];
  const threshold = DISAGREEMENT_SHARE * scale;
  return criteria
    .filter((c) => {
      const values = reviews.map((r) => r.scores[c.id]).filter((v): v is number => typeof v === 'number');
      // A tiny epsilon so 0.4 × 5 = 2 counts exactly at the boundary despite floating point.
      return values.length >= 2 && Math.max(...values) - Math.min(...values) >= threshold - 1e-9;
    })
    .map((c) => c.id);
}

/** A tie group is resolved when every member has a distinct tie-break position. */
function resolved(group: RankingEntryInput[]): boolean {
  const positions = group.map((e) => e.tieBreak);
  return positions.every((p) => p !== null) && new Set(positions).size === positions.length;
}

export function rankEntries(criteria: RankingCriterion[], scale: number, entries: RankingEntryInput[]): RankingResult {
  const scored = entries.map((e, index) => {
    const { total, means } = entryTotal(criteria, scale, e.reviews);
    return { input: e, index, total, means, disagreement: disagreements(criteria, scale, e.reviews) };
  });
  const ranked = scored.filter((s) => s.total !== null).sort((a, b) => b.total! - a.total! || a.index - b.index);
  const unranked = scored.filter((s) => s.total === null);

  // Group equal totals (compared in hundredths, the precision shown).
  const groups: Array<typeof ranked> = [];
  for (const s of ranked) {
    const last = groups.at(-1);
    if (last && Math.round(last[0]!.total! * 100) === Math.round(s.total! * 100)) last.push(s);
    else groups.push([s]);
  }

  const out: RankedEntry[] = [];
  const unresolvedTies: string[][] = [];
  let position = 1;
  for (const group of groups) {
    if (group.length === 1) {
      const s = group[0]!;
      out.push({ id: s.input.id, total: s.total, means: s.means, reviewCount: s.input.reviews.length, rank: position, tie: null, disagreement: s.disagreement });
      position += 1;
      continue;
    }
    const isResolved = resolved(group.map((s) => s.input));
    if (isResolved) {
      group.sort((a, b) => a.input.tieBreak! - b.input.tieBreak!);
      for (const [i, s] of group.entries()) {
        out.push({ id: s.input.id, total: s.total, means: s.means, reviewCount: s.input.reviews.length, rank: position + i, tie: 'resolved', disagreement: s.disagreement });
      }
    } else {
      unresolvedTies.push(group.map((s) => s.input.id));
      for (const s of group) {
        out.push({ id: s.input.id, total: s.total, means: s.means, reviewCount: s.input.reviews.length, rank: position, tie: 'unresolved', disagreement: s.disagreement });
      }
    }
    position += group.length;
  }
  for (const s of unranked) {
    out.push({ id: s.input.id, total: null, means: s.means, reviewCount: 0, rank: null, tie: null, disagreement: [] });
  }
  return { entries: out, unresolvedTies };
}
