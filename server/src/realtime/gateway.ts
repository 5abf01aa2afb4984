import { userRepository, type Db } from '@partnera/db';
import type { Static, TSchema } from '@sinclair/typebox';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { ExtendedError } from 'socket.io';
import type { Actor } from '../domain/policy';
import { AppError } from '../errors';
import * as S from '../schemas/rooms';
import { RateLimitedError } from '../services/rate-limiter';
import type { RoomMessageService } from '../services/room-message.service';
import type { RoomService } from '../services/room.service';
import { feedChannel, roomChannel, roomIdOfChannel, userChannel } from './channels';
import type { Ack, AckError } from './events';
import type { Io, IoSocket } from './io';
import type { Presence } from './presence';

export interface GatewayDeps {
  db: Db;
  /** Verifies an access token exactly as the HTTP API does (same secret, same payload). */
  verifyToken(token: string): { sub: string };
  rooms: RoomService;
  messages: RoomMessageService;
  presence: Presence;
  /** Events one connection may send per 10 s before it is disconnected as a flood. */
  floodEvents: number;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

const FLOOD_WINDOW_MS = 10_000;
/** Socket payloads are checked as strictly as HTTP bodies: wrong types and unknown fields are errors. */
const ajv = new Ajv({ allErrors: false, removeAdditional: false, useDefaults: true, strict: false, coerceTypes: false });
addFormats.default(ajv);
/** Typing "started" is relayed at most this often per connection and room; "stopped" always. */
const TYPING_EVERY_MS = 1_000;

function authError(detail: string): ExtendedError {
  const error = new Error('unauthorized') as ExtendedError;
  error.data = { code: 'unauthorized', detail };
  return error;
}

/** Wires authentication and the client events of the protocol in events.ts. */
export function registerGateway(io: Io, deps: GatewayDeps): void {
  // The handshake carries the same access token as the Authorization header: `io(url, { auth: { token } })`.
  io.use(async (socket, next) => {
    const token: unknown = socket.handshake.auth?.token;
    if (typeof token !== 'string' || token.length === 0) return next(authError('Sign in first'));
    let userId: string;
    try {
      userId = deps.verifyToken(token).sub;
    } catch {
      return next(authError('Your session has expired or the token is invalid; sign in again'));
    }
    try {
      const user = await userRepository.findUserById(deps.db, userId);
      if (!user) return next(authError('This account no longer exists'));
      socket.data = { userId: user.id, displayName: user.display_name, platformRole: user.platform_role };
      next();
    } catch (error) {
      deps.log.error({ err: error }, 'socket handshake failed');
      next(new Error('internal_error'));
    }
  });

  io.on('connection', (socket) => {
    const actor: Actor = { userId: socket.data.userId, platformRole: socket.data.platformRole };
    guardAgainstFlood(socket, deps);
    registerHandlers(socket, actor, deps);
    void socket.join(userChannel(actor.userId));
    // Follow every room of the user for unread badges; a failure only costs live badges, not messages.
    deps.rooms
      .followedRoomIds(actor.userId)
      .then((ids) => (socket.connected ? socket.join(ids.map(feedChannel)) : undefined))
      .catch((error: unknown) => deps.log.warn({ err: error }, 'could not follow rooms'));
    socket.on('disconnecting', () => {
      for (const channel of socket.rooms) {
        const roomId = roomIdOfChannel(channel);
        if (roomId) deps.presence.schedule(roomId);
      }
    });
  });
}

function guardAgainstFlood(socket: IoSocket, deps: GatewayDeps): void {
  let windowStart = Date.now();
  let count = 0;
  socket.use((_packet, next) => {
    const now = Date.now();
    if (now - windowStart > FLOOD_WINDOW_MS) {
      windowStart = now;
      count = 0;
    }
    if (++count > deps.floodEvents) {
      deps.log.warn({ userId: socket.data.userId, events: count }, 'socket flood: disconnecting');
      socket.disconnect(true);
      return;
    }
    next();
  });
}

function toAckError(error: unknown, deps: GatewayDeps): AckError {
  if (error instanceof RateLimitedError) return { ok: false, code: error.code, detail: error.message, retryAfterMs: error.retryAfterMs };
  if (error instanceof AppError) return { ok: false, code: error.code, detail: error.message };
  deps.log.error({ err: error }, 'socket event failed');
  return { ok: false, code: 'internal_error', detail: 'Something went wrong on our side; it has been logged' };
}

/**
 * One client event: the payload is checked against the same TypeBox schema family as the REST API, and
 * the outcome always goes back through the ack (when the client asked for one).
 */
function handler<T extends TSchema, R extends object>(schema: T, deps: GatewayDeps, run: (payload: Static<T>) => Promise<R>) {
  const check = ajv.compile<Static<T>>(schema);
  return async (payload: unknown, ack?: unknown) => {
    const reply = (typeof ack === 'function' ? ack : () => {}) as (answer: Ack<R>) => void;
    if (!check(payload)) {
      const first = check.errors?.[0];
      const where = first ? (first.instancePath || (first.params && 'additionalProperty' in first.params ? `/${String(first.params.additionalProperty)}` : '/')) : '';
      reply({ ok: false, code: 'validation_failed', detail: `Invalid request${first ? `: ${where} ${first.message ?? 'is invalid'}` : ''}` });
      return;
    }
    try {
      reply({ ok: true, ...(await run(payload)) });
    } catch (error) {
      reply(toAckError(error, deps));
    }
  };
}

function registerHandlers(socket: IoSocket, actor: Actor, deps: GatewayDeps): void {
  const { messages, presence } = deps;
  const typingSent = new Map<string, number>();
  /** Rooms this connection watches as a member who may write (and so may show as typing). */
  const writable = new Set<string>();

  socket.on(
    'room:join',
    handler(S.JoinPayload, deps, async ({ roomId, afterSeq, afterRev }) => {
      const access = await messages.authorizeWatch(actor, roomId);
      // Subscribe before reading, so a message committed meanwhile arrives live if not in the answer.
      await socket.join(access.role ? [roomChannel(roomId), feedChannel(roomId)] : [roomChannel(roomId)]);
      if (access.role && access.mutedUntil === undefined) writable.add(roomId);
      else writable.delete(roomId);
      presence.schedule(roomId);
      return messages.catchUp(actor, roomId, afterSeq, afterRev);
    }),
  );

  socket.on(
    'room:leave',
    handler(S.RoomRef, deps, async ({ roomId }) => {
      await socket.leave(roomChannel(roomId));
      writable.delete(roomId);
      presence.schedule(roomId);
      return {};
    }),
  );

  socket.on(
    'room:sync',
    handler(S.SyncPayload, deps, ({ roomId, afterSeq, afterRev }) => messages.catchUp(actor, roomId, afterSeq, afterRev)),
  );

  socket.on(
    'room:read',
    handler(S.ReadPayload, deps, ({ roomId, seq }) => messages.markRead(actor, roomId, seq)),
  );

  // One connection's messages are stored in the order it sent them, even when it does not wait for acks.
  let sending: Promise<unknown> = Promise.resolve();
  socket.on(
    'message:send',
    handler(S.SendPayload, deps, ({ roomId, ...input }) => {
      const sent = sending.then(() => messages.send(actor, roomId, input)).then((result) => ({ message: result.message }));
      sending = sent.catch(() => {});
      return sent;
    }),
  );

  socket.on(
    'message:edit',
    handler(S.EditPayload, deps, async ({ messageId, body }) => ({ message: await messages.edit(actor, messageId, body) })),
  );

  socket.on(
    'message:delete',
    handler(S.DeletePayload, deps, async ({ messageId }) => ({ message: await messages.delete(actor, messageId) })),
  );

  const typingCheck = ajv.compile<Static<typeof S.TypingPayload>>(S.TypingPayload);
  socket.on('typing', (payload: unknown) => {
    if (!typingCheck(payload)) return;
    const { roomId, typing } = payload;
    // Only connections watching the room type in it; the indicator is a hint, so no database read.
    if (!writable.has(roomId) || !socket.rooms.has(roomChannel(roomId))) return;
    const now = Date.now();
    if (typing && now - (typingSent.get(roomId) ?? 0) < TYPING_EVERY_MS) return;
    typingSent.set(roomId, typing ? now : 0);
    socket.to(roomChannel(roomId)).emit('typing', { roomId, user: { id: actor.userId, displayName: socket.data.displayName }, typing });
  });
}
