import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { createOrganisation, makePlatformRole, registerUser, type TestUser } from '../support/factories';
import { completeIdea, ifMatch, type IdeaDto, type LinkDto, type PlanDto, type PlanItemDto } from '../support/plan-factories';

/**
 * Every plan, idea and link route × every kind of caller: the status each one gets. The roles are held in
 * one organisation (fresh for every request); "the other side" of a link belongs to an unrelated owner.
 */
const roles = ['anonymous', 'outsider', 'member', 'editor', 'owner', 'admin'] as const;
type Role = (typeof roles)[number];

let t: TestApp;
const users = {} as Record<Exclude<Role, 'anonymous'> | 'stranger', TestUser>;

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['outsider', 'member', 'editor', 'owner', 'admin', 'stranger'] as const) users[name] = await registerUser(t.app);
  await makePlatformRole(t.handle.db, users.admin.id, 'admin');
});
afterAll(() => t.close());

async function call<T>(options: InjectOptions, status: number): Promise<T> {
  const res = await t.app.inject(options);
  if (res.statusCode !== status) throw new Error(`${options.method} ${options.url}: ${res.statusCode} ${res.body}`);
  return res.json<T>();
}

/** The organisation the roles belong to: owner by creation, editor and member added directly. */
async function rolesOrg(kind: 'municipality' | 'ngo' = 'municipality'): Promise<string> {
  const org = await createOrganisation(t.app, users.owner, { kind, ...(kind === 'municipality' && { territoryCode: 'BG-03-01' }) });
  await t.handle.db
    .insertInto('memberships')
    .values([
      { organisation_id: org.id, user_id: users.member.id, role: 'member' },
      { organisation_id: org.id, user_id: users.editor.id, role: 'editor' },
    ])
    .execute();
  return org.id;
}

const strangerOrg = async (kind: 'municipality' | 'ngo') => (await createOrganisation(t.app, users.stranger, { kind, ...(kind === 'municipality' && { territoryCode: 'BG-03-02' }) })).id;

interface Plan {
  id: string;
  version: number;
  items: Record<string, PlanItemDto>;
}

/** A plan with 1 → 1.1 → 1.1.1 / 1.1.2, made by `by` (an owner of `orgId`). */
async function plan(by: TestUser, orgId: string, publish: boolean): Promise<Plan> {
  const created = await call<PlanDto>(
    { method: 'POST', url: '/api/v1/plans', headers: by.auth, payload: { organisationId: orgId, title: 'Matrix plan', language: 'bg', periodStart: 2021, periodEnd: 2027 } },
    201,
  );
  const url = `/api/v1/plans/${created.id}`;
  await call({ method: 'POST', url: `${url}/import`, headers: by.auth, payload: { items: ['1', '1.1', '1.1.1', '1.1.2'].map((code) => ({ code, title: `Item ${code}` })) } }, 200);
  let version = created.version;
  if (publish) version = (await call<PlanDto>({ method: 'PATCH', url, headers: { ...by.auth, ...ifMatch(version) }, payload: { status: 'published' } }, 200)).version;
  const detail = await call<{ items: PlanItemDto[] }>({ method: 'GET', url, headers: by.auth }, 200);
  return { id: created.id, version, items: Object.fromEntries(detail.items.map((i) => [i.code, i])) };
}

const item = (p: Plan, code: string): PlanItemDto => {
  const found = p.items[code];
  if (!found) throw new Error(`no item ${code}`);
  return found;
};

async function idea(by: TestUser, orgId: string, publish: boolean): Promise<IdeaDto> {
  return call<IdeaDto>({ method: 'POST', url: '/api/v1/ideas', headers: by.auth, payload: { organisationId: orgId, ...completeIdea(), status: publish ? 'published' : 'draft' } }, 201);
}

const propose = (by: TestUser, ideaId: string, measureId: string) =>
  call<LinkDto>({ method: 'POST', url: `/api/v1/ideas/${ideaId}/links`, headers: by.auth, payload: { measureId } }, 201);

type Ctx = Record<string, string>;
type Expect = Record<Role, number>;
const row = (anonymous: number, outsider: number, member: number, editor: number, owner: number, admin: number): Expect => ({
  anonymous,
  outsider,
  member,
  editor,
  owner,
  admin,
});

/** Roles on the plan's municipality. */
const planWorld = (publish: boolean) => async (): Promise<Ctx> => {
  const p = await plan(users.owner, await rolesOrg(), publish);
  return { planId: p.id, version: String(p.version), objective: item(p, '1.1').id, objectiveVersion: String(item(p, '1.1').version), measureA: item(p, '1.1.1').id, measureB: item(p, '1.1.2').id };
};

/** Roles on the idea's organisation. */
const ideaWorld = (publish: boolean) => async (): Promise<Ctx> => {
  const orgId = await rolesOrg('ngo');
  const i = await idea(users.owner, orgId, publish);
  return { ideaId: i.id, version: String(i.version), strangerOrg: await strangerOrg('ngo') };
};

const cases: Array<{ name: string; setup?: () => Promise<Ctx>; request: (c: Ctx) => InjectOptions; expect: Expect }> = [
  // ---- plans ----
  { name: 'GET /plans', request: () => ({ method: 'GET', url: '/api/v1/plans?limit=5' }), expect: row(200, 200, 200, 200, 200, 200) },
  {
    name: 'POST /plans',
    setup: async () => ({ orgId: await rolesOrg() }),
    request: (c) => ({ method: 'POST', url: '/api/v1/plans', payload: { organisationId: c.orgId, title: 'Matrix plan', language: 'bg', periodStart: 2021, periodEnd: 2027 } }),
    expect: row(401, 403, 403, 201, 201, 403),
  },
  { name: 'GET /plans/:id (draft)', setup: planWorld(false), request: (c) => ({ method: 'GET', url: `/api/v1/plans/${c.planId}` }), expect: row(404, 404, 200, 200, 200, 404) },
  { name: 'GET /plans/:id (published)', setup: planWorld(true), request: (c) => ({ method: 'GET', url: `/api/v1/plans/${c.planId}` }), expect: row(200, 200, 200, 200, 200, 200) },
  {
    name: 'PATCH /plans/:id (draft)',
    setup: planWorld(false),
    request: (c) => ({ method: 'PATCH', url: `/api/v1/plans/${c.planId}`, headers: { 'if-match': `"${c.version}"` }, payload: { title: 'Changed title' } }),
    expect: row(401, 404, 403, 200, 200, 404),
  },
  {
    name: 'PATCH /plans/:id (published)',
    setup: planWorld(true),
    request: (c) => ({ method: 'PATCH', url: `/api/v1/plans/${c.planId}`, headers: { 'if-match': `"${c.version}"` }, payload: { title: 'Changed title' } }),
    expect: row(401, 403, 403, 200, 200, 403),
  },
  { name: 'DELETE /plans/:id (draft)', setup: planWorld(false), request: (c) => ({ method: 'DELETE', url: `/api/v1/plans/${c.planId}` }), expect: row(401, 404, 403, 204, 204, 404) },
  { name: 'DELETE /plans/:id (published)', setup: planWorld(true), request: (c) => ({ method: 'DELETE', url: `/api/v1/plans/${c.planId}` }), expect: row(401, 403, 403, 409, 409, 403) },
  {
    name: 'POST /plans/:id/items (draft)',
    setup: planWorld(false),
    request: (c) => ({ method: 'POST', url: `/api/v1/plans/${c.planId}/items`, payload: { code: '2', title: 'Second priority' } }),
    expect: row(401, 404, 403, 201, 201, 404),
  },
  {
    name: 'POST /plans/:id/items (published)',
    setup: planWorld(true),
    request: (c) => ({ method: 'POST', url: `/api/v1/plans/${c.planId}/items`, payload: { code: '1.1.3', title: 'Third measure' } }),
    expect: row(401, 403, 403, 201, 201, 403),
  },
  {
    name: 'PATCH /plans/:id/items/:itemId',
    setup: planWorld(true),
    request: (c) => ({ method: 'PATCH', url: `/api/v1/plans/${c.planId}/items/${c.objective}`, headers: { 'if-match': `"${c.objectiveVersion}"` }, payload: { title: 'Renamed' } }),
    expect: row(401, 403, 403, 200, 200, 403),
  },
  {
    name: 'DELETE /plans/:id/items/:itemId',
    setup: planWorld(true),
    request: (c) => ({ method: 'DELETE', url: `/api/v1/plans/${c.planId}/items/${c.measureB}` }),
    expect: row(401, 403, 403, 204, 204, 403),
  },
  {
    name: 'POST /plans/:id/items/reorder',
    setup: planWorld(true),
    request: (c) => ({ method: 'POST', url: `/api/v1/plans/${c.planId}/items/reorder`, payload: { parentId: c.objective, orderedIds: [c.measureB, c.measureA] } }),
    expect: row(401, 403, 403, 204, 204, 403),
  },
  {
    name: 'POST /plans/:id/import (CSV)',
    setup: planWorld(true),
    request: (c) => ({ method: 'POST', url: `/api/v1/plans/${c.planId}/import`, headers: { 'content-type': 'text/csv' }, payload: 'code,title\n1.1.3,Imported measure\n' }),
    expect: row(401, 403, 403, 200, 200, 403),
  },
  {
    name: 'POST /plans/:id/import (draft, JSON)',
    setup: planWorld(false),
    request: (c) => ({ method: 'POST', url: `/api/v1/plans/${c.planId}/import`, payload: { items: [{ code: '2', title: 'Imported priority' }] } }),
    expect: row(401, 404, 403, 200, 200, 404),
  },
  { name: 'GET /plans/:id/links (published)', setup: planWorld(true), request: (c) => ({ method: 'GET', url: `/api/v1/plans/${c.planId}/links` }), expect: row(200, 200, 200, 200, 200, 200) },
  { name: 'GET /plans/:id/links (draft)', setup: planWorld(false), request: (c) => ({ method: 'GET', url: `/api/v1/plans/${c.planId}/links` }), expect: row(404, 404, 200, 200, 200, 404) },

  // ---- ideas ----
  { name: 'GET /themes', request: () => ({ method: 'GET', url: '/api/v1/themes' }), expect: row(200, 200, 200, 200, 200, 200) },
  { name: 'GET /ideas', request: () => ({ method: 'GET', url: '/api/v1/ideas?limit=5' }), expect: row(200, 200, 200, 200, 200, 200) },
  { name: 'GET /ideas?mine=true', request: () => ({ method: 'GET', url: '/api/v1/ideas?mine=true' }), expect: row(401, 200, 200, 200, 200, 200) },
  {
    name: 'POST /ideas',
    setup: async () => ({ orgId: await rolesOrg('ngo') }),
    request: (c) => ({ method: 'POST', url: '/api/v1/ideas', payload: { organisationId: c.orgId, ...completeIdea() } }),
    expect: row(401, 403, 403, 201, 201, 403),
  },
  { name: 'GET /ideas/:id (draft)', setup: ideaWorld(false), request: (c) => ({ method: 'GET', url: `/api/v1/ideas/${c.ideaId}` }), expect: row(404, 404, 200, 200, 200, 404) },
  { name: 'GET /ideas/:id (published)', setup: ideaWorld(true), request: (c) => ({ method: 'GET', url: `/api/v1/ideas/${c.ideaId}` }), expect: row(200, 200, 200, 200, 200, 200) },
  {
    name: 'PATCH /ideas/:id (draft)',
    setup: ideaWorld(false),
    request: (c) => ({ method: 'PATCH', url: `/api/v1/ideas/${c.ideaId}`, headers: { 'if-match': `"${c.version}"` }, payload: { summary: 'Changed' } }),
    expect: row(401, 404, 403, 200, 200, 404),
  },
  {
    name: 'PATCH /ideas/:id (published)',
    setup: ideaWorld(true),
    request: (c) => ({ method: 'PATCH', url: `/api/v1/ideas/${c.ideaId}`, headers: { 'if-match': `"${c.version}"` }, payload: { summary: 'Changed' } }),
    expect: row(401, 403, 403, 200, 200, 403),
  },
  { name: 'DELETE /ideas/:id (draft)', setup: ideaWorld(false), request: (c) => ({ method: 'DELETE', url: `/api/v1/ideas/${c.ideaId}` }), expect: row(401, 404, 403, 204, 204, 404) },
  { name: 'DELETE /ideas/:id (published)', setup: ideaWorld(true), request: (c) => ({ method: 'DELETE', url: `/api/v1/ideas/${c.ideaId}` }), expect: row(401, 403, 403, 409, 409, 403) },
  {
    name: 'POST /ideas/:id/coauthors',
    setup: ideaWorld(true),
    request: (c) => ({ method: 'POST', url: `/api/v1/ideas/${c.ideaId}/coauthors`, payload: { organisationId: c.strangerOrg } }),
    expect: row(401, 403, 403, 200, 200, 403),
  },
  {
    name: 'DELETE /ideas/:id/coauthors/:orgId (roles on the idea)',
    setup: async () => {
      const c = await ideaWorld(true)();
      await call({ method: 'POST', url: `/api/v1/ideas/${c.ideaId}/coauthors`, headers: users.owner.auth, payload: { organisationId: c.strangerOrg } }, 200);
      return c;
    },
    request: (c) => ({ method: 'DELETE', url: `/api/v1/ideas/${c.ideaId}/coauthors/${c.strangerOrg}` }),
    expect: row(401, 403, 403, 204, 204, 403),
  },
  {
    name: 'DELETE /ideas/:id/coauthors/:orgId (roles on the co-author)',
    setup: async () => {
      const coauthor = await rolesOrg('ngo');
      const i = await idea(users.stranger, await strangerOrg('ngo'), true);
      await call({ method: 'POST', url: `/api/v1/ideas/${i.id}/coauthors`, headers: users.stranger.auth, payload: { organisationId: coauthor } }, 200);
      return { ideaId: i.id, coauthor };
    },
    request: (c) => ({ method: 'DELETE', url: `/api/v1/ideas/${c.ideaId}/coauthors/${c.coauthor}` }),
    expect: row(401, 403, 403, 204, 204, 403),
  },

  // ---- links ----
  {
    name: 'POST /ideas/:id/links (roles on the idea)',
    setup: async () => {
      const i = await idea(users.owner, await rolesOrg('ngo'), true);
      const p = await plan(users.stranger, await strangerOrg('municipality'), true);
      return { ideaId: i.id, measureId: item(p, '1.1.1').id };
    },
    request: (c) => ({ method: 'POST', url: `/api/v1/ideas/${c.ideaId}/links`, payload: { measureId: c.measureId } }),
    expect: row(401, 403, 403, 201, 201, 403),
  },
  {
    name: 'POST /ideas/:id/links (roles on the plan)',
    setup: async () => {
      const p = await plan(users.owner, await rolesOrg(), true);
      const i = await idea(users.stranger, await strangerOrg('ngo'), true);
      return { ideaId: i.id, measureId: item(p, '1.1.1').id };
    },
    request: (c) => ({ method: 'POST', url: `/api/v1/ideas/${c.ideaId}/links`, payload: { measureId: c.measureId } }),
    expect: row(401, 403, 403, 201, 201, 403),
  },
  {
    name: 'POST /links/:id/decision (proposed by the idea, roles on the plan)',
    setup: async () => {
      const p = await plan(users.owner, await rolesOrg(), true);
      const i = await idea(users.stranger, await strangerOrg('ngo'), true);
      return { linkId: (await propose(users.stranger, i.id, item(p, '1.1.1').id)).id };
    },
    request: (c) => ({ method: 'POST', url: `/api/v1/links/${c.linkId}/decision`, payload: { decision: 'confirmed' } }),
    expect: row(401, 403, 403, 200, 200, 403),
  },
  {
    name: 'POST /links/:id/decision (proposed by the plan, roles on the idea)',
    setup: async () => {
      const i = await idea(users.owner, await rolesOrg('ngo'), true);
      const p = await plan(users.stranger, await strangerOrg('municipality'), true);
      return { linkId: (await propose(users.stranger, i.id, item(p, '1.1.1').id)).id };
    },
    request: (c) => ({ method: 'POST', url: `/api/v1/links/${c.linkId}/decision`, payload: { decision: 'rejected' } }),
    expect: row(401, 403, 403, 200, 200, 403),
  },
  {
    name: 'POST /links/:id/decision (own proposal, roles on the idea)',
    setup: async () => {
      const i = await idea(users.owner, await rolesOrg('ngo'), true);
      const p = await plan(users.stranger, await strangerOrg('municipality'), true);
      return { linkId: (await propose(users.owner, i.id, item(p, '1.1.1').id)).id };
    },
    request: (c) => ({ method: 'POST', url: `/api/v1/links/${c.linkId}/decision`, payload: { decision: 'confirmed' } }),
    expect: row(401, 403, 403, 403, 403, 403),
  },
  {
    name: 'DELETE /links/:id (roles on the idea)',
    setup: async () => {
      const i = await idea(users.owner, await rolesOrg('ngo'), true);
      const p = await plan(users.stranger, await strangerOrg('municipality'), true);
      return { linkId: (await propose(users.stranger, i.id, item(p, '1.1.1').id)).id };
    },
    request: (c) => ({ method: 'DELETE', url: `/api/v1/links/${c.linkId}` }),
    expect: row(401, 403, 403, 204, 204, 403),
  },
  {
    name: 'DELETE /links/:id (roles on the plan)',
    setup: async () => {
      const p = await plan(users.owner, await rolesOrg(), true);
      const i = await idea(users.stranger, await strangerOrg('ngo'), true);
      return { linkId: (await propose(users.stranger, i.id, item(p, '1.1.1').id)).id };
    },
    request: (c) => ({ method: 'DELETE', url: `/api/v1/links/${c.linkId}` }),
    expect: row(401, 403, 403, 204, 204, 403),
  },
];

describe('plans, ideas and links access matrix', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const got = {} as Record<Role, number>;
      for (const role of roles) {
        const ctx = (await c.setup?.()) ?? {};
        const options = c.request(ctx);
        const headers = { ...(options.headers ?? {}), ...(role === 'anonymous' ? {} : users[role].auth) };
        const res = await t.app.inject({ ...options, headers });
        got[role] = res.statusCode;
        if (res.statusCode >= 400) expect(res.headers['content-type'], `${role}: ${res.body}`).toContain('application/problem+json');
        if (res.statusCode >= 500) throw new Error(`${c.name} as ${role}: ${res.body}`);
      }
      expect(got).toEqual(c.expect);
    });
  }
});
