import { sql } from 'kysely';
import type { Db } from './db';

/** Stands in for an empty id list in `in (…)`, which SQL does not allow; matches nothing. */
const NO_ID = '00000000-0000-0000-0000-000000000000';

/** What the search indexes are built from; only published plans and ideas are ever read here. */

export interface MeasureSourceRow {
  id: string;
  plan_id: string;
  plan_title: string;
  plan_language: string;
  code: string;
  title: string;
  description: string;
  objective_title: string | null;
  priority_title: string | null;
  organisation_id: string;
  organisation_name: string;
  country: string;
  territory_code: string | null;
  territory_level: string | null;
  territory_name_local: string | null;
  territory_name_en: string | null;
  parent_code: string | null;
  parent_name_local: string | null;
  parent_name_en: string | null;
  period_start: number;
  period_end: number;
}

export interface MeasureSourceQuery {
  planIds?: string[];
  measureIds?: string[];
  /** Keyset pagination by measure id. */
  afterId?: string;
  limit: number;
}

export async function listMeasureSources(db: Db, query: MeasureSourceQuery): Promise<MeasureSourceRow[]> {
  let q = db
    .selectFrom('plan_items as m')
    .innerJoin('plans as p', 'p.id', 'm.plan_id')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .leftJoin('plan_items as obj', 'obj.id', 'm.parent_id')
    .leftJoin('plan_items as pri', 'pri.id', 'obj.parent_id')
    .leftJoin('territories as t', 't.code', 'o.territory_code')
    .leftJoin('territories as parent', 'parent.code', 't.parent_code')
    .select([
      'm.id',
      'm.plan_id',
      'p.title as plan_title',
      'p.language as plan_language',
      'm.code',
      'm.title',
      'm.description',
      'obj.title as objective_title',
      'pri.title as priority_title',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'o.country',
      'o.territory_code',
      't.level as territory_level',
      't.name_local as territory_name_local',
      't.name_en as territory_name_en',
      't.parent_code',
      'parent.name_local as parent_name_local',
      'parent.name_en as parent_name_en',
      'p.period_start',
      'p.period_end',
    ])
    .where('m.level', '=', 'measure')
    .where('p.status', '=', 'published');
  if (query.planIds) q = q.where('m.plan_id', 'in', query.planIds.length ? query.planIds : [NO_ID]);
  if (query.measureIds) q = q.where('m.id', 'in', query.measureIds.length ? query.measureIds : [NO_ID]);
  if (query.afterId) q = q.where('m.id', '>', query.afterId);
  return q.orderBy('m.id').limit(query.limit).execute();
}

export async function countPublishedMeasures(db: Db): Promise<number> {
  const row = await db
    .selectFrom('plan_items as m')
    .innerJoin('plans as p', 'p.id', 'm.plan_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('m.level', '=', 'measure')
    .where('p.status', '=', 'published')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface IdeaSourceRow {
  id: string;
  title: string;
  summary: string;
  problem: string;
  overall_objective: string;
  specific_objectives: string[];
  target_groups: string[];
  expected_results: string[];
  main_activities: string[];
  themes: string[];
  language: string;
  organisation_id: string;
  organisation_name: string;
  published_at: Date | null;
  /** [code, parent code, country, local name, English name] per place. */
  places: Array<[string, string | null, string, string, string]>;
}

export async function listIdeaSources(db: Db, query: { ids?: string[]; organisationId?: string; afterId?: string; limit: number }): Promise<IdeaSourceRow[]> {
  let q = db
    .selectFrom('ideas')
    .innerJoin('organisations as o', 'o.id', 'ideas.organisation_id')
    .select([
      'ideas.id',
      'ideas.title',
      'ideas.summary',
      'ideas.problem',
      'ideas.overall_objective',
      'ideas.specific_objectives',
      'ideas.target_groups',
      'ideas.expected_results',
      'ideas.main_activities',
      'ideas.themes',
      'ideas.language',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'ideas.published_at',
      sql<IdeaSourceRow['places']>`coalesce((
        select json_agg(json_build_array(t.code, t.parent_code, t.country, t.name_local, t.name_en) order by t.code)
        from idea_places ip join territories t on t.code = ip.territory_code where ip.idea_id = ideas.id), '[]'::json)`.as('places'),
    ])
    .where('ideas.status', '=', 'published');
  if (query.ids) q = q.where('ideas.id', 'in', query.ids.length ? query.ids : [NO_ID]);
  if (query.organisationId) {
    const org = query.organisationId;
    q = q.where((eb) =>
      eb.or([eb('ideas.organisation_id', '=', org), eb('ideas.id', 'in', eb.selectFrom('idea_coauthors').select('idea_id').where('organisation_id', '=', org))]),
    );
  }
  if (query.afterId) q = q.where('ideas.id', '>', query.afterId);
  return q.orderBy('ideas.id').limit(query.limit).execute();
}

export async function countPublishedIdeas(db: Db): Promise<number> {
  const row = await db.selectFrom('ideas').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'published').executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface OrganisationSourceRow {
  id: string;
  name: string;
  description: string;
  kind: string;
  country: string;
  territory_code: string | null;
  verification_status: string;
  territory_level: string | null;
  territory_name_local: string | null;
  territory_name_en: string | null;
  parent_code: string | null;
}

export async function listOrganisationSources(db: Db, query: { ids?: string[]; afterId?: string; limit: number }): Promise<OrganisationSourceRow[]> {
  let q = db
    .selectFrom('organisations as o')
    .leftJoin('territories as t', 't.code', 'o.territory_code')
    .select([
      'o.id',
      'o.name',
      'o.description',
      'o.kind',
      'o.country',
      'o.territory_code',
      'o.verification_status',
      't.level as territory_level',
      't.name_local as territory_name_local',
      't.name_en as territory_name_en',
      't.parent_code',
    ]);
  if (query.ids) q = q.where('o.id', 'in', query.ids.length ? query.ids : [NO_ID]);
  if (query.afterId) q = q.where('o.id', '>', query.afterId);
  return q.orderBy('o.id').limit(query.limit).execute();
}

export async function countOrganisations(db: Db): Promise<number> {
  const row = await db.selectFrom('organisations').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Plans owned by an organisation (its name and place are part of their measures' documents). */
export async function planIdsOfOrganisation(db: Db, organisationId: string): Promise<string[]> {
  return (await db.selectFrom('plans').select('id').where('organisation_id', '=', organisationId).execute()).map((r) => r.id);
}

/** The plan an item belongs to. */
export async function planOfItem(db: Db, itemId: string): Promise<string | undefined> {
  return (await db.selectFrom('plan_items').select('plan_id').where('id', '=', itemId).executeTakeFirst())?.plan_id;
}

export interface EventSourceRow {
  id: string;
  title: string;
  description: string;
  kind: string;
  language: string;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  status: string;
  organisation_id: string;
  organisation_name: string;
  organisation_country: string;
  municipality_code: string | null;
  municipality_country: string | null;
  municipality_parent: string | null;
  municipality_name_local: string | null;
  municipality_name_en: string | null;
  place_address: string | null;
}

/** Published and cancelled events (a cancelled one stays findable, marked as such); drafts never. */
export async function listEventSources(db: Db, query: { ids?: string[]; organisationId?: string; afterId?: string; limit: number }): Promise<EventSourceRow[]> {
  let q = db
    .selectFrom('events as e')
    .innerJoin('organisations as o', 'o.id', 'e.organisation_id')
    .leftJoin('territories as t', 't.code', 'e.municipality_code')
    .select([
      'e.id',
      'e.title',
      'e.description',
      'e.kind',
      'e.language',
      'e.starts_at',
      'e.ends_at',
      'e.time_zone',
      'e.status',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'o.country as organisation_country',
      'e.municipality_code',
      't.country as municipality_country',
      't.parent_code as municipality_parent',
      't.name_local as municipality_name_local',
      't.name_en as municipality_name_en',
      'e.place_address',
    ])
    .where('e.status', 'in', ['published', 'cancelled']);
  if (query.ids) q = q.where('e.id', 'in', query.ids.length ? query.ids : [NO_ID]);
  if (query.organisationId) q = q.where('e.organisation_id', '=', query.organisationId);
  if (query.afterId) q = q.where('e.id', '>', query.afterId);
  return q.orderBy('e.id').limit(query.limit).execute();
}

export async function countSearchableEvents(db: Db): Promise<number> {
  const row = await db.selectFrom('events').select((eb) => eb.fn.countAll<string>().as('n')).where('status', 'in', ['published', 'cancelled']).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface NewsSourceRow {
  id: string;
  title: string;
  summary: string;
  body: string;
  language: string;
  published_at: Date | null;
  organisation_id: string | null;
  organisation_name: string | null;
  organisation_country: string | null;
}

/** Published news posts that no moderator has hidden. */
export async function listNewsSources(db: Db, query: { ids?: string[]; organisationId?: string; afterId?: string; limit: number }): Promise<NewsSourceRow[]> {
  let q = db
    .selectFrom('news_posts as n')
    .leftJoin('organisations as o', 'o.id', 'n.organisation_id')
    .select(['n.id', 'n.title', 'n.summary', 'n.body', 'n.language', 'n.published_at', 'n.organisation_id', 'o.name as organisation_name', 'o.country as organisation_country'])
    .where('n.status', '=', 'published')
    .where('n.hidden_at', 'is', null);
  if (query.ids) q = q.where('n.id', 'in', query.ids.length ? query.ids : [NO_ID]);
  if (query.organisationId) q = q.where('n.organisation_id', '=', query.organisationId);
  if (query.afterId) q = q.where('n.id', '>', query.afterId);
  return q.orderBy('n.id').limit(query.limit).execute();
}

export async function countSearchableNews(db: Db): Promise<number> {
  const row = await db.selectFrom('news_posts').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'published').where('hidden_at', 'is', null).executeTakeFirst();
  return Number(row?.n ?? 0);
}
