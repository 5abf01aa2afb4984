import { sql } from 'kysely';
import type { ForumSession } from '../tables';
import { decodeCursor, encodeCursor, type Db } from './db';
import type { Page } from './organisations';

/** A session with the names the API shows next to it. */
export interface SessionRow extends ForumSession {
  category_slug: string;
  category_title: string;
  created_by_name: string | null;
  floor_user_name: string | null;
}

export interface HandRow {
  user_id: string;
  display_name: string;
  raised_at: Date;
}

export interface SessionListFilter {
  /** upcoming: not started; live: started and not closed; past: closed. */
  when: 'upcoming' | 'live' | 'past';
  categoryId?: string;
  now: Date;
}

export interface NewSessionInput {
  categoryId: string;
  title: string;
  description: string;
  agenda: string[];
  startsAt: Date;
  endsAt: Date;
  createdBy: string;
}

function selectSessions(db: Db) {
  return db
    .selectFrom('forum_sessions as s')
    .innerJoin('forum_categories as c', 'c.id', 's.category_id')
    .leftJoin('users as cu', 'cu.id', 's.created_by')
    .leftJoin('users as fu', 'fu.id', 's.floor_user_id')
    .selectAll('s')
    .select(['c.slug as category_slug', 'c.title as category_title', 'cu.display_name as created_by_name', 'fu.display_name as floor_user_name']);
}

export function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  return selectSessions(db).where('s.id', '=', id).executeTakeFirst();
}

export function findSessionByRoom(db: Db, roomId: string): Promise<SessionRow | undefined> {
  return selectSessions(db).where('s.room_id', '=', roomId).executeTakeFirst();
}

export async function insertSession(db: Db, input: NewSessionInput): Promise<string> {
  const row = await db
    .insertInto('forum_sessions')
    .values({
      category_id: input.categoryId,
      title: input.title,
      description: input.description,
      agenda: JSON.stringify(input.agenda),
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      created_by: input.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface SessionChanges {
  title?: string;
  description?: string;
  agenda?: string[];
  starts_at?: Date;
  ends_at?: Date;
  room_id?: string;
  pinned_item?: number | null;
  floor_user_id?: string | null;
  floor_since?: Date | null;
  closed_at?: Date;
  closed_by?: string;
  opened_at?: Date;
  minutes?: string;
  minutes_by?: string;
  minutes_at?: Date;
}

export async function updateSession(db: Db, id: string, changes: SessionChanges): Promise<boolean> {
  const { agenda, ...rest } = changes;
  const result = await db
    .updateTable('forum_sessions')
    .set({ ...rest, ...(agenda !== undefined && { agenda: JSON.stringify(agenda) }), updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes a session that has not started; its room goes with it. */
export async function deleteSession(db: Db, id: string): Promise<void> {
  const row = await db.deleteFrom('forum_sessions').where('id', '=', id).returning('room_id').executeTakeFirst();
  if (row?.room_id) await db.deleteFrom('rooms').where('id', '=', row.room_id).execute();
}

/**
 * Records that the session opened, once: only the first caller after the start time gets true (and
 * announces it), however many server processes race for it.
 */
export async function markOpened(db: Db, id: string, at: Date): Promise<boolean> {
  const row = await db
    .updateTable('forum_sessions')
    .set({ opened_at: at })
    .where('id', '=', id)
    .where('opened_at', 'is', null)
    .where('closed_at', 'is', null)
    .where('starts_at', '<=', at)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Sessions whose start time passed but whose opening was not yet announced. */
export async function dueToOpen(db: Db, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('forum_sessions')
    .select('id')
    .where('opened_at', 'is', null)
    .where('closed_at', 'is', null)
    .where('starts_at', '<=', now)
    .orderBy('starts_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Sessions of one kind, soonest first (past ones: most recent first); null for a cursor not made here. */
export async function listSessions(db: Db, filter: SessionListFilter, limit: number, cursor?: string): Promise<Page<SessionRow> | null> {
  let q = selectSessions(db);
  if (filter.categoryId) q = q.where('s.category_id', '=', filter.categoryId);
  if (filter.when === 'past') q = q.where('s.closed_at', 'is not', null);
  else q = q.where('s.closed_at', 'is', null).where('s.starts_at', filter.when === 'upcoming' ? '>' : '<=', filter.now);
  const descending = filter.when === 'past';
  if (cursor) {
    const after = decodeCursor(cursor);
    const at = after ? new Date(after[0]) : new Date(NaN);
    if (!after || Number.isNaN(at.getTime())) return null;
    const id = after[1];
    const cmp = descending ? '<' : '>';
    q = q.where((eb) => eb.or([eb('s.starts_at', cmp, at), eb.and([eb('s.starts_at', '=', at), eb('s.id', cmp, id)])]));
  }
  const direction = descending ? 'desc' : 'asc';
  const rows = await q.orderBy('s.starts_at', direction).orderBy('s.id', direction).limit(limit + 1).execute();
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.starts_at.toISOString(), last.id) : null };
}

/** The speaker queue in the order hands went up. */
export function listHands(db: Db, sessionId: string): Promise<HandRow[]> {
  return db
    .selectFrom('forum_session_hands as h')
    .innerJoin('users as u', 'u.id', 'h.user_id')
    .select(['h.user_id', 'u.display_name', 'h.raised_at'])
    .where('h.session_id', '=', sessionId)
    .orderBy('h.raised_at')
    .orderBy('h.user_id')
    .execute();
}

/** Raises a hand unless it is already up (then its place in the queue is kept); true when it went up now. */
export async function raiseHand(db: Db, sessionId: string, userId: string, at: Date): Promise<boolean> {
  const row = await db
    .insertInto('forum_session_hands')
    .values({ session_id: sessionId, user_id: userId, raised_at: at })
    .onConflict((oc) => oc.columns(['session_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function lowerHand(db: Db, sessionId: string, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('forum_session_hands').where('session_id', '=', sessionId).where('user_id', '=', userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function clearHands(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('forum_session_hands').where('session_id', '=', sessionId).execute();
}

export async function countHands(db: Db, sessionId: string): Promise<number> {
  const row = await db.selectFrom('forum_session_hands').select((eb) => eb.fn.countAll<string>().as('n')).where('session_id', '=', sessionId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Locks the session row for the rest of the transaction, so queue and floor changes apply one at a time. */
export async function lockSession(db: Db, id: string): Promise<ForumSession | undefined> {
  return db.selectFrom('forum_sessions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Sessions still open whose end time was before `endedBefore` (they are closed automatically). */
export async function dueToClose(db: Db, endedBefore: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('forum_sessions')
    .select('id')
    .where('closed_at', 'is', null)
    .where('ends_at', '<=', endedBefore)
    .orderBy('ends_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Closes the session if it is still open and returns its room (null: none); only one caller (process) gets an
 * answer, the rest undefined. `by` null: closed automatically.
 */
export async function markClosed(db: Db, id: string, at: Date, by: string | null): Promise<{ roomId: string | null } | undefined> {
  const row = await db
    .updateTable('forum_sessions')
    .set({ closed_at: at, closed_by: by, floor_user_id: null, floor_since: null, opened_at: sql<Date>`coalesce(opened_at, ${at})`, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('closed_at', 'is', null)
    .returning('room_id')
    .executeTakeFirst();
  return row && { roomId: row.room_id };
}

/** Sets or clears the person's reminder (setting it twice is one reminder). */
export async function setReminder(db: Db, sessionId: string, userId: string, on: boolean): Promise<void> {
  if (on) await db.insertInto('forum_session_reminders').values({ session_id: sessionId, user_id: userId }).onConflict((oc) => oc.doNothing()).execute();
  else await db.deleteFrom('forum_session_reminders').where('session_id', '=', sessionId).where('user_id', '=', userId).execute();
}

export async function hasReminder(db: Db, sessionId: string, userId: string): Promise<boolean> {
  return (await db.selectFrom('forum_session_reminders').select('user_id').where('session_id', '=', sessionId).where('user_id', '=', userId).executeTakeFirst()) !== undefined;
}

export async function reminderUserIds(db: Db, sessionId: string): Promise<string[]> {
  return (await db.selectFrom('forum_session_reminders').select('user_id').where('session_id', '=', sessionId).execute()).map((r) => r.user_id);
}
