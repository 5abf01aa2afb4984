import type { MessageRow, Room as RoomRecord, RoomMemberRow, RoomRole } from '@partnera/db';
import { policy, type Actor } from '../domain/policy';
import type { Message, Room, RoomMember } from '../schemas/rooms';
import { roomWindow } from './room-access';

const EXCERPT_CHARS = 140;

/** How the caller stands in a room, for the room's representation. */
export interface RoomStanding {
  role: RoomRole | null;
  lastReadSeq: number;
  unread: number;
  memberCount: number;
  /** Active mute: its end or null (until lifted); undefined when not muted. */
  mutedUntil: Date | null | undefined;
}

export function toRoomDto(room: RoomRecord, standing: RoomStanding, actor: Actor | null, now: Date = new Date()): Room {
  const muted = standing.mutedUntil !== undefined;
  const window = roomWindow(room, now);
  return {
    id: room.id,
    kind: room.kind,
    visibility: room.visibility,
    subjectId: room.subject_id,
    title: room.title,
    createdAt: room.created_at.toISOString(),
    lastActivityAt: room.last_activity_at.toISOString(),
    lastSeq: room.last_seq,
    memberCount: standing.memberCount,
    myRole: standing.role,
    unread: standing.role ? standing.unread : 0,
    lastReadSeq: standing.role ? standing.lastReadSeq : 0,
    muted,
    mutedUntil: standing.mutedUntil ? standing.mutedUntil.toISOString() : null,
    canPost: window === 'open' && policy.postInRoom(standing.role, muted),
    readOnly: window === 'closed',
    opensAt: window === 'not_open' && room.opens_at ? room.opens_at.toISOString() : null,
    canModerate: policy.moderateRoom(standing.role, actor),
    canManage: policy.manageRoom(standing.role),
  };
}

export function toMemberDto(m: RoomMemberRow): RoomMember {
  return {
    userId: m.user_id,
    displayName: m.display_name,
    role: m.role,
    joinedAt: m.joined_at.toISOString(),
    muted: m.muted,
    mutedUntil: m.muted && m.muted_until ? m.muted_until.toISOString() : null,
  };
}

/** The first words of a message, on one line, for reply previews and notifications. */
export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= EXCERPT_CHARS ? flat : `${chars.slice(0, EXCERPT_CHARS - 1).join('')}…`;
}

/** What the API shows: deleted and hidden messages keep their place but not their text. */
export function toMessageDto(row: MessageRow): Message {
  const gone = row.deleted_at !== null || row.hidden_at !== null;
  const replyGone = row.reply_deleted_at !== null || row.reply_hidden_at !== null;
  return {
    id: row.id,
    roomId: row.room_id,
    seq: row.seq,
    rev: row.rev,
    clientId: row.client_id,
    sender: row.sender_id ? { id: row.sender_id, displayName: row.sender_name ?? '' } : null,
    body: gone ? null : row.body,
    replyTo:
      row.reply_to && row.reply_seq !== null
        ? { id: row.reply_to, seq: row.reply_seq, senderName: row.reply_sender_name, excerpt: replyGone || row.reply_body === null ? null : excerpt(row.reply_body) }
        : null,
    mentions: row.mentions,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    deleted: row.deleted_at !== null,
    hidden: row.hidden_at !== null,
  };
}
