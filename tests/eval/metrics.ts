/** Ranking metrics over one ranked list of ids against graded relevance (grade ≥ 1 is relevant). */
export interface Scores {
  ndcg10: number;
  mrr: number;
  p5: number;
}

export function scoreRanking(ranked: string[], relevant: Map<string, number>): Scores {
  const gain = (g: number) => 2 ** g - 1;
  let dcg = 0;
  ranked.slice(0, 10).forEach((id, i) => {
    dcg += gain(relevant.get(id) ?? 0) / Math.log2(i + 2);
  });
  const ideal = [...relevant.values()].sort((a, b) => b - a).slice(0, 10);
  const idcg = ideal.reduce((s, g, i) => s + gain(g) / Math.log2(i + 2), 0);
  const first = ranked.findIndex((id) => (relevant.get(id) ?? 0) > 0);
  const p5 = ranked.slice(0, 5).filter((id) => (relevant.get(id) ?? 0) > 0).length / 5;
  return { ndcg10: idcg > 0 ? dcg / idcg : 0, mrr: first >= 0 ? 1 / (first + 1) : 0, p5 };
}

export interface Aggregate extends Scores {
  n: number;
}

export function average(list: Scores[]): Aggregate {
  const n = list.length;
  const sum = (k: keyof Scores) => (n ? list.reduce((s, x) => s + x[k], 0) / n : 0);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return { ndcg10: round(sum('ndcg10')), mrr: round(sum('mrr')), p5: round(sum('p5')), n };
}

/** Overall, per language and per tag averages. */
export function breakdown(rows: Array<{ language: string; tags: string[]; scores: Scores }>) {
  const byLanguage: Record<string, Aggregate> = {};
  const byTag: Record<string, Aggregate> = {};
  const languages = [...new Set(rows.map((r) => r.language))].sort();
  const tags = [...new Set(rows.flatMap((r) => r.tags))].sort();
  for (const l of languages) byLanguage[l] = average(rows.filter((r) => r.language === l).map((r) => r.scores));
  for (const t of tags) byTag[t] = average(rows.filter((r) => r.tags.includes(t)).map((r) => r.scores));
  return { overall: average(rows.map((r) => r.scores)), byLanguage, byTag };
}
