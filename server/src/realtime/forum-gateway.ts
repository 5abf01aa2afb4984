import type { ForumEvents, ForumService } from '../services/forum.service';
import { AppError } from '../errors';
import type { Ack } from './events';
import type { Io } from './io';

/** Connections reading a forum thread. */
export const forumThreadChannel = (threadId: string) => `forum-thread:${threadId}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Live forum readers: posts are stored first, then sent to the thread's channel (every process, through the adapter). */
export function socketForumEvents(io: Io): ForumEvents {
  return {
    postCreated: (post) => void io.to(forumThreadChannel(post.threadId)).emit('forum:post', post),
    postUpdated: (threadId, postId) => void io.to(forumThreadChannel(threadId)).emit('forum:post-updated', { threadId, postId }),
    threadUpdated: (threadId) => void io.to(forumThreadChannel(threadId)).emit('forum:thread-updated', { threadId }),
  };
}

/** Watching a thread; the connection is already authenticated by the main gateway's middleware. */
export function registerForumGateway(io: Io, forums: ForumService): void {
  io.on('connection', (socket) => {
    const answer = (ack: unknown, value: Ack<object>) => {
      if (typeof ack === 'function') (ack as (a: Ack<object>) => void)(value);
    };
    const threadIdOf = (payload: unknown): string | null => {
      const id = typeof payload === 'object' && payload !== null ? (payload as { threadId?: unknown }).threadId : undefined;
      return typeof id === 'string' && UUID.test(id) && Object.keys(payload as object).length === 1 ? id : null;
    };
    socket.on('forum:watch', async (payload: unknown, ack?: unknown) => {
      const threadId = threadIdOf(payload);
      if (!threadId) return answer(ack, { ok: false, code: 'validation_failed', detail: 'Send { threadId }' });
      try {
        await forums.getThread({ userId: socket.data.userId, platformRole: socket.data.platformRole }, threadId);
        await socket.join(forumThreadChannel(threadId));
        answer(ack, { ok: true });
      } catch (error) {
        if (error instanceof AppError) answer(ack, { ok: false, code: error.code, detail: error.message });
        else answer(ack, { ok: false, code: 'internal_error', detail: 'Something went wrong on our side' });
      }
    });
    socket.on('forum:unwatch', async (payload: unknown, ack?: unknown) => {
      const threadId = threadIdOf(payload);
      if (!threadId) return answer(ack, { ok: false, code: 'validation_failed', detail: 'Send { threadId }' });
      await socket.leave(forumThreadChannel(threadId));
      answer(ack, { ok: true });
    });
  });
}
