import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { createOrganisation, makePlatformRole, registerUser, uniqueEmail, type TestUser } from '../support/factories';

/** Every route × every kind of caller: the status each one gets. */
const roles = ['anonymous', 'outsider', 'member', 'editor', 'owner', 'admin'] as const;
type Role = (typeof roles)[number];

let t: TestApp;
const users = {} as Record<Exclude<Role, 'anonymous'> | 'target', TestUser>;

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['outsider', 'member', 'editor', 'owner', 'admin', 'target'] as const) users[name] = await registerUser(t.app);
  await makePlatformRole(t.handle.db, users.admin.id, 'admin');
});
afterAll(() => t.close());

interface World {
  orgId: string;
  version: number;
  invitationId: string;
}

/** A fresh organisation per call, so destructive requests never affect each other. */
async function world(): Promise<World> {
  const org = await createOrganisation(t.app, users.owner);
  const db = t.handle.db;
  await db
    .insertInto('memberships')
    .values([
      { organisation_id: org.id, user_id: users.member.id, role: 'member' },
      { organisation_id: org.id, user_id: users.editor.id, role: 'editor' },
      { organisation_id: org.id, user_id: users.target.id, role: 'member' },
    ])
    .execute();
  const invite = await t.app.inject({
    method: 'POST',
    url: `/api/v1/organisations/${org.id}/invitations`,
    headers: users.owner.auth,
    payload: { email: uniqueEmail('invitee'), role: 'member' },
  });
  return { orgId: org.id, version: org.version, invitationId: invite.json().invitation.id };
}

async function pending(w: World) {
  await t.handle.db.updateTable('organisations').set({ verification_status: 'pending' }).where('id', '=', w.orgId).execute();
}

type Expect = Record<Role, number>;
const row = (anonymous: number, outsider: number, member: number, editor: number, owner: number, admin: number): Expect => ({
  anonymous,
  outsider,
  member,
  editor,
  owner,
  admin,
});

const cases: Array<{ name: string; request: (w: World) => InjectOptions; prepare?: (w: World) => Promise<void>; expect: Expect }> = [
  { name: 'GET /organisations', request: () => ({ method: 'GET', url: '/api/v1/organisations' }), expect: row(200, 200, 200, 200, 200, 200) },
  {
    name: 'POST /organisations',
    request: () => ({ method: 'POST', url: '/api/v1/organisations', payload: { kind: 'ngo', name: 'Matrix org', country: 'AZ' } }),
    expect: row(401, 201, 201, 201, 201, 201),
  },
  { name: 'GET /organisations/:id', request: (w) => ({ method: 'GET', url: `/api/v1/organisations/${w.orgId}` }), expect: row(200, 200, 200, 200, 200, 200) },
  {
    name: 'PATCH /organisations/:id',
    request: (w) => ({ method: 'PATCH', url: `/api/v1/organisations/${w.orgId}`, headers: { 'if-match': `"${w.version}"` }, payload: { description: 'changed' } }),
    expect: row(401, 403, 403, 200, 200, 403),
  },
  { name: 'GET members', request: (w) => ({ method: 'GET', url: `/api/v1/organisations/${w.orgId}/members` }), expect: row(200, 200, 200, 200, 200, 200) },
  {
    name: 'PATCH member role',
    request: (w) => ({ method: 'PATCH', url: `/api/v1/organisations/${w.orgId}/members/${users.target.id}`, payload: { role: 'editor' } }),
    expect: row(401, 403, 403, 403, 200, 403),
  },
  {
    name: 'DELETE member',
    request: (w) => ({ method: 'DELETE', url: `/api/v1/organisations/${w.orgId}/members/${users.target.id}` }),
    expect: row(401, 403, 403, 403, 204, 403),
  },
  { name: 'GET invitations', request: (w) => ({ method: 'GET', url: `/api/v1/organisations/${w.orgId}/invitations` }), expect: row(401, 403, 403, 403, 200, 403) },
  {
    name: 'POST invitation',
    request: (w) => ({ method: 'POST', url: `/api/v1/organisations/${w.orgId}/invitations`, payload: { email: uniqueEmail(), role: 'member' } }),
    expect: row(401, 403, 403, 403, 201, 403),
  },
  {
    name: 'DELETE invitation',
    request: (w) => ({ method: 'DELETE', url: `/api/v1/organisations/${w.orgId}/invitations/${w.invitationId}` }),
    expect: row(401, 403, 403, 403, 204, 403),
  },
  {
    name: 'POST verification-request',
    request: (w) => ({ method: 'POST', url: `/api/v1/organisations/${w.orgId}/verification-request` }),
    expect: row(401, 403, 403, 403, 200, 403),
  },
  { name: 'GET admin queue', request: () => ({ method: 'GET', url: '/api/v1/admin/verification-queue' }), expect: row(401, 403, 403, 403, 403, 200) },
  {
    name: 'POST admin decision',
    prepare: pending,
    request: (w) => ({ method: 'POST', url: `/api/v1/admin/organisations/${w.orgId}/verification`, payload: { decision: 'verified' } }),
    expect: row(401, 403, 403, 403, 403, 200),
  },
  { name: 'GET /me', request: () => ({ method: 'GET', url: '/api/v1/me' }), expect: row(401, 200, 200, 200, 200, 200) },
  { name: 'PATCH /me', request: () => ({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'bg' } }), expect: row(401, 200, 200, 200, 200, 200) },
  { name: 'GET notifications', request: () => ({ method: 'GET', url: '/api/v1/notifications' }), expect: row(401, 200, 200, 200, 200, 200) },
  { name: 'GET unread count', request: () => ({ method: 'GET', url: '/api/v1/notifications/unread-count' }), expect: row(401, 200, 200, 200, 200, 200) },
  { name: 'POST notifications read', request: () => ({ method: 'POST', url: '/api/v1/notifications/read', payload: {} }), expect: row(401, 200, 200, 200, 200, 200) },
  { name: 'GET territories', request: () => ({ method: 'GET', url: '/api/v1/territories?country=AL&level=region' }), expect: row(200, 200, 200, 200, 200, 200) },
];

describe('access matrix', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const got = {} as Record<Role, number>;
      for (const role of roles) {
        const w = await world();
        await c.prepare?.(w);
        const options = c.request(w);
        const headers = { ...(options.headers ?? {}), ...(role === 'anonymous' ? {} : users[role].auth) };
        const res = await t.app.inject({ ...options, headers });
        got[role] = res.statusCode;
        if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
      }
      expect(got).toEqual(c.expect);
    });
  }
});
