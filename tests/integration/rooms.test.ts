import { randomUUID } from 'node:crypto';
import type { App } from '@partnera/server';
import type { Message, MessagePage, Room, RoomMember } from '@partnera/server/api-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { registerUser, type TestUser } from '../support/factories';
import { createForumRoom, newClientId, redisUrl, registerModerator } from '../support/rooms';

type Reply = Awaited<ReturnType<App['inject']>>;

let t: TestApp;
let app: App;

beforeAll(async () => {
  t = await createTestApp({ config: { redisUrl, roomMessageBurst: 1000, roomMessagesPerMinute: 60_000 } });
  app = t.app;
});

afterAll(async () => {
  await t?.close();
});

function expectProblem(res: Reply, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json<{ code: string }>().code).toBe(code);
}

const call = (user: TestUser | null, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, headers: user?.auth ?? {}, ...(payload !== undefined && { payload }) });

async function send(user: TestUser, roomId: string, body: string, extra: Record<string, unknown> = {}): Promise<Message> {
  const res = await call(user, 'POST', `/api/v1/rooms/${roomId}/messages`, { clientId: newClientId(), body, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Message>();
}

async function getRoom(user: TestUser, roomId: string): Promise<Room> {
  const res = await call(user, 'GET', `/api/v1/rooms/${roomId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Room>();
}

/** An idea's room, as the ideas feature opens it through the service. */
async function ideaRoom(owner: TestUser, visibility: 'public' | 'members' = 'public') {
  return app.services.rooms.ensureSubjectRoom('idea', randomUUID(), { title: 'Green schoolyards', ownerUserId: owner.id, visibility });
}

describe('opening rooms', () => {
  it('lets a platform moderator open a forum session and become its host', async () => {
    const mod = await registerModerator(app, t.handle.db);
    const guest = await registerUser(app);
    const room = await createForumRoom(app, mod, { title: 'Online forum: rural water', memberIds: [guest.id] });
    expect(room).toMatchObject({ kind: 'forum_session', visibility: 'public', title: 'Online forum: rural water', myRole: 'host', memberCount: 2, lastSeq: 0, canManage: true, canModerate: true, canPost: true });
    expect((await getRoom(guest, room.id)).myRole).toBe('member');
  });

  it('refuses forum sessions from ordinary users and rooms for ideas over REST', async () => {
    const user = await registerUser(app);
    expectProblem(await call(user, 'POST', '/api/v1/rooms', { kind: 'forum_session', title: 'Mine' }), 403, 'forbidden');
    expectProblem(await call(user, 'POST', '/api/v1/rooms', { kind: 'idea', title: 'Mine' }), 400, 'validation_failed');
    const mod = await registerModerator(app, t.handle.db);
    expectProblem(await call(mod, 'POST', '/api/v1/rooms', { kind: 'forum_session' }), 422, 'title_required');
    expectProblem(await call(mod, 'POST', '/api/v1/rooms', { kind: 'forum_session', title: 'x', memberIds: [randomUUID()] }), 422, 'unknown_user');
    expectProblem(await call(null, 'POST', '/api/v1/rooms', { kind: 'direct', memberIds: [user.id] }), 401, 'unauthorized');
  });

  it('opens one direct room per pair of people, members-only', async () => {
    const ana = await registerUser(app, { displayName: 'Ana' });
    const ben = await registerUser(app, { displayName: 'Ben' });
    const first = await call(ana, 'POST', '/api/v1/rooms', { kind: 'direct', memberIds: [ben.id] });
    expect(first.statusCode, first.body).toBe(201);
    const room = first.json<Room>();
    expect(room).toMatchObject({ kind: 'direct', visibility: 'members', title: 'Ana & Ben', memberCount: 2, myRole: 'member', canManage: false });
    const again = await call(ben, 'POST', '/api/v1/rooms', { kind: 'direct', memberIds: [ana.id] });
    expect(again.statusCode).toBe(200);
    expect(again.json<Room>().id).toBe(room.id);
    expectProblem(await call(ana, 'POST', '/api/v1/rooms', { kind: 'direct', memberIds: [ana.id] }), 422, 'direct_needs_one_person');
    expectProblem(await call(ana, 'POST', '/api/v1/rooms', { kind: 'direct', memberIds: [randomUUID()] }), 422, 'unknown_user');
    const stranger = await registerUser(app);
    expectProblem(await call(stranger, 'GET', `/api/v1/rooms/${room.id}`), 403, 'room_members_only');
  });

  it('gives each idea exactly one room, with its owner as host', async () => {
    const owner = await registerUser(app);
    const ideaId = randomUUID();
    const options = { title: 'Bike lanes', ownerUserId: owner.id, visibility: 'public' as const };
    const [a, b] = await Promise.all([
      app.services.rooms.ensureSubjectRoom('idea', ideaId, options),
      app.services.rooms.ensureSubjectRoom('idea', ideaId, { ...options, title: 'Other title' }),
    ]);
    expect(a.id).toBe(b.id);
    const room = await getRoom(owner, a.id);
    // Whichever call committed first named the room; the other got that same room back.
    expect(room).toMatchObject({ kind: 'idea', subjectId: ideaId, title: a.title, myRole: 'host' });
    expect(['Bike lanes', 'Other title']).toContain(room.title);
    // A proposal with the same id is another subject.
    const proposal = await app.services.rooms.ensureSubjectRoom('proposal', ideaId, options);
    expect(proposal.id).not.toBe(a.id);
  });
});

describe('who may read and join', () => {
  it('public rooms: any signed-in user reads and joins; members-only rooms: members only', async () => {
    const owner = await registerUser(app);
    const reader = await registerUser(app);
    const open = await ideaRoom(owner, 'public');
    const closed = await ideaRoom(owner, 'members');
    await send(owner, open.id, 'Hello, open room');
    await send(owner, closed.id, 'Secret plans');

    // Public: read without joining, then join.
    const seen = await getRoom(reader, open.id);
    expect(seen).toMatchObject({ myRole: null, canPost: false, unread: 0 });
    const history = await call(reader, 'GET', `/api/v1/rooms/${open.id}/messages`);
    expect(history.json<MessagePage>().items.map((m) => m.body)).toEqual(['Hello, open room']);
    expectProblem(await call(reader, 'POST', `/api/v1/rooms/${open.id}/messages`, { clientId: 'c1', body: 'hi' }), 403, 'not_a_member');
    const joined = await call(reader, 'POST', `/api/v1/rooms/${open.id}/join`);
    expect(joined.json<Room>()).toMatchObject({ myRole: 'member', canPost: true, unread: 0 });
    await send(reader, open.id, 'Thanks!');

    // Members-only: nothing, in any way.
    expectProblem(await call(reader, 'GET', `/api/v1/rooms/${closed.id}`), 403, 'room_members_only');
    expectProblem(await call(reader, 'GET', `/api/v1/rooms/${closed.id}/messages`), 403, 'room_members_only');
    expectProblem(await call(reader, 'GET', `/api/v1/rooms/${closed.id}/members`), 403, 'room_members_only');
    expectProblem(await call(reader, 'POST', `/api/v1/rooms/${closed.id}/join`), 403, 'room_members_only');
    expectProblem(await call(reader, 'POST', `/api/v1/rooms/${closed.id}/messages`, { clientId: 'c2', body: 'let me in' }), 403, 'room_members_only');
    expectProblem(await call(reader, 'GET', `/api/v1/rooms/${randomUUID()}`), 404, 'not_found');
    expectProblem(await call(null, 'GET', `/api/v1/rooms/${open.id}/messages`), 401, 'unauthorized');
  });

  it('hosts add members and set roles; members cannot', async () => {
    const owner = await registerUser(app);
    const member = await registerUser(app, { displayName: 'Mila Member' });
    const other = await registerUser(app);
    const room = await ideaRoom(owner, 'members');

    const added = await call(owner, 'POST', `/api/v1/rooms/${room.id}/members`, { userId: member.id });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json<RoomMember>()).toMatchObject({ userId: member.id, displayName: 'Mila Member', role: 'member', muted: false });
    expectProblem(await call(owner, 'POST', `/api/v1/rooms/${room.id}/members`, { userId: member.id }), 409, 'already_member');
    expectProblem(await call(owner, 'POST', `/api/v1/rooms/${room.id}/members`, { userId: randomUUID() }), 404, 'not_found');
    expectProblem(await call(member, 'POST', `/api/v1/rooms/${room.id}/members`, { userId: other.id }), 403, 'forbidden');
    expectProblem(await call(member, 'PATCH', `/api/v1/rooms/${room.id}`, { title: 'Mine now' }), 403, 'forbidden');

    // The added member got a notification and can read.
    const notes = await call(member, 'GET', '/api/v1/notifications');
    expect(notes.json<{ items: Array<{ kind: string; link: string }> }>().items[0]).toMatchObject({ kind: 'room.added', link: `/rooms/${room.id}` });
    expect((await getRoom(member, room.id)).myRole).toBe('member');

    const members = (await call(member, 'GET', `/api/v1/rooms/${room.id}/members`)).json<{ items: RoomMember[] }>().items;
    expect(members.map((m) => [m.userId, m.role])).toEqual([[owner.id, 'host'], [member.id, 'member']]);

    // The only host cannot step down or leave while others remain.
    expectProblem(await call(owner, 'PATCH', `/api/v1/rooms/${room.id}/members/${owner.id}`, { role: 'member' }), 409, 'last_host');
    expectProblem(await call(owner, 'POST', `/api/v1/rooms/${room.id}/leave`), 409, 'last_host');
    const promoted = await call(owner, 'PATCH', `/api/v1/rooms/${room.id}/members/${member.id}`, { role: 'host' });
    expect(promoted.json<RoomMember>().role).toBe('host');
    expect((await call(owner, 'POST', `/api/v1/rooms/${room.id}/leave`)).statusCode).toBe(204);
    expectProblem(await call(owner, 'GET', `/api/v1/rooms/${room.id}`), 403, 'room_members_only');
    expectProblem(await call(owner, 'POST', `/api/v1/rooms/${room.id}/leave`), 409, 'not_a_member');

    // The new host removes someone.
    await call(member, 'POST', `/api/v1/rooms/${room.id}/members`, { userId: other.id });
    expect((await call(member, 'DELETE', `/api/v1/rooms/${room.id}/members/${other.id}`)).statusCode).toBe(204);
    expectProblem(await call(other, 'GET', `/api/v1/rooms/${room.id}/messages`), 403, 'room_members_only');
  });

  it('a host can make a room members-only; readers who are not members then lose it', async () => {
    const owner = await registerUser(app);
    const reader = await registerUser(app);
    const room = await ideaRoom(owner, 'public');
    expect((await call(reader, 'GET', `/api/v1/rooms/${room.id}/messages`)).statusCode).toBe(200);
    const changed = await call(owner, 'PATCH', `/api/v1/rooms/${room.id}`, { visibility: 'members', title: 'Core team' });
    expect(changed.json<Room>()).toMatchObject({ visibility: 'members', title: 'Core team' });
    expectProblem(await call(reader, 'GET', `/api/v1/rooms/${room.id}/messages`), 403, 'room_members_only');
    expectProblem(await call(owner, 'PATCH', `/api/v1/rooms/${room.id}`, {}), 400, 'validation_failed');
  });
});

describe('messages over REST', () => {
  it('numbers messages 1, 2, 3… and pages history backwards by sequence number', async () => {
    const owner = await registerUser(app);
    const room = await ideaRoom(owner);
    for (let i = 1; i <= 7; i++) expect((await send(owner, room.id, `message ${i}`)).seq).toBe(i);

    const pages: number[][] = [];
    let before: number | null = null;
    for (let i = 0; i < 10; i++) {
      const res = await call(owner, 'GET', `/api/v1/rooms/${room.id}/messages?limit=3${before ? `&before=${before}` : ''}`);
      const page: MessagePage = res.json<MessagePage>();
      pages.push(page.items.map((m) => m.seq));
      before = page.nextBefore;
      if (before === null) break;
    }
    expect(pages).toEqual([[5, 6, 7], [2, 3, 4], [1]]);
    const after = (await call(owner, 'GET', `/api/v1/rooms/${room.id}/messages?after=5`)).json<MessagePage>();
    expect(after.items.map((m) => m.seq)).toEqual([6, 7]);
    expect(after.more).toBe(false);
    expectProblem(await call(owner, 'GET', `/api/v1/rooms/${room.id}/messages?after=1&before=3`), 400, 'invalid_query');
    expectProblem(await call(owner, 'GET', `/api/v1/rooms/${room.id}/messages?limit=0`), 400, 'validation_failed');
    expectProblem(await call(owner, 'GET', `/api/v1/rooms/${room.id}/messages?before=abc`), 400, 'validation_failed');
  });

  it('stores a resent message once and answers it again', async () => {
    const owner = await registerUser(app);
    const room = await ideaRoom(owner);
    const payload = { clientId: newClientId(), body: 'Only once, please' };
    const first = await call(owner, 'POST', `/api/v1/rooms/${room.id}/messages`, payload);
    const second = await call(owner, 'POST', `/api/v1/rooms/${room.id}/messages`, payload);
    const third = await call(owner, 'POST', `/api/v1/rooms/${room.id}/messages`, { ...payload, body: 'changed text, same id' });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(third.statusCode).toBe(200);
    expect(second.json<Message>()).toEqual(first.json<Message>());
    expect(third.json<Message>().body).toBe('Only once, please');
    const stored = await t.handle.db.selectFrom('room_messages').select(['seq']).where('room_id', '=', room.id).execute();
    expect(stored).toEqual([{ seq: 1 }]);
    // Concurrent resends too.
    const racing = { clientId: newClientId(), body: 'racing' };
    const answers = await Promise.all(Array.from({ length: 5 }, () => call(owner, 'POST', `/api/v1/rooms/${room.id}/messages`, racing)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.json<Message>().id)).size).toBe(1);
    expect((await getRoom(owner, room.id)).lastSeq).toBe(2);
  });

  it('rejects empty, oversized and malformed messages with clear errors', async () => {
    const owner = await registerUser(app);
    const room = await ideaRoom(owner);
    const post = (payload: object) => call(owner, 'POST', `/api/v1/rooms/${room.id}/messages`, payload);
    expectProblem(await post({ clientId: 'a', body: '   \n ' }), 422, 'message_empty');
    const tooLong = await post({ clientId: 'b', body: 'ж'.repeat(4001) });
    expectProblem(tooLong, 422, 'message_too_long');
    expect(tooLong.json<{ detail: string }>().detail).toBe('A message can have at most 4,000 characters; this one has 4,001');
    // 4,000 characters outside the Basic Multilingual Plane are still 4,000 characters.
    expect((await post({ clientId: 'c', body: '🌍'.repeat(4000) })).statusCode).toBe(201);
    expectProblem(await post({ clientId: 'd', body: 'nul \u0000 here' }), 422, 'invalid_characters');
    expectProblem(await post({ clientId: 'has space', body: 'x' }), 400, 'validation_failed');
    expectProblem(await post({ body: 'no client id' }), 400, 'validation_failed');
    expectProblem(await post({ clientId: 'e', body: 'x', replyTo: randomUUID() }), 422, 'invalid_reply');
    expectProblem(await post({ clientId: 'f', body: 42 }), 400, 'validation_failed');
    expect((await getRoom(owner, room.id)).lastSeq).toBe(1);
  });

  it('replies, edits and deletes own messages; others cannot touch them', async () => {
    const owner = await registerUser(app, { displayName: 'Olga' });
    const member = await registerUser(app);
    const room = await ideaRoom(owner);
    await call(member, 'POST', `/api/v1/rooms/${room.id}/join`);
    const question = await send(owner, room.id, 'Who has **the budget** table?');
    const answer = await send(member, room.id, 'I do', { replyTo: question.id });
    expect(answer.replyTo).toEqual({ id: question.id, seq: question.seq, senderName: 'Olga', excerpt: 'Who has **the budget** table?' });

    expectProblem(await call(member, 'PATCH', `/api/v1/rooms/${room.id}/messages/${question.id}`, { body: 'hijack' }), 403, 'forbidden');
    expectProblem(await call(member, 'DELETE', `/api/v1/rooms/${room.id}/messages/${question.id}`), 403, 'forbidden');
    const edited = (await call(owner, 'PATCH', `/api/v1/rooms/${room.id}/messages/${question.id}`, { body: 'Who has the budget table (2025)?' })).json<Message>();
    expect(edited).toMatchObject({ seq: question.seq, body: 'Who has the budget table (2025)?', deleted: false });
    expect(edited.editedAt).not.toBeNull();
    expect(edited.rev).toBeGreaterThan(answer.rev);

    const deleted = (await call(owner, 'DELETE', `/api/v1/rooms/${room.id}/messages/${question.id}`)).json<Message>();
    expect(deleted).toMatchObject({ seq: question.seq, body: null, deleted: true });
    expectProblem(await call(owner, 'PATCH', `/api/v1/rooms/${room.id}/messages/${question.id}`, { body: 'back' }), 409, 'message_deleted');
    const history = (await call(member, 'GET', `/api/v1/rooms/${room.id}/messages`)).json<MessagePage>().items;
    expect(history.map((m) => [m.seq, m.body, m.deleted])).toEqual([[1, null, true], [2, 'I do', false]]);
    // The reply keeps its place; what it replied to no longer shows.
    expect(history[1]!.replyTo).toMatchObject({ id: question.id, excerpt: null });
    // The text is gone from the database too.
    const row = await t.handle.db.selectFrom('room_messages').select('body').where('id', '=', question.id).executeTakeFirstOrThrow();
    expect(row.body).toBe('');
    expectProblem(await call(owner, 'DELETE', `/api/v1/rooms/${randomUUID()}/messages/${answer.id}`), 404, 'not_found');
  });

  it('hosts and moderators hide messages and mute people; muted people cannot write', async () => {
    const owner = await registerUser(app);
    const troll = await registerUser(app);
    const mod = await registerModerator(app, t.handle.db);
    const room = await ideaRoom(owner);
    await call(troll, 'POST', `/api/v1/rooms/${room.id}/join`);
    const bad = await send(troll, room.id, 'buy cheap stuff');

    expectProblem(await call(troll, 'POST', `/api/v1/rooms/${room.id}/messages/${bad.id}/hide`, { hidden: true }), 403, 'forbidden');
    const hidden = (await call(mod, 'POST', `/api/v1/rooms/${room.id}/messages/${bad.id}/hide`, { hidden: true })).json<Message>();
    expect(hidden).toMatchObject({ hidden: true, body: null });
    expect((await call(owner, 'GET', `/api/v1/rooms/${room.id}/messages`)).json<MessagePage>().items[0]).toMatchObject({ hidden: true, body: null });
    expectProblem(await call(troll, 'PATCH', `/api/v1/rooms/${room.id}/messages/${bad.id}`, { body: 'sneaky' }), 409, 'message_hidden');
    const shown = (await call(owner, 'POST', `/api/v1/rooms/${room.id}/messages/${bad.id}/hide`, { hidden: false })).json<Message>();
    expect(shown).toMatchObject({ hidden: false, body: 'buy cheap stuff' });

    expectProblem(await call(troll, 'PUT', `/api/v1/rooms/${room.id}/mutes/${owner.id}`, {}), 403, 'forbidden');
    expectProblem(await call(owner, 'PUT', `/api/v1/rooms/${room.id}/mutes/${owner.id}`, {}), 422, 'cannot_mute_self');
    const muted = await call(owner, 'PUT', `/api/v1/rooms/${room.id}/mutes/${troll.id}`, { minutes: 30 });
    expect(muted.json()).toMatchObject({ userId: troll.id, muted: true });
    expectProblem(await call(troll, 'POST', `/api/v1/rooms/${room.id}/messages`, { clientId: 'm1', body: 'still here' }), 403, 'muted');
    expect((await getRoom(troll, room.id))).toMatchObject({ muted: true, canPost: false });
    // Leaving and rejoining does not lift it.
    await call(troll, 'POST', `/api/v1/rooms/${room.id}/leave`);
    await call(troll, 'POST', `/api/v1/rooms/${room.id}/join`);
    expectProblem(await call(troll, 'POST', `/api/v1/rooms/${room.id}/messages`, { clientId: 'm2', body: 'rejoined' }), 403, 'muted');
    const members = (await call(owner, 'GET', `/api/v1/rooms/${room.id}/members`)).json<{ items: RoomMember[] }>().items;
    expect(members.find((m) => m.userId === troll.id)).toMatchObject({ muted: true });
    expect((await call(mod, 'DELETE', `/api/v1/rooms/${room.id}/mutes/${troll.id}`)).statusCode).toBe(204);
    expectProblem(await call(mod, 'DELETE', `/api/v1/rooms/${room.id}/mutes/${troll.id}`), 404, 'not_found');
    await send(troll, room.id, 'I will behave');

    const audit = await t.handle.db.selectFrom('audit_log').select('action').where('subject_id', '=', room.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['room.message_hidden', 'room.message_shown', 'room.user_muted', 'room.user_unmuted']);
  });
});

describe('unread counts', () => {
  it('counts messages by others after the read marker, per room, and in all', async () => {
    const owner = await registerUser(app);
    const me = await registerUser(app);
    const a = await ideaRoom(owner);
    const b = await ideaRoom(owner);
    await call(me, 'POST', `/api/v1/rooms/${a.id}/join`);
    await call(me, 'POST', `/api/v1/rooms/${b.id}/join`);
    for (let i = 0; i < 3; i++) await send(owner, a.id, `a${i}`);
    await send(owner, b.id, 'b0');
    await send(me, b.id, 'my own message does not count');

    const list = (await call(me, 'GET', '/api/v1/rooms')).json<{ items: Room[] }>().items;
    const unread = Object.fromEntries(list.map((r) => [r.id, r.unread]));
    expect(unread).toEqual({ [a.id]: 3, [b.id]: 0 });
    // Writing in b moved my marker past owner's message there; the newest activity comes first.
    expect(list.map((r) => r.id)).toEqual([b.id, a.id]);
    expect((await call(me, 'GET', '/api/v1/rooms/unread-count')).json()).toEqual({ rooms: 1, messages: 3 });

    const read = await call(me, 'POST', `/api/v1/rooms/${a.id}/read`, { seq: 2 });
    expect(read.json()).toEqual({ roomId: a.id, lastReadSeq: 2, unread: 1 });
    // Markers never move back, nor past the newest message.
    expect((await call(me, 'POST', `/api/v1/rooms/${a.id}/read`, { seq: 1 })).json()).toMatchObject({ lastReadSeq: 2 });
    expect((await call(me, 'POST', `/api/v1/rooms/${a.id}/read`, { seq: 999 })).json()).toMatchObject({ lastReadSeq: 3, unread: 0 });
    expect((await call(me, 'GET', '/api/v1/rooms/unread-count')).json()).toEqual({ rooms: 0, messages: 0 });

    // Deleted messages stop counting.
    const late = await send(owner, a.id, 'oops');
    expect((await getRoom(me, a.id)).unread).toBe(1);
    await call(owner, 'DELETE', `/api/v1/rooms/${a.id}/messages/${late.id}`);
    expect((await getRoom(me, a.id)).unread).toBe(0);
    const stranger = await registerUser(app);
    expectProblem(await call(stranger, 'POST', `/api/v1/rooms/${a.id}/read`, { seq: 1 }), 403, 'not_a_member');
  });

  it('pages through my rooms with a cursor', async () => {
    const owner = await registerUser(app);
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await ideaRoom(owner)).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: { items: Room[]; nextCursor: string | null } = (await call(owner, 'GET', `/api/v1/rooms?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen.sort()).toEqual(ids.sort());
    expectProblem(await call(owner, 'GET', '/api/v1/rooms?cursor=nonsense'), 400, 'invalid_cursor');
  });
});

describe('mentions', () => {
  it('notifies the members a message mentions by name or id, once, and not the writer', async () => {
    const owner = await registerUser(app, { displayName: 'Olga Owner' });
    const elira = await registerUser(app, { displayName: 'Elira Hoxha' });
    const bob = await registerUser(app, { displayName: 'Bob' });
    const outsider = await registerUser(app, { displayName: 'Otto Outsider' });
    const room = await ideaRoom(owner);
    await call(elira, 'POST', `/api/v1/rooms/${room.id}/join`);
    await call(bob, 'POST', `/api/v1/rooms/${room.id}/join`);
    const msg = await send(owner, room.id, `@Elira Hoxha and @${bob.id}, please review. @Otto Outsider @Olga Owner`);
    expect(msg.mentions.sort()).toEqual([elira.id, bob.id].sort());

    const notes = async (u: TestUser) => (await call(u, 'GET', '/api/v1/notifications')).json<{ items: Array<{ kind: string; data: Record<string, unknown>; link: string }> }>().items.filter((n) => n.kind === 'room.mention');
    expect(await notes(elira)).toHaveLength(1);
    expect((await notes(elira))[0]).toMatchObject({ link: `/rooms/${room.id}?seq=${msg.seq}`, data: { roomId: room.id, senderName: 'Olga Owner', seq: msg.seq } });
    expect(await notes(bob)).toHaveLength(1);
    expect(await notes(outsider)).toHaveLength(0);
    expect(await notes(owner)).toHaveLength(0);

    // Editing notifies only people newly mentioned.
    await call(owner, 'PATCH', `/api/v1/rooms/${room.id}/messages/${msg.id}`, { body: '@Elira Hoxha @Bob thanks' });
    expect(await notes(elira)).toHaveLength(1);
    expect(await notes(bob)).toHaveLength(1);
    await call(outsider, 'POST', `/api/v1/rooms/${room.id}/join`);
    await call(owner, 'PATCH', `/api/v1/rooms/${room.id}/messages/${msg.id}`, { body: '@Elira Hoxha @Bob @Otto Outsider thanks' });
    expect(await notes(outsider)).toHaveLength(1);
  });
});
