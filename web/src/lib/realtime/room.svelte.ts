import type { Message, PresenceUser, Room, SyncAnswer } from '@partnera/server/api-types';
import { ApiError } from '../api/client';
import { roomsApi } from '../api/rooms';
import { setRoomUnread } from '../rooms.svelte';
import { RoomSequencer } from './sequencer';
import { onConnection, realtime, request, type RoomSocket } from './socket.svelte';

/** A message typed here that the server has not acknowledged yet. */
export interface Outgoing {
  clientId: string;
  body: string;
  replyTo: Message | null;
  /** `failed` holds the server's refusal (code); sending ones are retried after a reconnect. */
  state: 'sending' | 'failed';
  code?: string;
  detail?: string;
}

export interface Typist {
  user: PresenceUser;
  until: number;
}

const HISTORY_PAGE = 50;
/** A typing indicator disappears unless refreshed within this time. */
const TYPING_SHOWN_MS = 5_000;
const TYPING_SEND_EVERY_MS = 2_000;
const TYPING_IDLE_MS = 3_000;

function newClientId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

/**
 * One open room: messages in sequence order with nothing missing or doubled (the sequencer), catch-up on
 * every (re)connection from the last sequence number held, unacknowledged messages resent with their
 * client ids, presence, typing and the read marker.
 */
export class RoomSession {
  room = $state<Room | null>(null);
  messages = $state<Message[]>([]);
  outgoing = $state<Outgoing[]>([]);
  presence = $state<PresenceUser[]>([]);
  typists = $state<Typist[]>([]);
  /** An older page exists (scrolling up loads it). */
  olderExist = $state(false);
  loadingOlder = $state(false);
  joined = $state(false);
  /** A refusal to watch the room at all (e.g. room_members_only). */
  joinError = $state<{ code: string; detail: string } | null>(null);
  removed = $state<'removed' | 'members_only' | null>(null);

  private readonly sequencer: RoomSequencer<Message>;
  private stopConnection: (() => void) | null = null;
  private typingSentAt = 0;
  private typingIdle: ReturnType<typeof setTimeout> | null = null;
  private typingSweep: ReturnType<typeof setInterval> | null = null;
  private lastReadSent = 0;

  constructor(
    readonly roomId: string,
    private readonly meId: string,
  ) {
    this.sequencer = new RoomSequencer<Message>({
      deliver: (m) => {
        this.messages.push(m);
        this.outgoing = this.outgoing.filter((o) => o.clientId !== m.clientId || m.sender?.id !== this.meId);
      },
      update: (m) => this.replace(m),
      requestSync: (afterSeq, afterRev) => void this.sync(afterSeq, afterRev),
    });
  }

  get connection() {
    return realtime.status;
  }

  start(): void {
    this.stopConnection = onConnection((s) => this.attach(s));
    this.typingSweep = setInterval(() => {
      const now = Date.now();
      if (this.typists.some((t) => t.until <= now)) this.typists = this.typists.filter((t) => t.until > now);
    }, 1_000);
  }

  stop(): void {
    this.stopConnection?.();
    this.stopConnection = null;
    this.sequencer.pause();
    if (this.typingSweep) clearInterval(this.typingSweep);
    if (this.typingIdle) clearTimeout(this.typingIdle);
    if (realtime.socket?.connected) realtime.socket.emit('room:leave', { roomId: this.roomId });
  }

  private attach(s: RoomSocket): () => void {
    const mine = (x: { roomId: string }) => x.roomId === this.roomId;
    const onNew = (m: Message) => mine(m) && this.sequencer.receive(m);
    const onUpdated = (m: Message) => mine(m) && this.sequencer.receiveUpdate(m);
    const onPresence = (p: { roomId: string; users: PresenceUser[]; lastSeq: number }) => {
      if (!mine(p)) return;
      this.presence = p.users;
      this.sequencer.noteHead(p.lastSeq);
    };
    const onTyping = (t: { roomId: string; user: PresenceUser; typing: boolean }) => {
      if (!mine(t) || t.user.id === this.meId) return;
      const others = this.typists.filter((x) => x.user.id !== t.user.id);
      this.typists = t.typing ? [...others, { user: t.user, until: Date.now() + TYPING_SHOWN_MS }] : others;
    };
    const onMember = (c: { roomId: string; userId: string; role: Room['myRole']; muted: boolean; mutedUntil: string | null }) => {
      if (!mine(c) || c.userId !== this.meId || !this.room) return;
      const canPost = c.role !== null && !c.muted && !this.room.readOnly && this.room.opensAt === null;
      this.room = { ...this.room, myRole: c.role, muted: c.muted, mutedUntil: c.mutedUntil, canPost };
    };
    const onUpdatedRoom = (r: { roomId: string; title: string; visibility: Room['visibility'] }) => {
      if (mine(r) && this.room) this.room = { ...this.room, title: r.title, visibility: r.visibility };
    };
    const onRemoved = (r: { roomId: string; reason: 'removed' | 'members_only' }) => {
      if (mine(r)) this.removed = r.reason;
    };
    const onConnect = () => void this.join();
    const onDisconnect = () => {
      this.joined = false;
      this.sequencer.pause();
    };
    s.on('message:new', onNew);
    s.on('message:updated', onUpdated);
    s.on('presence', onPresence);
    s.on('typing', onTyping);
    s.on('room:member', onMember);
    s.on('room:updated', onUpdatedRoom);
    s.on('room:removed', onRemoved);
    s.on('connect', onConnect);
    s.on('disconnect', onDisconnect);
    if (s.connected) void this.join();
    return () => {
      s.off('message:new', onNew);
      s.off('message:updated', onUpdated);
      s.off('presence', onPresence);
      s.off('typing', onTyping);
      s.off('room:member', onMember);
      s.off('room:updated', onUpdatedRoom);
      s.off('room:removed', onRemoved);
      s.off('connect', onConnect);
      s.off('disconnect', onDisconnect);
    };
  }

  /** Joins (first visit: the newest page) or rejoins from the last sequence number held. */
  private async join(): Promise<void> {
    const last = this.sequencer.lastSeq;
    let answer;
    try {
      answer = await request('room:join', { roomId: this.roomId, ...(last !== null && { afterSeq: last, afterRev: this.sequencer.syncedRev }) });
    } catch {
      return; // disconnected again; the next connect rejoins
    }
    if (!answer.ok) {
      this.joinError = { code: answer.code, detail: answer.detail };
      return;
    }
    this.apply(answer);
    if (last === null) this.olderExist = answer.olderExist;
    this.joined = true;
    this.joinError = null;
    // Whatever this tab sent but never heard back about goes again, with the same client ids.
    for (const o of this.outgoing) if (o.state === 'sending') void this.deliver(o);
  }

  private async sync(afterSeq: number, afterRev: number): Promise<void> {
    try {
      const answer = await request('room:sync', { roomId: this.roomId, afterSeq, afterRev });
      if (answer.ok) this.apply(answer);
      else this.sequencer.syncFailed();
    } catch {
      this.sequencer.syncFailed();
    }
  }

  private apply(answer: SyncAnswer): void {
    this.room = answer.room;
    this.sequencer.applyAnswer(answer);
  }

  private replace(m: Message): void {
    const i = this.messages.findIndex((x) => x.id === m.id);
    if (i >= 0 && this.messages[i]!.rev <= m.rev) this.messages[i] = m;
  }

  /** Loads the page before the oldest message shown (REST history). */
  async loadOlder(): Promise<void> {
    if (this.loadingOlder || !this.olderExist) return;
    const oldest = this.messages[0]?.seq;
    if (oldest === undefined) return;
    this.loadingOlder = true;
    try {
      const page = await roomsApi.history(this.roomId, { before: oldest, limit: HISTORY_PAGE });
      const known = new Set(this.messages.map((m) => m.id));
      this.messages.unshift(...page.items.filter((m) => !known.has(m.id)));
      this.olderExist = page.nextBefore !== null;
    } finally {
      this.loadingOlder = false;
    }
  }

  send(body: string, replyTo: Message | null): void {
    const item: Outgoing = { clientId: newClientId(), body, replyTo, state: 'sending' };
    this.outgoing.push(item);
    this.stopTyping();
    void this.deliver(item);
  }

  retry(clientId: string): void {
    const item = this.outgoing.find((o) => o.clientId === clientId);
    if (!item) return;
    item.state = 'sending';
    void this.deliver(item);
  }

  discard(clientId: string): void {
    this.outgoing = this.outgoing.filter((o) => o.clientId !== clientId);
  }

  private async deliver(item: Outgoing): Promise<void> {
    if (!this.joined) return; // sent on (re)join
    try {
      const answer = await request('message:send', { roomId: this.roomId, clientId: item.clientId, body: item.body, replyTo: item.replyTo?.id ?? null });
      const current = this.outgoing.find((o) => o.clientId === item.clientId);
      if (answer.ok) this.sequencer.receive(answer.message);
      else if (current) Object.assign(current, { state: 'failed', code: answer.code, detail: answer.detail });
    } catch {
      // No answer (connection lost): it stays "sending" and goes again after the reconnect.
    }
  }

  /** Edits or deletes one of my messages; resolves with the server's refusal code, if any. */
  async edit(messageId: string, body: string): Promise<string | null> {
    const answer = await request('message:edit', { messageId, body }).catch(() => null);
    if (!answer) return 'network';
    if (!answer.ok) return answer.code;
    this.replace(answer.message);
    return null;
  }

  async remove(messageId: string): Promise<string | null> {
    const answer = await request('message:delete', { messageId }).catch(() => null);
    if (!answer) return 'network';
    if (!answer.ok) return answer.code;
    this.replace(answer.message);
    return null;
  }

  async setHidden(messageId: string, hidden: boolean): Promise<string | null> {
    try {
      this.replace(await roomsApi.hide(this.roomId, messageId, hidden));
      return null;
    } catch (err) {
      return err instanceof ApiError ? err.code : 'network';
    }
  }

  /** Tells the others I am typing (throttled), and that I stopped after a pause. */
  typing(): void {
    const s = realtime.socket;
    if (!s?.connected || !this.room?.canPost) return;
    const now = Date.now();
    if (now - this.typingSentAt > TYPING_SEND_EVERY_MS) {
      this.typingSentAt = now;
      s.emit('typing', { roomId: this.roomId, typing: true });
    }
    if (this.typingIdle) clearTimeout(this.typingIdle);
    this.typingIdle = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  private stopTyping(): void {
    if (this.typingIdle) clearTimeout(this.typingIdle);
    this.typingIdle = null;
    if (this.typingSentAt === 0) return;
    this.typingSentAt = 0;
    realtime.socket?.emit('typing', { roomId: this.roomId, typing: false });
  }

  /** Marks everything shown as read (members only; called while the room is visible). */
  markRead(): void {
    const last = this.messages.at(-1)?.seq ?? 0;
    if (!this.room?.myRole || last <= this.lastReadSent || last <= this.room.lastReadSeq) return;
    this.lastReadSent = last;
    setRoomUnread(this.roomId, 0);
    void request('room:read', { roomId: this.roomId, seq: last }).then(
      (answer) => {
        if (answer.ok && this.room) this.room = { ...this.room, lastReadSeq: answer.lastReadSeq, unread: answer.unread };
      },
      () => {
        this.lastReadSent = 0;
      },
    );
  }

  /** After joining over REST (a public room), the socket answers again with my new standing. */
  async rejoin(): Promise<void> {
    await this.join();
  }
}
