import { sql } from 'kysely';
import type { NewShortlistRound, ShortlistDecision, ShortlistRound, ShortlistStatus } from '../tables';
import { decodeCursor, encodeCursor, type Db } from './db';
import type { Page } from './organisations';

export interface RoundRow extends ShortlistRound {
  organisation_name: string;
  entry_count: number;
}

export interface RoundSetup {
  title: string;
  description: string;
  region_code: string | null;
  call_start: string | null;
  call_end: string | null;
  scale: number;
  blind: boolean;
}

export interface CriterionInput {
  name: string;
  description: string;
  weight: number;
}

export interface EntryRow {
  id: string;
  round_id: string;
  subject_kind: 'idea';
  idea_id: string;
  idea_title: string;
  idea_status: string;
  idea_organisation_id: string;
  idea_organisation_name: string;
  added_side: 'owner' | 'council';
  added_by: string;
  tie_break: number | null;
  decision: ShortlistDecision | null;
  decision_reason: string;
  decided_at: Date | null;
  created_at: Date;
}

export interface ScoreRow {
  entry_id: string;
  user_id: string;
  criterion_id: string;
  score: number;
  comment: string;
  submitted_at: Date;
}

function roundRows(db: Db) {
  return db
    .selectFrom('shortlist_rounds')
    .innerJoin('organisations', 'organisations.id', 'shortlist_rounds.organisation_id')
    .select([
      'shortlist_rounds.id',
      'shortlist_rounds.organisation_id',
      'shortlist_rounds.title',
      'shortlist_rounds.description',
      'shortlist_rounds.region_code',
      // Dates as written (YYYY-MM-DD), never shifted by a time zone.
      sql<string | null>`shortlist_rounds.call_start::text`.as('call_start'),
      sql<string | null>`shortlist_rounds.call_end::text`.as('call_end'),
      'shortlist_rounds.scale',
      'shortlist_rounds.blind',
      'shortlist_rounds.status',
      'shortlist_rounds.created_by',
      'shortlist_rounds.version',
      'shortlist_rounds.published_at',
      'shortlist_rounds.created_at',
      'shortlist_rounds.updated_at',
      'organisations.name as organisation_name',
      (eb) =>
        eb
          .selectFrom('shortlist_entries')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('shortlist_entries.round_id', '=', 'shortlist_rounds.id')
          .as('entry_count'),
    ]);
}

const toRound = (row: Omit<RoundRow, 'entry_count'> & { entry_count: string | number | null }): RoundRow => ({ ...row, entry_count: Number(row.entry_count ?? 0) });

export async function findRound(db: Db, id: string): Promise<RoundRow | undefined> {
  const row = await roundRows(db).where('shortlist_rounds.id', '=', id).executeTakeFirst();
  return row && toRound(row);
}

/** Locks the round row for the rest of the transaction, so status changes and scoring do not interleave. */
export async function lockRound(db: Db, id: string): Promise<void> {
  await db.selectFrom('shortlist_rounds').select('id').where('id', '=', id).forUpdate().execute();
}

export interface RoundFilter {
  /** Rounds of councils this user belongs to are listed in any status; others only when published. */
  viewerId?: string;
  status?: ShortlistStatus;
  region?: string;
  organisationId?: string;
}

/** Newest first. */
export async function listRounds(db: Db, filter: RoundFilter, limit: number, cursor?: string): Promise<Page<RoundRow> | null> {
  let q = roundRows(db);
  q = q.where((eb) => {
    const published = eb('shortlist_rounds.status', '=', 'published');
    if (!filter.viewerId) return published;
    return eb.or([
      published,
      eb('shortlist_rounds.organisation_id', 'in', eb.selectFrom('memberships').select('memberships.organisation_id').where('memberships.user_id', '=', filter.viewerId)),
    ]);
  });
  if (filter.status) q = q.where('shortlist_rounds.status', '=', filter.status);
  if (filter.region) q = q.where('shortlist_rounds.region_code', '=', filter.region);
  if (filter.organisationId) q = q.where('shortlist_rounds.organisation_id', '=', filter.organisationId);
  if (cursor) {
    const after = decodeCursor(cursor);
    const at = after ? new Date(after[0]) : new Date(NaN);
    if (!after || Number.isNaN(at.getTime())) return null;
    const id = after[1];
    q = q.where((eb) => eb.or([eb('shortlist_rounds.created_at', '<', at), eb.and([eb('shortlist_rounds.created_at', '=', at), eb('shortlist_rounds.id', '<', id)])]));
  }
  const rows = (await q.orderBy('shortlist_rounds.created_at', 'desc').orderBy('shortlist_rounds.id', 'desc').limit(limit + 1).execute()).map(toRound);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.created_at.toISOString(), last.id) : null };
}

/** Rounds collecting entries in one of these regions, or without a region in one of these countries, for an idea's page. */
export async function listOpenRounds(db: Db, regions: string[], countries: string[]): Promise<RoundRow[]> {
  if (regions.length === 0 && countries.length === 0) return [];
  const rows = await roundRows(db)
    .where('shortlist_rounds.status', '=', 'collecting')
    .where((eb) =>
      eb.or([
        ...(regions.length ? [eb('shortlist_rounds.region_code', 'in', regions)] : []),
        ...(countries.length ? [eb.and([eb('shortlist_rounds.region_code', 'is', null), eb('organisations.country', 'in', countries as Array<'BG' | 'AL' | 'AZ'>)])] : []),
      ]),
    )
    .orderBy('shortlist_rounds.created_at', 'desc')
    .limit(50)
    .execute();
  return rows.map(toRound);
}

export async function insertRound(db: Db, round: NewShortlistRound): Promise<string> {
  const row = await db.insertInto('shortlist_rounds').values(round).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Applies the setup only at the expected version; false when someone changed it meanwhile. */
export async function updateRound(db: Db, id: string, expectedVersion: number, setup: Partial<RoundSetup>, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('shortlist_rounds')
    .set({ ...setup, version: sql`version + 1`, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function setRoundStatus(db: Db, id: string, status: ShortlistStatus, at: Date): Promise<void> {
  await db
    .updateTable('shortlist_rounds')
    .set({ status, version: sql`version + 1`, updated_at: at, ...(status === 'published' && { published_at: at }) })
    .where('id', '=', id)
    .execute();
}

/** Bumps the version so cached copies (ETags) of the round go stale. */
export async function touchRound(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('shortlist_rounds').set({ version: sql`version + 1`, updated_at: at }).where('id', '=', id).execute();
}

export function listRoundPlans(db: Db, roundId: string) {
  return db
    .selectFrom('shortlist_round_plans')
    .innerJoin('plans', 'plans.id', 'shortlist_round_plans.plan_id')
    .select(['plans.id', 'plans.title', 'plans.status', 'plans.organisation_id', 'plans.period_start', 'plans.period_end'])
    .where('shortlist_round_plans.round_id', '=', roundId)
    .orderBy('plans.title')
    .execute();
}

export async function replaceRoundPlans(db: Db, roundId: string, planIds: string[]): Promise<void> {
  await db.deleteFrom('shortlist_round_plans').where('round_id', '=', roundId).execute();
  if (planIds.length) await db.insertInto('shortlist_round_plans').values(planIds.map((plan_id) => ({ round_id: roundId, plan_id }))).execute();
}

export function listCriteria(db: Db, roundId: string) {
  return db.selectFrom('shortlist_criteria').selectAll().where('round_id', '=', roundId).orderBy('position').execute();
}

export async function replaceCriteria(db: Db, roundId: string, criteria: CriterionInput[]): Promise<void> {
  await db.deleteFrom('shortlist_criteria').where('round_id', '=', roundId).execute();
  if (criteria.length) {
    await db
      .insertInto('shortlist_criteria')
      .values(criteria.map((c, position) => ({ round_id: roundId, position, name: c.name, description: c.description, weight: c.weight })))
      .execute();
  }
}

export function listReviewers(db: Db, roundId: string) {
  return db
    .selectFrom('shortlist_reviewers')
    .innerJoin('users', 'users.id', 'shortlist_reviewers.user_id')
    .select(['users.id', 'users.display_name'])
    .where('shortlist_reviewers.round_id', '=', roundId)
    .orderBy('users.display_name')
    .execute();
}

export async function replaceReviewers(db: Db, roundId: string, userIds: string[]): Promise<void> {
  await db.deleteFrom('shortlist_reviewers').where('round_id', '=', roundId).execute();
  if (userIds.length) await db.insertInto('shortlist_reviewers').values(userIds.map((user_id) => ({ round_id: roundId, user_id }))).execute();
}

export async function isReviewer(db: Db, roundId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('shortlist_reviewers').select('user_id').where('round_id', '=', roundId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

function entryRows(db: Db) {
  return db
    .selectFrom('shortlist_entries')
    .innerJoin('ideas', 'ideas.id', 'shortlist_entries.idea_id')
    .innerJoin('organisations', 'organisations.id', 'ideas.organisation_id')
    .select([
      'shortlist_entries.id',
      'shortlist_entries.round_id',
      'shortlist_entries.subject_kind',
      'ideas.id as idea_id',
      'ideas.title as idea_title',
      'ideas.status as idea_status',
      'ideas.organisation_id as idea_organisation_id',
      'organisations.name as idea_organisation_name',
      'shortlist_entries.added_side',
      'shortlist_entries.added_by',
      'shortlist_entries.tie_break',
      'shortlist_entries.decision',
      'shortlist_entries.decision_reason',
      'shortlist_entries.decided_at',
      'shortlist_entries.created_at',
    ]);
}

export function listEntries(db: Db, roundId: string): Promise<EntryRow[]> {
  return entryRows(db).where('shortlist_entries.round_id', '=', roundId).orderBy('shortlist_entries.created_at').orderBy('shortlist_entries.id').execute();
}

export function findEntry(db: Db, roundId: string, entryId: string): Promise<EntryRow | undefined> {
  return entryRows(db).where('shortlist_entries.round_id', '=', roundId).where('shortlist_entries.id', '=', entryId).executeTakeFirst();
}

export function findEntryByIdea(db: Db, roundId: string, ideaId: string): Promise<EntryRow | undefined> {
  return entryRows(db).where('shortlist_entries.round_id', '=', roundId).where('shortlist_entries.idea_id', '=', ideaId).executeTakeFirst();
}

export async function insertEntry(db: Db, entry: { roundId: string; ideaId: string; addedBy: string; side: 'owner' | 'council' }): Promise<string> {
  const row = await db
    .insertInto('shortlist_entries')
    .values({ round_id: entry.roundId, subject_kind: 'idea', idea_id: entry.ideaId, added_by: entry.addedBy, added_side: entry.side, decision_reason: '' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteEntry(db: Db, entryId: string): Promise<void> {
  await db.deleteFrom('shortlist_entries').where('id', '=', entryId).execute();
}

export async function setDecision(db: Db, entryId: string, decision: ShortlistDecision, reason: string, userId: string, at: Date): Promise<void> {
  await db.updateTable('shortlist_entries').set({ decision, decision_reason: reason, decided_by: userId, decided_at: at }).where('id', '=', entryId).execute();
}

/** Gives the entries of one tie group their order (0, 1, …). */
export async function setTieBreak(db: Db, roundId: string, orderedEntryIds: string[]): Promise<void> {
  for (const [position, id] of orderedEntryIds.entries()) {
    await db.updateTable('shortlist_entries').set({ tie_break: position }).where('id', '=', id).where('round_id', '=', roundId).execute();
  }
}

/** Every submitted score of the round, with when its review was submitted. */
export function listScores(db: Db, roundId: string): Promise<ScoreRow[]> {
  return db
    .selectFrom('shortlist_scores')
    .innerJoin('shortlist_reviews', (join) =>
      join.onRef('shortlist_reviews.entry_id', '=', 'shortlist_scores.entry_id').onRef('shortlist_reviews.user_id', '=', 'shortlist_scores.user_id'),
    )
    .innerJoin('shortlist_entries', 'shortlist_entries.id', 'shortlist_scores.entry_id')
    .select([
      'shortlist_scores.entry_id',
      'shortlist_scores.user_id',
      'shortlist_scores.criterion_id',
      'shortlist_scores.score',
      'shortlist_scores.comment',
      'shortlist_reviews.submitted_at',
    ])
    .where('shortlist_entries.round_id', '=', roundId)
    .execute();
}

/** Replaces a reviewer's review of an entry (all criteria at once). */
export async function saveReview(db: Db, entryId: string, userId: string, scores: Array<{ criterionId: string; score: number; comment: string }>, at: Date): Promise<void> {
  await db.deleteFrom('shortlist_reviews').where('entry_id', '=', entryId).where('user_id', '=', userId).execute();
  await db.insertInto('shortlist_reviews').values({ entry_id: entryId, user_id: userId, submitted_at: at }).execute();
  await db
    .insertInto('shortlist_scores')
    .values(scores.map((s) => ({ entry_id: entryId, user_id: userId, criterion_id: s.criterionId, score: s.score, comment: s.comment })))
    .execute();
}

export async function deleteReview(db: Db, entryId: string, userId: string): Promise<void> {
  await db.deleteFrom('shortlist_reviews').where('entry_id', '=', entryId).where('user_id', '=', userId).execute();
}

export function listConflicts(db: Db, roundId: string) {
  return db
    .selectFrom('shortlist_conflicts')
    .innerJoin('shortlist_entries', 'shortlist_entries.id', 'shortlist_conflicts.entry_id')
    .select(['shortlist_conflicts.entry_id', 'shortlist_conflicts.user_id', 'shortlist_conflicts.note'])
    .where('shortlist_entries.round_id', '=', roundId)
    .execute();
}

export async function declareConflict(db: Db, entryId: string, userId: string, note: string): Promise<void> {
  await db
    .insertInto('shortlist_conflicts')
    .values({ entry_id: entryId, user_id: userId, note })
    .onConflict((oc) => oc.columns(['entry_id', 'user_id']).doUpdateSet({ note }))
    .execute();
}

export async function withdrawConflict(db: Db, entryId: string, userId: string): Promise<void> {
  await db.deleteFrom('shortlist_conflicts').where('entry_id', '=', entryId).where('user_id', '=', userId).execute();
}

/**
 * Which of these users belong to the organisation (or a co-authoring organisation) of each idea:
 * pairs "ideaId:userId" that are automatic conflicts of interest.
 */
export async function ideaMembershipPairs(db: Db, ideaIds: string[], userIds: string[]): Promise<Set<string>> {
  if (ideaIds.length === 0 || userIds.length === 0) return new Set();
  const owners = db
    .selectFrom('ideas')
    .select(['ideas.id as idea_id', 'ideas.organisation_id'])
    .where('ideas.id', 'in', ideaIds);
  const coauthors = db
    .selectFrom('idea_coauthors')
    .select(['idea_coauthors.idea_id', 'idea_coauthors.organisation_id'])
    .where('idea_coauthors.idea_id', 'in', ideaIds);
  const rows = await db
    .selectFrom(owners.unionAll(coauthors).as('o'))
    .innerJoin('memberships', 'memberships.organisation_id', 'o.organisation_id')
    .select(['o.idea_id', 'memberships.user_id'])
    .where('memberships.user_id', 'in', userIds)
    .execute();
  return new Set(rows.map((r) => `${r.idea_id}:${r.user_id}`));
}

/** Entries whose idea has a confirmed link to a measure of the plan, with the measure's ancestors' ids. */
export function confirmedEntryMeasures(db: Db, roundId: string, planId: string) {
  return db
    .selectFrom('shortlist_entries')
    .innerJoin('idea_measure_links', 'idea_measure_links.idea_id', 'shortlist_entries.idea_id')
    .innerJoin('plan_items', 'plan_items.id', 'idea_measure_links.measure_id')
    .select(['shortlist_entries.id as entry_id', 'shortlist_entries.idea_id', 'plan_items.id as measure_id'])
    .where('shortlist_entries.round_id', '=', roundId)
    .where('plan_items.plan_id', '=', planId)
    .where('idea_measure_links.status', '=', 'confirmed')
    .execute();
}
