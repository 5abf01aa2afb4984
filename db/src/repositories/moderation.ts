import { sql } from 'kysely';
import type { Appeal, AppealStatus, ModerationAction, Report, ReportStatus, ReportTargetKind, UserSuspension } from '../tables';
import { decodeCursor, encodeCursor, type Db } from './db';
import { isUniqueViolationError } from './errors';

export interface ReportInput {
  targetKind: ReportTargetKind;
  targetId: string;
  reporterId: string;
  reasonCode: string;
  reasonText: string;
}

/** Stores a report; a second open report by the same person on the same target returns the first. */
export async function insertReport(db: Db, input: ReportInput): Promise<{ report: Report; created: boolean }> {
  const existing = await findOpenReport(db, input.targetKind, input.targetId, input.reporterId);
  if (existing) return { report: existing, created: false };
  try {
    const report = await db
      .insertInto('reports')
      .values({ target_kind: input.targetKind, target_id: input.targetId, reporter_id: input.reporterId, reason_code: input.reasonCode, reason_text: input.reasonText, resolved_by: null, resolved_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { report, created: true };
  } catch (error) {
    if (!isUniqueViolationError(error)) throw error;
    const again = await findOpenReport(db, input.targetKind, input.targetId, input.reporterId);
    if (!again) throw error;
    return { report: again, created: false };
  }
}

function findOpenReport(db: Db, kind: ReportTargetKind, targetId: string, reporterId: string): Promise<Report | undefined> {
  return db.selectFrom('reports').selectAll().where('target_kind', '=', kind).where('target_id', '=', targetId).where('reporter_id', '=', reporterId).where('status', '=', 'open').executeTakeFirst();
}

/** Distinct people with an open report on the target. */
export async function openReporterCount(db: Db, kind: ReportTargetKind, targetId: string): Promise<number> {
  const row = await db
    .selectFrom('reports')
    .select(sql<string>`count(distinct reporter_id)`.as('n'))
    .where('target_kind', '=', kind)
    .where('target_id', '=', targetId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Closes every open report on a target. */
export async function closeReports(db: Db, kind: string, targetId: string, status: Exclude<ReportStatus, 'open'>, by: string | null, at: Date): Promise<number> {
  const r = await db
    .updateTable('reports')
    .set({ status, resolved_by: by, resolved_at: at })
    .where('target_kind', '=', kind as ReportTargetKind)
    .where('target_id', '=', targetId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export interface QueueRow {
  target_kind: ReportTargetKind;
  target_id: string;
  report_count: number;
  first_reported_at: Date;
  reasons: string[];
  /** Forum posts only: the thread and category they are in. */
  category_id: string | null;
  thread_id: string | null;
  author_id: string | null;
  author_name: string | null;
  body: string | null;
  hidden: boolean;
}

/**
 * Open reports grouped by target, most reported first, then oldest first. `categoryIds` (category
 * moderators) limits the queue to forum posts in those categories; null shows everything.
 */
export async function reviewQueue(db: Db, categoryIds: string[] | null, limit: number): Promise<QueueRow[]> {
  const scope = categoryIds === null ? sql`true` : categoryIds.length === 0 ? sql`false` : sql`g.target_kind = 'forum_post' and t.category_id = any(${categoryIds}::uuid[])`;
  const rows = await sql<QueueRow & { report_count: string; hidden_at: Date | null }>`
    with g as (
      select target_kind, target_id, count(distinct reporter_id) as report_count, min(created_at) as first_reported_at,
             array_agg(distinct reason_code) as reasons
      from reports where status = 'open' group by target_kind, target_id
    )
    select g.*, t.category_id, t.id as thread_id,
      coalesce(p.author_id, m.sender_id, i.created_by, n.author_id) as author_id,
      coalesce(pu.display_name, mu.display_name, iu.display_name, nu.display_name) as author_name,
      coalesce(p.body, m.body, i.title, n.title) as body,
      coalesce(p.hidden_at, m.hidden_at, n.hidden_at) as hidden_at
    from g
    left join forum_posts p on g.target_kind = 'forum_post' and p.id = g.target_id
    left join forum_threads t on t.id = p.thread_id
    left join users pu on pu.id = p.author_id
    left join room_messages m on g.target_kind = 'room_message' and m.id = g.target_id
    left join users mu on mu.id = m.sender_id
    left join ideas i on g.target_kind = 'idea' and i.id = g.target_id
    left join users iu on iu.id = i.created_by
    left join news_posts n on g.target_kind = 'news' and n.id = g.target_id
    left join users nu on nu.id = n.author_id
    where ${scope}
    order by g.report_count desc, g.first_reported_at asc, g.target_id
    limit ${limit}`.execute(db);
  return rows.rows.map(({ hidden_at, ...r }) => ({ ...r, report_count: Number(r.report_count), hidden: hidden_at !== null }));
}

export function reportsOn(db: Db, kind: string, targetId: string): Promise<Report[]> {
  return db.selectFrom('reports').selectAll().where('target_kind', '=', kind as ReportTargetKind).where('target_id', '=', targetId).orderBy('created_at').execute();
}

export interface ActionInput {
  actorId: string | null;
  action: string;
  targetKind: string;
  targetId: string;
  targetUserId: string | null;
  categoryId: string | null;
  reason: string;
  details?: Record<string, unknown>;
}

export function recordAction(db: Db, input: ActionInput): Promise<ModerationAction> {
  return db
    .insertInto('moderation_actions')
    .values({
      actor_id: input.actorId,
      action: input.action,
      target_kind: input.targetKind,
      target_id: input.targetId,
      target_user_id: input.targetUserId,
      category_id: input.categoryId,
      reason: input.reason,
      details: JSON.stringify(input.details ?? {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface ActionRow extends ModerationAction {
  actor_name: string | null;
  target_user_name: string | null;
}

/** The log, newest first; `categoryIds` limits it (category moderators see their categories' entries). */
export async function listActions(db: Db, filter: { categoryIds: string[] | null; targetId?: string }, limit: number, cursor?: string): Promise<{ items: ActionRow[]; nextCursor: string | null } | null> {
  let q = db
    .selectFrom('moderation_actions as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .leftJoin('users as tu', 'tu.id', 'a.target_user_id')
    .selectAll('a')
    .select(['u.display_name as actor_name', 'tu.display_name as target_user_name']);
  if (filter.categoryIds !== null) q = q.where('a.category_id', 'in', filter.categoryIds.length ? filter.categoryIds : ['00000000-0000-0000-0000-000000000000']);
  if (filter.targetId) q = q.where('a.target_id', '=', filter.targetId);
  if (cursor) {
    const after = decodeCursor(cursor);
    const at = after ? new Date(after[0]) : new Date(NaN);
    if (!after || Number.isNaN(at.getTime())) return null;
    const id = after[1];
    q = q.where((eb) => eb.or([eb('a.created_at', '<', at), eb.and([eb('a.created_at', '=', at), eb('a.id', '<', id)])]));
  }
  const rows = await q.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(limit + 1).execute();
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.created_at.toISOString(), last.id) : null };
}

export function findAction(db: Db, id: string): Promise<ModerationAction | undefined> {
  return db.selectFrom('moderation_actions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Actions per kind in a category: the public summary, without names. */
export async function categorySummary(db: Db, categoryId: string): Promise<Array<{ action: string; count: number }>> {
  const rows = await db
    .selectFrom('moderation_actions')
    .select((eb) => ['action', eb.fn.countAll<string>().as('n')])
    .where('category_id', '=', categoryId)
    .groupBy('action')
    .orderBy('action')
    .execute();
  return rows.map((r) => ({ action: r.action, count: Number(r.n) }));
}

/** Once per action: a second appeal on the same action returns null. */
export async function insertAppeal(db: Db, input: { actionId: string; userId: string; text: string }): Promise<Appeal | null> {
  const row = await db
    .insertInto('appeals')
    .values({ action_id: input.actionId, user_id: input.userId, text: input.text, resolved_by: null, resolution_note: null, resolved_at: null })
    .onConflict((oc) => oc.column('action_id').doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

export interface AppealRow extends Appeal {
  action: string;
  target_kind: string;
  target_id: string;
  category_id: string | null;
  action_reason: string;
  user_name: string | null;
}

function appealQuery(db: Db) {
  return db
    .selectFrom('appeals as ap')
    .innerJoin('moderation_actions as a', 'a.id', 'ap.action_id')
    .leftJoin('users as u', 'u.id', 'ap.user_id')
    .selectAll('ap')
    .select(['a.action', 'a.target_kind', 'a.target_id', 'a.category_id', 'a.reason as action_reason', 'u.display_name as user_name']);
}

export function findAppeal(db: Db, id: string): Promise<AppealRow | undefined> {
  return appealQuery(db).where('ap.id', '=', id).executeTakeFirst();
}

export function listAppeals(db: Db, filter: { status?: AppealStatus; userId?: string; categoryIds: string[] | null }, limit: number): Promise<AppealRow[]> {
  let q = appealQuery(db);
  if (filter.status) q = q.where('ap.status', '=', filter.status);
  if (filter.userId) q = q.where('ap.user_id', '=', filter.userId);
  if (filter.categoryIds !== null) q = q.where('a.category_id', 'in', filter.categoryIds.length ? filter.categoryIds : ['00000000-0000-0000-0000-000000000000']);
  return q.orderBy('ap.created_at').limit(limit).execute();
}

/** Resolves an open appeal; undefined when it was already resolved. */
export function resolveAppeal(db: Db, id: string, status: Exclude<AppealStatus, 'open'>, by: string, note: string, at: Date): Promise<Appeal | undefined> {
  return db
    .updateTable('appeals')
    .set({ status, resolved_by: by, resolution_note: note, resolved_at: at })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}

/** The user's suspension in force at `at` (a ban wins over a dated one; the latest end otherwise). */
export function activeSuspension(db: Db, userId: string, at: Date): Promise<UserSuspension | undefined> {
  return db
    .selectFrom('user_suspensions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('lifted_at', 'is', null)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', at)]))
    .orderBy(sql`ends_at desc nulls first`)
    .limit(1)
    .executeTakeFirst();
}

export function insertSuspension(db: Db, input: { userId: string; reason: string; endsAt: Date | null; createdBy: string }): Promise<UserSuspension> {
  return db
    .insertInto('user_suspensions')
    .values({ user_id: input.userId, reason: input.reason, ends_at: input.endsAt, created_by: input.createdBy, lifted_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Ends every suspension of the user in force at `at`; returns how many. */
export async function liftSuspensions(db: Db, userId: string, at: Date): Promise<number> {
  const r = await db
    .updateTable('user_suspensions')
    .set({ lifted_at: at })
    .where('user_id', '=', userId)
    .where('lifted_at', 'is', null)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', at)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function listActiveSuspensions(db: Db, at: Date, limit: number): Promise<Array<UserSuspension & { user_name: string }>> {
  return db
    .selectFrom('user_suspensions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('s')
    .select('u.display_name as user_name')
    .where('s.lifted_at', 'is', null)
    .where((eb) => eb.or([eb('s.ends_at', 'is', null), eb('s.ends_at', '>', at)]))
    .orderBy('s.created_at', 'desc')
    .limit(limit)
    .execute();
}

export function findAppealOfAction(db: Db, actionId: string): Promise<Appeal | undefined> {
  return db.selectFrom('appeals').selectAll().where('action_id', '=', actionId).executeTakeFirst();
}

/** Decisions about one person's content or account, newest first (their notices). */
export function listActionsAbout(db: Db, userId: string, limit: number): Promise<ModerationAction[]> {
  return db
    .selectFrom('moderation_actions')
    .selectAll()
    .where('target_user_id', '=', userId)
    .where('action', 'in', ['hide', 'auto_hide', 'edit', 'delete', 'warn', 'suspend', 'ban'])
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}
