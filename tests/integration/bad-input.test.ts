import type { App } from '@partnera/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { createOrganisation, registerUser, uniqueEik, uniqueEmail, type TestUser } from '../support/factories';

type Reply = Awaited<ReturnType<App['inject']>>;
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

let t: TestApp;
let app: App;
let user: TestUser;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  user = await registerUser(app);
  orgId = (await createOrganisation(app, user)).id;
});

afterAll(async () => {
  await t?.close();
});

/** A client's bad request must always get a 4xx problem with a stable code, never a 5xx. */
function expectClientProblem(res: Reply, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json<{ type: string; title: string; status: number; code: string; detail: string; errors?: Array<{ path: string }> }>();
  expect(body).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String) });
  expect(typeof body.detail).toBe('string');
  // No internals leak to the client.
  expect(res.body).not.toMatch(/stack|node_modules|FST_ERR|syntax error at|invalid input syntax/i);
  return body;
}

interface JsonRoute {
  name: string;
  method: Method;
  /** Resolved lazily: the organisation exists only after beforeAll. */
  url: () => string;
  auth: boolean;
  /** A body the route accepts, shape-wise; each case breaks it in one way. */
  valid: () => Record<string, unknown>;
  /** A string field to put a number in, and another field to make the wrong type. */
  stringField: string;
  wrongType: { field: string; value: unknown };
}

const routes: JsonRoute[] = [
  {
    name: 'register',
    method: 'POST',
    url: () => '/api/v1/auth/register',
    auth: false,
    valid: () => ({ email: uniqueEmail('bad'), password: 'correct horse battery', displayName: 'Bad Input' }),
    stringField: 'displayName',
    wrongType: { field: 'locale', value: true },
  },
  {
    name: 'login',
    method: 'POST',
    url: () => '/api/v1/auth/login',
    auth: false,
    valid: () => ({ email: uniqueEmail('bad'), password: 'correct horse battery' }),
    stringField: 'password',
    wrongType: { field: 'email', value: ['a@b.c'] },
  },
  {
    name: 'create organisation',
    method: 'POST',
    url: () => '/api/v1/organisations',
    auth: true,
    valid: () => ({ kind: 'ngo', name: 'Bad Input Org', country: 'BG', legalId: uniqueEik() }),
    stringField: 'name',
    wrongType: { field: 'description', value: { text: 'nested' } },
  },
  {
    name: 'patch me',
    method: 'PATCH',
    url: () => '/api/v1/me',
    auth: true,
    valid: () => ({ displayName: 'Still Me' }),
    stringField: 'displayName',
    wrongType: { field: 'locale', value: 1 },
  },
  {
    name: 'invite',
    method: 'POST',
    url: () => `/api/v1/organisations/${orgId}/invitations`,
    auth: true,
    valid: () => ({ email: uniqueEmail('invitee'), role: 'member' }),
    stringField: 'email',
    wrongType: { field: 'role', value: false },
  },
];

interface BodyCase {
  name: string;
  status: number;
  code: string;
  /** Which errors[].path must be reported, if any. */
  path?: (route: JsonRoute) => string;
  request: (route: JsonRoute) => { payload: string | Buffer; contentType?: string };
}

const json = (value: unknown) => ({ payload: JSON.stringify(value), contentType: 'application/json' });

const bodyCases: BodyCase[] = [
  {
    name: 'a body over 256 KiB',
    status: 413,
    code: 'payload_too_large',
    request: (r) => json({ ...r.valid(), [r.stringField]: 'x'.repeat(300 * 1024) }),
  },
  {
    name: 'a number where a string belongs',
    status: 400,
    code: 'validation_failed',
    path: (r) => `/${r.stringField}`,
    request: (r) => json({ ...r.valid(), [r.stringField]: 12345 }),
  },
  {
    name: 'a value of the wrong type (boolean, array, object, number)',
    status: 400,
    code: 'validation_failed',
    path: (r) => `/${r.wrongType.field}`,
    request: (r) => json({ ...r.valid(), [r.wrongType.field]: r.wrongType.value }),
  },
  {
    name: 'a JSON string instead of an object',
    status: 400,
    code: 'validation_failed',
    request: () => json('true'),
  },
  {
    name: 'an unknown field',
    status: 400,
    code: 'validation_failed',
    path: () => '/isAdmin',
    request: (r) => json({ ...r.valid(), isAdmin: true }),
  },
  {
    name: 'a JSON array instead of an object',
    status: 400,
    code: 'validation_failed',
    request: (r) => json([r.valid()]),
  },
  {
    name: 'JSON null',
    status: 400,
    code: 'validation_failed',
    request: () => ({ payload: 'null', contentType: 'application/json' }),
  },
  {
    name: 'malformed JSON',
    status: 400,
    code: 'malformed_json',
    request: () => ({ payload: '{"email": "a@b.c",', contentType: 'application/json' }),
  },
  {
    name: 'an empty JSON body',
    status: 400,
    code: 'malformed_json',
    request: () => ({ payload: '', contentType: 'application/json' }),
  },
  {
    name: 'a __proto__ key',
    status: 400,
    code: 'malformed_json',
    request: (r) => ({ payload: `{"__proto__": {"isAdmin": true}, ${JSON.stringify(r.valid()).slice(1)}`, contentType: 'application/json' }),
  },
  {
    name: 'an XML body',
    status: 415,
    code: 'unsupported_media_type',
    request: () => ({ payload: '<user><email>a@b.c</email></user>', contentType: 'application/xml' }),
  },
  {
    name: 'a form-encoded body',
    status: 415,
    code: 'unsupported_media_type',
    request: () => ({ payload: 'email=a%40b.c&password=x', contentType: 'application/x-www-form-urlencoded' }),
  },
];

describe.each(routes)('$method $name rejects bad bodies', (route) => {
  it.each(bodyCases)('$name', async (c) => {
    const { payload, contentType } = c.request(route);
    const res = await app.inject({
      method: route.method,
      url: route.url(),
      headers: { ...(route.auth ? user.auth : {}), ...(contentType ? { 'content-type': contentType } : {}) },
      payload,
    });
    const body = expectClientProblem(res, c.status, c.code);
    if (c.path) expect(body.errors?.map((e) => e.path)).toContain(c.path(route));
  });

  it('a text/plain body is refused with a 4xx problem, never accepted', async () => {
    const res = await app.inject({
      method: route.method,
      url: route.url(),
      headers: { ...(route.auth ? user.auth : {}), 'content-type': 'text/plain' },
      payload: JSON.stringify(route.valid()),
    });
    expect([400, 415]).toContain(res.statusCode);
    expectClientProblem(res, res.statusCode, res.statusCode === 415 ? 'unsupported_media_type' : 'validation_failed');
  });
});

describe('nothing was changed by the rejected requests', () => {
  it('left the user and the organisation as they were', async () => {
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: user.auth });
    expect(me.json()).toMatchObject({ displayName: 'Test Person', platformRole: null });
    const mine = await app.inject({ method: 'GET', url: '/api/v1/organisations?mine=true', headers: user.auth });
    expect(mine.json<{ items: unknown[] }>().items).toHaveLength(1);
    const invitations = await app.inject({ method: 'GET', url: `/api/v1/organisations/${orgId}/invitations`, headers: user.auth });
    expect(invitations.json<{ items: unknown[] }>().items).toHaveLength(0);
  });
});

interface UrlCase {
  name: string;
  method: Method;
  url: () => string;
  auth?: boolean;
  payload?: Record<string, unknown>;
  status: number;
  code: string;
  path?: string;
}

const tamperedOrgCursor = Buffer.from(JSON.stringify(['Org', 'not-a-uuid'])).toString('base64url');

const urlCases: UrlCase[] = [
  { name: 'a non-uuid organisation id', method: 'GET', url: () => '/api/v1/organisations/not-a-uuid', status: 400, code: 'validation_failed', path: '/id' },
  { name: 'a non-uuid id on PATCH', method: 'PATCH', url: () => '/api/v1/organisations/123', auth: true, payload: { name: 'New name' }, status: 400, code: 'validation_failed', path: '/id' },
  { name: 'a non-uuid id in members', method: 'GET', url: () => '/api/v1/organisations/x/members', status: 400, code: 'validation_failed', path: '/id' },
  { name: 'a non-uuid member id', method: 'DELETE', url: () => `/api/v1/organisations/${orgId}/members/nobody`, auth: true, status: 400, code: 'validation_failed', path: '/userId' },
  { name: 'a non-uuid id when inviting', method: 'POST', url: () => '/api/v1/organisations/not-a-uuid/invitations', auth: true, payload: { email: 'a@b.example', role: 'member' }, status: 400, code: 'validation_failed', path: '/id' },
  { name: 'an invitation token too short', method: 'GET', url: () => '/api/v1/invitations/short', status: 400, code: 'validation_failed', path: '/token' },
  { name: 'limit=1000', method: 'GET', url: () => '/api/v1/organisations?limit=1000', status: 400, code: 'validation_failed', path: '/limit' },
  { name: 'limit=0', method: 'GET', url: () => '/api/v1/organisations?limit=0', status: 400, code: 'validation_failed', path: '/limit' },
  { name: 'limit=-5', method: 'GET', url: () => '/api/v1/organisations?limit=-5', status: 400, code: 'validation_failed', path: '/limit' },
  { name: 'limit=2.5', method: 'GET', url: () => '/api/v1/organisations?limit=2.5', status: 400, code: 'validation_failed', path: '/limit' },
  { name: 'limit=ten', method: 'GET', url: () => '/api/v1/organisations?limit=ten', status: 400, code: 'validation_failed', path: '/limit' },
  { name: 'limit=1000 on notifications', method: 'GET', url: () => '/api/v1/notifications?limit=1000', auth: true, status: 400, code: 'validation_failed', path: '/limit' },
  { name: 'q longer than 200 characters', method: 'GET', url: () => `/api/v1/organisations?q=${'a'.repeat(201)}`, status: 400, code: 'validation_failed', path: '/q' },
  { name: 'q of 5000 characters', method: 'GET', url: () => `/api/v1/organisations?q=${'%C3%A9'.repeat(5000)}`, status: 400, code: 'validation_failed', path: '/q' },
  { name: 'a string for a boolean (mine=maybe)', method: 'GET', url: () => '/api/v1/organisations?mine=maybe', auth: true, status: 400, code: 'validation_failed', path: '/mine' },
  { name: 'an unknown kind', method: 'GET', url: () => '/api/v1/organisations?kind=company', status: 400, code: 'validation_failed', path: '/kind' },
  { name: 'an unknown country', method: 'GET', url: () => '/api/v1/organisations?country=DE', status: 400, code: 'validation_failed', path: '/country' },
  { name: 'an unknown query parameter', method: 'GET', url: () => '/api/v1/organisations?sort=name', status: 400, code: 'validation_failed', path: '/sort' },
  { name: 'a cursor over 500 characters', method: 'GET', url: () => `/api/v1/organisations?cursor=${'a'.repeat(501)}`, status: 400, code: 'validation_failed', path: '/cursor' },
  { name: 'a garbage cursor', method: 'GET', url: () => '/api/v1/organisations?cursor=%%%garbage', status: 400, code: 'invalid_cursor' },
  { name: 'a base64 cursor that is not ours', method: 'GET', url: () => `/api/v1/organisations?cursor=${Buffer.from('hello').toString('base64url')}`, status: 400, code: 'invalid_cursor' },
  { name: 'a tampered cursor (well-formed, id not a uuid)', method: 'GET', url: () => `/api/v1/organisations?cursor=${tamperedOrgCursor}`, status: 400, code: 'invalid_cursor' },
  { name: 'mine=true without signing in', method: 'GET', url: () => '/api/v1/organisations?mine=true', status: 401, code: 'unauthorized' },
  { name: 'an unknown /api route', method: 'GET', url: () => '/api/v1/no-such-thing', status: 404, code: 'not_found' },
  { name: 'an unknown /api route with POST', method: 'POST', url: () => '/api/v2/organisations', payload: {}, status: 404, code: 'not_found' },
  { name: 'a method a route does not have', method: 'DELETE', url: () => '/api/v1/me', auth: true, status: 404, code: 'not_found' },
  { name: 'an unknown organisation', method: 'GET', url: () => '/api/v1/organisations/00000000-0000-4000-8000-000000000000', status: 404, code: 'not_found' },
];

describe('bad paths and query strings', () => {
  it.each(urlCases)('$name → $status $code', async (c) => {
    const res = await app.inject({
      method: c.method,
      url: c.url(),
      headers: c.auth ? user.auth : {},
      ...(c.payload && { payload: c.payload }),
    });
    const body = expectClientProblem(res, c.status, c.code);
    if (c.path) expect(body.errors?.map((e) => e.path)).toContain(c.path);
  });

  it('accepts the boundaries: limit=1, limit=100 and a q of exactly 200 characters', async () => {
    for (const query of ['limit=1', 'limit=100', `q=${'a'.repeat(200)}`]) {
      const res = await app.inject({ method: 'GET', url: `/api/v1/organisations?${query}` });
      expect(res.statusCode, `${query}: ${res.body}`).toBe(200);
    }
  });

  it('refuses NUL characters, which PostgreSQL text cannot hold, in queries and bodies', async () => {
    for (const url of ['/api/v1/ideas?q=%00', '/api/v1/organisations?q=river%00', '/api/v1/plans?q=%00x']) {
      expectClientProblem(await app.inject({ method: 'GET', url }), 400, 'invalid_characters');
    }
    const res = await app.inject({ method: 'POST', url: '/api/v1/organisations', headers: user.auth, payload: { kind: 'ngo', name: 'Nul\u0000 org', country: 'BG', territoryCode: 'BG' } });
    expect(expectClientProblem(res, 422, 'invalid_characters').errors?.map((e) => e.path)).toEqual(['/name']);
  });
});

describe('bad headers', () => {
  it('answers 401 for malformed Authorization headers', async () => {
    for (const authorization of ['Bearer', 'Bearer ', 'Bearer a.b.c', 'Token abc', 'x'.repeat(5000)]) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization } });
      expectClientProblem(res, 401, 'unauthorized');
    }
  });

  it('answers 428 / 400 for a missing or malformed If-Match on an edit', async () => {
    const patch = (headers: Record<string, string>) =>
      app.inject({ method: 'PATCH', url: `/api/v1/organisations/${orgId}`, headers: { ...user.auth, ...headers }, payload: { description: 'x' } });
    expectClientProblem(await patch({}), 428, 'precondition_required');
    expectClientProblem(await patch({ 'if-match': 'version one' }), 400, 'invalid_if_match');
  });
});
