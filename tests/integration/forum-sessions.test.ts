import { randomUUID } from 'node:crypto';
import type { App } from '@partnera/server';
import type { ForumCategory, ForumSessionChange, ForumSession, ForumSessionPage, ForumSessionView, MessagePage, NotificationPage } from '@partnera/server/api-types';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { forumSessionRepository, migrateToLatest, seedDemoData } from '@partnera/db';
import { AUTO_CLOSE_AFTER_MS, hashPassword } from '@partnera/server';
import { startTestServer } from '../support/app';
import { databaseUrl, scratchDatabase } from '../support/db';
import { makePlatformRole, type TestUser } from '../support/factories';
import { createCategory, quickUser } from '../support/forums';
import { collect, connect, newClientId, nextEvent, ok, redisUrl, request, waitFor, type ClientSocket } from '../support/rooms';

const HOUR = 3600_000;
/** The app's clock runs this far ahead of the wall clock; tests move it to a session's start instead of waiting. */
let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);

/**
 * A database of this file's own: the servers' periodic jobs open and close sessions by the shifted clock, which
 * would close other test files' sessions in the shared database.
 */
let database: Awaited<ReturnType<typeof scratchDatabase>>;
let server: Awaited<ReturnType<typeof startTestServer>>;
let app: App;
let platformModerator: TestUser;
let admin: TestUser;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  database = await scratchDatabase(6);
  await migrateToLatest(database.handle.db);
  server = await startTestServer({ config: { redisUrl }, clock, database: database.handle });
  app = server.app;
  platformModerator = await quickUser(app, server.handle.db, 'Petya Platform');
  await makePlatformRole(server.handle.db, platformModerator.id, 'moderator');
  admin = await quickUser(app, server.handle.db, 'Ana Admin');
  await makePlatformRole(server.handle.db, admin.id, 'admin');
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});
afterAll(async () => {
  await server?.close();
  await database?.dispose();
});

const person = (name: string) => quickUser(app, server.handle.db, `${name} ${randomUUID().slice(0, 4)}`);

/** A category with its own moderator (assigned by a platform moderator). */
async function categoryWithModerator(): Promise<{ category: ForumCategory; moderator: TestUser }> {
  const category = await createCategory(app, platformModerator);
  const moderator = await person('Cvetan Category');
  const res = await app.inject({ method: 'PUT', url: `/api/v1/forums/categories/${category.id}/moderators/${moderator.id}`, headers: platformModerator.auth });
  expect(res.statusCode).toBe(200);
  return { category, moderator };
}

function schedule(user: TestUser, categoryId: string, overrides: Record<string, unknown> = {}) {
  const start = clock().getTime() + HOUR;
  return app.inject({
    method: 'POST',
    url: '/api/v1/forum-sessions',
    headers: user.auth,
    payload: {
      categoryId,
      title: `Water supply hearing ${randomUUID().slice(0, 6)}`,
      description: 'Open questions on the new pipeline',
      agenda: ['Welcome', 'Pipeline route', 'Budget questions'],
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 2 * HOUR).toISOString(),
      ...overrides,
    },
  });
}

async function scheduled(user: TestUser, categoryId: string, overrides: Record<string, unknown> = {}): Promise<ForumSessionView> {
  const res = await schedule(user, categoryId, overrides);
  if (res.statusCode !== 201) throw new Error(`schedule failed: ${res.statusCode} ${res.body}`);
  return res.json<ForumSessionView>();
}

/** Moves the app's clock (never back) to `afterMs` past an instant. */
function reach(iso: string, afterMs: number) {
  offsetMs = Math.max(offsetMs, new Date(iso).getTime() - Date.now() + afterMs);
}

/** Moves the app's clock just past the session's start. */
const reachStart = (session: { startsAt: string }) => reach(session.startsAt, 1_000);

const act = (user: TestUser, method: 'POST' | 'PUT' | 'DELETE' | 'PATCH', path: string, payload?: unknown) =>
  app.inject({ method, url: `/api/v1/forum-sessions${path}`, headers: user.auth, ...(payload !== undefined && { payload: payload as object }) });

const post = (user: TestUser, roomId: string, body: string) =>
  app.inject({ method: 'POST', url: `/api/v1/rooms/${roomId}/messages`, headers: user.auth, payload: { clientId: newClientId(), body } });

async function watch(user: TestUser, sessionId: string): Promise<ClientSocket> {
  const socket = await connect(server.url, user.token);
  sockets.push(socket);
  const answer = await new Promise<{ ok: boolean }>((resolve) => socket.emit('forum-session:watch', { sessionId }, resolve));
  expect(answer.ok).toBe(true);
  return socket;
}

describe('scheduling', () => {
  it('is for category moderators, platform moderators and admins; members and other categories’ moderators are refused', async () => {
    const { category, moderator } = await categoryWithModerator();
    const other = await categoryWithModerator();
    const member = await person('Mila Member');

    expect((await schedule(member, category.id)).statusCode).toBe(403);
    const foreign = await schedule(other.moderator, category.id);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('forbidden');

    for (const who of [moderator, platformModerator, admin]) {
      const session = await scheduled(who, category.id);
      expect(session).toMatchObject({ state: 'scheduled', canModerate: true, agenda: ['Welcome', 'Pipeline route', 'Budget questions'], pinnedItem: null, queue: [] });
      expect(session.roomId).toBeTruthy();
    }

    // Clear errors for a mistaken schedule.
    const past = await schedule(moderator, category.id, { startsAt: new Date(clock().getTime() - 60_000).toISOString() });
    expect(past.statusCode).toBe(422);
    const anonymous = await schedule({ ...member, auth: { authorization: '' } } as TestUser, category.id);
    expect(anonymous.statusCode).toBe(401);
    expect(past.json().code).toBe('start_in_past');
    const start = clock().getTime() + HOUR;
    const backwards = await schedule(moderator, category.id, { startsAt: new Date(start).toISOString(), endsAt: new Date(start - 1).toISOString() });
    expect(backwards.json().code).toBe('end_before_start');
    const long = await schedule(moderator, category.id, { agenda: Array.from({ length: 21 }, (_, i) => `Item ${i}`) });
    expect(long.statusCode).toBe(400);
    expect((await schedule(moderator, randomUUID())).json().code).toBe('unknown_category');
  });

  it('is edited and cancelled only before the start, by the people who run it', async () => {
    const { category, moderator } = await categoryWithModerator();
    const member = await person('Mila Member');
    const session = await scheduled(moderator, category.id);

    expect((await act(member, 'PATCH', `/${session.id}`, { title: 'Mine now' })).statusCode).toBe(403);
    const edited = await act(moderator, 'PATCH', `/${session.id}`, { title: 'Renamed hearing', agenda: ['Only item'] });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<ForumSessionView>()).toMatchObject({ title: 'Renamed hearing', agenda: ['Only item'] });

    const doomed = await scheduled(moderator, category.id);
    expect((await act(member, 'DELETE', `/${doomed.id}`)).statusCode).toBe(403);
    expect((await act(moderator, 'DELETE', `/${doomed.id}`)).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: `/api/v1/forum-sessions/${doomed.id}` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/v1/rooms/${doomed.roomId}`, headers: member.auth })).statusCode).toBe(404);

    reachStart(session);
    const late = await act(moderator, 'PATCH', `/${session.id}`, { title: 'Too late' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('session_started');
    expect((await act(moderator, 'DELETE', `/${session.id}`)).json().code).toBe('session_started');
  });
});

describe('a live session', () => {
  it('opens at the start time: nobody posts before it, over HTTP or socket; watchers hear the opening', async () => {
    const { category, moderator } = await categoryWithModerator();
    const member = await person('Mila Member');
    const session = await scheduled(moderator, category.id);
    const roomId = session.roomId!;

    expect((await app.inject({ method: 'POST', url: `/api/v1/rooms/${roomId}/join`, headers: member.auth })).statusCode).toBe(200);
    const early = await post(member, roomId, 'Hello before the start');
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('room_not_open');
    expect((await post(moderator, roomId, 'Host before the start')).json().code).toBe('room_not_open');
    const socket = await watch(member, session.id);
    const earlySocket = await request(socket, 'message:send', { roomId, clientId: newClientId(), body: 'Socket before the start' });
    expect(earlySocket).toMatchObject({ ok: false, code: 'room_not_open' });
    const raiseEarly = await act(member, 'POST', `/${session.id}/hand`);
    expect(raiseEarly.json().code).toBe('session_not_started');

    const opened = nextEvent(socket, 'forum-session:changed', (u) => u.session.id === session.id && u.change === 'opened');
    reachStart(session);
    await app.services.forumSessions.openDue();
    expect((await opened).session.state).toBe('live');
    // Opening is announced once, however often it is checked.
    expect((await app.inject({ method: 'GET', url: `/api/v1/forum-sessions/${session.id}` })).json<ForumSessionView>().state).toBe('live');

    expect((await post(member, roomId, 'Hello, now we are live')).statusCode).toBe(201);
    const live = await request(socket, 'message:send', { roomId, clientId: newClientId(), body: 'And over the socket' });
    expect(ok(live).message.body).toBe('And over the socket');
  });

  it('keeps the speaker queue in order; only the people who run it give the floor, pin and remove; watchers see each change', async () => {
    const { category, moderator } = await categoryWithModerator();
    const [ana, boris, vera, watcher] = await Promise.all([person('Ana'), person('Boris'), person('Vera'), person('Watcher')]);
    const session = await scheduled(moderator, category.id);
    reachStart(session);
    // Opened (and announced) before anyone watches, so only the changes below reach the watcher.
    await app.services.forumSessions.openDue();
    const socket = await watch(watcher, session.id);
    const updates = collect(socket, 'forum-session:changed');
    const changes = () => updates.filter((u) => u.session.id === session.id).map((u) => u.change);

    for (const who of [ana, boris, vera]) expect((await act(who, 'POST', `/${session.id}/hand`)).statusCode).toBe(200);
    // A second raise keeps the first place.
    const again = await act(ana, 'POST', `/${session.id}/hand`);
    expect(again.json<ForumSessionView>().queue.map((h) => h.userId)).toEqual([ana.id, boris.id, vera.id]);
    expect((await act(ana, 'DELETE', `/${session.id}/hand`)).json<ForumSessionView>().queue.map((h) => h.userId)).toEqual([boris.id, vera.id]);

    // Members cannot run the session.
    expect((await act(boris, 'PUT', `/${session.id}/floor`, { userId: boris.id })).statusCode).toBe(403);
    expect((await act(boris, 'PUT', `/${session.id}/pin`, { item: 1 })).statusCode).toBe(403);
    expect((await act(boris, 'DELETE', `/${session.id}/queue/${vera.id}`)).statusCode).toBe(403);
    expect((await act(boris, 'POST', `/${session.id}/close`)).statusCode).toBe(403);

    const floor = await act(moderator, 'PUT', `/${session.id}/floor`, { userId: vera.id });
    expect(floor.statusCode).toBe(200);
    expect(floor.json<ForumSessionView>()).toMatchObject({ floor: { userId: vera.id }, queue: [{ userId: boris.id }] });
    const stranger = await person('Stranger');
    expect((await act(moderator, 'PUT', `/${session.id}/floor`, { userId: stranger.id })).json().code).toBe('not_participant');

    expect((await act(platformModerator, 'PUT', `/${session.id}/pin`, { item: 1 })).json<ForumSessionView>().pinnedItem).toBe(1);
    expect((await act(admin, 'PUT', `/${session.id}/pin`, { item: 5 })).json().code).toBe('invalid_agenda_item');
    expect((await act(admin, 'DELETE', `/${session.id}/queue/${boris.id}`)).json<ForumSessionView>().queue).toEqual([]);
    expect((await act(moderator, 'PUT', `/${session.id}/floor`, { userId: null })).json<ForumSessionView>().floor).toBeNull();

    const expected: ForumSessionChange[] = ['queue', 'queue', 'queue', 'queue', 'floor', 'pinned', 'queue', 'floor'];
    await waitFor(() => changes().length >= expected.length, 5_000, 'all live updates');
    expect(changes()).toEqual(expected);
    const floorUpdate = updates.find((u) => u.change === 'floor')!.session;
    expect(floorUpdate.floor).toMatchObject({ userId: vera.id });
    expect(updates.find((u) => u.change === 'pinned')!.session.pinnedItem).toBe(1);
  });

  it('refuses hands and posts by suspended people', async () => {
    const { category, moderator } = await categoryWithModerator();
    const suspended = await person('Suspended');
    const session = await scheduled(moderator, category.id);
    reachStart(session);
    await app.inject({ method: 'POST', url: `/api/v1/rooms/${session.roomId}/join`, headers: suspended.auth });
    await sql`insert into user_suspensions (user_id, reason) values (${suspended.id}, 'spam')`.execute(server.handle.db);
    const hand = await act(suspended, 'POST', `/${session.id}/hand`);
    expect(hand.statusCode).toBe(403);
    expect(hand.json().code).toBe('account_suspended');
    expect((await post(suspended, session.roomId!, 'Let me in')).json().code).toBe('account_suspended');
  });

  it('closes into a read-only transcript (HTTP and socket) with minutes written by the people who run it', async () => {
    const { category, moderator } = await categoryWithModerator();
    const member = await person('Mila Member');
    const session = await scheduled(moderator, category.id);
    const notYet = await scheduled(moderator, category.id, { startsAt: new Date(clock().getTime() + 5 * HOUR).toISOString(), endsAt: new Date(clock().getTime() + 6 * HOUR).toISOString() });
    reachStart(session);
    // A session that has not started is cancelled, not closed.
    expect((await act(moderator, 'POST', `/${notYet.id}/close`)).json().code).toBe('session_not_started');
    const roomId = session.roomId!;
    await app.inject({ method: 'POST', url: `/api/v1/rooms/${roomId}/join`, headers: member.auth });
    const said = await post(member, roomId, 'Our village needs the pipeline first');
    expect(said.statusCode).toBe(201);
    await act(member, 'POST', `/${session.id}/hand`);

    expect((await act(moderator, 'PUT', `/${session.id}/minutes`, { minutes: 'Too early' })).json().code).toBe('session_not_closed');
    const socket = await watch(member, session.id);
    const closedEvent = nextEvent(socket, 'forum-session:changed', (u) => u.change === 'closed');
    const closed = await act(platformModerator, 'POST', `/${session.id}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json<ForumSessionView>()).toMatchObject({ state: 'closed', queue: [], floor: null });
    expect((await closedEvent).session.state).toBe('closed');
    expect((await act(moderator, 'POST', `/${session.id}/close`)).json().code).toBe('session_closed');

    const refused = await post(member, roomId, 'One more thing');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('room_read_only');
    expect((await post(moderator, roomId, 'Host too')).json().code).toBe('room_read_only');
    const viaSocket = await request(socket, 'message:send', { roomId, clientId: newClientId(), body: 'Socket after close' });
    expect(viaSocket).toMatchObject({ ok: false, code: 'room_read_only' });
    const deleting = await request(socket, 'message:delete', { messageId: said.json().id });
    expect(deleting).toMatchObject({ ok: false, code: 'room_read_only' });
    expect((await act(member, 'POST', `/${session.id}/hand`)).json().code).toBe('session_closed');

    const transcript = await app.inject({ method: 'GET', url: `/api/v1/rooms/${roomId}/messages`, headers: member.auth });
    expect(transcript.json<MessagePage>().items.map((m) => m.body)).toEqual(['Our village needs the pipeline first']);
    const room = await app.inject({ method: 'GET', url: `/api/v1/rooms/${roomId}`, headers: member.auth });
    expect(room.json()).toMatchObject({ readOnly: true, canPost: false });

    expect((await act(member, 'PUT', `/${session.id}/minutes`, { minutes: 'My version' })).statusCode).toBe(403);
    const minutes = await act(moderator, 'PUT', `/${session.id}/minutes`, { minutes: '## Decisions\n\n- Route B goes to the council' });
    expect(minutes.statusCode).toBe(200);
    const read = await app.inject({ method: 'GET', url: `/api/v1/forum-sessions/${session.id}` });
    expect(read.json<ForumSessionView>()).toMatchObject({ state: 'closed', minutes: '## Decisions\n\n- Route B goes to the council', canModerate: false });
    expect((await act(admin, 'PUT', `/${session.id}/minutes`, { minutes: 'x'.repeat(50_001) })).statusCode).toBe(400);
  });
});

describe('reminders', () => {
  const sessionNotices = async (user: TestUser, sessionId: string) =>
    (await app.inject({ method: 'GET', url: '/api/v1/notifications?limit=50', headers: user.auth }))
      .json<NotificationPage>()
      .items.filter((n) => n.data.sessionId === sessionId)
      .map((n) => n.kind);

  it('tells the people who asked when the session moves and when it starts, once', async () => {
    const { category, moderator } = await categoryWithModerator();
    const [keen, unsure] = [await person('Kalina Keen'), await person('Uros Unsure')];
    const session = await scheduled(moderator, category.id);
    expect(session.remindMe).toBe(false);
    const on = await act(keen, 'PUT', `/${session.id}/reminder`);
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json<ForumSessionView>().remindMe).toBe(true);
    // Asking twice changes nothing.
    expect((await act(keen, 'PUT', `/${session.id}/reminder`)).json<ForumSessionView>().remindMe).toBe(true);
    await act(unsure, 'PUT', `/${session.id}/reminder`);
    expect((await act(unsure, 'DELETE', `/${session.id}/reminder`)).json<ForumSessionView>().remindMe).toBe(false);
    expect((await app.inject({ method: 'PUT', url: `/api/v1/forum-sessions/${session.id}/reminder` })).statusCode).toBe(401);

    const later = new Date(new Date(session.startsAt).getTime() + HOUR);
    const moved = await act(moderator, 'PATCH', `/${session.id}`, { startsAt: later.toISOString(), endsAt: new Date(later.getTime() + HOUR).toISOString() });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await sessionNotices(keen, session.id)).toEqual(['forum_session.moved']);

    reach(later.toISOString(), 1_000);
    await app.services.forumSessions.openDue();
    await app.services.forumSessions.openDue();
    expect((await act(keen, 'PUT', `/${session.id}/reminder`)).json().code).toBe('session_started');
    await app.inject({ method: 'GET', url: `/api/v1/forum-sessions/${session.id}` });
    const notices = (await app.inject({ method: 'GET', url: '/api/v1/notifications?limit=50', headers: keen.auth })).json<NotificationPage>().items;
    const opened = notices.filter((n) => n.data.sessionId === session.id && n.kind === 'forum_session.opened');
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ link: `/forums/sessions/${session.id}`, data: { sessionTitle: session.title } });
    expect(await sessionNotices(unsure, session.id)).toEqual([]);
    expect(await sessionNotices(moderator, session.id)).toEqual([]);
  });

  it('tells them when a scheduled session is cancelled', async () => {
    const { category, moderator } = await categoryWithModerator();
    const keen = await person('Kalina Keen');
    const session = await scheduled(moderator, category.id);
    await act(keen, 'PUT', `/${session.id}/reminder`);
    expect((await act(moderator, 'DELETE', `/${session.id}`)).statusCode).toBe(204);
    expect(await sessionNotices(keen, session.id)).toEqual(['forum_session.cancelled']);
  });
});

describe('a session nobody closed', () => {
  it('closes by itself an hour after its end time; watchers hear it and the transcript is read-only', async () => {
    const { category, moderator } = await categoryWithModerator();
    const member = await person('Mila Member');
    const session = await scheduled(moderator, category.id);
    reachStart(session);
    await app.services.forumSessions.openDue();
    const roomId = session.roomId!;
    await app.inject({ method: 'POST', url: `/api/v1/rooms/${roomId}/join`, headers: member.auth });
    expect((await post(member, roomId, 'Still here after the end')).statusCode).toBe(201);

    // Running over a little is fine.
    reach(session.endsAt, AUTO_CLOSE_AFTER_MS - 60_000);
    await app.services.forumSessions.closeOverdue();
    expect((await app.inject({ method: 'GET', url: `/api/v1/forum-sessions/${session.id}`, headers: member.auth })).json<ForumSessionView>().state).toBe('live');

    const socket = await watch(member, session.id);
    const closedEvent = nextEvent(socket, 'forum-session:changed', (u) => u.session.id === session.id && u.change === 'closed');
    reach(session.endsAt, AUTO_CLOSE_AFTER_MS + 1_000);
    await app.services.forumSessions.closeOverdue();
    expect((await closedEvent).session).toMatchObject({ state: 'closed', closedAutomatically: true });
    const view = (await app.inject({ method: 'GET', url: `/api/v1/forum-sessions/${session.id}`, headers: moderator.auth })).json<ForumSessionView>();
    expect(view).toMatchObject({ state: 'closed', closedAutomatically: true, queue: [], floor: null });
    expect(await app.services.forumSessions.closeOverdue()).toBe(0);
    expect((await post(member, roomId, 'Too late')).json().code).toBe('room_read_only');
    // The moderator still writes the minutes.
    expect((await act(moderator, 'PUT', `/${session.id}/minutes`, { minutes: 'Closed without a wrap-up.' })).statusCode).toBe(200);
    const audit = await sql<{ actor_id: string | null; details: { automatic: boolean } }>`
      select actor_id, details from audit_log where subject_id = ${session.id} and action = 'forum_session.closed'`.execute(server.handle.db);
    expect(audit.rows).toEqual([{ actor_id: null, details: { automatic: true } }]);
  });
});

describe('several server processes', () => {
  it.skipIf(!redisUrl || !databaseUrl)('tell a watcher connected to another server of a change made on this one', async () => {
    const other = await startTestServer({ config: { redisUrl }, clock, database: database.handle });
    try {
      const { category, moderator } = await categoryWithModerator();
      const session = await scheduled(moderator, category.id);
      reachStart(session);
      await app.services.forumSessions.openDue();
      const watcher = await person('Far Watcher');
      // The other server signs its own tokens.
      const socket = await connect(other.url, other.app.jwt.sign({ sub: watcher.id }));
      sockets.push(socket);
      const answer = await new Promise<{ ok: boolean }>((resolve) => socket.emit('forum-session:watch', { sessionId: session.id }, resolve));
      expect(answer.ok).toBe(true);
      const pinned = nextEvent(socket, 'forum-session:changed', (u) => u.session.id === session.id && u.change === 'pinned');
      expect((await act(moderator, 'PUT', `/${session.id}/pin`, { item: 2 })).statusCode).toBe(200);
      expect((await pinned).session.pinnedItem).toBe(2);
    } finally {
      for (const s of sockets.splice(0)) s.close();
      await other.close();
    }
  });
});

describe('lists', () => {
  it('pages upcoming, live and past sessions of a category', async () => {
    const { category, moderator } = await categoryWithModerator();
    const base = clock().getTime() + 10 * HOUR;
    const made: ForumSession[] = [];
    for (let i = 0; i < 3; i++) {
      made.push(await scheduled(moderator, category.id, { startsAt: new Date(base + i * HOUR).toISOString(), endsAt: new Date(base + i * HOUR + HOUR).toISOString() }));
    }
    const first = await app.inject({ method: 'GET', url: `/api/v1/forum-sessions?when=upcoming&category=${category.slug}&limit=2` });
    const page1 = first.json<ForumSessionPage>();
    expect(page1.items.map((s) => s.id)).toEqual([made[0]!.id, made[1]!.id]);
    const second = await app.inject({ method: 'GET', url: `/api/v1/forum-sessions?when=upcoming&category=${category.slug}&limit=2&cursor=${page1.nextCursor}` });
    expect(second.json<ForumSessionPage>()).toMatchObject({ items: [{ id: made[2]!.id, state: 'scheduled', agendaCount: 3 }], nextCursor: null });

    reachStart(made[0]!);
    const live = await app.inject({ method: 'GET', url: `/api/v1/forum-sessions?when=live&category=${category.slug}` });
    expect(live.json<ForumSessionPage>().items.map((s) => s.id)).toEqual([made[0]!.id]);
    await act(moderator, 'POST', `/${made[0]!.id}/close`);
    const past = await app.inject({ method: 'GET', url: `/api/v1/forum-sessions?when=past&category=${category.slug}` });
    expect(past.json<ForumSessionPage>().items).toMatchObject([{ id: made[0]!.id, state: 'closed' }]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/forum-sessions?cursor=nonsense' })).json().code).toBe('invalid_cursor');
    expect((await app.inject({ method: 'GET', url: '/api/v1/forum-sessions?category=no-such-category' })).statusCode).toBe(404);
  });
});

describe('demo data', () => {
  it('holds one upcoming session and one closed session with its transcript and minutes', async () => {
    const scratch = await scratchDatabase();
    try {
      const db = scratch.handle.db;
      await migrateToLatest(db);
      await seedDemoData(db, hashPassword);
      const now = new Date();
      const upcoming = await forumSessionRepository.listSessions(db, { when: 'upcoming', now }, 10);
      const past = await forumSessionRepository.listSessions(db, { when: 'past', now }, 10);
      expect(upcoming?.items).toHaveLength(1);
      expect(upcoming!.items[0]!.agenda.length).toBeGreaterThan(0);
      expect(past?.items).toHaveLength(1);
      const closed = past!.items[0]!;
      expect(closed.minutes).toContain('## Summary');
      const room = await db.selectFrom('rooms').selectAll().where('id', '=', closed.room_id!).executeTakeFirstOrThrow();
      expect(room.closed_at).not.toBeNull();
      const messages = await db.selectFrom('room_messages').select('body').where('room_id', '=', room.id).orderBy('seq').execute();
      expect(messages.length).toBeGreaterThanOrEqual(3);
    } finally {
      await scratch.dispose();
    }
  }, 120_000);
});
