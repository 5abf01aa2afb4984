import { sql } from 'kysely';
import type { SearchEntityType, SearchSyncOp } from '../tables';
import type { Db } from './db';

export interface OutboxEntry {
  id: string;
  entityType: SearchEntityType;
  entityId: string;
  op: SearchSyncOp;
  attempts: number;
}

/** Records, inside the caller's transaction, that an entity's searchable data changed. */
export async function enqueueSearchSync(db: Db, entityType: SearchEntityType, entityId: string, op: SearchSyncOp = 'upsert'): Promise<void> {
  await db.insertInto('search_outbox').values({ entity_type: entityType, entity_id: entityId, op, last_error: null }).execute();
}

/**
 * Claims up to `limit` due entries, oldest first, by pushing their next attempt a lease into the future:
 * another relay (another server process) skips them meanwhile, and if this one dies they become due again.
 */
export async function claimDueSearchSync(db: Db, limit: number, now: Date, leaseMs: number): Promise<OutboxEntry[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const rows = await sql<{ id: string; entity_type: SearchEntityType; entity_id: string; op: SearchSyncOp; attempts: number }>`
    update search_outbox set next_attempt_at = ${leaseUntil}
    where id in (
      select id from search_outbox where next_attempt_at <= ${now} order by next_attempt_at, id limit ${limit} for update skip locked
    )
    returning id::text as id, entity_type, entity_id, op, attempts`.execute(db);
  return rows.rows
    .map((r) => ({ id: r.id, entityType: r.entity_type, entityId: r.entity_id, op: r.op, attempts: Number(r.attempts) }))
    .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
}

export async function completeSearchSync(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await db.deleteFrom('search_outbox').where(sql<boolean>`id = any(${ids}::bigint[])`).execute();
}

/** Records a failed attempt; the entry is due again at `nextAttemptAt`. */
export async function deferSearchSync(db: Db, ids: string[], error: string, nextAttemptAt: Date): Promise<void> {
  if (!ids.length) return;
  await db
    .updateTable('search_outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 2000), next_attempt_at: nextAttemptAt }))
    .where(sql<boolean>`id = any(${ids}::bigint[])`)
    .execute();
}

export async function pendingSearchSync(db: Db): Promise<{ pending: number; oldest: Date | null }> {
  const row = await db
    .selectFrom('search_outbox')
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min('created_at').as('oldest')])
    .executeTakeFirst();
  return { pending: Number(row?.n ?? 0), oldest: row?.oldest ? new Date(row.oldest as unknown as string) : null };
}

/**
 * For a relay that keeps its own position (an embedded engine lives in one process, and every process
 * must see every change): entries after `afterId`, oldest first.
 */
export async function listSearchSyncAfter(db: Db, afterId: string, limit: number): Promise<OutboxEntry[]> {
  const rows = await sql<{ id: string; entity_type: SearchEntityType; entity_id: string; op: SearchSyncOp; attempts: number }>`
    select id::text as id, entity_type, entity_id, op, attempts from search_outbox
    where id > ${afterId}::bigint order by id limit ${limit}`.execute(db);
  return rows.rows.map((r) => ({ id: r.id, entityType: r.entity_type, entityId: r.entity_id, op: r.op, attempts: Number(r.attempts) }));
}

/** The newest entry's id ("0" when empty): where a freshly rebuilt index starts following. */
export async function lastSearchSyncId(db: Db): Promise<string> {
  const row = await sql<{ id: string | null }>`select max(id)::text as id from search_outbox`.execute(db);
  return row.rows[0]?.id ?? '0';
}

/** Drops entries up to `upToId` written before `olderThan`: every process had time to apply them. */
export async function pruneSearchSync(db: Db, upToId: string, olderThan: Date): Promise<void> {
  await db.deleteFrom('search_outbox').where(sql<boolean>`id <= ${upToId}::bigint`).where('created_at', '<', olderThan).execute();
}
