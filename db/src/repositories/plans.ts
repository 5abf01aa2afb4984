import { sql } from 'kysely';
import type { NewPlan, NewPlanItem, Plan, PlanItem, PlanItemUpdate, PlanStatus, PlanUpdate } from '../tables';
import { decodeCursor, encodeCursor, likePattern, type Db } from './db';
import type { Page } from './organisations';

export interface PlanFilter {
  organisationId?: string;
  country?: string;
  region?: string;
  municipality?: string;
  status?: PlanStatus;
  /** Plans whose period covers this year. */
  year?: number;
  text?: string;
  /** Drafts are listed only for organisations this user belongs to. */
  viewerId?: string;
}

export interface PlanSummary extends Plan {
  organisation_name: string;
  organisation_kind: string;
  country: string;
  territory_code: string | null;
  measure_count: number;
}

function planSummaries(db: Db) {
  return db
    .selectFrom('plans')
    .innerJoin('organisations', 'organisations.id', 'plans.organisation_id')
    .selectAll('plans')
    .select([
      'organisations.name as organisation_name',
      'organisations.kind as organisation_kind',
      'organisations.country',
      'organisations.territory_code',
      (eb) =>
        eb
          .selectFrom('plan_items')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('plan_items.plan_id', '=', 'plans.id')
          .where('plan_items.level', '=', 'measure')
          .as('measure_count'),
    ]);
}

const toSummary = (row: Omit<PlanSummary, 'measure_count'> & { measure_count: string | number | null }): PlanSummary => ({
  ...row,
  measure_count: Number(row.measure_count ?? 0),
});

export async function findPlan(db: Db, id: string): Promise<PlanSummary | undefined> {
  const row = await planSummaries(db).where('plans.id', '=', id).executeTakeFirst();
  return row && toSummary(row);
}

export function insertPlan(db: Db, plan: NewPlan): Promise<Plan> {
  return db.insertInto('plans').values(plan).returningAll().executeTakeFirstOrThrow();
}

export function updatePlan(db: Db, id: string, expectedVersion: number, changes: PlanUpdate): Promise<Plan | undefined> {
  return db
    .updateTable('plans')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export async function deletePlan(db: Db, id: string): Promise<void> {
  await db.deleteFrom('plans').where('id', '=', id).execute();
}

/** Newest period first, then title; the cursor carries "<period_start>|<title>" and the id. */
export async function listPlans(db: Db, filter: PlanFilter, limit: number, cursor?: string): Promise<Page<PlanSummary> | null> {
  let q = planSummaries(db);
  if (filter.organisationId) q = q.where('plans.organisation_id', '=', filter.organisationId);
  if (filter.country) q = q.where('organisations.country', '=', filter.country as 'BG');
  if (filter.municipality) q = q.where('organisations.territory_code', '=', filter.municipality);
  if (filter.region) {
    const region = filter.region;
    q = q.where((eb) =>
      eb.or([
        eb('organisations.territory_code', '=', region),
        eb('organisations.territory_code', 'in', eb.selectFrom('territories').select('code').where('parent_code', '=', region)),
      ]),
    );
  }
  if (filter.year !== undefined) q = q.where('plans.period_start', '<=', filter.year).where('plans.period_end', '>=', filter.year);
  if (filter.text) {
    const pattern = likePattern(filter.text);
    q = q.where((eb) => eb.or([eb('plans.title', 'ilike', pattern), eb('plans.description', 'ilike', pattern)]));
  }
  q = filter.status ? q.where('plans.status', '=', filter.status) : q;
  // Drafts only for members of the owning organisation.
  q = q.where((eb) =>
    eb.or([
      eb('plans.status', '!=', 'draft'),
      ...(filter.viewerId
        ? [eb('plans.organisation_id', 'in', eb.selectFrom('memberships').select('organisation_id').where('user_id', '=', filter.viewerId))]
        : []),
    ]),
  );
  if (cursor) {
    const after = decodeCursor(cursor);
    const [start, title] = after ? splitKey(after[0]) : [NaN, ''];
    if (!after || Number.isNaN(start)) return null;
    const id = after[1];
    q = q.where((eb) =>
      eb.or([
        eb('plans.period_start', '<', start),
        eb.and([eb('plans.period_start', '=', start), eb('plans.title', '>', title)]),
        eb.and([eb('plans.period_start', '=', start), eb('plans.title', '=', title), eb('plans.id', '>', id)]),
      ]),
    );
  }
  const rows = (await q.orderBy('plans.period_start', 'desc').orderBy('plans.title').orderBy('plans.id').limit(limit + 1).execute()).map(toSummary);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(`${last.period_start}|${last.title}`, last.id) : null };
}

function splitKey(key: string): [number, string] {
  const at = key.indexOf('|');
  return [Number(key.slice(0, at)), key.slice(at + 1)];
}

// ---- items ----

export function listPlanItems(db: Db, planId: string): Promise<PlanItem[]> {
  return db.selectFrom('plan_items').selectAll().where('plan_id', '=', planId).orderBy('position').orderBy('code').execute();
}

export function findPlanItem(db: Db, id: string): Promise<PlanItem | undefined> {
  return db.selectFrom('plan_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPlanItemByCode(db: Db, planId: string, code: string): Promise<PlanItem | undefined> {
  return db.selectFrom('plan_items').selectAll().where('plan_id', '=', planId).where('code', '=', code).executeTakeFirst();
}

export function insertPlanItem(db: Db, item: NewPlanItem): Promise<PlanItem> {
  return db.insertInto('plan_items').values(item).returningAll().executeTakeFirstOrThrow();
}

export function updatePlanItem(db: Db, id: string, expectedVersion: number, changes: PlanItemUpdate): Promise<PlanItem | undefined> {
  return db
    .updateTable('plan_items')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export async function deletePlanItem(db: Db, id: string): Promise<void> {
  await db.deleteFrom('plan_items').where('id', '=', id).execute();
}

export async function nextPosition(db: Db, planId: string, parentId: string | null): Promise<number> {
  const row = await db
    .selectFrom('plan_items')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('plan_id', '=', planId)
    .where((eb) => (parentId ? eb('parent_id', '=', parentId) : eb('parent_id', 'is', null)))
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export async function setPositions(db: Db, planId: string, orderedIds: string[]): Promise<void> {
  for (const [position, id] of orderedIds.entries()) {
    await db.updateTable('plan_items').set({ position }).where('id', '=', id).where('plan_id', '=', planId).execute();
  }
}

export interface ImportRow {
  code: string;
  level: PlanItem['level'];
  parentCode: string | null;
  title: string;
  description: string;
  indicators: string[];
  budget: string | null;
  currency: string | null;
  position: number;
}

/**
 * Inserts or updates (by code) a whole level of items in one statement; returns how many were
 * created and updated (rows whose content is identical are left alone and counted as neither).
 */
export async function upsertPlanItems(
  db: Db,
  planId: string,
  rows: ImportRow[],
  parentIds: Map<string, string>,
): Promise<{ created: number; updated: number; ids: Map<string, string> }> {
  const ids = new Map<string, string>();
  let created = 0;
  let updated = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    const result = await db
      .insertInto('plan_items')
      .values(
        batch.map((r) => ({
          plan_id: planId,
          parent_id: r.parentCode ? (parentIds.get(r.parentCode) ?? null) : null,
          level: r.level,
          code: r.code,
          title: r.title,
          description: r.description,
          indicators: r.indicators,
          budget_amount: r.budget,
          currency: r.currency,
          position: r.position,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['plan_id', 'code'])
          .doUpdateSet((eb) => ({
            parent_id: eb.ref('excluded.parent_id'),
            level: eb.ref('excluded.level'),
            title: eb.ref('excluded.title'),
            description: eb.ref('excluded.description'),
            indicators: eb.ref('excluded.indicators'),
            budget_amount: eb.ref('excluded.budget_amount'),
            currency: eb.ref('excluded.currency'),
            position: eb.ref('excluded.position'),
            version: sql<number>`plan_items.version + 1`,
            updated_at: new Date(),
          }))
          .where(
            sql<boolean>`(plan_items.parent_id, plan_items.level, plan_items.title, plan_items.description, plan_items.indicators, plan_items.budget_amount, plan_items.currency, plan_items.position)
              is distinct from (excluded.parent_id, excluded.level, excluded.title, excluded.description, excluded.indicators, excluded.budget_amount, excluded.currency, excluded.position)`,
          ),
      )
      // xmax is 0 only for a freshly inserted row: it tells inserts from updates.
      .returning(['id', 'code', sql<boolean>`xmax = 0`.as('inserted')])
      .execute();
    for (const row of result) {
      if (row.inserted) created++;
      else updated++;
    }
  }
  // Unchanged rows are not returned by the upsert, so read every id of this level once.
  const codes = rows.map((r) => r.code);
  for (let i = 0; i < codes.length; i += 1000) {
    const found = await db.selectFrom('plan_items').select(['id', 'code']).where('plan_id', '=', planId).where('code', 'in', codes.slice(i, i + 1000)).execute();
    for (const row of found) ids.set(row.code, row.id);
  }
  return { created, updated, ids };
}
