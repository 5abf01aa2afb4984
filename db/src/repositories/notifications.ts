import type { Notification } from '../tables';
import { decodeCursor, encodeCursor, type Db } from './db';
import type { Page } from './organisations';

export interface NotificationInput {
  userId: string;
  kind: string;
  data: Record<string, unknown>;
  link?: string | null;
}

export function insertNotifications(db: Db, items: NotificationInput[]): Promise<Notification[]> {
  if (items.length === 0) return Promise.resolve([]);
  return db
    .insertInto('notifications')
    .values(items.map((n) => ({ user_id: n.userId, kind: n.kind, data: JSON.stringify(n.data), link: n.link ?? null })))
    .returningAll()
    .execute();
}

/** Newest first; null when the cursor is not one this function made. */
export async function listNotifications(db: Db, userId: string, limit: number, cursor?: string): Promise<Page<Notification> | null> {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (cursor) {
    const after = decodeCursor(cursor);
    const at = after ? new Date(after[0]) : new Date(NaN);
    if (!after || Number.isNaN(at.getTime())) return null;
    const id = after[1];
    q = q.where((eb) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]));
  }
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.created_at.toISOString(), last.id) : null };
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks the given notifications read, or all of the user's when `ids` is omitted. */
export async function markRead(db: Db, userId: string, ids?: string[]): Promise<number> {
  let q = db.updateTable('notifications').set({ read_at: new Date() }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids) {
    if (ids.length === 0) return 0;
    q = q.where('id', 'in', ids);
  }
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function findNotification(db: Db, id: string): Promise<Notification | undefined> {
  return db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
}
