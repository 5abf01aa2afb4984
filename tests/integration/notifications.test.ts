import { sql } from 'kysely';
import type { App } from '@partnera/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { createOrganisation, registerUser, type TestUser } from '../support/factories';

type Reply = Awaited<ReturnType<App['inject']>>;

interface NotificationDto {
  id: string;
  kind: string;
  data: Record<string, unknown>;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}
interface NotificationPage {
  items: NotificationDto[];
  nextCursor: string | null;
  unread: number;
}

let t: TestApp;
let app: App;

beforeAll(async () => {
  t = await createTestApp();
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

async function list(user: TestUser, query = ''): Promise<NotificationPage> {
  const res = await app.inject({ method: 'GET', url: `/api/v1/notifications${query}`, headers: user.auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<NotificationPage>();
}

async function unreadCount(user: TestUser): Promise<number> {
  const res = await app.inject({ method: 'GET', url: '/api/v1/notifications/unread-count', headers: user.auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ unread: number }>().unread;
}

function markRead(user: TestUser, payload: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/api/v1/notifications/read', headers: user.auth, payload });
}

/** `owner` invites the existing user `invitee` to a new organisation; returns the organisation and the link token. */
async function invite(owner: TestUser, invitee: TestUser, role: 'editor' | 'member' = 'member') {
  const org = await createOrganisation(app, owner);
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/organisations/${org.id}/invitations`,
    headers: owner.auth,
    payload: { email: invitee.email, role },
  });
  expect(res.statusCode, res.body).toBe(201);
  const token = String(res.json<{ inviteUrl: string }>().inviteUrl).split('/').pop()!;
  return { org, token };
}

describe('notifications raised by invitations', () => {
  it('tells an existing user they were invited, and the inviter that they accepted', async () => {
    const owner = await registerUser(app, { displayName: 'Olga Owner' });
    const invitee = await registerUser(app, { displayName: 'Ivan Invitee' });
    expect(await unreadCount(invitee)).toBe(0);

    const { org, token } = await invite(owner, invitee, 'editor');

    const received = await list(invitee);
    expect(received.unread).toBe(1);
    expect(received.items).toHaveLength(1);
    const n = received.items[0]!;
    expect(n).toMatchObject({ kind: 'invitation.received', readAt: null, link: `/invitations/${token}` });
    expect(n.data).toMatchObject({ organisationName: org.name, role: 'editor' });
    expect(Date.parse(n.createdAt)).not.toBeNaN();
    // The owner was not notified of their own invitation.
    expect(await unreadCount(owner)).toBe(0);

    const accept = await app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, headers: invitee.auth });
    expect(accept.statusCode, accept.body).toBe(200);

    const ownerPage = await list(owner);
    expect(ownerPage.unread).toBe(1);
    expect(ownerPage.items).toHaveLength(1);
    expect(ownerPage.items[0]).toMatchObject({ kind: 'invitation.accepted', readAt: null, link: `/organisations/${org.id}/members` });
    expect(ownerPage.items[0]!.data).toMatchObject({ organisationName: org.name, memberName: 'Ivan Invitee' });
  });
});

describe('listing and reading', () => {
  it('lists newest first with the unread count, and marks one or all as read', async () => {
    const owner = await registerUser(app);
    const me = await registerUser(app);
    const first = await invite(owner, me);
    const second = await invite(owner, me);
    const third = await invite(owner, me);

    const page = await list(me);
    expect(page.unread).toBe(3);
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((n) => n.data.organisationName)).toEqual([third.org.name, second.org.name, first.org.name]);
    const times = page.items.map((n) => Date.parse(n.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(await unreadCount(me)).toBe(3);

    // Mark the middle one read.
    const middle = page.items[1]!;
    const one = await markRead(me, { ids: [middle.id] });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toEqual({ unread: 2 });
    expect(await unreadCount(me)).toBe(2);
    const afterOne = await list(me);
    expect(afterOne.unread).toBe(2);
    expect(afterOne.items.map((n) => n.readAt !== null)).toEqual([false, true, false]);

    // Marking it again changes nothing.
    expect((await markRead(me, { ids: [middle.id] })).json()).toEqual({ unread: 2 });
    // An empty list marks nothing.
    expect((await markRead(me, { ids: [] })).json()).toEqual({ unread: 2 });

    // No ids: everything.
    const all = await markRead(me, {});
    expect(all.statusCode).toBe(200);
    expect(all.json()).toEqual({ unread: 0 });
    expect(await unreadCount(me)).toBe(0);
    const afterAll = await list(me);
    expect(afterAll.unread).toBe(0);
    expect(afterAll.items.every((n) => n.readAt !== null && !Number.isNaN(Date.parse(n.readAt)))).toBe(true);
    // Reading keeps the order.
    expect(afterAll.items.map((n) => n.id)).toEqual(page.items.map((n) => n.id));
  });

  it('does not let another user mark my notification read', async () => {
    const owner = await registerUser(app);
    const me = await registerUser(app);
    const stranger = await registerUser(app);
    await invite(owner, me);
    const mine = (await list(me)).items[0]!;

    const res = await markRead(stranger, { ids: [mine.id] });
    expect(res.statusCode).toBeLessThan(500);
    if (res.statusCode === 200) expect(res.json()).toEqual({ unread: 0 });
    // Even "mark all" only touches the caller's own notifications.
    expect((await markRead(stranger, {})).json()).toEqual({ unread: 0 });

    expect(await unreadCount(me)).toBe(1);
    expect((await list(me)).items[0]!.readAt).toBeNull();
    // Nor can they see them.
    expect((await list(stranger)).items).toEqual([]);
  });
});

describe('pagination', () => {
  it('pages through every notification with limit=1, without duplicates', async () => {
    const owner = await registerUser(app);
    const me = await registerUser(app);
    for (let i = 0; i < 3; i++) await invite(owner, me);
    const everything = (await list(me)).items.map((n) => n.id);
    expect(everything).toHaveLength(3);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: NotificationPage = await list(me, `?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(1);
      expect(page.unread).toBe(3);
      seen.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);

    expect(seen).toEqual(everything);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(3);
  });

  it('does not skip notifications created within the same millisecond', async () => {
    const me = await registerUser(app);
    // Two notifications 0.3 ms apart and a third at the very same instant as the second: as happens when
    // several are written together. PostgreSQL keeps microseconds.
    const rows = [
      { kind: 'test.first', at: '2001-02-03T04:05:06.123100Z' },
      { kind: 'test.second', at: '2001-02-03T04:05:06.123400Z' },
      { kind: 'test.third', at: '2001-02-03T04:05:06.123400Z' },
    ];
    // created_at is not insertable through the app's types (the database sets it), so plain SQL.
    for (const row of rows) {
      await sql`insert into notifications (user_id, kind, data, created_at) values (${me.id}, ${row.kind}, '{}'::jsonb, ${row.at}::timestamptz)`.execute(
        t.handle.db,
      );
    }
    const everything = (await list(me)).items.map((n) => n.kind);
    expect(everything).toHaveLength(3);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: NotificationPage = await list(me, `?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...page.items.map((n) => n.kind));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(everything);
  });

  it('answers 400 invalid_cursor for a cursor it did not issue', async () => {
    const me = await registerUser(app);
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/notifications?cursor=not-a-cursor', headers: me.auth }), 400, 'invalid_cursor');
  });

  it('answers 400 invalid_cursor (not 500) for a tampered cursor', async () => {
    const me = await registerUser(app);
    const tampered = Buffer.from('2024-01-01T00:00:00.000Z|not-a-uuid').toString('base64url');
    const res = await app.inject({ method: 'GET', url: `/api/v1/notifications?cursor=${tampered}`, headers: me.auth });
    expectProblem(res, 400, 'invalid_cursor');
  });

  it.each([
    ['limit=0', 'limit=0'],
    ['limit=101', 'limit=101'],
    ['limit=abc', 'limit=abc'],
    ['an unknown parameter', 'unread=true'],
  ])('rejects %s with 400 validation_failed', async (_name, query) => {
    const me = await registerUser(app);
    expectProblem(await app.inject({ method: 'GET', url: `/api/v1/notifications?${query}`, headers: me.auth }), 400, 'validation_failed');
  });
});

describe('input and access', () => {
  it('rejects ids that are not uuids, or too many', async () => {
    const me = await registerUser(app);
    const notUuid = await markRead(me, { ids: ['nope'] });
    expectProblem(notUuid, 400, 'validation_failed');
    expect(notUuid.json<{ errors: Array<{ path: string }> }>().errors.map((e) => e.path)).toEqual(['/ids/0']);

    const ids = Array.from({ length: 201 }, () => '00000000-0000-4000-8000-000000000000');
    expectProblem(await markRead(me, { ids }), 400, 'validation_failed');
    expectProblem(await markRead(me, { ids: 'all' }), 400, 'validation_failed');
    expectProblem(await markRead(me, { all: true }), 400, 'validation_failed');
  });

  it('answers 401 without a token on every notification route', async () => {
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/notifications' }), 401, 'unauthorized');
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/notifications/unread-count' }), 401, 'unauthorized');
    expectProblem(await app.inject({ method: 'POST', url: '/api/v1/notifications/read', payload: {} }), 401, 'unauthorized');
    expectProblem(
      await app.inject({ method: 'GET', url: '/api/v1/notifications', headers: { authorization: 'Bearer nonsense' } }),
      401,
      'unauthorized',
    );
  });
});
