/** Edit distance (insertions, deletions, substitutions), stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Typos Meilisearch counts between a query word and an indexed word: the edit distance (to the
 * word's beginning when the query word is a prefix), with a wrong first letter counting twice.
 */
export function typoCost(query: string, term: string, prefix: boolean, max: number): number {
  if (term === query || (prefix && term.startsWith(query))) return 0;
  let cost = editDistance(query, term, max + 1);
  if (prefix && term.length > query.length) {
    for (let len = Math.max(1, query.length - max); len <= Math.min(term.length, query.length + max); len++) {
      cost = Math.min(cost, editDistance(query, term.slice(0, len), max + 1));
    }
  }
  if (query[0] !== term[0]) cost += 1;
  return cost;
}
