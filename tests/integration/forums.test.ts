import { randomUUID } from 'node:crypto';
import type { App } from '@partnera/server';
import type { ForumCategory, ForumPost, ForumPostPage, ForumThreadPage, Notification } from '@partnera/server/api-types';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/app';
import type { TestUser } from '../support/factories';
import { createCategory, createThread, makeEstablished, postOk, quickUser, reply } from '../support/forums';
import { connect, nextEvent, redisUrl, registerModerator, type ClientSocket } from '../support/rooms';
import { searchCaughtUp } from '../support/search';

let server: Awaited<ReturnType<typeof startTestServer>>;
let app: App;
let moderator: TestUser;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({ config: { redisUrl, searchRelayIntervalMs: 50 } });
  app = server.app;
  moderator = await registerModerator(app, server.handle.db);
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});
afterAll(async () => {
  await server?.close();
});

async function member(name = 'Forum Member'): Promise<TestUser & { displayName: string }> {
  const displayName = `${name} ${randomUUID().slice(0, 4)}`;
  const user = await quickUser(app, server.handle.db, displayName);
  await makeEstablished(server.handle.db, user.id);
  return { ...user, displayName };
}

const get = (url: string, user?: TestUser) => app.inject({ method: 'GET', url, headers: user?.auth ?? {} });

describe('categories', () => {
  it('are created and changed by platform staff only, and listed for everyone with counts', async () => {
    const user = await member();
    const refused = await app.inject({ method: 'POST', url: '/api/v1/forums/categories', headers: user.auth, payload: { slug: `x-${randomUUID().slice(0, 6)}`, title: 'Nope' } });
    expect(refused.statusCode).toBe(403);
    const category = await createCategory(app, moderator, { scopeTerritory: 'BG' });
    expect(category.scopeTerritory).toBe('BG');
    const dup = await app.inject({ method: 'POST', url: '/api/v1/forums/categories', headers: moderator.auth, payload: { slug: category.slug, title: 'Again' } });
    expect(dup.statusCode).toBe(409);
    const badScope = await app.inject({ method: 'POST', url: '/api/v1/forums/categories', headers: moderator.auth, payload: { slug: `y-${randomUUID().slice(0, 6)}`, title: 'Bad', scopeTerritory: 'ZZ-99' } });
    expect(badScope.statusCode).toBe(422);
    const patched = await app.inject({ method: 'PATCH', url: `/api/v1/forums/categories/${category.id}`, headers: moderator.auth, payload: { description: 'Water and rivers' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json<ForumCategory>().description).toBe('Water and rivers');
    const memberPatch = await app.inject({ method: 'PATCH', url: `/api/v1/forums/categories/${category.id}`, headers: user.auth, payload: { description: 'mine' } });
    expect(memberPatch.statusCode).toBe(403);

    await createThread(app, user, category.slug);
    const list = await get('/api/v1/forums/categories');
    expect(list.statusCode).toBe(200);
    const listed = list.json<{ items: ForumCategory[] }>().items.find((c) => c.id === category.id)!;
    expect(listed).toMatchObject({ threadCount: 1, postCount: 1, canPost: false });
  });

  it('scoped to an organisation accept posts from its members only', async () => {
    const owner = await member('Org Owner');
    const outsider = await member('Outsider');
    const org = await app.inject({ method: 'POST', url: '/api/v1/organisations', headers: owner.auth, payload: { kind: 'ngo', name: `Org ${randomUUID().slice(0, 6)}`, country: 'BG', territoryCode: 'BG-01', legalId: '000000000' } });
    let orgId: string;
    if (org.statusCode === 201) orgId = org.json<{ id: string }>().id;
    else {
      const { createOrganisation } = await import('../support/factories');
      orgId = (await createOrganisation(app, owner)).id;
    }
    const category = await createCategory(app, moderator, { scopeOrganisationId: orgId });
    await createThread(app, owner, category.slug);
    const refused = await app.inject({ method: 'POST', url: `/api/v1/forums/categories/${category.slug}/threads`, headers: outsider.auth, payload: { title: 'Hi', body: 'Let me in' } });
    expect(refused.statusCode).toBe(403);
  });
});

describe('threads and posts', () => {
  it('lists pinned threads first, takes replies with quotes, refuses posts in locked threads', async () => {
    const category = await createCategory(app, moderator);
    const author = await member('Author');
    const other = await member('Other');
    const first = await createThread(app, author, category.slug, 'Opening words', 'Older thread');
    const second = await createThread(app, other, category.slug, 'More words', 'Newer thread');
    const pin = await app.inject({ method: 'POST', url: `/api/v1/moderation/threads/${first.thread.id}/actions`, headers: moderator.auth, payload: { action: 'pin', reason: 'important' } });
    expect(pin.statusCode).toBe(201);
    const threads = (await get(`/api/v1/forums/categories/${category.slug}/threads`)).json<ForumThreadPage>();
    expect(threads.items.map((t) => t.id)).toEqual([first.thread.id, second.thread.id]);
    expect(threads.items[0]!.pinned).toBe(true);

    const quoted = await postOk(app, other, first.thread.id, 'I agree with this');
    const withQuote = await reply(app, author, first.thread.id, { body: 'Thanks!', quoteOf: quoted.id, replyTo: quoted.id });
    expect(withQuote.statusCode).toBe(201);
    expect(withQuote.json<ForumPost>().quote).toEqual({ authorName: expect.stringContaining('Other'), excerpt: 'I agree with this' });
    const foreignQuote = await reply(app, author, first.thread.id, { body: 'x', quoteOf: second.post.id });
    expect(foreignQuote.statusCode).toBe(422);

    const edit = await app.inject({ method: 'PATCH', url: `/api/v1/forums/posts/${quoted.id}`, headers: other.auth, payload: { body: 'I agree with this, mostly' } });
    expect(edit.statusCode).toBe(200);
    expect(edit.json<ForumPost>().editedAt).not.toBeNull();
    const notMine = await app.inject({ method: 'PATCH', url: `/api/v1/forums/posts/${quoted.id}`, headers: author.auth, payload: { body: 'hijack' } });
    expect(notMine.statusCode).toBe(403);

    const lock = await app.inject({ method: 'POST', url: `/api/v1/moderation/threads/${first.thread.id}/actions`, headers: moderator.auth, payload: { action: 'lock', reason: 'done' } });
    expect(lock.statusCode).toBe(201);
    const refused = await reply(app, other, first.thread.id, 'one more thing');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('thread_locked');

    const del = await app.inject({ method: 'DELETE', url: `/api/v1/forums/posts/${second.post.id}`, headers: other.auth });
    expect(del.statusCode).toBe(200);
    expect(del.json<ForumPost>()).toMatchObject({ deleted: true, body: '' });
  });

  it('rejects empty and over-long posts and anonymous writers', async () => {
    const category = await createCategory(app, moderator);
    const user = await member();
    const { thread } = await createThread(app, user, category.slug);
    expect((await reply(app, user, thread.id, '   ')).statusCode).toBe(422);
    expect((await reply(app, user, thread.id, 'x'.repeat(20_001))).statusCode).toBe(400);
    const anon = await app.inject({ method: 'POST', url: `/api/v1/forums/threads/${thread.id}/posts`, payload: { body: 'hi' } });
    expect(anon.statusCode).toBe(401);
  });

  it('toggles reactions from a fixed set', async () => {
    const category = await createCategory(app, moderator);
    const user = await member();
    const fan = await member('Fan');
    const { post } = await createThread(app, user, category.slug);
    const on = await app.inject({ method: 'POST', url: `/api/v1/forums/posts/${post.id}/reactions`, headers: fan.auth, payload: { emoji: 'heart' } });
    expect(on.json<ForumPost>().reactions).toEqual([{ emoji: 'heart', count: 1, mine: true }]);
    const off = await app.inject({ method: 'POST', url: `/api/v1/forums/posts/${post.id}/reactions`, headers: fan.auth, payload: { emoji: 'heart' } });
    expect(off.json<ForumPost>().reactions).toEqual([]);
    const bad = await app.inject({ method: 'POST', url: `/api/v1/forums/posts/${post.id}/reactions`, headers: fan.auth, payload: { emoji: 'poop' } });
    expect(bad.statusCode).toBe(400);
  });

  it('notifies subscribers and mentioned people, and stops after unsubscribing', async () => {
    const category = await createCategory(app, moderator);
    const author = await member('Subscriber');
    const replier = await member('Replier');
    const { thread } = await createThread(app, author, category.slug);
    const notificationsOf = async (u: TestUser) => (await get('/api/v1/notifications', u)).json<{ items: Notification[] }>().items.filter((n) => (n.data as { threadId?: string }).threadId === thread.id);
    await postOk(app, replier, thread.id, 'A reply for the author');
    expect((await notificationsOf(author)).map((n) => n.kind)).toEqual(['forum.post']);
    // The replier follows the thread now; the author mentions them.
    await postOk(app, author, thread.id, `Thanks @${replier.displayName}!`);
    expect((await notificationsOf(replier)).map((n) => n.kind)).toEqual(['forum.mention']);

    const off = await app.inject({ method: 'PUT', url: `/api/v1/forums/threads/${thread.id}/subscription`, headers: author.auth, payload: { subscribed: false } });
    expect(off.json()).toMatchObject({ subscribed: false });
    await postOk(app, replier, thread.id, 'Another reply nobody hears about');
    expect(await notificationsOf(author)).toHaveLength(1);

    // Editing a post recalculates its mentions: only someone mentioned for the first time is told.
    const kindsOf = async (u: TestUser) => (await notificationsOf(u)).map((n) => n.kind).sort();
    const bystander = await member('Bystander');
    await postOk(app, bystander, thread.id, 'I follow this too');
    const own = await postOk(app, author, thread.id, 'A plain note');
    const edit = (text: string) => app.inject({ method: 'PATCH', url: `/api/v1/forums/posts/${own.id}`, headers: author.auth, payload: { body: text } });
    expect((await edit(`A plain note for @${bystander.displayName} and @${replier.displayName}`)).json<ForumPost>().mentions).toHaveLength(2);
    expect(await kindsOf(bystander)).toEqual(['forum.mention', 'forum.post']);
    expect(await kindsOf(replier)).toEqual(['forum.mention', 'forum.mention', 'forum.post', 'forum.post']);
    // A second edit naming the same people tells nobody again.
    await edit(`A plain note for @${bystander.displayName} and @${replier.displayName}, edited`);
    expect(await notificationsOf(bystander)).toHaveLength(2);
    expect((await edit('A plain note again')).json<ForumPost>().mentions).toEqual([]);
  });

  it('counts new posts since the last visit, per thread and per category', async () => {
    const category = await createCategory(app, moderator);
    const reader = await member('Reader');
    const writer = await member('Writer');
    const { thread } = await createThread(app, writer, category.slug);
    expect((await get(`/api/v1/forums/threads/${thread.id}`, reader)).statusCode).toBe(200);
    const threadNew = async () => (await get(`/api/v1/forums/categories/${category.slug}/threads`, reader)).json<ForumThreadPage>().items[0]!.newPosts;
    expect(await threadNew()).toBe(0);
    await postOk(app, writer, thread.id, 'one');
    await postOk(app, writer, thread.id, 'two');
    expect(await threadNew()).toBe(2);
    const cat = (await get('/api/v1/forums/categories', reader)).json<{ items: ForumCategory[] }>().items.find((c) => c.id === category.id)!;
    expect(cat.newPosts).toBe(2);
    await get(`/api/v1/forums/threads/${thread.id}`, reader);
    expect(await threadNew()).toBe(0);
  });

  it('moves and merges threads (moderators)', async () => {
    const from = await createCategory(app, moderator);
    const to = await createCategory(app, moderator);
    const user = await member();
    const a = await createThread(app, user, from.slug, 'post in a');
    const b = await createThread(app, user, to.slug, 'post in b');
    const memberMove = await app.inject({ method: 'POST', url: `/api/v1/moderation/threads/${a.thread.id}/actions`, headers: user.auth, payload: { action: 'move', categoryId: to.id } });
    expect(memberMove.statusCode).toBe(403);
    const move = await app.inject({ method: 'POST', url: `/api/v1/moderation/threads/${a.thread.id}/actions`, headers: moderator.auth, payload: { action: 'move', categoryId: to.id, reason: 'belongs there' } });
    expect(move.statusCode).toBe(201);
    expect((await get(`/api/v1/forums/categories/${to.slug}/threads`)).json<ForumThreadPage>().items).toHaveLength(2);
    const merge = await app.inject({ method: 'POST', url: `/api/v1/moderation/threads/${a.thread.id}/actions`, headers: moderator.auth, payload: { action: 'merge', intoThreadId: b.thread.id, reason: 'same topic' } });
    expect(merge.statusCode).toBe(201);
    const merged = (await get(`/api/v1/forums/threads/${b.thread.id}`)).json<ForumPostPage>();
    expect(merged.items.map((p) => p.body).sort()).toEqual(['post in a', 'post in b']);
    expect(merged.thread.postCount).toBe(2);
    const gone = (await get(`/api/v1/forums/threads/${a.thread.id}`)).json<ForumPostPage>();
    expect(gone.thread.mergedInto).toBe(b.thread.id);
    expect((await reply(app, user, a.thread.id, 'late')).json().code).toBe('thread_merged');
  });
});

describe('attachments', () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
  const pdf = Buffer.from('%PDF-1.4\n% a tiny test file\n');
  const upload = (user: TestUser, filename: string, contentType: string, data: Buffer) =>
    app.inject({ method: 'POST', url: '/api/v1/forums/attachments', headers: user.auth, payload: { filename, contentType, data: data.toString('base64') } });

  it('checks type by content, size, and serves files safely', async () => {
    const user = await member();
    const category = await createCategory(app, moderator);
    const { thread } = await createThread(app, user, category.slug);

    const fake = await upload(user, 'evil.png', 'image/png', Buffer.from('<script>alert(1)</script>'));
    expect(fake.statusCode).toBe(415);
    const mismatch = await upload(user, 'doc.pdf', 'image/png', png);
    expect(mismatch.statusCode).toBe(415);
    expect(mismatch.json().code).toBe('file_type_mismatch');
    const exe = await upload(user, 'run.exe', 'application/x-msdownload', Buffer.from('MZ....'));
    expect(exe.statusCode).toBe(415);
    const big = await upload(user, 'big.pdf', 'application/pdf', Buffer.concat([pdf, Buffer.alloc(5 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('file_too_large');

    const image = await upload(user, 'map.png', 'image/png', png);
    expect(image.statusCode).toBe(201);
    const doc = await upload(user, 'plan.pdf', 'application/pdf', pdf);
    expect(doc.statusCode).toBe(201);
    const ids = [image.json().id as string, doc.json().id as string];
    const other = await member('Thief');
    const stolen = await reply(app, other, thread.id, { body: 'Taking your files', attachmentIds: ids });
    expect(stolen.statusCode).toBe(422);
    const posted = await reply(app, user, thread.id, { body: 'See attached', attachmentIds: ids });
    expect(posted.statusCode).toBe(201);
    expect(posted.json<ForumPost>().attachments.map((a) => a.contentType)).toEqual(['image/png', 'application/pdf']);

    const served = await get(`/api/v1/forums/attachments/${ids[1]}`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(String(served.headers['content-disposition'])).toMatch(/^attachment; filename="plan.pdf"/);
    expect(served.rawPayload.equals(pdf)).toBe(true);
    expect(String((await get(`/api/v1/forums/attachments/${ids[0]}`)).headers['content-disposition'])).toMatch(/^inline/);
  });

  it('allows at most five files per post', async () => {
    const user = await member();
    const category = await createCategory(app, moderator);
    const { thread } = await createThread(app, user, category.slug);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await upload(user, `p${i}.png`, 'image/png', png)).json().id);
    const res = await reply(app, user, thread.id, { body: 'too many', attachmentIds: ids });
    expect(res.statusCode).toBe(400);
  });

  it('keeps at most 20 unposted uploads per person and removes them after a day', async () => {
    const user = await member();
    const category = await createCategory(app, moderator);
    const { thread } = await createThread(app, user, category.slug);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await upload(user, `p${i}.png`, 'image/png', png)).json().id);
    const refused = await upload(user, 'one-more.png', 'image/png', png);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('too_many_uploads');
    // Posting some frees room for more.
    expect((await reply(app, user, thread.id, { body: 'Photos', attachmentIds: ids.slice(0, 2) })).statusCode).toBe(201);
    expect((await upload(user, 'one-more.png', 'image/png', png)).statusCode).toBe(201);

    // A day later the unposted files are gone; posted ones stay.
    await sql`update attachments set created_at = now() - interval '25 hours' where uploader_id = ${user.id}`.execute(server.handle.db);
    expect(await app.services.forums.sweepLooseAttachments()).toBeGreaterThanOrEqual(19);
    expect((await get(`/api/v1/forums/attachments/${ids[5]!}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/forums/attachments/${ids[0]!}`)).statusCode).toBe(200);
  });
});

describe('search and live posts', () => {
  it('finds a post through the search engine, within a category', async () => {
    const category = await createCategory(app, moderator);
    const elsewhere = await createCategory(app, moderator);
    const user = await member();
    const word = Array.from({ length: 12 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
    const { thread, post } = await createThread(app, user, category.slug, `Our ${word} monitoring project on the river`);
    await createThread(app, user, elsewhere.slug, `Another ${word} note`);
    await searchCaughtUp(app);
    const all = (await get(`/api/v1/forums/search?q=${word}`)).json<{ items: Array<{ postId: string; threadId: string }> }>();
    expect(all.items.length).toBe(2);
    const scoped = (await get(`/api/v1/forums/search?q=${word}&category=${category.slug}`)).json<{ items: Array<{ postId: string; threadId: string }> }>();
    expect(scoped.items).toEqual([expect.objectContaining({ postId: post.id, threadId: thread.id })]);

    // Hidden posts leave the index.
    const hide = await app.inject({ method: 'POST', url: `/api/v1/moderation/targets/forum_post/${post.id}/actions`, headers: moderator.auth, payload: { action: 'hide', reason: 'test' } });
    expect(hide.statusCode).toBe(201);
    await searchCaughtUp(app);
    const afterHide = (await get(`/api/v1/forums/search?q=${word}`)).json<{ items: Array<{ postId: string }> }>();
    expect(afterHide.items.map((i) => i.postId)).not.toContain(post.id);
    expect(afterHide.items).toHaveLength(1);
  });

  it('delivers a new post to a socket.io watcher of the thread, stored before it is sent', async () => {
    const category = await createCategory(app, moderator);
    const author = await member();
    const watcher = await member('Watcher');
    const { thread } = await createThread(app, author, category.slug);
    const socket = await connect(server.url, watcher.token);
    sockets.push(socket);
    const watched = await new Promise<{ ok: boolean }>((resolve) => socket.emit('forum:watch', { threadId: thread.id }, resolve as never));
    expect(watched.ok).toBe(true);
    const arriving = nextEvent(socket, 'forum:post', (p) => p.threadId === thread.id);
    const sent = await postOk(app, author, thread.id, 'Live hello');
    const live = await arriving;
    expect(live).toMatchObject({ id: sent.id, body: 'Live hello', threadId: thread.id });
    const stored = (await get(`/api/v1/forums/posts/${live.id}`)).json<ForumPost>();
    expect(stored.body).toBe('Live hello');
    const updated = nextEvent(socket, 'forum:post-updated', (c) => c.postId === sent.id);
    await app.inject({ method: 'POST', url: `/api/v1/forums/posts/${sent.id}/reactions`, headers: watcher.auth, payload: { emoji: 'thanks' } });
    expect(await updated).toEqual({ threadId: thread.id, postId: sent.id });
    // A moderator locking the thread is pushed to its readers, after the lock is stored.
    const locked = nextEvent(socket, 'forum:thread-updated', (c) => c.threadId === thread.id);
    const lock = await app.inject({ method: 'POST', url: `/api/v1/moderation/threads/${thread.id}/actions`, headers: moderator.auth, payload: { action: 'lock', reason: 'Off topic' } });
    expect(lock.statusCode, lock.body).toBe(201);
    expect(await locked).toEqual({ threadId: thread.id });
    expect((await get(`/api/v1/forums/threads/${thread.id}`)).json<ForumPostPage>().thread.locked).toBe(true);
    const bad = await new Promise<{ ok: boolean; code?: string }>((resolve) => socket.emit('forum:watch', { threadId: randomUUID() }, resolve as never));
    expect(bad).toMatchObject({ ok: false, code: 'not_found' });
  });
});
