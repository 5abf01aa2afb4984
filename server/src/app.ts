import { randomUUID } from 'node:crypto';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '@partnera/db';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault } from 'fastify';
import { Redis } from 'ioredis';
import type { Config } from './config';
import { AppError } from './errors';
import { authPlugin } from './plugins/auth';
import { registerProblemHandling } from './plugins/problem';
import { registerValidation } from './plugins/validation';
import { mountWeb } from './plugins/web';
import authRoutes from './routes/auth';
import healthRoutes from './routes/health';
import notificationRoutes from './routes/notifications';
import ideaRoutes from './routes/ideas';
import organisationRoutes from './routes/organisations';
import planRoutes from './routes/plans';
import { AuthService } from './services/auth.service';
import { smtpMailer, type Mailer } from './services/mailer';
import { NotificationService } from './services/notification.service';
import { IdeaService } from './services/idea.service';
import { LinkService } from './services/link.service';
import { OrganisationService } from './services/organisation.service';
import { PlanService } from './services/plan.service';
import { TerritoryService } from './services/territory.service';
import { createRealtime } from './realtime';
import { toDto as toNotificationDto } from './routes/notifications';
import roomRoutes from './routes/rooms';
import { RoomMessageService } from './services/room-message.service';
import { RoomService } from './services/room.service';
import { EmbeddedSearchEngine, MeiliSearchEngine, SearchRuntime, type SearchEngine } from '@partnera/search';
import searchRoutes from './routes/search';
import { SearchService } from './services/search.service';
import proposalRoutes from './routes/proposals';
import { ProposalService } from './services/proposal.service';
import { ProposalSyncService } from './services/proposal-sync.service';
import shortlistRoutes from './routes/shortlists';
import { ShortlistService } from './services/shortlist.service';
import forumRoutes from './routes/forums';
import moderationRoutes from './routes/moderation';
import { ForumService } from './services/forum.service';
import { ModerationService } from './services/moderation.service';
import { registerForumGateway, socketForumEvents } from './realtime/forum-gateway';
import forumSessionRoutes from './routes/forum-sessions';
import { ForumSessionService } from './services/forum-session.service';
import { registerForumSessionGateway, socketForumSessionEvents } from './realtime/forum-session-gateway';
import newsRoutes from './routes/news';
import { NewsService } from './services/news.service';
import eventRoutes from './routes/events';
import { EventService } from './services/event.service';
import { every } from './services/periodic';

export interface Services {
  auth: AuthService;
  organisations: OrganisationService;
  plans: PlanService;
  ideas: IdeaService;
  links: LinkService;
  notifications: NotificationService;
  territories: TerritoryService;
  rooms: RoomService;
  roomMessages: RoomMessageService;
  search: SearchService;
  proposals: ProposalService;
  proposalSync: ProposalSyncService;
  shortlists: ShortlistService;
  forums: ForumService;
  moderation: ModerationService;
  forumSessions: ForumSessionService;
  news: NewsService;
  events: EventService;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Db;
    databaseKind: string;
    services: Services;
    searchRuntime: SearchRuntime;
  }
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

export interface AppDeps {
  config: Config;
  db: Db;
  databaseKind: string;
  /** Overrides the SMTP mailer built from config (tests pass a recording one). */
  mailer?: Mailer | null;
  clock?: () => Date;
  /** false silences request logs (tests). */
  logger?: boolean;
  /** Overrides the search engine built from config (tests pass one that can fail). */
  searchEngine?: SearchEngine;
}

/** The composition root: every I/O boundary is wired here and nowhere else. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, db } = deps;
  const clock = deps.clock ?? (() => new Date());
  const app = Fastify({
    logger: deps.logger === false ? false : { level: config.logLevel },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 256 * 1024,
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerValidation(app);
  // Plan imports arrive as CSV text; the route sets how large they may be.
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  registerProblemHandling(app);

  const mailer = deps.mailer !== undefined ? deps.mailer : config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : null;
  const territories = new TerritoryService(db);
  await territories.load();
  const notifications = new NotificationService(db);
  // socket.io shares the API's HTTP server and port; the room services announce through it after commits.
  const realtime = createRealtime(app.server, {
    redisUrl: config.redisUrl,
    messageBurst: config.roomMessageBurst,
    messagesPerMinute: config.roomMessagesPerMinute,
    log: app.log,
  });
  const rooms = new RoomService({ db, notifications, events: realtime.events, clock });
  const roomMessages = new RoomMessageService({ db, notifications, events: realtime.events, limiter: realtime.rateLimiter, clock });
  const plans = new PlanService(db, clock);
  const ideas = new IdeaService(db, territories, notifications, rooms, clock);
  const searchEngine =
    deps.searchEngine ?? (config.meiliUrl ? new MeiliSearchEngine({ url: config.meiliUrl, apiKey: config.meiliMasterKey }) : new EmbeddedSearchEngine());
  const search = new SearchRuntime({
    engine: searchEngine,
    db,
    indexPrefix: config.searchIndexPrefix,
    log: app.log,
    relayIntervalMs: config.searchRelayIntervalMs,
    retryBaseMs: config.searchRetryBaseMs,
    clock,
  });
  const searchService = new SearchService({ db, search, ideas, plans, territories });
  // Joint proposals: the live Yjs documents are stored in PostgreSQL and relayed through socket.io.
  const proposalSync = new ProposalSyncService({ db, events: realtime.proposalEvents, limiter: realtime.proposalRateLimiter, log: app.log });
  app.addHook('onClose', async () => proposalSync.close());
  const proposals = new ProposalService({ db, notifications, rooms, territories, sync: proposalSync, events: realtime.proposalEvents, clock });
  const forums = new ForumService({ db, notifications, territories, search, clock });
  forums.events = socketForumEvents(realtime.io);
  const forumSessions = new ForumSessionService({ db, rooms, forums, notifications, clock });
  forumSessions.events = socketForumSessionEvents(realtime.io);
  const moderation = new ModerationService({ db, forums, roomMessages, ideas, notifications, autoHideReports: config.moderationAutoHideReports, clock });
  const services: Services = {
    auth: new AuthService(db, { refreshTokenDays: config.refreshTokenDays, clock }),
    organisations: new OrganisationService({
      db,
      territories,
      notifications,
      mailer,
      publicUrl: config.publicUrl,
      invitationDays: config.invitationDays,
      clock,
      log: app.log,
    }),
    plans,
    ideas,
    links: new LinkService(db, ideas, plans, notifications, clock),
    notifications,
    territories,
    rooms,
    roomMessages,
    search: searchService,
    proposals,
    proposalSync,
    shortlists: new ShortlistService({ db, notifications, search: searchService, territories, clock }),
    forums,
    moderation,
    forumSessions,
    news: new NewsService({ db, clock, publicUrl: config.publicUrl }),
    events: new EventService({ db, notifications, territories, clock, publicUrl: config.publicUrl }),
  };
  app.decorate('config', config);
  app.decorate('db', db);
  app.decorate('databaseKind', deps.databaseKind);
  app.decorate('services', services);
  app.decorate('searchRuntime', search);
  // The embedded index is built from the database before the first request; the relay keeps it current.
  await search.start();
  app.addHook('onClose', async () => search.close());

  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, lazyConnect: false }) : undefined;
  if (redis) app.addHook('onClose', async () => void redis.disconnect());
  await app.register(fastifyRateLimit, {
    global: false,
    // With Redis, limits hold across every server process.
    ...(redis && { redis, nameSpace: 'partnera-rl:' }),
    errorResponseBuilder: (_request, context) =>
      new AppError(429, 'rate_limited', `Too many attempts; try again in ${Math.ceil(context.ttl / 1000)} s`),
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Partnera API', version: '1.0.0', description: 'NGOs and municipalities turning ideas into joint projects.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  await app.register(authPlugin, { db, jwtSecret: config.jwtSecret, accessTokenSeconds: config.accessTokenSeconds });
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(organisationRoutes);
  await app.register(planRoutes);
  await app.register(ideaRoutes);
  await app.register(notificationRoutes);
  await app.register(roomRoutes);
  await app.register(searchRoutes);
  await app.register(proposalRoutes);
  await app.register(shortlistRoutes);
  await app.register(forumRoutes);
  await app.register(moderationRoutes);
  await app.register(forumSessionRoutes);
  await app.register(newsRoutes);
  await app.register(eventRoutes);
  realtime.listen({
    db,
    verifyToken: (token) => app.jwt.verify<{ sub: string }>(token),
    rooms,
    messages: roomMessages,
    notifications,
    notificationDto: toNotificationDto,
    floodEvents: config.roomFloodEvents,
    proposals: proposalSync,
  });
  registerForumGateway(realtime.io, forums);
  registerForumSessionGateway(realtime.io, forumSessions);
  // Sessions open at their start time; watchers hear of it within this interval (or at once when anyone loads the session).
  const stopOpening = every(5_000, () => forumSessions.openDue(), (error) => app.log.error(error, 'opening forum sessions failed'));
  // Sessions no moderator closed close an hour after their end time: a minute more or less does not matter.
  const stopClosing = every(60_000, () => forumSessions.closeOverdue(), (error) => app.log.error(error, 'closing forum sessions failed'));
  // People registered for an event hear of it the day before.
  const stopReminding = every(60_000, () => services.events.remindUpcoming(), (error) => app.log.error(error, 'event reminders failed'));
  // Files uploaded for a post that was never sent are removed after a day.
  const stopSweeping = every(3_600_000, () => forums.sweepLooseAttachments(), (error) => app.log.error(error, 'removing unattached uploads failed'));
  app.addHook('onClose', async () => {
    stopOpening();
    stopClosing();
    stopReminding();
    stopSweeping();
  });
  // Live connections go first: closing the HTTP server waits for every open connection.
  app.addHook('preClose', async () => realtime.disconnect());
  app.addHook('onClose', async () => realtime.close());

  if (!(await mountWeb(app, config.webBuildDir))) {
    app.log.warn(`web app not built (${config.webBuildDir}); serving the API only`);
  }
  return app;
}
