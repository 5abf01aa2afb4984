import { roomRepository, type Db, type RoomAccess } from '@partnera/db';
import { policy, type Actor } from '../domain/policy';
import { AppError, notFound } from '../errors';
import { suspendedError } from './suspension';
import type { RoomStanding } from './room-dto';

/** The room and the actor's standing in it; 404 when there is no such room. */
export async function loadAccess(db: Db, actor: Actor, roomId: string, clientId?: string): Promise<RoomAccess> {
  const access = await roomRepository.findAccess(db, roomId, actor.userId, clientId);
  if (!access) throw notFound('Room');
  return access;
}

export function assertCanRead(access: RoomAccess): void {
  if (!policy.readRoom(access.room.visibility, access.role)) {
    throw new AppError(403, 'room_members_only', 'This room is open to its members only');
  }
}

/** Whether a room takes messages now: forum session rooms open at the start time and close for good. */
export function roomWindow(room: { opens_at: Date | null; closed_at: Date | null }, now: Date): 'open' | 'not_open' | 'closed' {
  if (room.closed_at) return 'closed';
  if (room.opens_at && room.opens_at.getTime() > now.getTime()) return 'not_open';
  return 'open';
}

export const roomClosedError = () => new AppError(403, 'room_read_only', 'This session is closed; its transcript is read-only');

export function assertCanPost(access: RoomAccess, now: Date = new Date()): void {
  assertCanRead(access);
  const window = roomWindow(access.room, now);
  if (window === 'closed') throw roomClosedError();
  if (window === 'not_open') {
    throw new AppError(403, 'room_not_open', `This session has not started; you can write from ${access.room.opens_at!.toISOString()}`);
  }
  // A suspended or banned account writes nowhere on the platform (moderation).
  if (access.suspendedUntil !== undefined) throw suspendedError(access.suspendedUntil);
  if (!access.role) throw new AppError(403, 'not_a_member', 'Join the room before writing in it');
  if (!policy.postInRoom(access.role, access.mutedUntil !== undefined)) {
    const until = access.mutedUntil ? ` until ${access.mutedUntil.toISOString()}` : '';
    throw new AppError(403, 'muted', `A host or moderator muted you in this room${until}`);
  }
}

/** The actor's full standing (for the room's representation): member count and unread messages. */
export async function standingOf(db: Db, actor: Actor, access: RoomAccess): Promise<RoomStanding> {
  const [memberCount, unread] = await Promise.all([
    roomRepository.memberCountOf(db, access.room.id),
    access.role ? roomRepository.unreadIn(db, access.room.id, actor.userId) : Promise.resolve(0),
  ]);
  return { role: access.role, lastReadSeq: access.lastReadSeq, unread, memberCount, mutedUntil: access.mutedUntil };
}
