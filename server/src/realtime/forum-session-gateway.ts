import { AppError } from '../errors';
import type { ForumSessionEvents, ForumSessionService } from '../services/forum-session.service';
import type { Ack } from './events';
import type { Io } from './io';

/** Connections watching a live forum session. */
export const forumSessionChannel = (sessionId: string) => `forum-session:${sessionId}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Session changes are stored first, then sent to the session's channel (every process, through the adapter). */
export function socketForumSessionEvents(io: Io): ForumSessionEvents {
  return {
    changed: (session, change) => void io.to(forumSessionChannel(session.id)).emit('forum-session:changed', { change, session }),
    cancelled: (sessionId) => void io.to(forumSessionChannel(sessionId)).emit('forum-session:cancelled', { sessionId }),
  };
}

/** Watching a session; the connection is already authenticated by the main gateway's middleware. */
export function registerForumSessionGateway(io: Io, sessions: ForumSessionService): void {
  io.on('connection', (socket) => {
    const answer = (ack: unknown, value: Ack<object>) => {
      if (typeof ack === 'function') (ack as (a: Ack<object>) => void)(value);
    };
    const sessionIdOf = (payload: unknown): string | null => {
      const id = typeof payload === 'object' && payload !== null ? (payload as { sessionId?: unknown }).sessionId : undefined;
      return typeof id === 'string' && UUID.test(id) && Object.keys(payload as object).length === 1 ? id : null;
    };
    socket.on('forum-session:watch', async (payload: unknown, ack?: unknown) => {
      const sessionId = sessionIdOf(payload);
      if (!sessionId) return answer(ack, { ok: false, code: 'validation_failed', detail: 'Send { sessionId }' });
      try {
        await sessions.assertExists(sessionId);
        await socket.join(forumSessionChannel(sessionId));
        answer(ack, { ok: true });
      } catch (error) {
        if (error instanceof AppError) answer(ack, { ok: false, code: error.code, detail: error.message });
        else answer(ack, { ok: false, code: 'internal_error', detail: 'Something went wrong on our side' });
      }
    });
    socket.on('forum-session:unwatch', async (payload: unknown, ack?: unknown) => {
      const sessionId = sessionIdOf(payload);
      if (!sessionId) return answer(ack, { ok: false, code: 'validation_failed', detail: 'Send { sessionId }' });
      await socket.leave(forumSessionChannel(sessionId));
      answer(ack, { ok: true });
    });
  });
}
