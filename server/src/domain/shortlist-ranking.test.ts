import { describe, expect, it } from 'vitest';
import { DISAGREEMENT_SHARE, disagreements, entryTotal, rankEntries, type RankingCriterion } from './shortlist-ranking';

// The example criteria: 30 / 20 / 20 / 15 / 15.
const criteria: RankingCriterion[] = [
  { id: 'relevance', weight: 30 },
  { id: 'partnership', weight: 20 },
  { id: 'feasibility', weight: 20 },
  { id: 'budget', weight: 15 },
  { id: 'sustainability', weight: 15 },
];
const review = (userId: string, r: number, p: number, f: number, b: number, s: number) => ({
  userId,
  scores: { relevance: r, partnership: p, feasibility: f, budget: b, sustainability: s },
});

describe('entryTotal', () => {
  it('weights the mean of each criterion over the scale, on 0–100', () => {
    // One reviewer, scale 5: (30×4 + 20×3 + 20×5 + 15×2 + 15×1)/5 = (120+60+100+30+15)/5 = 65
    expect(entryTotal(criteria, 5, [review('a', 4, 3, 5, 2, 1)]).total).toBe(65);
    // Perfect and zero scores.
    expect(entryTotal(criteria, 10, [review('a', 10, 10, 10, 10, 10)]).total).toBe(100);
    expect(entryTotal(criteria, 10, [review('a', 0, 0, 0, 0, 0)]).total).toBe(0);
  });

  it('averages several reviewers per criterion and rounds to two decimals', () => {
    // Scale 10. Means: relevance 7.5, partnership 6, feasibility 8, budget 5.5, sustainability 7.
    // 30×0.75 + 20×0.6 + 20×0.8 + 15×0.55 + 15×0.7 = 22.5 + 12 + 16 + 8.25 + 10.5 = 69.25
    const result = entryTotal(criteria, 10, [review('a', 8, 6, 9, 5, 7), review('b', 7, 6, 7, 6, 7)]);
    expect(result.total).toBe(69.25);
    expect(result.means).toEqual({ relevance: 7.5, partnership: 6, feasibility: 8, budget: 5.5, sustainability: 7 });
    // Thirds: one criterion of weight 1, scale 3, scores 1, 1, 2 → mean 4/3 → 44.44.
    expect(entryTotal([{ id: 'x', weight: 1 }], 3, [{ userId: 'a', scores: { x: 1 } }, { userId: 'b', scores: { x: 1 } }, { userId: 'c', scores: { x: 2 } }]).total).toBe(44.44);
  });

  it('normalises weights that do not sum to 100', () => {
    expect(entryTotal([{ id: 'x', weight: 1 }, { id: 'y', weight: 3 }], 5, [{ userId: 'a', scores: { x: 5, y: 0 } }]).total).toBe(25);
  });

  it('is null without submitted reviews', () => {
    expect(entryTotal(criteria, 5, []).total).toBeNull();
  });
});

describe('disagreements', () => {
  it(`flags a criterion whose scores spread by ${DISAGREEMENT_SHARE * 100}% of the scale or more`, () => {
    // Scale 10: threshold 4. Relevance 9 vs 5 (spread 4) is flagged, partnership 6 vs 3 (spread 3) is not.
    expect(disagreements(criteria, 10, [review('a', 9, 6, 5, 5, 5), review('b', 5, 3, 5, 5, 5)])).toEqual(['relevance']);
    // Scale 5: threshold 2, exactly at the boundary.
    expect(disagreements(criteria, 5, [review('a', 1, 3, 3, 3, 3), review('b', 3, 3, 3, 3, 3)])).toEqual(['relevance']);
    expect(disagreements(criteria, 5, [review('a', 2, 3, 3, 3, 3), review('b', 3, 3, 3, 3, 3)])).toEqual([]);
  });

  it('needs at least two reviews', () => {
    expect(disagreements(criteria, 5, [review('a', 0, 5, 0, 5, 0)])).toEqual([]);
  });
});

describe('rankEntries', () => {
  it('orders by total, best first, and leaves entries without reviews unranked', () => {
    const result = rankEntries(criteria, 5, [
      { id: 'low', tieBreak: null, reviews: [review('a', 1, 1, 1, 1, 1)] }, // 20
      { id: 'none', tieBreak: null, reviews: [] },
      { id: 'high', tieBreak: null, reviews: [review('a', 5, 4, 4, 4, 4)] }, // (150+80+80+60+60)/5 = 86
      { id: 'mid', tieBreak: null, reviews: [review('a', 3, 3, 3, 3, 3), review('b', 3, 3, 3, 3, 4)] }, // 60 + 15×0.1 = 61.5
    ]);
    expect(result.entries.map((e) => [e.id, e.rank, e.total])).toEqual([
      ['high', 1, 86],
      ['mid', 2, 61.5],
      ['low', 3, 20],
      ['none', null, null],
    ]);
    expect(result.unresolvedTies).toEqual([]);
  });

  it('reports equal totals as an unresolved tie sharing a rank until the council orders them', () => {
    const entries = [
      { id: 'a', tieBreak: null, reviews: [review('r', 4, 4, 4, 4, 4)] }, // 80
      { id: 'b', tieBreak: null, reviews: [review('r', 3, 4, 4, 3, 3)] }, // (90+80+80+45+45)/5 = 68
      { id: 'c', tieBreak: null, reviews: [review('r', 5, 3, 3, 3, 3)] }, // (150+60+60+45+45)/5 = 72
      { id: 'd', tieBreak: null, reviews: [review('r', 5, 3, 3, 3, 3)] }, // 72
    ];
    const open = rankEntries(criteria, 5, entries);
    expect(open.entries.map((e) => [e.id, e.rank, e.tie])).toEqual([
      ['a', 1, null],
      ['c', 2, 'unresolved'],
      ['d', 2, 'unresolved'],
      ['b', 4, null],
    ]);
    expect(open.unresolvedTies).toEqual([['c', 'd']]);

    // The council puts d before c.
    const broken = rankEntries(criteria, 5, entries.map((e) => (e.id === 'd' ? { ...e, tieBreak: 0 } : e.id === 'c' ? { ...e, tieBreak: 1 } : e)));
    expect(broken.entries.map((e) => [e.id, e.rank, e.tie])).toEqual([
      ['a', 1, null],
      ['d', 2, 'resolved'],
      ['c', 3, 'resolved'],
      ['b', 4, null],
    ]);
    expect(broken.unresolvedTies).toEqual([]);
  });

  it('treats a tie as unresolved when only part of the group was ordered', () => {
    const result = rankEntries([{ id: 'x', weight: 1 }], 10, [
      { id: 'a', tieBreak: 0, reviews: [{ userId: 'r', scores: { x: 5 } }] },
      { id: 'b', tieBreak: null, reviews: [{ userId: 'r', scores: { x: 5 } }] },
      { id: 'c', tieBreak: 0, reviews: [{ userId: 'r', scores: { x: 5 } }] },
    ]);
    expect(result.unresolvedTies).toEqual([['a', 'b', 'c']]);
  });

  it('flags disagreement per entry', () => {
    const result = rankEntries(criteria, 5, [{ id: 'a', tieBreak: null, reviews: [review('r', 5, 3, 3, 3, 3), review('s', 1, 3, 3, 3, 1)] }]);
    expect(result.entries[0]!.disagreement).toEqual(['relevance', 'sustainability']);
  });
});
