import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { PageQuery, Timestamp, Uuid } from './common';

/** The most a message may hold, in characters (Unicode code points). */
export const MESSAGE_MAX_CHARS = 4000 as const;

export const RoomKind = Type.Union([Type.Literal('idea'), Type.Literal('proposal'), Type.Literal('forum_session'), Type.Literal('direct')]);
export type RoomKind = Static<typeof RoomKind>;
export const RoomVisibility = Type.Union([Type.Literal('public'), Type.Literal('members')]);
export type RoomVisibility = Static<typeof RoomVisibility>;
export const RoomRole = Type.Union([Type.Literal('member'), Type.Literal('host')]);
export type RoomRole = Static<typeof RoomRole>;

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Seq = Type.Integer({ minimum: 0, maximum: 2_147_483_647 });

export const Room = Type.Object({
  id: Uuid,
  kind: RoomKind,
  visibility: RoomVisibility,
  subjectId: Nullable(Uuid),
  title: Type.String(),
  createdAt: Timestamp,
  lastActivityAt: Timestamp,
  /** Sequence number of the newest message. */
  lastSeq: Type.Integer(),
  memberCount: Type.Integer(),
  /** The caller's role, or null when not a member. */
  myRole: Nullable(RoomRole),
  /** Messages by others the caller has not read (0 when not a member). */
  unread: Type.Integer(),
  lastReadSeq: Type.Integer(),
  /** When the caller's mute ends; null if muted until lifted; absent (null + muted false) when not muted. */
  muted: Type.Boolean(),
  mutedUntil: Nullable(Timestamp),
  canPost: Type.Boolean(),
  canModerate: Type.Boolean(),
  canManage: Type.Boolean(),
  /** Closed for good (a finished forum session): messages stay readable, nobody writes. */
  readOnly: Type.Boolean(),
  /** When a room that does not take messages yet opens (a scheduled forum session); null otherwise. */
  opensAt: Nullable(Timestamp),
});
export type Room = Static<typeof Room>;

export const RoomPage = Type.Object({ items: Type.Array(Room), nextCursor: Nullable(Type.String()) });
export const RoomListQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export const RoomUnread = Type.Object({ rooms: Type.Integer(), messages: Type.Integer() });
export type RoomUnread = Static<typeof RoomUnread>;

const Title = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

export const CreateRoomBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('forum_session'), Type.Literal('direct')]),
    title: Type.Optional(Title),
    visibility: Type.Optional(RoomVisibility),
    /** Direct rooms: the other person (exactly one). Forum sessions: optional first members. */
    memberIds: Type.Optional(Type.Array(Uuid, { maxItems: 50, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type CreateRoomBody = Static<typeof CreateRoomBody>;

export const UpdateRoomBody = Type.Object(
  { title: Type.Optional(Title), visibility: Type.Optional(RoomVisibility) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateRoomBody = Static<typeof UpdateRoomBody>;

export const RoomMember = Type.Object({
  userId: Uuid,
  displayName: Type.String(),
  role: RoomRole,
  joinedAt: Timestamp,
  muted: Type.Boolean(),
  mutedUntil: Nullable(Timestamp),
});
export type RoomMember = Static<typeof RoomMember>;
export const RoomMemberList = Type.Object({ items: Type.Array(RoomMember) });

export const AddRoomMemberBody = Type.Object({ userId: Uuid, role: Type.Optional(RoomRole) }, { additionalProperties: false });
export const ChangeRoomRoleBody = Type.Object({ role: RoomRole }, { additionalProperties: false });
export const RoomMemberParams = Type.Object({ id: Uuid, userId: Uuid });
export const MessageParams = Type.Object({ id: Uuid, messageId: Uuid });

export const MuteBody = Type.Object(
  { minutes: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 60 * 24 * 30 }))) },
  { additionalProperties: false },
);
export const Mute = Type.Object({ userId: Uuid, muted: Type.Boolean(), mutedUntil: Nullable(Timestamp) });
export type Mute = Static<typeof Mute>;

export const MessageSender = Type.Object({ id: Uuid, displayName: Type.String() });

export const ReplyRef = Type.Object({
  id: Uuid,
  seq: Type.Integer(),
  senderName: Nullable(Type.String()),
  /** The start of the replied-to text; null when it was deleted or hidden. */
  excerpt: Nullable(Type.String()),
});

export const Message = Type.Object({
  id: Uuid,
  roomId: Uuid,
  seq: Type.Integer(),
  /** Room revision of the latest change; catch-up of edits uses it. */
  rev: Type.Integer(),
  clientId: Type.String(),
  sender: Nullable(MessageSender),
  /** Raw Markdown; null once deleted by its sender or hidden by a moderator. */
  body: Nullable(Type.String()),
  replyTo: Nullable(ReplyRef),
  mentions: Type.Array(Uuid),
  createdAt: Timestamp,
  editedAt: Nullable(Timestamp),
  deleted: Type.Boolean(),
  hidden: Type.Boolean(),
});
export type Message = Static<typeof Message>;

export const HistoryQuery = Type.Object(
  {
    before: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
    after: Type.Optional(Seq),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type HistoryQuery = Static<typeof HistoryQuery>;
export const MessagePage = Type.Object({
  items: Type.Array(Message),
  /** Pass as `before` for the older page; null at the start of the room. */
  nextBefore: Nullable(Type.Integer()),
  /** With `after`: more messages follow (pass the last seq as `after`). */
  more: Type.Boolean(),
});
export type MessagePage = Static<typeof MessagePage>;

const ClientId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
// The length limit is checked by the service, so the error names it; transports cap the raw size.
const Body = Type.String();

export const SendMessageBody = Type.Object(
  { clientId: ClientId, body: Body, replyTo: Type.Optional(Nullable(Uuid)) },
  { additionalProperties: false },
);
export type SendMessageBody = Static<typeof SendMessageBody>;
export const EditMessageBody = Type.Object({ body: Body }, { additionalProperties: false });
export const HideMessageBody = Type.Object({ hidden: Type.Boolean() }, { additionalProperties: false });
export const ReadBody = Type.Object({ seq: Seq }, { additionalProperties: false });
export const ReadMarker = Type.Object({ roomId: Uuid, lastReadSeq: Type.Integer(), unread: Type.Integer() });
export type ReadMarker = Static<typeof ReadMarker>;

// ---- socket event payloads (validated with the same schemas) ----

export const JoinPayload = Type.Object(
  {
    roomId: Uuid,
    /** The newest sequence number this client holds; omitted on a first visit (the newest page comes back). */
    afterSeq: Type.Optional(Seq),
    /** The revision of the client's last sync, so edits made meanwhile come back too. */
    afterRev: Type.Optional(Seq),
  },
  { additionalProperties: false },
);
export type JoinPayload = Static<typeof JoinPayload>;
export const SyncPayload = Type.Object({ roomId: Uuid, afterSeq: Seq, afterRev: Type.Optional(Seq) }, { additionalProperties: false });
export type SyncPayload = Static<typeof SyncPayload>;
export const RoomRef = Type.Object({ roomId: Uuid }, { additionalProperties: false });
export const ReadPayload = Type.Object({ roomId: Uuid, seq: Seq }, { additionalProperties: false });
export const SendPayload = Type.Object(
  { roomId: Uuid, clientId: ClientId, body: Body, replyTo: Type.Optional(Nullable(Uuid)) },
  { additionalProperties: false },
);
export type SendPayload = Static<typeof SendPayload>;
export const EditPayload = Type.Object({ messageId: Uuid, body: Body }, { additionalProperties: false });
export const DeletePayload = Type.Object({ messageId: Uuid }, { additionalProperties: false });
export const TypingPayload = Type.Object({ roomId: Uuid, typing: Type.Boolean() }, { additionalProperties: false });

/** What a client gets back on joining or syncing: missed messages and changes, and where it now stands. */
export const SyncAnswer = Type.Object({
  room: Room,
  messages: Type.Array(Message),
  changed: Type.Array(Message),
  /** More messages follow: sync again from the last one. */
  more: Type.Boolean(),
  /** On a first visit: older messages exist (load them over REST with `before`). */
  olderExist: Type.Boolean(),
  /** Pass as `afterRev` next time. */
  syncedRev: Type.Integer(),
});
export type SyncAnswer = Static<typeof SyncAnswer>;
