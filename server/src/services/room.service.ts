import {
  auditRepository,
  roomRepository,
  userRepository,
  type Db,
  type Room as RoomRecord,
  type RoomAccess,
  type RoomKind,
  type RoomRole,
  type RoomVisibility,
} from '@partnera/db';
import { policy, type Actor } from '../domain/policy';
import { AppError, fieldError, forbidden, notFound } from '../errors';
import type * as S from '../schemas/rooms';
import type { NotificationService } from './notification.service';
import { assertCanRead, loadAccess, standingOf } from './room-access';
import { toMemberDto, toRoomDto } from './room-dto';
import type { RoomEvents } from './room-events';

export interface RoomServiceDeps {
  db: Db;
  notifications: NotificationService;
  events: RoomEvents;
  clock: () => Date;
}

export interface SubjectRoomOptions {
  title: string;
  /** Becomes the room's host (the idea's author, the proposal's lead). */
  ownerUserId: string;
  visibility: RoomVisibility;
}

/** Connections subscribe to at most this many of a user's rooms for live unread badges. */
export const FOLLOWED_ROOMS_LIMIT = 2000;

/** Rooms and who is in them: creating, joining, hosts managing members, muting. */
export class RoomService {
  constructor(private readonly deps: RoomServiceDeps) {}

  private get db() {
    return this.deps.db;
  }

  // ---- for other features ----

  /**
   * The room of an idea, proposal or forum session, created on first call (later calls return it unchanged).
   * The owner is made a host. Pass the caller's transaction to create it together with the subject.
   */
  async ensureSubjectRoom(kind: Exclude<RoomKind, 'direct'>, subjectId: string, options: SubjectRoomOptions, trx?: Db): Promise<RoomRecord> {
    const work = async (db: Db) => {
      const room = await roomRepository.insertSubjectRoom(db, {
        kind,
        subject_id: subjectId,
        title: options.title.trim().slice(0, 200) || kind,
        visibility: options.visibility,
        created_by: options.ownerUserId,
      });
      await roomRepository.addMember(db, room.id, options.ownerUserId, 'host');
      return room;
    };
    return trx ? work(trx) : this.db.transaction().execute(work);
  }

  /** Adds people to a room on the system's behalf (e.g. a proposal's partner organisations' members). */
  async addMembersBySystem(roomId: string, userIds: string[], role: RoomRole = 'member', trx?: Db): Promise<void> {
    const db = trx ?? this.db;
    for (const userId of userIds) await roomRepository.addMember(db, roomId, userId, role);
  }

  /** Rooms whose activity a user's connections follow. */
  followedRoomIds(userId: string): Promise<string[]> {
    return roomRepository.roomIdsOfUser(this.db, userId, FOLLOWED_ROOMS_LIMIT);
  }

  // ---- reading ----

  async get(actor: Actor, roomId: string): Promise<S.Room> {
    const access = await loadAccess(this.db, actor, roomId);
    assertCanRead(access);
    return this.toDto(actor, access);
  }

  async listMine(actor: Actor, limit: number, cursor?: string): Promise<{ items: S.Room[]; nextCursor: string | null }> {
    const page = await roomRepository.listRoomsOfUser(this.db, actor.userId, limit, cursor);
    if (!page) throw new AppError(400, 'invalid_cursor', 'The page cursor is not valid');
    return {
      items: page.items.map((r) =>
        toRoomDto(r, { role: r.role, lastReadSeq: r.last_read_seq, unread: r.unread, memberCount: r.member_count, mutedUntil: r.muted ? r.muted_until : undefined }, actor, this.deps.clock()),
      ),
      nextCursor: page.nextCursor,
    };
  }

  unreadSummary(actor: Actor): Promise<S.RoomUnread> {
    return roomRepository.unreadSummary(this.db, actor.userId);
  }

  async members(actor: Actor, roomId: string): Promise<S.RoomMember[]> {
    assertCanRead(await loadAccess(this.db, actor, roomId));
    return (await roomRepository.listMembers(this.db, roomId)).map(toMemberDto);
  }

  // ---- creating and changing rooms ----

  async create(actor: Actor, body: S.CreateRoomBody): Promise<{ room: S.Room; created: boolean }> {
    const memberIds = (body.memberIds ?? []).filter((id) => id !== actor.userId);
    if (body.kind === 'direct') return this.createDirect(actor, body, memberIds);
    if (!policy.openForumSession(actor)) throw forbidden('Only platform moderators open forum session rooms');
    if (!body.title) throw fieldError(422, 'title_required', '/title', 'Give the room a title');
    const title = body.title.trim();
    await this.requireUsers(memberIds);
    const room = await this.db.transaction().execute(async (trx) => {
      const room = await roomRepository.insertRoom(trx, { kind: 'forum_session', visibility: body.visibility ?? 'public', subject_id: null, title, created_by: actor.userId });
      await roomRepository.addMember(trx, room.id, actor.userId, 'host');
      for (const id of memberIds) await roomRepository.addMember(trx, room.id, id, 'member');
      await auditRepository.recordAudit(trx, { actorId: actor.userId, action: 'room.created', subjectType: 'room', subjectId: room.id, details: { kind: room.kind, title } });
      return room;
    });
    await this.announceAdded(room.id, memberIds);
    return { room: await this.get(actor, room.id), created: true };
  }

  private async createDirect(actor: Actor, body: S.CreateRoomBody, memberIds: string[]): Promise<{ room: S.Room; created: boolean }> {
    if (memberIds.length !== 1) throw fieldError(422, 'direct_needs_one_person', '/memberIds', 'A direct room is between you and exactly one other person');
    if (body.visibility === 'public') throw fieldError(422, 'direct_room_private', '/visibility', 'Direct rooms are always members-only');
    const otherId = memberIds[0]!;
    const [me, other] = await Promise.all([userRepository.findUserById(this.db, actor.userId), userRepository.findUserById(this.db, otherId)]);
    if (!me) throw notFound('User');
    if (!other) throw fieldError(422, 'unknown_user', '/memberIds/0', 'There is no such person');
    const existing = await roomRepository.findDirectRoom(this.db, actor.userId, otherId);
    if (existing) return { room: await this.get(actor, existing.id), created: false };
    const room = await this.db.transaction().execute(async (trx) => {
      const title = body.title?.trim() || `${me.display_name} & ${other.display_name}`;
      const room = await roomRepository.insertRoom(trx, { kind: 'direct', visibility: 'members', subject_id: null, title, created_by: actor.userId });
      // Neither person hosts a direct room: there is nobody to add or remove.
      await roomRepository.addMember(trx, room.id, actor.userId, 'member');
      await roomRepository.addMember(trx, room.id, otherId, 'member');
      return room;
    });
    await this.announceAdded(room.id, [otherId]);
    return { room: await this.get(actor, room.id), created: true };
  }

  async update(actor: Actor, roomId: string, body: S.UpdateRoomBody): Promise<S.Room> {
    const access = await loadAccess(this.db, actor, roomId);
    if (!policy.manageRoom(access.role)) throw forbidden('Only hosts can change the room');
    if (access.room.kind === 'direct' && body.visibility === 'public') {
      throw fieldError(422, 'direct_room_private', '/visibility', 'Direct rooms are always members-only');
    }
    const updated = await roomRepository.updateRoom(this.db, roomId, {
      ...(body.title !== undefined && { title: body.title.trim() }),
      ...(body.visibility !== undefined && { visibility: body.visibility }),
    });
    if (!updated) throw notFound('Room');
    this.deps.events.roomUpdated({ roomId, title: updated.title, visibility: updated.visibility });
    if (access.room.visibility === 'public' && updated.visibility === 'members') {
      this.deps.events.restrictToMembers(roomId, await roomRepository.memberIds(this.db, roomId));
    }
    return this.toDto(actor, { ...access, room: updated });
  }

  // ---- membership ----

  async join(actor: Actor, roomId: string): Promise<S.Room> {
    const access = await loadAccess(this.db, actor, roomId);
    if (access.role) return this.toDto(actor, access);
    if (!policy.joinRoom(access.room.visibility)) throw new AppError(403, 'room_members_only', 'This room is open to its members only; ask a host to add you');
    await roomRepository.addMember(this.db, roomId, actor.userId, 'member');
    await this.announceAdded(roomId, [actor.userId]);
    return this.get(actor, roomId);
  }

  async leave(actor: Actor, roomId: string): Promise<void> {
    const access = await loadAccess(this.db, actor, roomId);
    if (!access.role) throw new AppError(409, 'not_a_member', 'You are not a member of this room');
    await this.removeMembership(access, actor.userId);
  }

  async addMember(actor: Actor, roomId: string, userId: string, role: RoomRole): Promise<S.RoomMember> {
    const access = await loadAccess(this.db, actor, roomId);
    if (!policy.manageRoom(access.role)) throw forbidden('Only hosts can add members');
    const user = await userRepository.findUserById(this.db, userId);
    if (!user) throw fieldError(404, 'not_found', '/userId', 'There is no such person');
    let announce = () => {};
    const added = await this.db.transaction().execute(async (trx) => {
      const added = await roomRepository.addMember(trx, roomId, userId, role);
      if (added) {
        announce = await this.deps.notifications.notify(trx, [
          { userId, kind: 'room.added', data: { roomId, roomTitle: access.room.title, byName: access.userName }, link: `/rooms/${roomId}` },
        ]);
      }
      return added;
    });
    if (!added) throw fieldError(409, 'already_member', '/userId', 'This person is already a member');
    await this.announceAdded(roomId, [userId]);
    announce();
    return toMemberDto((await roomRepository.findMember(this.db, roomId, userId))!);
  }

  async changeRole(actor: Actor, roomId: string, userId: string, role: RoomRole): Promise<S.RoomMember> {
    const access = await loadAccess(this.db, actor, roomId);
    if (!policy.manageRoom(access.role)) throw forbidden('Only hosts can change roles');
    const member = await roomRepository.findMember(this.db, roomId, userId);
    if (!member) throw notFound('Member');
    if (member.role === role) return toMemberDto(member);
    if (member.role === 'host') await this.keepAHost(roomId);
    await roomRepository.setMemberRole(this.db, roomId, userId, role);
    const changed = (await roomRepository.findMember(this.db, roomId, userId))!;
    this.deps.events.memberChanged({ roomId, userId, role, muted: changed.muted, mutedUntil: toMemberDto(changed).mutedUntil });
    return toMemberDto(changed);
  }

  async removeMember(actor: Actor, roomId: string, userId: string): Promise<void> {
    if (userId === actor.userId) return this.leave(actor, roomId);
    const access = await loadAccess(this.db, actor, roomId);
    if (!policy.manageRoom(access.role)) throw forbidden('Only hosts can remove members');
    const target = await roomRepository.findAccess(this.db, roomId, userId);
    if (!target?.role) throw notFound('Member');
    await this.removeMembership(target, userId);
  }

  private async removeMembership(access: RoomAccess, userId: string): Promise<void> {
    const roomId = access.room.id;
    if (access.role === 'host') await this.keepAHost(roomId);
    await roomRepository.removeMember(this.db, roomId, userId);
    this.deps.events.memberChanged({ roomId, userId, role: null, muted: false, mutedUntil: null });
    this.deps.events.memberRemoved(userId, roomId, access.room.visibility === 'members');
  }

  /** A room that others still use keeps a host, so someone can manage it (as organisations keep an owner). */
  private async keepAHost(roomId: string): Promise<void> {
    const { members, hosts } = await roomRepository.countMembers(this.db, roomId);
    if (hosts <= 1 && members > 1) throw new AppError(409, 'last_host', 'The room needs a host; make someone else host first');
  }

  // ---- moderation ----

  /** Mutes a person in the room for `minutes` (null: until lifted); muted people cannot write. */
  async mute(actor: Actor, roomId: string, userId: string, minutes: number | null): Promise<S.Mute> {
    const access = await loadAccess(this.db, actor, roomId);
    if (!policy.moderateRoom(access.role, actor)) throw forbidden('Only hosts and moderators can mute people');
    if (userId === actor.userId) throw fieldError(422, 'cannot_mute_self', '/userId', 'You cannot mute yourself');
    const user = await userRepository.findUserById(this.db, userId);
    if (!user) throw notFound('User');
    const until = minutes === null ? null : new Date(this.deps.clock().getTime() + minutes * 60_000);
    await this.db.transaction().execute(async (trx) => {
      await roomRepository.setMute(trx, roomId, userId, actor.userId, until);
      await auditRepository.recordAudit(trx, { actorId: actor.userId, action: 'room.user_muted', subjectType: 'room', subjectId: roomId, details: { userId, until: until?.toISOString() ?? null } });
    });
    const member = await roomRepository.findMember(this.db, roomId, userId);
    const mute = { userId, muted: true, mutedUntil: until?.toISOString() ?? null };
    this.deps.events.memberChanged({ roomId, role: member?.role ?? null, ...mute });
    return mute;
  }

  async unmute(actor: Actor, roomId: string, userId: string): Promise<void> {
    const access = await loadAccess(this.db, actor, roomId);
    if (!policy.moderateRoom(access.role, actor)) throw forbidden('Only hosts and moderators can unmute people');
    const removed = await this.db.transaction().execute(async (trx) => {
      const removed = await roomRepository.removeMute(trx, roomId, userId);
      if (removed) await auditRepository.recordAudit(trx, { actorId: actor.userId, action: 'room.user_unmuted', subjectType: 'room', subjectId: roomId, details: { userId } });
      return removed;
    });
    if (!removed) throw notFound('Mute');
    const member = await roomRepository.findMember(this.db, roomId, userId);
    this.deps.events.memberChanged({ roomId, userId, role: member?.role ?? null, muted: false, mutedUntil: null });
  }

  // ---- helpers ----

  private async announceAdded(roomId: string, userIds: string[]): Promise<void> {
    for (const userId of userIds) {
      const access = await roomRepository.findAccess(this.db, roomId, userId);
      if (!access?.role) continue;
      const actor = { userId, platformRole: null };
      this.deps.events.memberAdded(userId, toRoomDto(access.room, await standingOf(this.db, actor, access), actor, this.deps.clock()));
      this.deps.events.memberChanged({ roomId, userId, role: access.role, muted: access.mutedUntil !== undefined, mutedUntil: access.mutedUntil?.toISOString() ?? null });
    }
  }

  private async requireUsers(ids: string[]): Promise<void> {
    for (const [i, id] of ids.entries()) {
      if (!(await userRepository.findUserById(this.db, id))) throw fieldError(422, 'unknown_user', `/memberIds/${i}`, 'There is no such person');
    }
  }

  private async toDto(actor: Actor, access: RoomAccess): Promise<S.Room> {
    return toRoomDto(access.room, await standingOf(this.db, actor, access), actor, this.deps.clock());
  }
}
