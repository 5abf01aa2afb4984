/**
 * The socket.io protocol between server and web, typed once for both sides (the web imports these types
 * through api-types). Every client event is answered through its ack callback with `Ack<T>`.
 */
import type { ForumPost } from '../schemas/forums';
import type { ForumSession, SessionChange } from '../schemas/forum-sessions';
import type { Notification } from '../schemas/notifications';
import type { CompletenessCheck, ProposalEditor } from '../schemas/proposals';
import type { Message, ReadMarker, Room, RoomRole, RoomVisibility, SyncAnswer } from '../schemas/rooms';

/** Success with a value, or a failure with the same stable `code` the REST API would answer. */
export type Ack<T> = ({ ok: true } & T) | AckError;
export interface AckError {
  ok: false;
  code: string;
  detail: string;
  /** For `rate_limited`: when to try again. */
  retryAfterMs?: number;
}
export type AckCallback<T> = (answer: Ack<T>) => void;

export interface PresenceUser {
  id: string;
  displayName: string;
}

export interface JoinRequest {
  roomId: string;
  /** The newest sequence number this client holds; omit on a first visit to get the newest page. */
  afterSeq?: number;
  /** `syncedRev` of the client's previous join or sync, so edits made meanwhile come back too. */
  afterRev?: number;
}
export interface SyncRequest {
  roomId: string;
  afterSeq: number;
  afterRev?: number;
}
export interface SendRequest {
  roomId: string;
  /** Unique per message of this sender in this room; resending with the same id is safe. */
  clientId: string;
  body: string;
  replyTo?: string | null;
}

/** Opening a proposal's live document: the client's Yjs state vector (empty on a first visit). */
export interface ProposalOpenRequest {
  proposalId: string;
  stateVector: Uint8Array;
}
export interface ProposalOpenAnswer {
  /** Everything the client lacks: `Y.encodeStateAsUpdate(serverDoc, clientStateVector)`. */
  update: Uint8Array;
  /** The server's state vector; the client sends back `Y.encodeStateAsUpdate(clientDoc, stateVector)` if non-empty. */
  stateVector: Uint8Array;
  canEdit: boolean;
  checks: CompletenessCheck[];
  editors: ProposalEditor[];
}
export interface ProposalUpdateRequest {
  proposalId: string;
  update: Uint8Array;
}
export interface ProposalCursorRequest {
  proposalId: string;
  section: string | null;
  field?: string;
  index?: number;
  length?: number;
}

export interface ClientToServerEvents {
  /** Start (or stop) receiving new and changed posts of a forum thread. */
  'forum:watch': (request: { threadId: string }, ack?: AckCallback<object>) => void;
  'forum:unwatch': (request: { threadId: string }, ack?: AckCallback<object>) => void;
  /** Start (or stop) receiving the changes of a live forum session: opening, agenda pin, queue, floor, closing. */
  'forum-session:watch': (request: { sessionId: string }, ack?: AckCallback<object>) => void;
  'forum-session:unwatch': (request: { sessionId: string }, ack?: AckCallback<object>) => void;
  /** Start watching a room (messages, presence, typing) and catch up on what was missed. */
  'room:join': (request: JoinRequest, ack: AckCallback<SyncAnswer>) => void;
  /** Stop watching (membership is unchanged). */
  'room:leave': (request: { roomId: string }, ack?: AckCallback<object>) => void;
  /** Fetch missed messages without re-joining (a gap in sequence numbers, or `more`). */
  'room:sync': (request: SyncRequest, ack: AckCallback<SyncAnswer>) => void;
  /** Move the caller's read marker. */
  'room:read': (request: { roomId: string; seq: number }, ack?: AckCallback<ReadMarker>) => void;
  'message:send': (request: SendRequest, ack: AckCallback<{ message: Message }>) => void;
  'message:edit': (request: { messageId: string; body: string }, ack: AckCallback<{ message: Message }>) => void;
  'message:delete': (request: { messageId: string }, ack: AckCallback<{ message: Message }>) => void;
  typing: (request: { roomId: string; typing: boolean }) => void;
  /** Start co-editing (or reading) a proposal's live document; see ProposalOpenAnswer for the handshake. */
  'proposal:open': (request: ProposalOpenRequest, ack: AckCallback<ProposalOpenAnswer>) => void;
  /** A Yjs update made by this client (partner members only); stored before it is relayed. */
  'proposal:update': (request: ProposalUpdateRequest, ack: AckCallback<object>) => void;
  /** Where the caller is editing (section / field / selection); not stored. */
  'proposal:cursor': (request: ProposalCursorRequest) => void;
  'proposal:close': (request: { proposalId: string }, ack?: AckCallback<object>) => void;
}

export interface ServerToClientEvents {
  /** A new post in a watched forum thread (stored before it is sent; as an anonymous reader sees it). */
  'forum:post': (post: ForumPost) => void;
  /** A post in a watched thread was edited, reacted to, hidden, shown again or deleted: refetch it. */
  'forum:post-updated': (change: { threadId: string; postId: string }) => void;
  'forum:thread-updated': (change: { threadId: string }) => void;
  /** A watched session changed (stored first); the whole session as everybody sees it after the change. */
  'forum-session:changed': (update: { change: SessionChange; session: ForumSession }) => void;
  /** A watched session was cancelled before it started. */
  'forum-session:cancelled': (info: { sessionId: string }) => void;
  /** A new message in a watched room; the sender receives it too. */
  'message:new': (message: Message) => void;
  /** An edited, deleted, hidden or unhidden message in a watched room. */
  'message:updated': (message: Message) => void;
  /** Something new in one of the user's rooms that this connection is not watching (unread badges). */
  'room:activity': (activity: { roomId: string; seq: number; senderId: string | null }) => void;
  /** The user's read marker moved (possibly in another tab). */
  'room:read': (marker: ReadMarker) => void;
  /** Title or visibility changed. */
  'room:updated': (room: { roomId: string; title: string; visibility: RoomVisibility }) => void;
  /** Someone joined, left, changed role, or was muted or unmuted; role null means no longer a member. */
  'room:member': (change: { roomId: string; userId: string; role: RoomRole | null; muted: boolean; mutedUntil: string | null }) => void;
  /** The user was added to a room (their room list should show it). */
  'room:added': (room: Room) => void;
  /** This connection may no longer watch the room (removed, or the room became members-only). */
  'room:removed': (info: { roomId: string; reason: 'removed' | 'members_only' }) => void;
  /**
   * Everyone watching the room now, one entry per person, sent whenever someone comes or goes. It also
   * carries the room's newest sequence number: a client behind it syncs (a message whose broadcast died
   * with a server process is picked up this way when that process's clients reconnect elsewhere).
   */
  presence: (presence: { roomId: string; users: PresenceUser[]; lastSeq: number }) => void;
  typing: (typing: { roomId: string; user: PresenceUser; typing: boolean }) => void;
  /** A notification for the signed-in user (the bell). */
  notification: (notification: Notification) => void;
  /** A Yjs update by another editor of an open proposal. */
  'proposal:update': (update: { proposalId: string; update: Uint8Array; userId: string }) => void;
  /** Who has the proposal open and where they are editing. */
  'proposal:editors': (editors: { proposalId: string; editors: ProposalEditor[] }) => void;
  /** Completeness checks recomputed after edits or meta changes. */
  'proposal:checks': (checks: { proposalId: string; checks: CompletenessCheck[] }) => void;
  /** Meta, partners, versions or comments changed: refetch over REST. */
  'proposal:meta': (meta: { proposalId: string }) => void;
}

/** Kept on each socket; plain data, because other processes read it through the adapter. */
export interface SocketData {
  userId: string;
  displayName: string;
  platformRole: 'admin' | 'moderator' | null;
  /** Where this connection is editing each open proposal (read by every process for the editors list). */
  proposalCursors?: Record<string, Omit<ProposalCursorRequest, 'proposalId'>>;
}
