import {
  auditRepository,
  roomMessageRepository,
  roomRepository,
  type Db,
  type MessageRow,
  type NotificationInput,
  type RoomAccess,
  type RoomMessage,
} from '@partnera/db';
import { findMentions, mentionedIds } from '../domain/mentions';
import { policy, type Actor } from '../domain/policy';
import { AppError, forbidden, isUniqueViolation, notFound } from '../errors';
import { MESSAGE_MAX_CHARS, type HistoryQuery, type Message, type MessagePage, type ReadMarker, type SyncAnswer } from '../schemas/rooms';
import type { NotificationService } from './notification.service';
import { RateLimitedError, type MessageRateLimiter } from './rate-limiter';
import { assertCanPost, assertCanRead, loadAccess, roomClosedError, standingOf } from './room-access';
import { excerpt, toMessageDto, toRoomDto } from './room-dto';
import type { RoomEvents } from './room-events';
import { RoomMessageWriter, type Written } from './room-writer';

/** Newest messages handed to a first-time visitor; older ones load page by page over REST. */
const FIRST_PAGE = 50;
/** Most messages (and changes) one catch-up returns; the client syncs again while `more`. */
const SYNC_LIMIT = 500;

export interface RoomMessageServiceDeps {
  db: Db;
  notifications: NotificationService;
  events: RoomEvents;
  limiter: MessageRateLimiter;
  clock: () => Date;
}

export interface SendInput {
  clientId: string;
  body: string;
  replyTo?: string | null;
}

/** Messages: written to PostgreSQL with the room's next sequence number first, announced after. */
export class RoomMessageService {
  private readonly writer: RoomMessageWriter;

  constructor(private readonly deps: RoomMessageServiceDeps) {
    this.writer = new RoomMessageWriter(deps.db, deps.notifications, deps.clock);
  }

  private get db() {
    return this.deps.db;
  }

  /**
   * Stores and announces a message. A resend with a client id already stored returns the stored message
   * (`replayed`) and announces it again, because the first announcement may have died with a server process.
   * The common case costs one statement: the access rules are checked inside the insert, and only a message
   * it leaves out is looked at again to say why.
   */
  async send(actor: Actor, roomId: string, input: SendInput): Promise<{ message: Message; replayed: boolean }> {
    const text = checkBody(input.body);
    let mentions: string[] = [];
    let access: RoomAccess | null = null;
    if (text.includes('@')) {
      // Mentions notify people, so check first and know the room (its title goes into the notification).
      access = await loadAccess(this.db, actor, roomId, input.clientId);
      if (access.existingMessageId) return this.replay(actor, access.existingMessageId);
      assertCanPost(access, this.deps.clock());
      mentions = await this.mentionsIn(roomId, text, actor.userId);
    }
    const wait = await this.deps.limiter.take(actor.userId);
    if (wait > 0) {
      // A resend of a stored message is not a new message: answer it even past the limit.
      const existing = access?.existingMessageId ?? (await loadAccess(this.db, actor, roomId, input.clientId)).existingMessageId;
      if (existing) return this.replay(actor, existing);
      throw new RateLimitedError(wait);
    }

    const newMessage = { senderId: actor.userId, clientId: input.clientId, body: text, replyTo: input.replyTo ?? null, mentions };
    const notices = access && mentions.length > 0 ? this.mentionNotices(access, mentions, text) : null;
    let written: Written | null = null;
    try {
      written = await this.writer.write(roomId, newMessage, notices);
    } catch (error) {
      // A concurrent resend with the same client id won the race; the refusal below finds it stored.
      if (!isUniqueViolation(error)) throw error;
    }
    if (!written?.row) return this.refused(actor, roomId, input);
    const message = toMessageDto(written.row);
    this.deps.events.messageCreated(message);
    written.announce();
    return { message, replayed: false };
  }

  /** Why the insert left a message out: a resend (answered with the stored one), or a rule it broke. */
  private async refused(actor: Actor, roomId: string, input: SendInput): Promise<{ message: Message; replayed: boolean }> {
    const access = await loadAccess(this.db, actor, roomId, input.clientId);
    if (access.existingMessageId) return this.replay(actor, access.existingMessageId);
    assertCanPost(access, this.deps.clock());
    if (input.replyTo) {
      throw new AppError(422, 'invalid_reply', 'The message you reply to is not in this room', [{ path: '/replyTo', message: 'not in this room' }]);
    }
    // Membership or a mute changed between the insert and this look; the client may simply retry.
    throw new AppError(409, 'room_changed', 'The room changed while your message was sent; send it again');
  }

  private async replay(actor: Actor, messageId: string): Promise<{ message: Message; replayed: boolean }> {
    const row = await roomMessageRepository.findMessage(this.db, messageId);
    if (!row) throw notFound('Message');
    const message = toMessageDto(row);
    // Re-announcing costs a broadcast, so it counts against the sender's rate; past it, just answer.
    if ((await this.deps.limiter.take(actor.userId)) === 0) this.deps.events.messageCreated(message);
    return { message, replayed: true };
  }

  /** `roomId`, when given (REST paths), must be the message's room. */
  async edit(actor: Actor, messageId: string, body: string, roomId?: string): Promise<Message> {
    const text = checkBody(body);
    const { row, access } = await this.ownMessage(actor, messageId, roomId);
    assertCanPost(access, this.deps.clock());
    if (row.deleted_at) throw new AppError(409, 'message_deleted', 'This message was deleted');
    if (row.hidden_at) throw new AppError(409, 'message_hidden', 'A moderator hid this message; it cannot be edited');
    if (text === row.body) return toMessageDto(row);
    const mentions = await this.mentionsIn(row.room_id, text, actor.userId);
    const added = mentions.filter((id) => !row.mentions.includes(id));
    let announceNotifications = () => {};
    const updated = await this.db.transaction().execute(async (trx) => {
      const changed = await roomMessageRepository.updateMessage(trx, row.room_id, row.id, { body: text, mentions, edited_at: this.deps.clock() });
      if (!changed) throw notFound('Message');
      // Only people newly mentioned hear about it: an edit must not notify everyone again.
      if (added.length > 0) announceNotifications = await this.deps.notifications.notify(trx, this.mentionNotices(access, added, text)(changed));
      return changed;
    });
    const message = toMessageDto({ ...row, ...updated });
    this.deps.events.messageUpdated(message);
    announceNotifications();
    return message;
  }

  /** The sender deletes their message: its place stays (shown as deleted), its text goes. */
  async delete(actor: Actor, messageId: string, roomId?: string): Promise<Message> {
    const { row, access } = await this.ownMessage(actor, messageId, roomId);
    assertCanRead(access);
    // A closed room's transcript is a record: nobody takes words out of it afterwards.
    if (access.room.closed_at) throw roomClosedError();
    if (row.deleted_at) return toMessageDto(row);
    const updated = await roomMessageRepository.updateMessage(this.db, row.room_id, row.id, { deleted_at: this.deps.clock(), body: '', mentions: [] });
    if (!updated) throw notFound('Message');
    const message = toMessageDto({ ...row, ...updated });
    this.deps.events.messageUpdated(message);
    return message;
  }

  /** Hosts and platform moderators hide (or show again) a message for everyone; the text is kept for review. */
  async setHidden(actor: Actor, roomId: string, messageId: string, hidden: boolean): Promise<Message> {
    const access = await loadAccess(this.db, actor, roomId);
    if (!policy.moderateRoom(access.role, actor)) throw forbidden('Only hosts and moderators can hide messages');
    const row = await roomMessageRepository.findMessage(this.db, messageId);
    if (!row || row.room_id !== roomId) throw notFound('Message');
    if ((row.hidden_at !== null) === hidden) return toMessageDto(row);
    const updated = await this.db.transaction().execute(async (trx) => {
      const changed = await roomMessageRepository.updateMessage(trx, roomId, messageId, hidden ? { hidden_at: this.deps.clock(), hidden_by: actor.userId } : { hidden_at: null, hidden_by: null });
      await auditRepository.recordAudit(trx, {
        actorId: actor.userId,
        action: hidden ? 'room.message_hidden' : 'room.message_shown',
        subjectType: 'room',
        subjectId: roomId,
        details: { messageId, seq: row.seq, senderId: row.sender_id },
      });
      return changed;
    });
    if (!updated) throw notFound('Message');
    const message = toMessageDto({ ...row, ...updated });
    this.deps.events.messageUpdated(message);
    return message;
  }

  /** Moderation hides (or shows again) a message without a room role: automatic hiding after reports, appeals, the review queue. */
  async setHiddenBySystem(messageId: string, hidden: boolean, by: string | null): Promise<Message | null> {
    const row = await roomMessageRepository.findMessage(this.db, messageId);
    if (!row) return null;
    if ((row.hidden_at !== null) === hidden) return toMessageDto(row);
    const updated = await roomMessageRepository.updateMessage(this.db, row.room_id, messageId, hidden ? { hidden_at: this.deps.clock(), hidden_by: by } : { hidden_at: null, hidden_by: null });
    if (!updated) return null;
    const message = toMessageDto({ ...row, ...updated });
    this.deps.events.messageUpdated(message);
    return message;
  }

  /** A page of history: before a sequence number (newest page without one), or after one. */
  async history(actor: Actor, roomId: string, query: HistoryQuery): Promise<MessagePage> {
    if (query.before !== undefined && query.after !== undefined) {
      throw new AppError(400, 'invalid_query', 'Ask for messages before or after a sequence number, not both');
    }
    const access = await loadAccess(this.db, actor, roomId);
    assertCanRead(access);
    const limit = query.limit ?? 50;
    if (query.after !== undefined) {
      const page = await roomMessageRepository.listAfter(this.db, roomId, query.after, limit);
      return { items: page.items.map(toMessageDto), nextBefore: null, more: page.more };
    }
    const page = await roomMessageRepository.listBefore(this.db, roomId, query.before ?? null, limit);
    return { items: page.items.map(toMessageDto), nextBefore: page.more ? (page.items[0]?.seq ?? null) : null, more: false };
  }

  /** Checks that the actor may watch the room (before their connection subscribes to it). */
  async authorizeWatch(actor: Actor, roomId: string): Promise<RoomAccess> {
    const access = await loadAccess(this.db, actor, roomId);
    assertCanRead(access);
    return access;
  }

  /**
   * What a (re)joining or lagging client missed. Call it after subscribing the connection, so that nothing
   * committed in between is missed: the room is read first, then the messages, so `syncedRev` never claims
   * a change that the answer does not hold.
   */
  async catchUp(actor: Actor, roomId: string, afterSeq?: number, afterRev?: number): Promise<SyncAnswer> {
    const access = await loadAccess(this.db, actor, roomId);
    assertCanRead(access);
    const room = toRoomDto(access.room, await standingOf(this.db, actor, access), actor, this.deps.clock());
    if (afterSeq === undefined) {
      const page = await roomMessageRepository.listBefore(this.db, roomId, null, FIRST_PAGE);
      return { room, messages: page.items.map(toMessageDto), changed: [], more: false, olderExist: page.more, syncedRev: access.room.last_rev };
    }
    const result = await roomMessageRepository.sync(this.db, roomId, afterSeq, afterRev ?? access.room.last_rev, SYNC_LIMIT);
    // A truncated list of changes continues from its last revision next time.
    const changesCut = result.changed.length >= SYNC_LIMIT;
    return {
      room,
      messages: result.messages.map(toMessageDto),
      changed: result.changed.map(toMessageDto),
      more: result.more || changesCut,
      olderExist: false,
      syncedRev: changesCut ? result.changed.at(-1)!.rev : access.room.last_rev,
    };
  }

  /** Moves the member's read marker forward; other tabs of the same person hear of it. */
  async markRead(actor: Actor, roomId: string, seq: number): Promise<ReadMarker> {
    const access = await loadAccess(this.db, actor, roomId);
    if (!access.role) throw new AppError(403, 'not_a_member', 'Only members keep a read marker; join the room first');
    const lastReadSeq = (await roomRepository.markRead(this.db, roomId, actor.userId, seq)) ?? access.lastReadSeq;
    const marker = { roomId, lastReadSeq, unread: await roomRepository.unreadIn(this.db, roomId, actor.userId) };
    this.deps.events.readMarker(actor.userId, marker);
    return marker;
  }

  private async ownMessage(actor: Actor, messageId: string, roomId?: string): Promise<{ row: MessageRow; access: RoomAccess }> {
    const row = await roomMessageRepository.findMessage(this.db, messageId);
    if (!row || (roomId !== undefined && row.room_id !== roomId)) throw notFound('Message');
    const access = await loadAccess(this.db, actor, row.room_id);
    // Someone who cannot read the room learns nothing about its messages.
    if (!policy.readRoom(access.room.visibility, access.role)) throw notFound('Message');
    if (row.sender_id !== actor.userId) throw forbidden('You can only change your own messages');
    return { row, access };
  }

  private async mentionsIn(roomId: string, text: string, senderId: string): Promise<string[]> {
    if (!text.includes('@')) return [];
    const candidates = await roomRepository.findMentionCandidates(this.db, roomId, text, mentionedIds(text));
    return findMentions(text, candidates.map((c) => ({ id: c.user_id, displayName: c.display_name })), senderId);
  }

  /** The notifications for the people a message mentions, once it is stored. */
  private mentionNotices(access: RoomAccess, userIds: string[], text: string): (message: RoomMessage) => NotificationInput[] {
    return (message) => userIds.map((userId) => ({
      userId,
      kind: 'room.mention',
      data: { roomId: access.room.id, roomTitle: access.room.title, messageId: message.id, seq: message.seq, senderName: access.userName, excerpt: excerpt(text) },
      link: `/rooms/${access.room.id}?seq=${message.seq}`,
    }));
  }
}

/** Trims the text and enforces the limits, with errors that say what to fix. */
export function checkBody(body: string): string {
  const text = body.trim();
  if (text.length === 0) throw new AppError(422, 'message_empty', 'Write something before sending', [{ path: '/body', message: 'empty' }]);
  // PostgreSQL cannot store NUL in text; no keyboard types it either.
  if (text.includes('\u0000')) throw new AppError(422, 'invalid_characters', 'The message contains a NUL character', [{ path: '/body', message: 'NUL character' }]);
  const length = [...text].length;
  if (length > MESSAGE_MAX_CHARS) {
    throw new AppError(
      422,
      'message_too_long',
      `A message can have at most ${MESSAGE_MAX_CHARS.toLocaleString('en')} characters; this one has ${length.toLocaleString('en')}`,
      [{ path: '/body', message: `at most ${MESSAGE_MAX_CHARS} characters` }],
    );
  }
  return text;
}
