import { sql, type ExpressionBuilder } from 'kysely';
import type { NewRoom, Room, RoomKind, RoomRole, RoomUpdate } from '../tables';
import { decodeCursor, encodeCursor, type Db } from './db';
import type { Page } from './organisations';

/** A room as one user sees it: their role (null when not a member) and whether they are muted. */
export interface RoomAccess {
  room: Room;
  role: RoomRole | null;
  /** An active mute: its end, or null for "until lifted"; undefined when not muted. */
  mutedUntil: Date | null | undefined;
  lastReadSeq: number;
  /** The stored message with the asked-for client id, when there is one (idempotent resends). */
  existingMessageId: string | null;
  /** The user's display name (messages carry it). */
  userName: string;
  /** An account suspension in force (moderation): its end, or null for a ban; undefined when none. */
  suspendedUntil?: Date | null;
}

export interface RoomListRow extends Room {
  role: RoomRole;
  last_read_seq: number;
  unread: number;
  member_count: number;
  muted_until: Date | null;
  muted: boolean;
}

export interface RoomMemberRow {
  user_id: string;
  display_name: string;
  role: RoomRole;
  joined_at: Date;
  muted_until: Date | null;
  muted: boolean;
}

/** A mute counts while it has no end or its end is still ahead. */
function activeMute(eb: ExpressionBuilder<any, any>, alias: string) {
  return sql<boolean>`(${eb.ref(`${alias}.user_id`)} is not null and (${eb.ref(`${alias}.until`)} is null or ${eb.ref(`${alias}.until`)} > now()))`;
}

/** Members of the room aliased `r`. */
const memberCount = () => sql<string>`(select count(*) from room_members c where c.room_id = r.id)`;

export function findRoom(db: Db, id: string): Promise<Room | undefined> {
  return db.selectFrom('rooms').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findRoomBySubject(db: Db, kind: RoomKind, subjectId: string): Promise<Room | undefined> {
  return db.selectFrom('rooms').selectAll().where('kind', '=', kind).where('subject_id', '=', subjectId).executeTakeFirst();
}

export function insertRoom(db: Db, room: NewRoom): Promise<Room> {
  return db.insertInto('rooms').values(room).returningAll().executeTakeFirstOrThrow();
}

/** Creates the subject's room unless it exists; concurrent callers all end up with the same room. */
export async function insertSubjectRoom(db: Db, room: NewRoom & { subject_id: string }): Promise<Room> {
  await db
    .insertInto('rooms')
    .values(room)
    .onConflict((oc) => oc.columns(['kind', 'subject_id']).where('subject_id', 'is not', null).doNothing())
    .execute();
  const stored = await findRoomBySubject(db, room.kind, room.subject_id);
  if (!stored) throw new Error(`room for ${room.kind} ${room.subject_id} vanished after insert`);
  return stored;
}

export function updateRoom(db: Db, id: string, changes: RoomUpdate): Promise<Room | undefined> {
  return db.updateTable('rooms').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

/** The room, the user's membership and mute in one read; `clientId` also looks up an earlier send. */
export async function findAccess(db: Db, roomId: string, userId: string, clientId?: string): Promise<RoomAccess | undefined> {
  const row = await db
    .selectFrom('rooms as r')
    .leftJoin('room_members as m', (j) => j.onRef('m.room_id', '=', 'r.id').on('m.user_id', '=', userId))
    .leftJoin('room_mutes as mu', (j) => j.onRef('mu.room_id', '=', 'r.id').on('mu.user_id', '=', userId))
    .selectAll('r')
    .select((eb) => [
      'm.role as member_role',
      'm.last_read_seq as member_last_read_seq',
      'mu.until as mute_until',
      activeMute(eb, 'mu').as('muted'),
      eb.selectFrom('users as me').select('me.display_name').where('me.id', '=', userId).as('user_name'),
      sql<boolean>`exists (select 1 from user_suspensions s where s.user_id = ${userId} and s.lifted_at is null and (s.ends_at is null or s.ends_at > now()))`.as('suspended'),
      sql<Date | null>`(select case when bool_or(s.ends_at is null) then null else max(s.ends_at) end from user_suspensions s
        where s.user_id = ${userId} and s.lifted_at is null and (s.ends_at is null or s.ends_at > now()))`.as('suspension_end'),
      clientId === undefined
        ? sql<string | null>`null`.as('existing_id')
        : eb
            .selectFrom('room_messages as e')
            .select('e.id')
            .whereRef('e.room_id', '=', 'r.id')
            .where('e.sender_id', '=', userId)
            .where('e.client_id', '=', clientId)
            .as('existing_id'),
    ])
    .where('r.id', '=', roomId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { member_role, member_last_read_seq, mute_until, muted, existing_id, user_name, suspended, suspension_end, ...room } = row;
  return {
    room,
    role: member_role,
    mutedUntil: muted ? mute_until : undefined,
    lastReadSeq: member_last_read_seq ?? 0,
    existingMessageId: existing_id ?? null,
    userName: user_name ?? '',
    suspendedUntil: suspended ? (suspension_end ? new Date(suspension_end) : null) : undefined,
  };
}

/**
 * Adds a member, who starts with everything so far read; an existing membership (and its role) is kept.
 * True when the user was not a member.
 */
export async function addMember(db: Db, roomId: string, userId: string, role: RoomRole): Promise<boolean> {
  const inserted = await db
    .insertInto('room_members')
    .values({
      room_id: roomId,
      user_id: userId,
      role,
      last_read_seq: sql<number>`(select last_seq from rooms where id = ${roomId})`,
    })
    .onConflict((oc) => oc.columns(['room_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function setMemberRole(db: Db, roomId: string, userId: string, role: RoomRole): Promise<boolean> {
  const result = await db.updateTable('room_members').set({ role }).where('room_id', '=', roomId).where('user_id', '=', userId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function removeMember(db: Db, roomId: string, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('room_members').where('room_id', '=', roomId).where('user_id', '=', userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function countMembers(db: Db, roomId: string): Promise<{ members: number; hosts: number }> {
  const row = await db
    .selectFrom('room_members')
    .select((eb) => [eb.fn.countAll<string>().as('members'), eb.fn.count<string>(sql`case when role = 'host' then 1 end`).as('hosts')])
    .where('room_id', '=', roomId)
    .executeTakeFirstOrThrow();
  return { members: Number(row.members), hosts: Number(row.hosts) };
}

export function listMembers(db: Db, roomId: string): Promise<RoomMemberRow[]> {
  return db
    .selectFrom('room_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('room_mutes as mu', (j) => j.onRef('mu.room_id', '=', 'm.room_id').onRef('mu.user_id', '=', 'm.user_id'))
    .select((eb) => ['m.user_id', 'u.display_name', 'm.role', 'm.joined_at', 'mu.until as muted_until', activeMute(eb, 'mu').as('muted')])
    .where('m.room_id', '=', roomId)
    .orderBy(sql`case when m.role = 'host' then 0 else 1 end`)
    .orderBy('u.display_name')
    .orderBy('m.user_id')
    .execute();
}

export function findMember(db: Db, roomId: string, userId: string): Promise<RoomMemberRow | undefined> {
  return db
    .selectFrom('room_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('room_mutes as mu', (j) => j.onRef('mu.room_id', '=', 'm.room_id').onRef('mu.user_id', '=', 'm.user_id'))
    .select((eb) => ['m.user_id', 'u.display_name', 'm.role', 'm.joined_at', 'mu.until as muted_until', activeMute(eb, 'mu').as('muted')])
    .where('m.room_id', '=', roomId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
}

export async function memberIds(db: Db, roomId: string): Promise<string[]> {
  const rows = await db.selectFrom('room_members').select('user_id').where('room_id', '=', roomId).execute();
  return rows.map((r) => r.user_id);
}

/** Rooms the user belongs to (for subscribing their connections to room activity). */
export async function roomIdsOfUser(db: Db, userId: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('room_members').select('room_id').where('user_id', '=', userId).limit(limit).execute();
  return rows.map((r) => r.room_id);
}

/** Unread counts messages by others after the read marker that are still shown. */
function unreadCount(eb: ExpressionBuilder<any, any>, userId: string) {
  return eb
    .selectFrom('room_messages as x')
    .select((x) => x.fn.countAll<string>().as('n'))
    .whereRef('x.room_id', '=', 'r.id')
    .whereRef('x.seq', '>', 'm.last_read_seq')
    .where('x.deleted_at', 'is', null)
    .where('x.hidden_at', 'is', null)
    .where(sql<boolean>`x.sender_id is distinct from ${userId}`);
}

/** The user's rooms, most recently active first, with unread counts; null for a cursor not made here. */
export async function listRoomsOfUser(db: Db, userId: string, limit: number, cursor?: string): Promise<Page<RoomListRow> | null> {
  let q = db
    .selectFrom('room_members as m')
    .innerJoin('rooms as r', 'r.id', 'm.room_id')
    .leftJoin('room_mutes as mu', (j) => j.onRef('mu.room_id', '=', 'm.room_id').onRef('mu.user_id', '=', 'm.user_id'))
    .selectAll('r')
    .select((eb) => [
      'm.role',
      'm.last_read_seq',
      'mu.until as muted_until',
      activeMute(eb, 'mu').as('muted'),
      unreadCount(eb, userId).as('unread'),
      memberCount().as('member_count'),
    ])
    .where('m.user_id', '=', userId);
  if (cursor) {
    const after = decodeCursor(cursor);
    const at = after ? new Date(after[0]) : new Date(NaN);
    if (!after || Number.isNaN(at.getTime())) return null;
    const id = after[1];
    q = q.where((eb) => eb.or([eb('r.last_activity_at', '<', at), eb.and([eb('r.last_activity_at', '=', at), eb('r.id', '<', id)])]));
  }
  const rows = await q.orderBy('r.last_activity_at', 'desc').orderBy('r.id', 'desc').limit(limit + 1).execute();
  const items = rows.slice(0, limit).map((r) => ({ ...r, unread: Number(r.unread), member_count: Number(r.member_count) }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.last_activity_at.toISOString(), last.id) : null };
}

export async function memberCountOf(db: Db, roomId: string): Promise<number> {
  return (await countMembers(db, roomId)).members;
}

/** How many of the user's rooms have unread messages, and how many unread messages in all. */
export async function unreadSummary(db: Db, userId: string): Promise<{ rooms: number; messages: number }> {
  const rows = await db
    .selectFrom('room_members as m')
    .innerJoin('rooms as r', 'r.id', 'm.room_id')
    .select((eb) => unreadCount(eb, userId).as('unread'))
    .where('m.user_id', '=', userId)
    // Only rooms with anything new need counting.
    .whereRef('r.last_seq', '>', 'm.last_read_seq')
    .execute();
  const counts = rows.map((r) => Number(r.unread)).filter((n) => n > 0);
  return { rooms: counts.length, messages: counts.reduce((a, b) => a + b, 0) };
}

/** Unread messages in one room for one member. */
export async function unreadIn(db: Db, roomId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('room_members as m')
    .innerJoin('rooms as r', 'r.id', 'm.room_id')
    .select((eb) => unreadCount(eb, userId).as('unread'))
    .where('m.room_id', '=', roomId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
  return Number(row?.unread ?? 0);
}

/** Moves the read marker forward (never back, never past the newest message); returns the marker. */
export async function markRead(db: Db, roomId: string, userId: string, seq: number): Promise<number | undefined> {
  const row = await db
    .updateTable('room_members as m')
    .from('rooms as r')
    .set({ last_read_seq: sql`greatest(m.last_read_seq, least(${seq}::integer, r.last_seq))` })
    .whereRef('r.id', '=', 'm.room_id')
    .where('m.room_id', '=', roomId)
    .where('m.user_id', '=', userId)
    .returning('m.last_read_seq')
    .executeTakeFirst();
  return row?.last_read_seq;
}

/** The two-person direct room of these users, if they already have one. */
export async function findDirectRoom(db: Db, userA: string, userB: string): Promise<Room | undefined> {
  return db
    .selectFrom('rooms as r')
    .selectAll('r')
    .where('r.kind', '=', 'direct')
    .where((eb) =>
      eb.and([
        eb.exists(eb.selectFrom('room_members as a').select('a.user_id').whereRef('a.room_id', '=', 'r.id').where('a.user_id', '=', userA)),
        eb.exists(eb.selectFrom('room_members as b').select('b.user_id').whereRef('b.room_id', '=', 'r.id').where('b.user_id', '=', userB)),
        eb(memberCount(), '=', sql<string>`2`),
      ]),
    )
    .orderBy('r.created_at')
    .executeTakeFirst();
}

export async function setMute(db: Db, roomId: string, userId: string, mutedBy: string, until: Date | null): Promise<void> {
  await db
    .insertInto('room_mutes')
    .values({ room_id: roomId, user_id: userId, muted_by: mutedBy, until })
    .onConflict((oc) => oc.columns(['room_id', 'user_id']).doUpdateSet({ muted_by: mutedBy, until }))
    .execute();
}

export async function removeMute(db: Db, roomId: string, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('room_mutes').where('room_id', '=', roomId).where('user_id', '=', userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Members a message may mention: by "@Display Name" anywhere in the text (matched in the database, so a
 * large room is not loaded) or by id. The caller checks word boundaries.
 */
export function findMentionCandidates(db: Db, roomId: string, text: string, ids: string[]) {
  return db
    .selectFrom('room_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.display_name'])
    .where('m.room_id', '=', roomId)
    .where((eb) => {
      const byName = sql<boolean>`strpos(lower(${text}), '@' || lower(u.display_name)) > 0`;
      return ids.length > 0 ? eb.or([byName, eb('m.user_id', 'in', ids)]) : byName;
    })
    .limit(200)
    .execute();
}
