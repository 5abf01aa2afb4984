import { sql, type ExpressionBuilder } from 'kysely';
import type { Database, Idea, IdeaStatus, IdeaUpdate, NewIdea } from '../tables';
import { decodeCursor, encodeCursor, likePattern, type Db } from './db';
import type { Page } from './organisations';

export interface IdeaFilter {
  country?: string;
  region?: string;
  municipality?: string;
  /** Any of these themes. */
  themes?: string[];
  status?: IdeaStatus;
  /** Owned or co-authored by this organisation. */
  organisationId?: string;
  /** Linked (proposed or confirmed) to a measure of a plan whose period covers this year. */
  planYear?: number;
  text?: string;
  /** Only ideas of organisations this user belongs to. */
  mineOf?: string;
  /** Who is looking: drafts are visible only to members of the owning or co-authoring organisations. */
  viewerId?: string;
}

export interface IdeaListRow extends Idea {
  organisation_name: string;
  places: string[];
  confirmed_links: number;
}

/** Organisations the user belongs to, as a subquery. */
const orgsOf = (eb: ExpressionBuilder<Database, 'ideas'>, userId: string) =>
  eb.selectFrom('memberships').select('memberships.organisation_id').where('memberships.user_id', '=', userId);

/** Ideas owned or co-authored by the given organisations (subquery of organisation ids). */
function ofOrganisations(eb: ExpressionBuilder<Database, 'ideas'>, orgIds: ReturnType<typeof orgsOf> | string) {
  const ids = typeof orgIds === 'string' ? [orgIds] : orgIds;
  return eb.or([
    eb('ideas.organisation_id', 'in', ids),
    eb('ideas.id', 'in', eb.selectFrom('idea_coauthors').select('idea_coauthors.idea_id').where('idea_coauthors.organisation_id', 'in', ids)),
  ]);
}

function ideaRows(db: Db) {
  return db.selectFrom('ideas').innerJoin('organisations', 'organisations.id', 'ideas.organisation_id').selectAll('ideas').select('organisations.name as organisation_name');
}

/**
 * Adds places and confirmed-link counts to a page of ideas with two small queries over the page's ids,
 * rather than correlated subqueries the planner may run for every candidate row before the limit.
 */
async function withPlacesAndLinks(db: Db, rows: Array<Idea & { organisation_name: string }>): Promise<IdeaListRow[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [places, links] = await Promise.all([
    db.selectFrom('idea_places').select(['idea_id', 'territory_code']).where('idea_id', 'in', ids).orderBy('territory_code').execute(),
    db
      .selectFrom('idea_measure_links')
      .select(['idea_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('idea_id', 'in', ids)
      .where('status', '=', 'confirmed')
      .groupBy('idea_id')
      .execute(),
  ]);
  const placesOf = new Map<string, string[]>();
  for (const p of places) placesOf.set(p.idea_id, [...(placesOf.get(p.idea_id) ?? []), p.territory_code]);
  const linksOf = new Map(links.map((l) => [l.idea_id, Number(l.n)]));
  return rows.map((r) => ({ ...r, places: placesOf.get(r.id) ?? [], confirmed_links: linksOf.get(r.id) ?? 0 }));
}

export async function findIdea(db: Db, id: string): Promise<IdeaListRow | undefined> {
  const row = await ideaRows(db).where('ideas.id', '=', id).executeTakeFirst();
  return row && (await withPlacesAndLinks(db, [row]))[0];
}

/** Newest first; the cursor carries the creation time and id of the last row shown. */
export async function listIdeas(db: Db, filter: IdeaFilter, limit: number, cursor?: string): Promise<Page<IdeaListRow> | null> {
  let q = ideaRows(db);
  if (filter.status) q = q.where('ideas.status', '=', filter.status);
  else q = q.where('ideas.status', '!=', 'archived');
  const viewer = filter.viewerId;
  q = q.where((eb) => eb.or([eb('ideas.status', '!=', 'draft'), ...(viewer ? [ofOrganisations(eb, orgsOf(eb, viewer))] : [])]));
  if (filter.mineOf) {
    const me = filter.mineOf;
    q = q.where((eb) => ofOrganisations(eb, orgsOf(eb, me)));
  }
  if (filter.organisationId) {
    const orgId = filter.organisationId;
    q = q.where((eb) => ofOrganisations(eb, orgId));
  }
  if (filter.themes?.length) q = q.where(sql<boolean>`ideas.themes && ${sql.val(filter.themes)}::text[]`);
  if (filter.municipality) {
    const code = filter.municipality;
    q = q.where('ideas.id', 'in', (eb) => eb.selectFrom('idea_places').select('idea_id').where('territory_code', '=', code));
  }
  if (filter.region) {
    const region = filter.region;
    q = q.where('ideas.id', 'in', (eb) =>
      eb
        .selectFrom('idea_places')
        .innerJoin('territories', 'territories.code', 'idea_places.territory_code')
        .select('idea_places.idea_id')
        .where((w) => w.or([w('territories.code', '=', region), w('territories.parent_code', '=', region)])),
    );
  }
  if (filter.country) {
    const country = filter.country;
    q = q.where((eb) =>
      eb.or([
        eb('organisations.country', '=', country as 'BG'),
        eb(
          'ideas.id',
          'in',
          eb
            .selectFrom('idea_places')
            .innerJoin('territories', 'territories.code', 'idea_places.territory_code')
            .select('idea_places.idea_id')
            .where('territories.country', '=', country),
        ),
      ]),
    );
  }
  if (filter.planYear !== undefined) {
    const year = filter.planYear;
    q = q.where('ideas.id', 'in', (eb) =>
      eb
        .selectFrom('idea_measure_links')
        .innerJoin('plan_items', 'plan_items.id', 'idea_measure_links.measure_id')
        .innerJoin('plans', 'plans.id', 'plan_items.plan_id')
        .select('idea_measure_links.idea_id')
        .where('idea_measure_links.status', '!=', 'rejected')
        .where('plans.period_start', '<=', year)
        .where('plans.period_end', '>=', year),
    );
  }
  if (filter.text) {
    const pattern = likePattern(filter.text);
    q = q.where((eb) => eb.or([eb('ideas.title', 'ilike', pattern), eb('ideas.summary', 'ilike', pattern), eb('ideas.problem', 'ilike', pattern)]));
  }
  if (cursor) {
    const after = decodeCursor(cursor);
    const at = after ? new Date(after[0]) : new Date(NaN);
    if (!after || Number.isNaN(at.getTime())) return null;
    const id = after[1];
    q = q.where((eb) => eb.or([eb('ideas.created_at', '<', at), eb.and([eb('ideas.created_at', '=', at), eb('ideas.id', '<', id)])]));
  }
  const rows = await q.orderBy('ideas.created_at', 'desc').orderBy('ideas.id', 'desc').limit(limit + 1).execute();
  const items = await withPlacesAndLinks(db, rows.slice(0, limit));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.created_at.toISOString(), last.id) : null };
}

export function insertIdea(db: Db, idea: NewIdea): Promise<Idea> {
  return db.insertInto('ideas').values(idea).returningAll().executeTakeFirstOrThrow();
}

export function updateIdea(db: Db, id: string, expectedVersion: number, changes: IdeaUpdate): Promise<Idea | undefined> {
  return db
    .updateTable('ideas')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteIdea(db: Db, id: string): Promise<void> {
  await db.deleteFrom('ideas').where('id', '=', id).execute();
}

export async function replacePlaces(db: Db, ideaId: string, codes: string[]): Promise<void> {
  await db.deleteFrom('idea_places').where('idea_id', '=', ideaId).execute();
  if (codes.length) await db.insertInto('idea_places').values(codes.map((territory_code) => ({ idea_id: ideaId, territory_code }))).execute();
}

// ---- co-authors ----

export function listCoauthors(db: Db, ideaId: string) {
  return db
    .selectFrom('idea_coauthors')
    .innerJoin('organisations', 'organisations.id', 'idea_coauthors.organisation_id')
    .select(['organisations.id', 'organisations.name', 'organisations.kind'])
    .where('idea_coauthors.idea_id', '=', ideaId)
    .orderBy('organisations.name')
    .execute();
}

export async function addCoauthor(db: Db, ideaId: string, organisationId: string, addedBy: string): Promise<boolean> {
  const result = await db
    .insertInto('idea_coauthors')
    .values({ idea_id: ideaId, organisation_id: organisationId, added_by: addedBy })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function removeCoauthor(db: Db, ideaId: string, organisationId: string): Promise<boolean> {
  const result = await db.deleteFrom('idea_coauthors').where('idea_id', '=', ideaId).where('organisation_id', '=', organisationId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The user's strongest role among the idea's owning and co-authoring organisations. */
export async function roleInIdea(db: Db, ideaId: string, userId: string): Promise<'owner' | 'editor' | 'member' | null> {
  const rows = await db
    .selectFrom('memberships')
    .select('role')
    .where('user_id', '=', userId)
    .where((eb) =>
      eb.or([
        eb('organisation_id', '=', eb.selectFrom('ideas').select('organisation_id').where('id', '=', ideaId)),
        eb('organisation_id', 'in', eb.selectFrom('idea_coauthors').select('organisation_id').where('idea_id', '=', ideaId)),
      ]),
    )
    .execute();
  const order = ['owner', 'editor', 'member'] as const;
  return order.find((r) => rows.some((row) => row.role === r)) ?? null;
}

/** Owners and editors of the idea's owning and co-authoring organisations: the idea side. */
export async function ideaEditorIds(db: Db, ideaId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .distinct()
    .where('role', 'in', ['owner', 'editor'])
    .where((eb) =>
      eb.or([
        eb('organisation_id', '=', eb.selectFrom('ideas').select('organisation_id').where('id', '=', ideaId)),
        eb('organisation_id', 'in', eb.selectFrom('idea_coauthors').select('organisation_id').where('idea_id', '=', ideaId)),
      ]),
    )
    .execute();
  return rows.map((r) => r.user_id);
}
