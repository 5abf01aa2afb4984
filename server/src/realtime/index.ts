import type { Server as HttpServer } from 'node:http';
import type { Db, Notification } from '@partnera/db';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import type { Notification as NotificationDto } from '../schemas/notifications';
import type { NotificationService } from '../services/notification.service';
import { memoryRateLimiter, redisRateLimiter, type MessageRateLimiter } from '../services/rate-limiter';
import type { RoomMessageService } from '../services/room-message.service';
import type { RoomEvents } from '../services/room-events';
import type { RoomService } from '../services/room.service';
import { socketRoomEvents } from './broadcaster';
import { userChannel } from './channels';
import { registerGateway } from './gateway';
import type { Io } from './io';
import { Presence } from './presence';
import { ProposalEditors, registerProposalHandlers, socketProposalEvents } from './proposal-handlers';
import type { ProposalEvents } from '../services/proposal-events';
import type { ProposalSyncService } from '../services/proposal-sync.service';

export interface RealtimeOptions {
  /** With Redis, every server process shares rooms, presence and rate limits; without, one process. */
  redisUrl: string | undefined;
  messageBurst: number;
  messagesPerMinute: number;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

export interface RealtimeListenDeps {
  db: Db;
  verifyToken(token: string): { sub: string };
  rooms: RoomService;
  messages: RoomMessageService;
  notifications: NotificationService;
  /** Maps a stored notification to what the API shows. */
  notificationDto(notification: Notification): NotificationDto;
  floodEvents: number;
  /** The live proposal documents (Yjs over this connection). */
  proposals?: ProposalSyncService;
}

/** Yjs updates per user: typing is batched by clients, so this is generous and stops only runaway clients. */
const PROPOSAL_UPDATE_BUCKET = { burst: 200, perMinute: 1200 };

export interface Realtime {
  io: Io;
  /** For the room services: announcements after commit. */
  events: RoomEvents;
  /** Per-user message rate (shared through Redis when configured). */
  rateLimiter: MessageRateLimiter;
  /** For the proposal services: live document updates, checks and meta changes. */
  proposalEvents: ProposalEvents;
  /** Per-user rate of proposal document updates. */
  proposalRateLimiter: MessageRateLimiter;
  /** Starts accepting connections once the services exist. */
  listen(deps: RealtimeListenDeps): void;
  /** Disconnects this process's connections (before the HTTP server closes, which would wait on them). */
  disconnect(): void;
  /** Releases the adapter and Redis connections. */
  close(): Promise<void>;
}

/** socket.io on the API's own HTTP server and port. */
export function createRealtime(httpServer: HttpServer, options: RealtimeOptions): Realtime {
  const io: Io = new Server(httpServer, {
    serveClient: false,
    // Messages are at most a few KB; proposal updates (Yjs, e.g. offline edits merged on reconnect) at most
    // 512 KB (refused above that by the service); anything bigger is not a client of ours.
    maxHttpBufferSize: 640 * 1024,
    pingInterval: 20_000,
    pingTimeout: 15_000,
  });
  let pub: Redis | undefined;
  let sub: Redis | undefined;
  if (options.redisUrl) {
    pub = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
    sub = pub.duplicate();
    for (const client of [pub, sub]) client.on('error', (error) => options.log.warn({ err: error }, 'redis (realtime) connection error'));
    // The adapter publishes without handling failures: with Redis down or closing, a rejected publish would be
    // an unhandled rejection, which stops a Node process. Log it instead; catch-up repairs what was missed.
    const publish = pub.publish.bind(pub) as (channel: string, message: string | Buffer) => Promise<number>;
    (pub as unknown as { publish: typeof publish }).publish = (channel, message) =>
      publish(channel, message).catch((error: unknown) => {
        options.log.warn({ err: error }, 'redis (realtime) publish failed');
        return 0;
      });
    io.adapter(createAdapter(pub, sub, { key: 'partnera-rt', requestsTimeout: 3_000, publishOnSpecificResponseChannel: true }));
  }
  const onError = (error: unknown) => options.log.error({ err: error }, 'realtime broadcast failed');
  let db: Db | null = null;
  const presence = new Presence(io, () => db, onError);
  const bucket = { burst: options.messageBurst, perMinute: options.messagesPerMinute };
  const proposalEditors = new ProposalEditors(io, onError);

  return {
    io,
    events: socketRoomEvents(io, presence, onError),
    rateLimiter: pub ? redisRateLimiter(pub, bucket) : memoryRateLimiter(bucket),
    proposalEvents: socketProposalEvents(io, proposalEditors),
    proposalRateLimiter: pub ? redisRateLimiter(pub, PROPOSAL_UPDATE_BUCKET) : memoryRateLimiter(PROPOSAL_UPDATE_BUCKET),
    listen(deps) {
      db = deps.db;
      registerGateway(io, { ...deps, presence, log: options.log });
      if (deps.proposals) registerProposalHandlers(io, { sync: deps.proposals, editors: proposalEditors, log: options.log });
      // Live bell: every notification committed anywhere reaches all of the person's connections.
      deps.notifications.onNotify((userId, notification) => {
        io.to(userChannel(userId)).emit('notification', deps.notificationDto(notification));
      });
    },
    disconnect() {
      presence.close();
      proposalEditors.close();
      // `local`: with Redis, a bare disconnectSockets would cut every process's connections.
      io.local.disconnectSockets(true);
    },
    async close() {
      presence.close();
      proposalEditors.close();
      await Promise.resolve(io.of('/').adapter.close()).catch(onError);
      io.engine.close();
      // Stop receiving other processes' requests before the publisher that would answer them goes away.
      await sub?.quit().catch(onError);
      await pub?.quit().catch(onError);
    },
  };
}
