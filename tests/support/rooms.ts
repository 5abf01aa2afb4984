import { randomUUID } from 'node:crypto';
import type { Db } from '@partnera/db';
import type { App } from '@partnera/server';
import type { Ack, ClientToServerEvents, Message, Room, ServerToClientEvents, SyncAnswer } from '@partnera/server/api-types';
import { io, type Socket } from 'socket.io-client';
import { RoomSequencer } from '../../web/src/lib/realtime/sequencer';
import { makePlatformRole, registerUser, type TestUser } from './factories';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Redis for the socket.io adapter and rate limits when the environment provides one (CI). */
export const redisUrl = process.env.REDIS_URL || undefined;

/** Connects a real socket.io client; resolves once connected, rejects with the server's refusal. */
export function connect(url: string, token: string | undefined, timeoutMs = 5_000): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, { auth: token === undefined ? {} : { token }, transports: ['websocket'], reconnection: false, timeout: timeoutMs, forceNew: true });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error('connect timed out'));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (error: Error & { data?: unknown }) => {
      clearTimeout(timer);
      socket.close();
      reject(error);
    });
  });
}

type AckOf<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[1] extends ((answer: infer A) => void) | undefined ? A : never;

/** Emits a client event and waits (bounded) for its ack. */
export async function request<E extends 'room:join' | 'room:sync' | 'room:read' | 'room:leave' | 'message:send' | 'message:edit' | 'message:delete'>(
  socket: ClientSocket,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
  timeoutMs = 5_000,
): Promise<AckOf<E>> {
  // socket.io types the timeout variant's callback as (err, answer); the event map cannot express that generically.
  const timed = socket.timeout(timeoutMs) as unknown as { emit(e: E, p: unknown, cb: (err: Error | null, answer: AckOf<E>) => void): void };
  return new Promise((resolve, reject) => {
    timed.emit(event, payload, (err, answer) => (err ? reject(err) : resolve(answer)));
  });
}

/** Narrows an ack to success, failing the test with the server's code otherwise. */
export function ok<T>(answer: Ack<T>): T {
  if (!answer.ok) throw new Error(`expected ok, got ${answer.code}: ${answer.detail}`);
  return answer;
}

/** Resolves with the next `event` that `match` accepts, or rejects after `timeoutMs`. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  match: (...args: Parameters<ServerToClientEvents[E]>) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const listener = ((...args: Parameters<ServerToClientEvents[E]>) => {
      if (!match(...args)) return;
      clearTimeout(timer);
      socket.off(event, listener as never);
      resolve(args[0]);
    }) as never;
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${String(event)} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on(event, listener);
  });
}

/** Collects every `event` a socket receives from now on. */
export function collect<E extends keyof ServerToClientEvents>(socket: ClientSocket, event: E): Array<Parameters<ServerToClientEvents[E]>[0]> {
  const seen: Array<Parameters<ServerToClientEvents[E]>[0]> = [];
  socket.on(event, ((value: Parameters<ServerToClientEvents[E]>[0]) => seen.push(value)) as never);
  return seen;
}

/** Waits (bounded) until `condition` holds, polling. */
export async function waitFor(condition: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function registerModerator(app: App, db: Db, displayName = 'Mona Moderator'): Promise<TestUser> {
  const user = await registerUser(app, { displayName });
  await makePlatformRole(db, user.id, 'moderator');
  return user;
}

/** A forum session room opened by `host` (who must be a moderator) with the given members. */
export async function createForumRoom(app: App, host: TestUser, options: { visibility?: 'public' | 'members'; memberIds?: string[]; title?: string } = {}): Promise<Room> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/rooms',
    headers: host.auth,
    payload: { kind: 'forum_session', title: options.title ?? `Session ${randomUUID().slice(0, 6)}`, visibility: options.visibility ?? 'public', memberIds: options.memberIds ?? [] },
  });
  if (res.statusCode !== 201) throw new Error(`create room failed: ${res.statusCode} ${res.body}`);
  return res.json<Room>();
}

export const newClientId = () => randomUUID().replace(/-/g, '');

export type { Message, SyncAnswer };

export interface FailoverClientOptions {
  urls: string[];
  token: string;
  roomId: string;
  /** Pause before connecting to the next server after a connection is lost. */
  retryMs?: number;
  /** How many times in all the client may (re)connect. */
  maxConnects?: number;
  gapWaitMs?: number;
}

/**
 * A room client as a real app would build one: it joins with the last sequence number it holds, resends
 * unacknowledged messages with the same client id, and on losing its server connects to the next one
 * (a load balancer's job in production). Delivery goes through the web app's sequencer.
 */
export class FailoverRoomClient {
  readonly delivered: Message[] = [];
  /** Sequence numbers as they arrived from `message:new`, before ordering and de-duplication. */
  readonly raw: number[] = [];
  readonly errors: string[] = [];
  connects = 0;
  private socket: ClientSocket | null = null;
  private urlIndex = 0;
  private stopped = false;
  private readonly pending = new Map<string, { body: string; attempts: number }>();
  private readonly acked = new Set<string>();
  readonly sequencer: RoomSequencer<Message>;

  constructor(private readonly options: FailoverClientOptions, startAt = 0) {
    this.urlIndex = startAt;
    this.sequencer = new RoomSequencer<Message>({
      deliver: (m) => this.delivered.push(m),
      update: () => {},
      requestSync: (afterSeq, afterRev) => void this.sync(afterSeq, afterRev),
      gapWaitMs: options.gapWaitMs ?? 300,
    });
  }

  get sentClientIds(): string[] {
    return [...this.acked, ...this.pending.keys()];
  }

  get unacked(): number {
    return this.pending.size;
  }

  get connectedUrl(): string | null {
    return this.socket?.connected ? this.options.urls[this.urlIndex % this.options.urls.length]! : null;
  }

  async start(): Promise<void> {
    await this.connectNext(false);
  }

  /** Sends (or queues while disconnected) a message; it is retried until acknowledged. */
  send(body: string): string {
    const clientId = newClientId();
    this.pending.set(clientId, { body, attempts: 0 });
    void this.attempt(clientId);
    return clientId;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.sequencer.pause();
    this.socket?.close();
  }

  private async connectNext(advance: boolean): Promise<void> {
    const maxConnects = this.options.maxConnects ?? 20;
    while (!this.stopped && this.connects < maxConnects) {
      if (advance) this.urlIndex++;
      advance = true;
      this.connects++;
      const url = this.options.urls[this.urlIndex % this.options.urls.length]!;
      try {
        const socket = await connect(url, this.options.token, 2_000);
        await this.attach(socket);
        return;
      } catch (error) {
        this.errors.push(`connect ${url}: ${(error as Error).message}`);
        await new Promise((r) => setTimeout(r, this.options.retryMs ?? 100));
      }
    }
  }

  /** Listens, then joins the room (resolves once joined). */
  private attach(socket: ClientSocket): Promise<void> {
    this.socket = socket;
    socket.on('message:new', (m) => {
      if (m.roomId !== this.options.roomId) return;
      this.raw.push(m.seq);
      this.sequencer.receive(m);
    });
    socket.on('message:updated', (m) => this.sequencer.receiveUpdate(m));
    socket.on('presence', (p) => {
      if (p.roomId === this.options.roomId) this.sequencer.noteHead(p.lastSeq);
    });
    socket.on('disconnect', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.sequencer.pause();
      if (!this.stopped) setTimeout(() => void this.connectNext(true), this.options.retryMs ?? 100);
    });
    return this.join(socket);
  }

  private async join(socket: ClientSocket): Promise<void> {
    const last = this.sequencer.lastSeq;
    try {
      const answer = await request(socket, 'room:join', {
        roomId: this.options.roomId,
        ...(last !== null && { afterSeq: last, afterRev: this.sequencer.syncedRev }),
      });
      this.sequencer.applyAnswer(ok(answer));
    } catch (error) {
      this.errors.push(`join: ${(error as Error).message}`);
      return;
    }
    // Whatever was not acknowledged on the old connection goes again, with the same client ids.
    for (const clientId of this.pending.keys()) void this.attempt(clientId);
  }

  private async sync(afterSeq: number, afterRev: number): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected) return this.sequencer.syncFailed();
    try {
      this.sequencer.applyAnswer(ok(await request(socket, 'room:sync', { roomId: this.options.roomId, afterSeq, afterRev })));
    } catch (error) {
      this.errors.push(`sync: ${(error as Error).message}`);
      this.sequencer.syncFailed();
    }
  }

  private async attempt(clientId: string): Promise<void> {
    const item = this.pending.get(clientId);
    const socket = this.socket;
    if (!item || !socket?.connected) return;
    if (++item.attempts > 50) {
      this.errors.push(`gave up on ${clientId}`);
      return;
    }
    try {
      const answer = await request(socket, 'message:send', { roomId: this.options.roomId, clientId, body: item.body }, 3_000);
      if (answer.ok) {
        this.pending.delete(clientId);
        this.acked.add(clientId);
        this.sequencer.receive(answer.message);
        return;
      }
      this.errors.push(`send ${answer.code}`);
      if (answer.code !== 'rate_limited' && answer.code !== 'internal_error') return;
      await new Promise((r) => setTimeout(r, answer.retryAfterMs ?? 200));
    } catch {
      // No ack (the server died mid-request): the next connection resends it.
      if (this.socket !== socket || !socket.connected) return;
    }
    if (this.socket === socket) void this.attempt(clientId);
  }
}
