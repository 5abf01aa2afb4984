import type { App } from '@partnera/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { registerUser } from '../support/factories';

type Reply = Awaited<ReturnType<App['inject']>>;

interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Record<string, unknown> }>;
  requestBody?: { required?: boolean; content: Record<string, { schema: { type?: string; properties?: Record<string, unknown>; required?: string[] } }> };
  responses: Record<string, unknown>;
  security?: unknown[];
}
interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { securitySchemes?: Record<string, unknown> };
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

/** GET that follows redirects as a browser would (relative Location resolved against the current URL). */
async function getFollowing(url: string, maxHops = 5): Promise<{ res: Reply; url: string }> {
  let current = url;
  for (let hop = 0; hop <= maxHops; hop++) {
    const res = await app.inject({ method: 'GET', url: current });
    if (res.statusCode < 300 || res.statusCode >= 400) return { res, url: current };
    const location = res.headers.location;
    expect(typeof location, `redirect ${res.statusCode} without a Location`).toBe('string');
    const next = new URL(String(location), `http://localhost${current}`);
    current = next.pathname + next.search;
  }
  throw new Error(`more than ${maxHops} redirects from ${url}`);
}

describe('GET /api/health', () => {
  it('reports the API and its database as up', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'ok', databaseKind: t.handle.kind });
  });

  it('needs no authentication and ignores a bad token', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health', headers: { authorization: 'Bearer nonsense' } });
    expect(res.statusCode).toBe(200);
  });
});

describe('OpenAPI document', () => {
  let doc: OpenApiDoc;

  beforeAll(async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/json/);
    doc = res.json<OpenApiDoc>();
  });

  it('is OpenAPI 3 with a title and a bearer scheme', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toBe('Partnera API');
    expect(doc.components?.securitySchemes).toHaveProperty('bearer');
  });

  it('lists the main paths', () => {
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/organisations', '/api/v1/organisations/{id}', '/api/v1/notifications']),
    );
  });

  it('documents the login request body', () => {
    const schema = doc.paths['/api/v1/auth/login']?.post?.requestBody?.content['application/json']?.schema;
    expect(schema?.type).toBe('object');
    expect(Object.keys(schema?.properties ?? {})).toEqual(expect.arrayContaining(['email', 'password']));
    expect(schema?.required).toEqual(expect.arrayContaining(['email', 'password']));
    expect(doc.paths['/api/v1/auth/login']?.post?.responses).toHaveProperty('200');
  });

  it('documents creating an organisation, with its body and bearer security', () => {
    const post = doc.paths['/api/v1/organisations']?.post;
    const schema = post?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(schema?.properties ?? {})).toEqual(expect.arrayContaining(['kind', 'name', 'country', 'legalId', 'territoryCode']));
    expect(schema?.required).toEqual(expect.arrayContaining(['kind', 'name', 'country']));
    expect(post?.security).toEqual([{ bearer: [] }]);
    expect(post?.responses).toHaveProperty('201');
  });

  it('documents the organisation id path parameter and the list query', () => {
    const get = doc.paths['/api/v1/organisations/{id}']?.get;
    expect(get?.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path', required: true })]));
    const patch = doc.paths['/api/v1/organisations/{id}']?.patch;
    expect(patch?.requestBody?.content['application/json']?.schema.properties).toBeDefined();

    const list = doc.paths['/api/v1/organisations']?.get;
    const names = (list?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['q', 'limit', 'cursor', 'country', 'kind']));
  });

  it('documents notifications with paging parameters', () => {
    const get = doc.paths['/api/v1/notifications']?.get;
    const names = (get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['limit', 'cursor']));
    expect(get?.security).toEqual([{ bearer: [] }]);
    const read = doc.paths['/api/v1/notifications/read']?.post?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(read?.properties ?? {})).toContain('ids');
  });
});

describe('GET /api/docs', () => {
  it('serves the Swagger UI as HTML', async () => {
    const { res } = await getFollowing('/api/docs');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
    expect(res.body).toMatch(/swagger/i);
  });
});

describe('x-request-id', () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  it('is on every response: success, docs, redirects, client errors and auth failures', async () => {
    const user = await registerUser(app);
    const responses: Array<[string, Reply]> = [
      ['health', await app.inject({ method: 'GET', url: '/api/health' })],
      ['docs json', await app.inject({ method: 'GET', url: '/api/docs/json' })],
      ['docs', await app.inject({ method: 'GET', url: '/api/docs' })],
      ['me', await app.inject({ method: 'GET', url: '/api/v1/me', headers: user.auth })],
      ['404', await app.inject({ method: 'GET', url: '/api/v1/nowhere' })],
      ['401', await app.inject({ method: 'GET', url: '/api/v1/me' })],
      ['400 validation', await app.inject({ method: 'GET', url: '/api/v1/organisations/not-a-uuid' })],
      [
        '400 malformed json',
        await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{' }),
      ],
      [
        '415',
        await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<a/>' }),
      ],
      ['204', await app.inject({ method: 'POST', url: '/api/v1/auth/logout' })],
    ];
    for (const [name, res] of responses) {
      expect(res.headers['x-request-id'], name).toMatch(uuid);
    }
    const ids = responses.map(([, res]) => res.headers['x-request-id']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('echoes a caller-supplied id, on success and on errors', async () => {
    const ok = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'abc-123' } });
    expect(ok.headers['x-request-id']).toBe('abc-123');
    const notFound = await app.inject({ method: 'GET', url: '/api/v1/nowhere', headers: { 'x-request-id': 'abc-123' } });
    expect(notFound.statusCode).toBe(404);
    expect(notFound.headers['x-request-id']).toBe('abc-123');
    const invalid = await app.inject({ method: 'GET', url: '/api/v1/organisations?limit=0', headers: { 'x-request-id': 'abc-123' } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers['x-request-id']).toBe('abc-123');
  });

  it('replaces a supplied id that is unsafe to log with a fresh one', async () => {
    for (const given of ['has spaces', 'x'.repeat(65), 'line\tbreak', '<script>']) {
      const res = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': given } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-request-id'], given).toMatch(uuid);
    }
  });
});
