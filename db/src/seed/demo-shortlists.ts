import type { Db } from '../repositories/db';
import { insertEntry, insertRound, replaceCriteria, replaceReviewers, saveReview, setDecision, listCriteria } from '../repositories/shortlists';

/**
 * A published review round of the demo regional council (BG-04): four ideas of the region, scored by two council
 * members (one of them in an automatic conflict of interest with a municipality's idea), decided and published.
 */
export async function seedDemoShortlists(trx: Db, ids: { councilId: string; editorId: string; reviewerIds: [string, string]; ideaIds: string[] }) {
  const [stefan, vesela] = ids.reviewerIds;
  const roundId = await insertRound(trx, {
    organisation_id: ids.councilId,
    title: 'Покана за съвместни проектни идеи 2026',
    description: 'Регионалният съвет събира идеи от общините и организациите в областта и подбира кратък списък за подготовка на съвместни проекти.',
    region_code: 'BG-04',
    call_start: '2026-01-15',
    call_end: '2026-03-31',
    scale: 5,
    blind: true,
    status: 'published',
    created_by: ids.editorId,
    published_at: new Date(),
  });
  await replaceCriteria(trx, roundId, [
    { name: 'Съответствие с приоритетите на плана', description: '', weight: 30 },
    { name: 'Партньорство', description: '', weight: 20 },
    { name: 'Изпълнимост', description: '', weight: 20 },
    { name: 'Реалистичност на бюджета', description: '', weight: 15 },
    { name: 'Устойчивост', description: '', weight: 15 },
  ]);
  await replaceReviewers(trx, roundId, [stefan, vesela]);
  const criteria = await listCriteria(trx, roundId);
  const score = (entryId: string, userId: string, values: number[]) =>
    saveReview(trx, entryId, userId, criteria.map((c, i) => ({ criterionId: c.id, score: values[i]!, comment: '' })), new Date());

  // Demo ideas by their position in demo-ideas.json: 1 and 4 (community centre NGO), 29 (trail camps), 7 (a municipality's).
  const plan: Array<{ idea: number; scores: Array<[string, number[]]>; decision: 'shortlisted' | 'rejected' | 'deferred'; reason: string }> = [
    { idea: 1, scores: [[stefan, [4, 4, 3, 3, 4]], [vesela, [5, 4, 4, 3, 4]]], decision: 'shortlisted', reason: '' },
    { idea: 4, scores: [[stefan, [3, 3, 4, 4, 3]], [vesela, [3, 2, 4, 4, 3]]], decision: 'shortlisted', reason: '' },
    { idea: 29, scores: [[stefan, [4, 5, 3, 2, 3]], [vesela, [2, 4, 3, 3, 3]]], decision: 'deferred', reason: 'Нужен е партньор от общината и уточнен бюджет.' },
    // Stefan owns the municipality behind this idea, so only Vesela scores it.
    { idea: 7, scores: [[vesela, [3, 3, 3, 3, 3]]], decision: 'rejected', reason: 'Извън приоритетите на тази покана.' },
  ];
  for (const p of plan) {
    const ideaId = ids.ideaIds[p.idea];
    if (!ideaId) continue;
    const entryId = await insertEntry(trx, { roundId, ideaId, addedBy: ids.editorId, side: 'council' });
    for (const [userId, values] of p.scores) await score(entryId, userId, values);
    await setDecision(trx, entryId, p.decision, p.reason, ids.editorId, new Date());
  }
}
