import { randomUUID } from 'node:crypto';
import type { App } from '@partnera/server';
import type { Message } from '@partnera/server/api-types';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/app';
import { registerUser, type TestUser } from '../support/factories';
import {
  collect,
  connect,
  newClientId,
  nextEvent,
  ok,
  redisUrl,
  registerModerator,
  request,
  waitFor,
  type ClientSocket,
} from '../support/rooms';

let server: Awaited<ReturnType<typeof startTestServer>>;
let app: App;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({ config: { redisUrl, roomMessageBurst: 1000, roomMessagesPerMinute: 60_000 } });
  app = server.app;
});

afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});

afterAll(async () => {
  await server?.close();
});

async function open(user: TestUser): Promise<ClientSocket> {
  const socket = await connect(server.url, user.token);
  sockets.push(socket);
  return socket;
}

async function ideaRoom(owner: TestUser, visibility: 'public' | 'members' = 'public') {
  return app.services.rooms.ensureSubjectRoom('idea', randomUUID(), { title: 'Clean rivers', ownerUserId: owner.id, visibility });
}

async function join(user: TestUser, roomId: string) {
  const res = await app.inject({ method: 'POST', url: `/api/v1/rooms/${roomId}/join`, headers: user.auth });
  expect(res.statusCode, res.body).toBe(200);
}

const sendOn = (socket: ClientSocket, roomId: string, body: string, clientId = newClientId(), replyTo?: string) =>
  request(socket, 'message:send', { roomId, clientId, body, ...(replyTo && { replyTo }) });

describe('handshake', () => {
  it('accepts the API access token and refuses a missing, forged or expired one', async () => {
    const user = await registerUser(app);
    const socket = await open(user);
    expect(socket.connected).toBe(true);

    for (const token of [undefined, '', 'not-a-jwt', `${user.token.slice(0, -4)}AAAA`, app.jwt.sign({ sub: user.id }, { expiresIn: -10 })]) {
      const refusal = await connect(server.url, token).then(
        (s) => {
          s.close();
          return null;
        },
        (error: Error & { data?: { code: string } }) => error,
      );
      expect(refusal?.message).toBe('unauthorized');
      expect(refusal?.data?.code).toBe('unauthorized');
    }
    // A token for an account that no longer exists.
    const ghost = app.jwt.sign({ sub: randomUUID() });
    await expect(connect(server.url, ghost)).rejects.toThrow('unauthorized');
  });
});

describe('joining and authorization', () => {
  it('lets anyone signed in watch a public room but nobody outside a members-only room', async () => {
    const owner = await registerUser(app);
    const stranger = await registerUser(app);
    const closed = await ideaRoom(owner, 'members');
    const open_ = await ideaRoom(owner, 'public');
    const ownerSocket = await open(owner);
    ok(await sendOn(ownerSocket, closed.id, 'internal note'));

    const s = await open(stranger);
    const events = collect(s, 'message:new');
    const refused = await request(s, 'room:join', { roomId: closed.id });
    expect(refused).toMatchObject({ ok: false, code: 'room_members_only' });
    expect(await request(s, 'room:sync', { roomId: closed.id, afterSeq: 0 })).toMatchObject({ ok: false, code: 'room_members_only' });
    expect(await sendOn(s, closed.id, 'let me in')).toMatchObject({ ok: false, code: 'room_members_only' });
    expect(await request(s, 'room:join', { roomId: randomUUID() })).toMatchObject({ ok: false, code: 'not_found' });
    ok(await sendOn(ownerSocket, closed.id, 'second internal note'));

    // Watching a public room works, writing needs membership.
    const answer = ok(await request(s, 'room:join', { roomId: open_.id }));
    expect(answer.room).toMatchObject({ id: open_.id, myRole: null, canPost: false });
    expect(await sendOn(s, open_.id, 'hello')).toMatchObject({ ok: false, code: 'not_a_member' });
    await new Promise((r) => setTimeout(r, 100));
    expect(events).toEqual([]);
  });

  it('answers malformed requests with validation_failed, not silence', async () => {
    const user = await registerUser(app);
    const s = await open(user);
    expect(await request(s, 'room:join', { roomId: 'nope' } as never)).toMatchObject({ ok: false, code: 'validation_failed' });
    expect(await request(s, 'message:send', { roomId: randomUUID(), clientId: 'x', body: 5 } as never)).toMatchObject({ ok: false, code: 'validation_failed' });
    expect(await request(s, 'room:sync', { roomId: randomUUID(), afterSeq: -1 })).toMatchObject({ ok: false, code: 'validation_failed' });
  });

  it('stops a watcher who is not a member when the room becomes members-only', async () => {
    const owner = await registerUser(app);
    const reader = await registerUser(app);
    const room = await ideaRoom(owner, 'public');
    const s = await open(reader);
    ok(await request(s, 'room:join', { roomId: room.id }));
    const removed = nextEvent(s, 'room:removed');
    const patch = await app.inject({ method: 'PATCH', url: `/api/v1/rooms/${room.id}`, headers: owner.auth, payload: { visibility: 'members' } });
    expect(patch.statusCode).toBe(200);
    expect(await removed).toEqual({ roomId: room.id, reason: 'members_only' });
    const leaked = collect(s, 'message:new');
    const ownerSocket = await open(owner);
    ok(await sendOn(ownerSocket, room.id, 'now private'));
    await new Promise((r) => setTimeout(r, 150));
    expect(leaked).toEqual([]);
  });
});

describe('messages live', () => {
  it('persists before broadcasting and delivers to every watcher in sequence order', async () => {
    const owner = await registerUser(app, { displayName: 'Olga' });
    const member = await registerUser(app, { displayName: 'Mark' });
    const room = await ideaRoom(owner);
    await join(member, room.id);
    const a = await open(owner);
    const b = await open(member);
    ok(await request(a, 'room:join', { roomId: room.id }));
    ok(await request(b, 'room:join', { roomId: room.id }));
    const seenByB = collect(b, 'message:new');

    // Both write at once: the room hands out 1..20 without gaps or repeats.
    const sends = [];
    for (let i = 0; i < 10; i++) sends.push(sendOn(a, room.id, `olga ${i}`), sendOn(b, room.id, `mark ${i}`));
    const acks = (await Promise.all(sends)).map((x) => ok(x).message);
    expect(acks.map((m) => m.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

    await waitFor(() => seenByB.length >= 20, 5_000, 'all messages at B');
    // Every broadcast message was already stored.
    const stored = await server.handle.db.selectFrom('room_messages').select(['seq', 'body']).where('room_id', '=', room.id).orderBy('seq').execute();
    expect(stored).toHaveLength(20);
    const bySeq = new Map(stored.map((m) => [m.seq, m.body]));
    for (const m of seenByB) expect(bySeq.get(m.seq)).toBe(m.body);
    // Each sender's own messages keep the order they were sent in.
    const marks = seenByB.filter((m) => m.sender?.id === member.id).sort((x, y) => x.seq - y.seq).map((m) => m.body);
    expect(marks).toEqual(Array.from({ length: 10 }, (_, i) => `mark ${i}`));
    expect(seenByB[0]).toMatchObject({ roomId: room.id, sender: { displayName: expect.any(String) }, deleted: false, hidden: false, editedAt: null });
  });

  it('stores a resent message once, re-announces it, and acks it again', async () => {
    const owner = await registerUser(app);
    const watcher = await registerUser(app);
    const room = await ideaRoom(owner);
    const a = await open(owner);
    const w = await open(watcher);
    ok(await request(w, 'room:join', { roomId: room.id }));
    const seen = collect(w, 'message:new');
    const clientId = newClientId();
    const first = ok(await sendOn(a, room.id, 'exactly once', clientId)).message;
    const again = ok(await sendOn(a, room.id, 'exactly once', clientId)).message;
    expect(again).toEqual(first);
    await waitFor(() => seen.length >= 2, 3_000, 're-announcement');
    expect(seen.map((m) => m.id)).toEqual([first.id, first.id]);
    const rows = await server.handle.db.selectFrom('room_messages').select('id').where('room_id', '=', room.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('shows replies, edits, deletions and hiding to everyone at once', async () => {
    const owner = await registerUser(app, { displayName: 'Olga' });
    const member = await registerUser(app);
    const room = await ideaRoom(owner);
    await join(member, room.id);
    const a = await open(owner);
    const b = await open(member);
    ok(await request(b, 'room:join', { roomId: room.id }));
    const question = ok(await sendOn(a, room.id, 'Is _Tuesday_ fine?')).message;
    const reply = ok(await sendOn(b, room.id, 'Yes', newClientId(), question.id)).message;
    expect(reply.replyTo).toMatchObject({ id: question.id, senderName: 'Olga', excerpt: 'Is _Tuesday_ fine?' });

    const updates = collect(b, 'message:updated');
    expect(await request(b, 'message:edit', { messageId: question.id, body: 'mine now' })).toMatchObject({ ok: false, code: 'forbidden' });
    const edited = ok(await request(a, 'message:edit', { messageId: question.id, body: 'Is Wednesday fine?' })).message;
    const deleted = ok(await request(b, 'message:delete', { messageId: reply.id })).message;
    const hide = await app.inject({ method: 'POST', url: `/api/v1/rooms/${room.id}/messages/${question.id}/hide`, headers: owner.auth, payload: { hidden: true } });
    expect(hide.statusCode).toBe(200);
    await waitFor(() => updates.length >= 3, 3_000, 'updates');
    expect(updates.map((m) => [m.id, m.body, m.editedAt !== null, m.deleted, m.hidden])).toEqual([
      [question.id, 'Is Wednesday fine?', true, false, false],
      [reply.id, null, false, true, false],
      [question.id, null, true, false, true],
    ]);
    expect(edited.rev).toBeLessThan(deleted.rev);
  });

  it('refuses muted people, oversized messages and floods of messages with clear acks', async () => {
    const owner = await registerUser(app);
    const member = await registerUser(app);
    const room = await ideaRoom(owner);
    await join(member, room.id);
    const s = await open(member);

    const big = await sendOn(s, room.id, 'x'.repeat(4001));
    expect(big).toMatchObject({ ok: false, code: 'message_too_long', detail: 'A message can have at most 4,000 characters; this one has 4,001' });
    expect(await sendOn(s, room.id, '  ')).toMatchObject({ ok: false, code: 'message_empty' });

    const mute = await app.inject({ method: 'PUT', url: `/api/v1/rooms/${room.id}/mutes/${member.id}`, headers: owner.auth, payload: { minutes: 5 } });
    expect(mute.statusCode).toBe(200);
    expect(await sendOn(s, room.id, 'hello?')).toMatchObject({ ok: false, code: 'muted' });
    expect(await request(s, 'message:edit', { messageId: randomUUID(), body: 'x' })).toMatchObject({ ok: false, code: 'not_found' });
    const stored = await server.handle.db.selectFrom('room_messages').select('id').where('room_id', '=', room.id).execute();
    expect(stored).toEqual([]);
  });

  it('keeps anyone from sending faster than the per-user rate, across connections', async () => {
    const strict = await startTestServer({ config: { redisUrl, roomMessageBurst: 3, roomMessagesPerMinute: 6 } });
    try {
      const owner = await registerUser(strict.app);
      const room = await strict.app.services.rooms.ensureSubjectRoom('idea', randomUUID(), { title: 'Rate', ownerUserId: owner.id, visibility: 'public' });
      const one = await connect(strict.url, owner.token);
      const two = await connect(strict.url, owner.token);
      sockets.push(one, two);
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await sendOn(i % 2 ? two : one, room.id, `m${i}`));
      expect(answers.map((a) => (a.ok ? 'ok' : a.code))).toEqual(['ok', 'ok', 'ok', 'rate_limited', 'rate_limited']);
      const limited = answers[3]!;
      if (limited.ok) throw new Error('expected a refusal');
      expect(limited.retryAfterMs).toBeGreaterThan(0);
      expect(limited.retryAfterMs).toBeLessThanOrEqual(10_000);
      expect(limited.detail).toMatch(/too fast; wait \d+ s/);
      // A resend of a stored message is still answered (it is not a new message).
      const first = answers[0]!;
      if (!first.ok) throw new Error('expected ok');
      expect(ok(await sendOn(one, room.id, 'm0', first.message.clientId)).message.id).toBe(first.message.id);
    } finally {
      await strict.close();
    }
  });

  it('cuts off a connection that floods the server with events', async () => {
    const flood = await startTestServer({ config: { redisUrl, roomFloodEvents: 20 } });
    try {
      const user = await registerUser(flood.app);
      const s = await connect(flood.url, user.token);
      sockets.push(s);
      const gone = new Promise<string>((resolve) => s.once('disconnect', resolve));
      for (let i = 0; i < 40; i++) s.emit('typing', { roomId: randomUUID(), typing: true });
      expect(await gone).toBe('io server disconnect');
    } finally {
      await flood.close();
    }
  });
});

describe('presence, typing and read markers', () => {
  it('shows who is here, who is typing, and moves read markers in every tab', async () => {
    const owner = await registerUser(app, { displayName: 'Olga' });
    const member = await registerUser(app, { displayName: 'Mark' });
    const room = await ideaRoom(owner);
    await join(member, room.id);
    const a = await open(owner);
    const b = await open(member);
    const bOtherTab = await open(member);

    ok(await request(a, 'room:join', { roomId: room.id }));
    const bothHere = nextEvent(a, 'presence', (p) => p.roomId === room.id && p.users.length === 2);
    ok(await request(b, 'room:join', { roomId: room.id }));
    expect((await bothHere).users.map((u) => u.displayName)).toEqual(['Mark', 'Olga']);

    const typing = nextEvent(a, 'typing');
    b.emit('typing', { roomId: room.id, typing: true });
    expect(await typing).toEqual({ roomId: room.id, user: { id: member.id, displayName: 'Mark' }, typing: true });

    // The other tab is not watching the room: it gets a badge ping, not the message.
    const ping = nextEvent(bOtherTab, 'room:activity');
    const full = collect(bOtherTab, 'message:new');
    const sent = ok(await sendOn(a, room.id, 'hello Mark')).message;
    expect(await ping).toEqual({ roomId: room.id, seq: sent.seq, senderId: owner.id });
    expect(full).toEqual([]);

    const marker = nextEvent(bOtherTab, 'room:read');
    expect(ok(await request(b, 'room:read', { roomId: room.id, seq: sent.seq }))).toMatchObject({ roomId: room.id, lastReadSeq: 1, unread: 0 });
    expect(await marker).toEqual({ roomId: room.id, lastReadSeq: 1, unread: 0 });

    const leaving = nextEvent(a, 'presence', (p) => p.roomId === room.id && p.users.length === 1);
    b.close();
    expect((await leaving).users.map((u) => u.displayName)).toEqual(['Olga']);
  });

  it('pushes notifications (mentions, being added) to the bell live', async () => {
    const owner = await registerUser(app, { displayName: 'Olga Host' });
    const member = await registerUser(app, { displayName: 'Nina Nikolova' });
    const room = await ideaRoom(owner, 'members');
    const n = await open(member);
    const added = nextEvent(n, 'room:added');
    const addedNote = nextEvent(n, 'notification', (x) => x.kind === 'room.added');
    await app.inject({ method: 'POST', url: `/api/v1/rooms/${room.id}/members`, headers: owner.auth, payload: { userId: member.id } });
    expect((await added).id).toBe(room.id);
    expect(await addedNote).toMatchObject({ kind: 'room.added', link: `/rooms/${room.id}`, readAt: null });

    // Now a member, this connection follows the room's activity too.
    const ping = nextEvent(n, 'room:activity');
    const mention = nextEvent(n, 'notification', (x) => x.kind === 'room.mention');
    const o = await open(owner);
    ok(await sendOn(o, room.id, 'Thanks @Nina Nikolova!'));
    expect(await mention).toMatchObject({ kind: 'room.mention', data: { roomId: room.id, senderName: 'Olga Host', excerpt: 'Thanks @Nina Nikolova!' } });
    expect((await ping).roomId).toBe(room.id);
  });
});

describe('catch-up', () => {
  it('gives a reconnecting client exactly what it missed, in order, with edits made meanwhile', async () => {
    const owner = await registerUser(app);
    const member = await registerUser(app);
    const room = await ideaRoom(owner);
    await join(member, room.id);
    const a = await open(owner);
    let b = await open(member);
    const first = ok(await request(b, 'room:join', { roomId: room.id }));
    expect(first).toMatchObject({ messages: [], more: false, olderExist: false });
    const early = [];
    for (let i = 1; i <= 3; i++) early.push(ok(await sendOn(a, room.id, `before ${i}`)).message);
    await waitFor(() => true);
    const lastSeen = 3;
    const syncedRev = first.syncedRev;

    b.close();
    for (let i = 4; i <= 8; i++) ok(await sendOn(a, room.id, `missed ${i}`));
    ok(await request(a, 'message:edit', { messageId: early[1]!.id, body: 'before 2, corrected' }));

    b = await open(member);
    const live = collect(b, 'message:new');
    const answer = ok(await request(b, 'room:join', { roomId: room.id, afterSeq: lastSeen, afterRev: syncedRev }));
    expect(answer.messages.map((m) => m.seq)).toEqual([4, 5, 6, 7, 8]);
    expect(answer.messages.map((m) => m.body)).toEqual(['missed 4', 'missed 5', 'missed 6', 'missed 7', 'missed 8']);
    // Edits to messages it had seen come back too (it saw 1..3 before that sync).
    expect(answer.changed.map((m) => [m.seq, m.body])).toEqual(expect.arrayContaining([[2, 'before 2, corrected']]));
    expect(answer.more).toBe(false);
    expect(answer.room.unread).toBe(8);

    // Then live ones.
    ok(await sendOn(a, room.id, 'live 9'));
    await waitFor(() => live.length >= 1, 3_000, 'live message');
    expect(live.map((m) => m.seq)).toEqual([9]);

    // Nothing missed, nothing comes.
    const empty = ok(await request(b, 'room:sync', { roomId: room.id, afterSeq: 9, afterRev: answer.syncedRev + 1 }));
    expect(empty.messages).toEqual([]);
  });

  it('pages a long catch-up with `more`', async () => {
    const owner = await registerUser(app);
    const room = await ideaRoom(owner);
    // Written straight to the database: 620 messages through the API would only slow the test down.
    const db = server.handle.db;
    const values = Array.from({ length: 620 }, (_, i) => ({ room_id: room.id, seq: i + 1, rev: i + 1, sender_id: owner.id, client_id: `bulk${i}`, body: `bulk ${i + 1}`, reply_to: null, mentions: JSON.stringify([]) }));
    for (let i = 0; i < values.length; i += 200) await db.insertInto('room_messages').values(values.slice(i, i + 200)).execute();
    await db.updateTable('rooms').set({ last_seq: 620, last_rev: 620 }).where('id', '=', room.id).execute();

    const s = await open(owner);
    const firstVisit = ok(await request(s, 'room:join', { roomId: room.id }));
    expect(firstVisit.messages.map((m) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => 571 + i));
    expect(firstVisit.olderExist).toBe(true);

    const seqs: number[] = [];
    let after = 10;
    for (let round = 0; round < 5; round++) {
      const page = ok(await request(s, 'room:sync', { roomId: room.id, afterSeq: after }));
      seqs.push(...page.messages.map((m: Message) => m.seq));
      after = seqs.at(-1) ?? after;
      if (!page.more) break;
    }
    expect(seqs).toEqual(Array.from({ length: 610 }, (_, i) => i + 11));
  });
});
