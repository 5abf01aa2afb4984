import { sql } from 'kysely';
import type { RoomMessage } from '../tables';
import type { Db } from './db';

/** A message with its sender's name and what it replies to, as the API shows it. */
export interface MessageRow extends RoomMessage {
  sender_name: string | null;
  reply_seq: number | null;
  reply_sender_name: string | null;
  reply_body: string | null;
  reply_deleted_at: Date | null;
  reply_hidden_at: Date | null;
}

export interface NewMessageInput {
  senderId: string;
  clientId: string;
  body: string;
  replyTo: string | null;
  mentions: string[];
}

export interface SyncResult {
  /** Messages after the given sequence number, in order. */
  messages: MessageRow[];
  /** Earlier messages changed (edited, deleted, hidden) after the given revision, in revision order. */
  changed: MessageRow[];
  /** More messages follow than were returned. */
  more: boolean;
}

function selectMessages(db: Db) {
  return db
    .selectFrom('room_messages as m')
    .leftJoin('users as u', 'u.id', 'm.sender_id')
    .leftJoin('room_messages as p', 'p.id', 'm.reply_to')
    .leftJoin('users as pu', 'pu.id', 'p.sender_id')
    .selectAll('m')
    .select([
      'u.display_name as sender_name',
      'p.seq as reply_seq',
      'pu.display_name as reply_sender_name',
      'p.body as reply_body',
      'p.deleted_at as reply_deleted_at',
      'p.hidden_at as reply_hidden_at',
    ]);
}

/**
 * Stores messages for one room under its next sequence numbers, in the given order, in one statement.
 * Only messages in an open room (see `opens_at`/`closed_at`) whose sender is an unmuted member (and not suspended from the platform), whose client id is new, and whose reply target is in
 * the room are stored; the others are left out (the caller finds out why) and take no number. The
 * counter update locks the room row, so numbers are handed out in commit order without gaps, and a failed
 * insert (a concurrent resend with the same client id) rolls the counter back with it. Each sender's read
 * marker moves past their own messages. One commit (one disk flush) carries a whole batch.
 */
export async function insertMessages(db: Db, roomId: string, inputs: NewMessageInput[], at: Date = new Date()): Promise<MessageRow[]> {
  if (inputs.length === 0) return [];
  const rows = JSON.stringify(
    inputs.map((m, i) => ({ ord: i + 1, sender_id: m.senderId, client_id: m.clientId, body: m.body, reply_to: m.replyTo, mentions: m.mentions })),
  );
  const result = await sql<MessageRow>`
    with input as (
      select * from jsonb_to_recordset(${rows}::jsonb)
        as x(ord integer, sender_id uuid, client_id text, body text, reply_to uuid, mentions jsonb)
    ), allowed as (
      select input.*, row_number() over (order by input.ord)::integer as n
      from input
      where exists (select 1 from room_members m where m.room_id = ${roomId} and m.user_id = input.sender_id)
        -- A room with a writing window (forum sessions) takes messages only while it is open.
        and exists (select 1 from rooms w where w.id = ${roomId} and w.closed_at is null and (w.opens_at is null or w.opens_at <= ${at}))
        and not exists (
          select 1 from room_mutes mu
          where mu.room_id = ${roomId} and mu.user_id = input.sender_id and (mu.until is null or mu.until > now()))
        and not exists (
          select 1 from user_suspensions su
          where su.user_id = input.sender_id and su.lifted_at is null and (su.ends_at is null or su.ends_at > now()))
        and not exists (
          select 1 from room_messages e
          where e.room_id = ${roomId} and e.sender_id = input.sender_id and e.client_id = input.client_id)
        and (input.reply_to is null
          or exists (select 1 from room_messages p where p.id = input.reply_to and p.room_id = ${roomId}))
    ), counted as (
      select count(*)::integer as k from allowed
    ), r as (
      update rooms
      set last_seq = last_seq + counted.k, last_rev = last_rev + counted.k, last_activity_at = now()
      from counted
      where rooms.id = ${roomId} and counted.k > 0
      returning rooms.last_seq - counted.k as base_seq, rooms.last_rev - counted.k as base_rev
    ), ins as (
      insert into room_messages (room_id, seq, rev, sender_id, client_id, body, reply_to, mentions)
      select ${roomId}::uuid, r.base_seq + allowed.n, r.base_rev + allowed.n, allowed.sender_id, allowed.client_id,
             allowed.body, allowed.reply_to, allowed.mentions
      from r cross join allowed
      returning *
    ), marked as (
      update room_members m set last_read_seq = greatest(m.last_read_seq, mine.seq)
      from (select sender_id, max(seq) as seq from ins group by sender_id) mine
      where m.room_id = ${roomId} and m.user_id = mine.sender_id
    )
    select ins.*, u.display_name as sender_name, p.seq as reply_seq, pu.display_name as reply_sender_name,
           p.body as reply_body, p.deleted_at as reply_deleted_at, p.hidden_at as reply_hidden_at
    from ins
    left join users u on u.id = ins.sender_id
    left join room_messages p on p.id = ins.reply_to
    left join users pu on pu.id = p.sender_id
    order by ins.seq`.execute(db);
  return result.rows;
}

export function findMessage(db: Db, id: string): Promise<MessageRow | undefined> {
  return selectMessages(db).where('m.id', '=', id).executeTakeFirst() as Promise<MessageRow | undefined>;
}

/** Applies a change and stamps it with the room's next revision, in one statement. */
export async function updateMessage(
  db: Db,
  roomId: string,
  id: string,
  changes: Partial<Pick<RoomMessage, 'body' | 'mentions' | 'edited_at' | 'deleted_at' | 'hidden_at' | 'hidden_by'>>,
): Promise<RoomMessage | undefined> {
  const { mentions, ...rest } = changes;
  return db
    .with('r', (qb) => qb.updateTable('rooms').set({ last_rev: sql`last_rev + 1` }).where('id', '=', roomId).returning('last_rev'))
    .updateTable('room_messages')
    .set({
      ...rest,
      ...(mentions !== undefined && { mentions: JSON.stringify(mentions) }),
      rev: sql`(select last_rev from r)`,
    })
    .where('id', '=', id)
    .where('room_id', '=', roomId)
    .returningAll()
    .executeTakeFirst() as Promise<RoomMessage | undefined>;
}

/** The page of messages before `before` (or the newest), oldest first. */
export async function listBefore(db: Db, roomId: string, before: number | null, limit: number): Promise<{ items: MessageRow[]; more: boolean }> {
  let q = selectMessages(db).where('m.room_id', '=', roomId);
  if (before !== null) q = q.where('m.seq', '<', before);
  const rows = (await q.orderBy('m.seq', 'desc').limit(limit + 1).execute()) as MessageRow[];
  return { items: rows.slice(0, limit).reverse(), more: rows.length > limit };
}

/** Messages after `after`, oldest first. */
export async function listAfter(db: Db, roomId: string, after: number, limit: number): Promise<{ items: MessageRow[]; more: boolean }> {
  const rows = (await selectMessages(db)
    .where('m.room_id', '=', roomId)
    .where('m.seq', '>', after)
    .orderBy('m.seq')
    .limit(limit + 1)
    .execute()) as MessageRow[];
  return { items: rows.slice(0, limit), more: rows.length > limit };
}

/** Catch-up: what a client that saw messages up to `afterSeq` and changes up to `afterRev` missed. */
export async function sync(db: Db, roomId: string, afterSeq: number, afterRev: number, limit: number): Promise<SyncResult> {
  const after = await listAfter(db, roomId, afterSeq, limit);
  const changed = (await selectMessages(db)
    .where('m.room_id', '=', roomId)
    .where('m.seq', '<=', afterSeq)
    .where('m.rev', '>', afterRev)
    .orderBy('m.rev')
    .limit(limit)
    .execute()) as MessageRow[];
  return { messages: after.items, changed, more: after.more };
}
