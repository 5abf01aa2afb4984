import { randomUUID } from 'node:crypto';
import type { App } from '@partnera/server';
import type { Appeal, ForumPost, ForumPostPage, ModerationLogPage, Notification, Queue } from '@partnera/server/api-types';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/app';
import { createOrganisation, makePlatformRole, registerUser, type TestUser } from '../support/factories';
import { createCategory, createThread, makeEstablished, postOk, quickUser, reply } from '../support/forums';
import { completeIdea } from '../support/plan-factories';
import { connect, newClientId, redisUrl, registerModerator, request, type ClientSocket } from '../support/rooms';

let server: Awaited<ReturnType<typeof startTestServer>>;
let app: App;
let platformModerator: TestUser;
let admin: TestUser;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({ config: { redisUrl, moderationAutoHideReports: 3, roomMessageBurst: 1000, roomMessagesPerMinute: 60_000 } });
  app = server.app;
  platformModerator = await registerModerator(app, server.handle.db);
  admin = await registerUser(app, { displayName: 'Ada Admin' });
  await makePlatformRole(server.handle.db, admin.id, 'admin');
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});
afterAll(async () => {
  await server?.close();
});

const db = () => server.handle.db;

async function person(name = 'Member', established = true): Promise<TestUser> {
  const user = await quickUser(app, db(), `${name} ${randomUUID().slice(0, 4)}`);
  if (established) await makeEstablished(db(), user.id);
  return user;
}

const post = (user: TestUser, url: string, payload: unknown) => app.inject({ method: 'POST', url, headers: user.auth, payload: payload as Record<string, unknown> });
const get = (user: TestUser | null, url: string) => app.inject({ method: 'GET', url, headers: user?.auth ?? {} });

/** A category with its own moderator, a thread and a post by an author. */
async function scene() {
  const category = await createCategory(app, platformModerator);
  const categoryModerator = await person('Cat Mod');
  const assigned = await app.inject({ method: 'PUT', url: `/api/v1/forums/categories/${category.id}/moderators/${categoryModerator.id}`, headers: platformModerator.auth });
  expect(assigned.statusCode).toBe(200);
  const author = await person('Author');
  const { thread, post: first } = await createThread(app, author, category.slug, 'A post someone may find rude');
  return { category, categoryModerator, author, thread, post: first };
}

type Scene = Awaited<ReturnType<typeof scene>>;
type Role = 'member' | 'category_moderator' | 'platform_moderator' | 'admin';
const ROLES: Role[] = ['member', 'category_moderator', 'platform_moderator', 'admin'];

const actorFor = async (role: Role, s: Scene): Promise<TestUser> =>
  role === 'member' ? person('Bystander') : role === 'category_moderator' ? s.categoryModerator : role === 'platform_moderator' ? platformModerator : admin;

const contentAction = (action: string, extra: Record<string, unknown> = {}) => (actor: TestUser, s: Scene) =>
  post(actor, `/api/v1/moderation/targets/forum_post/${s.post.id}/actions`, { action, reason: 'matrix test', ...extra });
const threadAction = (action: string, extra: (s: Scene) => Record<string, unknown> = () => ({})) => (actor: TestUser, s: Scene) =>
  post(actor, `/api/v1/moderation/threads/${s.thread.id}/actions`, { action, reason: 'matrix test', ...extra(s) });
const userAction = (action: string, extra: Record<string, unknown> = {}) => (actor: TestUser, s: Scene) =>
  post(actor, `/api/v1/moderation/users/${s.author.id}/actions`, { action, reason: 'matrix test', ...extra });

const future = () => new Date(Date.now() + 3 * 86_400_000).toISOString();

/** Every moderation action: how to prepare for it, how to do it, and which roles may. */
const MATRIX: Array<{ action: string; allowed: Role[]; prepare?: (s: Scene) => Promise<unknown>; perform: (actor: TestUser, s: Scene) => ReturnType<typeof post> }> = [
  { action: 'hide', allowed: ['category_moderator', 'platform_moderator', 'admin'], perform: contentAction('hide') },
  { action: 'unhide', allowed: ['category_moderator', 'platform_moderator', 'admin'], prepare: (s) => contentAction('hide')(platformModerator, s), perform: contentAction('unhide') },
  { action: 'edit', allowed: ['category_moderator', 'platform_moderator', 'admin'], perform: contentAction('edit', { body: 'A post, politely' }) },
  { action: 'delete', allowed: ['category_moderator', 'platform_moderator', 'admin'], perform: contentAction('delete') },
  {
    action: 'dismiss',
    allowed: ['category_moderator', 'platform_moderator', 'admin'],
    prepare: async (s) => post(await person('Reporter'), '/api/v1/reports', { targetKind: 'forum_post', targetId: s.post.id, reasonCode: 'abuse' }),
    perform: contentAction('dismiss'),
  },
  { action: 'lock', allowed: ['category_moderator', 'platform_moderator', 'admin'], perform: threadAction('lock') },
  { action: 'unlock', allowed: ['category_moderator', 'platform_moderator', 'admin'], prepare: (s) => threadAction('lock')(platformModerator, s), perform: threadAction('unlock') },
  { action: 'pin', allowed: ['category_moderator', 'platform_moderator', 'admin'], perform: threadAction('pin') },
  { action: 'unpin', allowed: ['category_moderator', 'platform_moderator', 'admin'], prepare: (s) => threadAction('pin')(platformModerator, s), perform: threadAction('unpin') },
  {
    action: 'move',
    allowed: ['platform_moderator', 'admin'],
    // The destination is another category the category moderator does not moderate.
    perform: async (actor, s) => threadAction('move', () => ({ categoryId: (s as Scene & { other: string }).other }))(actor, s),
    prepare: async (s) => Object.assign(s, { other: (await createCategory(app, platformModerator)).id }),
  },
  {
    action: 'merge',
    allowed: ['category_moderator', 'platform_moderator', 'admin'],
    prepare: async (s) => Object.assign(s, { into: (await createThread(app, s.author, s.category.slug, 'Same topic')).thread.id }),
    perform: (actor, s) => threadAction('merge', () => ({ intoThreadId: (s as Scene & { into: string }).into }))(actor, s),
  },
  { action: 'warn', allowed: ['category_moderator', 'platform_moderator', 'admin'], perform: (actor, s) => userAction('warn', { categoryId: s.category.id })(actor, s) },
  { action: 'suspend', allowed: ['platform_moderator', 'admin'], perform: (actor, s) => userAction('suspend', { until: future() })(actor, s) },
  { action: 'ban', allowed: ['platform_moderator', 'admin'], perform: userAction('ban') },
  { action: 'lift', allowed: ['platform_moderator', 'admin'], prepare: (s) => userAction('ban')(platformModerator, s), perform: userAction('lift') },
  {
    action: 'resolve appeal',
    allowed: ['platform_moderator', 'admin'],
    prepare: async (s) => {
      const hidden = await contentAction('hide')(platformModerator, s);
      const appeal = await post(s.author, `/api/v1/moderation/actions/${hidden.json().id}/appeal`, { text: 'I was quoting someone' });
      Object.assign(s, { appeal: appeal.json<Appeal>().id });
    },
    perform: (actor, s) => post(actor, `/api/v1/moderation/appeals/${(s as Scene & { appeal: string }).appeal}/resolve`, { decision: 'uphold', note: 'matrix' }),
  },
  {
    action: 'create category',
    allowed: ['platform_moderator', 'admin'],
    perform: (actor) => post(actor, '/api/v1/forums/categories', { slug: `m-${randomUUID().slice(0, 8)}`, title: 'Matrix' }),
  },
  {
    action: 'assign category moderator',
    allowed: ['platform_moderator', 'admin'],
    perform: async (actor, s) => app.inject({ method: 'PUT', url: `/api/v1/forums/categories/${s.category.id}/moderators/${s.author.id}`, headers: actor.auth }),
  },
  { action: 'view queue', allowed: ['category_moderator', 'platform_moderator', 'admin'], perform: (actor) => get(actor, '/api/v1/moderation/queue') as ReturnType<typeof post> },
  { action: 'view log', allowed: ['category_moderator', 'platform_moderator', 'admin'], perform: (actor) => get(actor, '/api/v1/moderation/log') as ReturnType<typeof post> },
];

describe('permissions per role for every moderation action', () => {
  for (const row of MATRIX) {
    for (const role of ROLES) {
      const may = row.allowed.includes(role);
      it(`${role} ${may ? 'may' : 'may not'} ${row.action}`, async () => {
        const s = await scene();
        await row.prepare?.(s);
        const actor = await actorFor(role, s);
        const res = await row.perform(actor, s);
        if (may) expect(res.statusCode, res.body).toBeLessThan(300);
        else expect(res.statusCode, res.body).toBe(403);
      });
    }
  }

  it('a category moderator has no rights in other categories', async () => {
    const mine = await scene();
    const theirs = await scene();
    const res = await post(mine.categoryModerator, `/api/v1/moderation/targets/forum_post/${theirs.post.id}/actions`, { action: 'hide', reason: 'not mine' });
    expect(res.statusCode).toBe(403);
    const queue = (await get(mine.categoryModerator, '/api/v1/moderation/queue')).json<Queue>();
    expect(queue.items.every((i) => i.categoryId === mine.category.id)).toBe(true);
  });

  it('only an admin suspends a platform moderator', async () => {
    const target = await registerModerator(app, db(), 'Other Mod');
    const byModerator = await post(platformModerator, `/api/v1/moderation/users/${target.id}/actions`, { action: 'ban', reason: 'no' });
    expect(byModerator.statusCode).toBe(403);
    const byAdmin = await post(admin, `/api/v1/moderation/users/${target.id}/actions`, { action: 'suspend', reason: 'cool down', until: future() });
    expect(byAdmin.statusCode).toBe(201);
  });
});

describe('reports', () => {
  it('hide content automatically after N distinct reporters (the same person twice counts once)', async () => {
    const s = await scene();
    const [a, b, c] = [await person('R1'), await person('R2'), await person('R3')];
    const report = (u: TestUser) => post(u, '/api/v1/reports', { targetKind: 'forum_post', targetId: s.post.id, reasonCode: 'abuse', reasonText: 'rude' });
    expect((await report(a)).json().autoHidden).toBe(false);
    const again = await report(a);
    expect(again.statusCode).toBe(201);
    expect(again.json().autoHidden).toBe(false);
    expect((await report(b)).json().autoHidden).toBe(false);
    const visible = (await get(a, `/api/v1/forums/posts/${s.post.id}`)).json<ForumPost>();
    expect(visible.hidden).toBe(false);

    const third = await report(c);
    expect(third.json().autoHidden).toBe(true);
    const seenByReader = (await get(a, `/api/v1/forums/posts/${s.post.id}`)).json<ForumPost>();
    expect(seenByReader).toMatchObject({ hidden: true, body: '', hiddenReason: null });
    const seenByAuthor = (await get(s.author, `/api/v1/forums/posts/${s.post.id}`)).json<ForumPost>();
    expect(seenByAuthor.hidden).toBe(true);
    expect(seenByAuthor.body).toBe('A post someone may find rude');
    expect(seenByAuthor.hiddenReason).toMatch(/3 people/);
    expect(seenByAuthor.hideActionId).not.toBeNull();
    const notices = (await get(s.author, '/api/v1/notifications')).json<{ items: Notification[] }>().items;
    expect(notices.some((n) => n.kind === 'moderation.hidden' && (n.data as { targetId: string }).targetId === s.post.id)).toBe(true);

    // Still in the queue (reports stay open for review), with three reports.
    const queue = (await get(platformModerator, '/api/v1/moderation/queue')).json<Queue>();
    const item = queue.items.find((i) => i.targetId === s.post.id)!;
    expect(item).toMatchObject({ reportCount: 3, hidden: true, targetKind: 'forum_post' });

    // A moderator confirms the hiding: the reports close, the reason is the moderator's, and the log has both.
    const confirmed = await post(platformModerator, `/api/v1/moderation/targets/forum_post/${s.post.id}/actions`, { action: 'hide', reason: 'Insults' });
    expect(confirmed.statusCode).toBe(201);
    expect((await get(platformModerator, '/api/v1/moderation/queue')).json<Queue>().items.some((i) => i.targetId === s.post.id)).toBe(false);
    expect((await get(s.author, `/api/v1/forums/posts/${s.post.id}`)).json<ForumPost>().hiddenReason).toBe('Insults');
    const log = (await get(platformModerator, `/api/v1/moderation/log?targetId=${s.post.id}`)).json<ModerationLogPage>();
    expect(log.items.map((e) => [e.action, e.actorId])).toEqual([['hide', platformModerator.id], ['auto_hide', null]]);
    const twice = await post(platformModerator, `/api/v1/moderation/targets/forum_post/${s.post.id}/actions`, { action: 'hide', reason: 'Twice' });
    expect(twice.statusCode).toBe(409);
  });

  it('sorts the review queue by report count, then age', async () => {
    const s1 = await scene();
    const s2 = await scene();
    const reporters = [await person('Q1'), await person('Q2')];
    await post(reporters[0]!, '/api/v1/reports', { targetKind: 'forum_post', targetId: s1.post.id, reasonCode: 'spam' });
    await post(reporters[0]!, '/api/v1/reports', { targetKind: 'forum_post', targetId: s2.post.id, reasonCode: 'spam' });
    await post(reporters[1]!, '/api/v1/reports', { targetKind: 'forum_post', targetId: s2.post.id, reasonCode: 'spam' });
    const ids = (await get(platformModerator, '/api/v1/moderation/queue')).json<Queue>().items.map((i) => i.targetId);
    expect(ids.indexOf(s2.post.id)).toBeLessThan(ids.indexOf(s1.post.id));
  });

  it('cover room messages and hide them through the room hide mechanism', async () => {
    const owner = await person('Room Owner');
    const room = await app.services.rooms.ensureSubjectRoom('idea', randomUUID(), { title: 'Reported room', ownerUserId: owner.id, visibility: 'public' });
    const socket = await connect(server.url, owner.token);
    sockets.push(socket);
    const sent = await request(socket, 'message:send', { roomId: room.id, clientId: newClientId(), body: 'spammy spam' });
    if (!sent.ok) throw new Error(sent.code);
    for (let i = 0; i < 3; i++) {
      const res = await post(await person(`RR${i}`), '/api/v1/reports', { targetKind: 'room_message', targetId: sent.message.id, reasonCode: 'spam' });
      expect(res.statusCode).toBe(201);
    }
    const history = await app.inject({ method: 'GET', url: `/api/v1/rooms/${room.id}/messages`, headers: owner.auth });
    const message = history.json<{ items: Array<{ id: string; hidden: boolean }> }>().items.find((m) => m.id === sent.message.id);
    expect(message?.hidden).toBe(true);
  });
});

describe('reporting what one cannot see', () => {
  it('is refused for messages of members-only rooms and for idea drafts', async () => {
    const owner = await person('Private Host');
    const outsider = await person('Outsider');
    const room = await app.services.rooms.ensureSubjectRoom('idea', randomUUID(), { title: 'Private', ownerUserId: owner.id, visibility: 'members' });
    const socket = await connect(server.url, owner.token);
    sockets.push(socket);
    const sent = await request(socket, 'message:send', { roomId: room.id, clientId: newClientId(), body: 'members only' });
    if (!sent.ok) throw new Error(sent.code);
    const hiddenRoom = await post(outsider, '/api/v1/reports', { targetKind: 'room_message', targetId: sent.message.id, reasonCode: 'spam' });
    expect(hiddenRoom.statusCode).toBe(404);

    const org = await createOrganisation(app, owner);
    const draft = await post(owner, '/api/v1/ideas', { organisationId: org.id, ...completeIdea({}) });
    expect(draft.statusCode).toBe(201);
    const draftReport = await post(outsider, '/api/v1/reports', { targetKind: 'idea', targetId: draft.json().id, reasonCode: 'spam' });
    expect(draftReport.statusCode).toBe(404);
    const ownReport = await post(owner, '/api/v1/reports', { targetKind: 'idea', targetId: draft.json().id, reasonCode: 'other' });
    expect(ownReport.statusCode).toBe(201);
  });
});

describe('suspensions', () => {
  it('stop posting over HTTP and socket.io, and end when the suspension ends', async () => {
    const s = await scene();
    const owner = await person('Room Host');
    const room = await app.services.rooms.ensureSubjectRoom('idea', randomUUID(), { title: 'Talk', ownerUserId: owner.id, visibility: 'public' });
    expect((await post(s.author, `/api/v1/rooms/${room.id}/join`, {})).statusCode).toBe(200);
    const until = future();
    expect((await post(platformModerator, `/api/v1/moderation/users/${s.author.id}/actions`, { action: 'suspend', reason: 'cool down', until })).statusCode).toBe(201);

    const refused = await reply(app, s.author, s.thread.id, 'let me speak');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'account_suspended', errors: [{ path: '/suspendedUntil', message: until }] });
    const newThread = await post(s.author, `/api/v1/forums/categories/${s.category.slug}/threads`, { title: 'x', body: 'y' });
    expect(newThread.json().code).toBe('account_suspended');

    const socket = await connect(server.url, s.author.token);
    sockets.push(socket);
    const sent = await request(socket, 'message:send', { roomId: room.id, clientId: newClientId(), body: 'sneaky' });
    expect(sent).toMatchObject({ ok: false, code: 'account_suspended' });

    const org = await createOrganisation(app, s.author);
    const idea = await post(s.author, '/api/v1/ideas', { organisationId: org.id, ...completeIdea({}) });
    expect(idea.statusCode).toBe(403);
    expect(idea.json().code).toBe('account_suspended');

    // The suspension runs out.
    await sql`update user_suspensions set ends_at = now() - interval '1 second' where user_id = ${s.author.id}`.execute(db());
    expect((await reply(app, s.author, s.thread.id, 'back again')).statusCode).toBe(201);
    const later = await request(socket, 'message:send', { roomId: room.id, clientId: newClientId(), body: 'hello again' });
    expect(later.ok).toBe(true);
  });

  it('a ban has no end until lifted', async () => {
    const s = await scene();
    await post(platformModerator, `/api/v1/moderation/users/${s.author.id}/actions`, { action: 'ban', reason: 'spam bot' });
    const refused = await reply(app, s.author, s.thread.id, 'hi');
    expect(refused.json()).toMatchObject({ code: 'account_suspended', errors: [{ path: '/suspendedUntil', message: 'never' }] });
    const listed = (await get(platformModerator, '/api/v1/moderation/suspensions')).json<{ items: Array<{ userId: string; endsAt: string | null }> }>();
    expect(listed.items.find((i) => i.userId === s.author.id)?.endsAt).toBeNull();
    expect((await post(platformModerator, `/api/v1/moderation/users/${s.author.id}/actions`, { action: 'lift', reason: 'appeal by mail' })).statusCode).toBe(201);
    expect((await reply(app, s.author, s.thread.id, 'thank you')).statusCode).toBe(201);
  });
});

describe('the moderation log', () => {
  it('records every action with actor, target and reason; category summary has counts only', async () => {
    const s = await scene();
    const reporter = await person('Reporter');
    await post(reporter, '/api/v1/reports', { targetKind: 'forum_post', targetId: s.post.id, reasonCode: 'spam' });
    const steps: Array<[string, () => ReturnType<typeof post>]> = [
      ['hide', () => contentAction('hide')(s.categoryModerator, s)],
      ['unhide', () => contentAction('unhide')(s.categoryModerator, s)],
      ['edit', () => contentAction('edit', { body: 'Edited' })(s.categoryModerator, s)],
      ['pin', () => threadAction('pin')(s.categoryModerator, s)],
      ['lock', () => threadAction('lock')(s.categoryModerator, s)],
      ['warn', () => userAction('warn', { categoryId: s.category.id })(s.categoryModerator, s)],
      ['delete', () => contentAction('delete')(s.categoryModerator, s)],
    ];
    for (const [, step] of steps) expect((await step()).statusCode).toBe(201);
    const log = (await get(s.categoryModerator, `/api/v1/moderation/log?limit=100`)).json<ModerationLogPage>();
    const mine = log.items.filter((e) => e.categoryId === s.category.id);
    expect(mine.map((e) => e.action).reverse()).toEqual(steps.map(([a]) => a));
    expect(mine.every((e) => e.actorId === s.categoryModerator.id && e.reason === 'matrix test')).toBe(true);
    // A category moderator's log holds their categories' entries only.
    expect(log.items.every((e) => e.categoryId !== null)).toBe(true);
    const summary = (await get(null, `/api/v1/forums/categories/${s.category.slug}/moderation-summary`)).json();
    expect(summary.actions).toEqual(expect.arrayContaining([{ action: 'hide', count: 1 }, { action: 'delete', count: 1 }]));
    expect(JSON.stringify(summary)).not.toContain(s.categoryModerator.id);
    expect((await get(await person(), '/api/v1/moderation/log')).statusCode).toBe(403);
  });
});

describe('appeals', () => {
  it('are possible once; a reversal shows the content again', async () => {
    const s = await scene();
    const hidden = await contentAction('hide')(platformModerator, s);
    const actionId = hidden.json().id as string;
    const stranger = await person();
    expect((await post(stranger, `/api/v1/moderation/actions/${actionId}/appeal`, { text: 'not mine' })).statusCode).toBe(404);
    const appeal = await post(s.author, `/api/v1/moderation/actions/${actionId}/appeal`, { text: 'It was a quote' });
    expect(appeal.statusCode).toBe(201);
    const twice = await post(s.author, `/api/v1/moderation/actions/${actionId}/appeal`, { text: 'Please!' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('already_appealed');
    expect((await get(s.author, `/api/v1/forums/posts/${s.post.id}`)).json<ForumPost>().appealStatus).toBe('open');

    const open = (await get(platformModerator, '/api/v1/moderation/appeals')).json<{ items: Appeal[] }>();
    expect(open.items.some((a) => a.id === appeal.json().id)).toBe(true);
    const resolved = await post(platformModerator, `/api/v1/moderation/appeals/${appeal.json().id}/resolve`, { decision: 'reverse', note: 'Fair enough' });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json<Appeal>().status).toBe('reversed');
    const after = (await get(stranger, `/api/v1/forums/posts/${s.post.id}`)).json<ForumPost>();
    expect(after).toMatchObject({ hidden: false, body: 'A post someone may find rude' });
    const again = await post(platformModerator, `/api/v1/moderation/appeals/${appeal.json().id}/resolve`, { decision: 'uphold' });
    expect(again.statusCode).toBe(409);
    const log = (await get(platformModerator, `/api/v1/moderation/log?targetId=${s.post.id}`)).json<ModerationLogPage>();
    expect(log.items.map((e) => e.action)).toEqual(['unhide', 'appeal_reversed', 'hide']);
    const notices = (await get(s.author, '/api/v1/notifications')).json<{ items: Notification[] }>().items;
    expect(notices.some((n) => n.kind === 'moderation.appeal_resolved')).toBe(true);
  });

  it('upheld keeps the content hidden', async () => {
    const s = await scene();
    const hidden = await contentAction('hide')(platformModerator, s);
    const appeal = await post(s.author, `/api/v1/moderation/actions/${hidden.json().id}/appeal`, { text: 'Why?' });
    await post(platformModerator, `/api/v1/moderation/appeals/${appeal.json().id}/resolve`, { decision: 'uphold', note: 'Rules are rules' });
    const page = (await get(s.author, `/api/v1/forums/threads/${s.thread.id}`)).json<ForumPostPage>();
    expect(page.items[0]).toMatchObject({ hidden: true, appealStatus: 'upheld' });
  });
});

describe('new accounts', () => {
  it('may put at most two links in a post and post three times per ten minutes, until they participate', async () => {
    const s = await scene();
    const newbie = await person('Newbie', false);
    const links = await reply(app, newbie, s.thread.id, 'See https://a.example and https://b.example and www.c.example');
    expect(links.statusCode).toBe(422);
    expect(links.json().code).toBe('too_many_links_for_new_account');
    expect((await reply(app, newbie, s.thread.id, 'Two links are fine: https://a.example https://b.example')).statusCode).toBe(201);
    await postOk(app, newbie, s.thread.id, 'second');
    await postOk(app, newbie, s.thread.id, 'third');
    const fourth = await reply(app, newbie, s.thread.id, 'fourth');
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().code).toBe('new_account_rate_limited');
    // A day later, with three posts behind them, the limits are gone.
    await sql`update users set created_at = now() - interval '25 hours' where id = ${newbie.id}`.execute(db());
    await sql`update forum_posts set created_at = now() - interval '11 minutes' where author_id = ${newbie.id}`.execute(db());
    expect((await reply(app, newbie, s.thread.id, 'Links: https://a.example https://b.example https://c.example')).statusCode).toBe(201);
  });
});
