import type { IdeaMeasureLink, LinkStatus, NewIdeaMeasureLink } from '../tables';
import type { Db } from './db';

export interface LinkRow extends IdeaMeasureLink {
  idea_title: string;
  idea_status: string;
  idea_organisation_id: string;
  measure_code: string;
  measure_title: string;
  plan_id: string;
  plan_title: string;
  plan_organisation_id: string;
}

function linkRows(db: Db) {
  return db
    .selectFrom('idea_measure_links')
    .innerJoin('ideas', 'ideas.id', 'idea_measure_links.idea_id')
    .innerJoin('plan_items', 'plan_items.id', 'idea_measure_links.measure_id')
    .innerJoin('plans', 'plans.id', 'plan_items.plan_id')
    .selectAll('idea_measure_links')
    .select([
      'ideas.title as idea_title',
      'ideas.status as idea_status',
      'ideas.organisation_id as idea_organisation_id',
      'plan_items.code as measure_code',
      'plan_items.title as measure_title',
      'plans.id as plan_id',
      'plans.title as plan_title',
      'plans.organisation_id as plan_organisation_id',
    ]);
}

export function findLink(db: Db, id: string): Promise<LinkRow | undefined> {
  return linkRows(db).where('idea_measure_links.id', '=', id).executeTakeFirst();
}

export function findLinkByPair(db: Db, ideaId: string, measureId: string): Promise<LinkRow | undefined> {
  return linkRows(db).where('idea_measure_links.idea_id', '=', ideaId).where('idea_measure_links.measure_id', '=', measureId).executeTakeFirst();
}

export function listLinksOfIdea(db: Db, ideaId: string): Promise<LinkRow[]> {
  return linkRows(db).where('idea_measure_links.idea_id', '=', ideaId).orderBy('plan_items.code').execute();
}

export function listLinksOfPlan(db: Db, planId: string, status?: LinkStatus): Promise<LinkRow[]> {
  let q = linkRows(db).where('plans.id', '=', planId);
  if (status) q = q.where('idea_measure_links.status', '=', status);
  return q.orderBy('plan_items.code').orderBy('idea_measure_links.created_at').limit(1000).execute();
}

export async function insertLink(db: Db, link: NewIdeaMeasureLink): Promise<string> {
  const row = await db.insertInto('idea_measure_links').values(link).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function setLinkStatus(db: Db, id: string, status: LinkStatus, decidedBy: string | null, at: Date | null): Promise<void> {
  await db.updateTable('idea_measure_links').set({ status, decided_by: decidedBy, decided_at: at }).where('id', '=', id).execute();
}

/** Re-proposing a rejected link starts it over from the new side. */
export async function reproposeLink(db: Db, id: string, side: 'idea' | 'plan', userId: string, note: string): Promise<void> {
  await db
    .updateTable('idea_measure_links')
    .set({ status: 'proposed', proposed_by_side: side, proposed_by: userId, note, decided_by: null, decided_at: null })
    .where('id', '=', id)
    .execute();
}

export async function deleteLink(db: Db, id: string): Promise<void> {
  await db.deleteFrom('idea_measure_links').where('id', '=', id).execute();
}

/** Confirmed links per plan item (measures), for the plan tree's counts. */
export async function confirmedCountsByMeasure(db: Db, planId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('idea_measure_links')
    .innerJoin('plan_items', 'plan_items.id', 'idea_measure_links.measure_id')
    .innerJoin('ideas', 'ideas.id', 'idea_measure_links.idea_id')
    .select(['idea_measure_links.measure_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('plan_items.plan_id', '=', planId)
    .where('idea_measure_links.status', '=', 'confirmed')
    .where('ideas.status', '=', 'published')
    .groupBy('idea_measure_links.measure_id')
    .execute();
  return new Map(rows.map((r) => [r.measure_id, Number(r.n)]));
}
