import { migrateToLatest, seedDemoData } from '@partnera/db';
import { hashPassword, type App } from '@partnera/server';
import type { NewsPage, NewsPost, Problem } from '@partnera/server/api-types';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { scratchDatabase } from '../support/db';
import { createOrganisation, makePlatformRole, type TestUser } from '../support/factories';
import { quickUser } from '../support/forums';
import { assertWellFormedXml, joinOrganisation, writeNews } from '../support/news';
import { createIdea, createPublishedIdea, ifMatch, uniqueTag } from '../support/plan-factories';

let test: TestApp;
let app: App;
let owner: TestUser;
let editor: TestUser;
let member: TestUser;
let otherEditor: TestUser;
let outsider: TestUser;
let admin: TestUser;
let moderator: TestUser;
let orgId: string;
let otherOrgId: string;

beforeAll(async () => {
  test = await createTestApp();
  app = test.app;
  const db = test.handle.db;
  const people = await Promise.all(
    ['Olga Owner', 'Emil Editor', 'Mila Member', 'Oskar Other', 'Otto Outsider', 'Ada Admin', 'Mona Moderator'].map((n) => quickUser(app, db, n)),
  );
  [owner, editor, member, otherEditor, outsider, admin, moderator] = people as [TestUser, TestUser, TestUser, TestUser, TestUser, TestUser, TestUser];
  await makePlatformRole(db, admin.id, 'admin');
  await makePlatformRole(db, moderator.id, 'moderator');
  orgId = (await createOrganisation(app, owner)).id;
  otherOrgId = (await createOrganisation(app, otherEditor)).id;
  await joinOrganisation(db, orgId, editor.id, 'editor');
  await joinOrganisation(db, orgId, member.id, 'member');
});
afterAll(async () => {
  await test?.close();
});

const get = (url: string, user?: TestUser) => app.inject({ method: 'GET', url, headers: user?.auth ?? {} });
const post = (url: string, user: TestUser, payload?: Record<string, unknown>) => app.inject({ method: 'POST', url, headers: user.auth, ...(payload && { payload }) });
const ids = (page: NewsPage) => page.items.map((i) => i.id);

function expectProblem(res: Awaited<ReturnType<App['inject']>>, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  if (code) expect(res.json<Problem>().code).toBe(code);
}

describe('who may write, publish, pin and delete', () => {
  it('lets only owners and editors of the organisation write its news, and admins write platform news', async () => {
    const payload = { organisationId: orgId, title: 'Our spring report', summary: 'What we did', body: 'We planted **200** trees.' };
    for (const who of [outsider, member, otherEditor]) expectProblem(await post('/api/v1/news', who, { ...payload, language: 'en' }), 403, 'forbidden');
    expectProblem(await app.inject({ method: 'POST', url: '/api/v1/news', payload: { ...payload, language: 'en' } }), 401);
    const byEditor = await writeNews(app, editor, payload);
    expect(byEditor).toMatchObject({ status: 'draft', organisationId: orgId, canEdit: true, canPin: false, publishedAt: null });
    const byOwner = await writeNews(app, owner, { ...payload, title: 'Owner note' });
    expect(byOwner.organisationName).toBeTruthy();

    // Platform news (no organisation) is for admins only.
    expectProblem(await post('/api/v1/news', editor, { title: 'Platform?', body: 'x', language: 'en' }), 403, 'forbidden');
    const platform = await writeNews(app, admin, { title: 'Maintenance on Sunday', body: 'The site will be read-only for an hour.', status: 'published' });
    expect(platform).toMatchObject({ organisationId: null, organisationName: null, status: 'published', canPin: true });
  });

  it('keeps drafts invisible outside the organisation until published', async () => {
    const draft = await writeNews(app, editor, { organisationId: orgId, title: `Draft ${uniqueTag()}` });
    for (const who of [undefined, outsider, otherEditor]) expectProblem(await get(`/api/v1/news/${draft.id}`, who), 404, 'not_found');
    expect((await get(`/api/v1/news/${draft.id}`, member)).statusCode).toBe(200);
    expect(ids((await get(`/api/v1/news?organisationId=${orgId}`)).json<NewsPage>())).not.toContain(draft.id);
    expect(ids((await get('/api/v1/news?status=draft', member)).json<NewsPage>())).toContain(draft.id);
    expect(ids((await get('/api/v1/news?status=draft', outsider)).json<NewsPage>())).not.toContain(draft.id);
    expectProblem(await get('/api/v1/news?status=draft'), 401);

    // Members read drafts but do not publish; other organisations' editors do not even see them.
    expectProblem(await post(`/api/v1/news/${draft.id}/publish`, member), 403, 'forbidden');
    expectProblem(await post(`/api/v1/news/${draft.id}/publish`, otherEditor), 404);
    const published = (await post(`/api/v1/news/${draft.id}/publish`, editor)).json<NewsPost>();
    expect(published.status).toBe('published');
    expect(published.publishedAt).not.toBeNull();
    expect((await get(`/api/v1/news/${draft.id}`)).json<NewsPost>()).toMatchObject({ id: draft.id, canEdit: false, canPin: false });
    expect(ids((await get(`/api/v1/organisations/${orgId}/news`)).json<NewsPage>())).toContain(draft.id);

    // Unpublishing takes it out of the feeds again.
    expect((await post(`/api/v1/news/${draft.id}/unpublish`, owner)).json<NewsPost>().status).toBe('draft');
    expectProblem(await get(`/api/v1/news/${draft.id}`), 404);
  });

  it('lets only admins pin, only editors (and admins) edit with If-Match, and delete', async () => {
    const news = await writeNews(app, editor, { organisationId: orgId, title: 'Pin me', status: 'published' });
    for (const who of [editor, owner, outsider, moderator]) expectProblem(await app.inject({ method: 'PUT', url: `/api/v1/news/${news.id}/pin`, headers: who.auth, payload: { pinned: true } }), 403);
    const pinned = await app.inject({ method: 'PUT', url: `/api/v1/news/${news.id}/pin`, headers: admin.auth, payload: { pinned: true } });
    expect(pinned.json<NewsPost>().pinned).toBe(true);

    const read = await get(`/api/v1/news/${news.id}`, editor);
    const etag = read.headers.etag as string;
    expect(etag).toBe(`"${read.json<NewsPost>().version}"`);
    const patch = (who: TestUser, headers: Record<string, string>, payload: Record<string, unknown>) =>
      app.inject({ method: 'PATCH', url: `/api/v1/news/${news.id}`, headers: { ...who.auth, ...headers }, payload });
    expectProblem(await patch(editor, {}, { title: 'No version' }), 428, 'precondition_required');
    expectProblem(await patch(member, { 'if-match': etag }, { title: 'Member edit' }), 403);
    expectProblem(await patch(otherEditor, { 'if-match': etag }, { title: 'Other edit' }), 403);
    const edited = await patch(editor, { 'if-match': etag }, { title: 'Pinned and edited' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<NewsPost>().title).toBe('Pinned and edited');
    expect(edited.headers.etag).not.toBe(etag);
    expectProblem(await patch(owner, { 'if-match': etag }, { title: 'Stale' }), 409, 'version_conflict');
    // Admins may correct any post.
    expect((await patch(admin, ifMatch(edited.json<NewsPost>().version), { summary: 'Corrected by the platform' })).statusCode).toBe(200);

    for (const who of [member, otherEditor, outsider]) expectProblem(await app.inject({ method: 'DELETE', url: `/api/v1/news/${news.id}`, headers: who.auth }), 403);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/news/${news.id}`, headers: editor.auth })).statusCode).toBe(204);
    expectProblem(await get(`/api/v1/news/${news.id}`), 404);
  });
});

describe('feeds', () => {
  it('orders the front page pinned first then newest, pages without gaps, and keeps an organisation feed newest first', async () => {
    const tag = uniqueTag('feed');
    const made: NewsPost[] = [];
    for (let i = 0; i < 5; i++) made.push(await writeNews(app, editor, { organisationId: orgId, title: `${tag} number ${i}`, status: 'published', language: i === 4 ? 'bg' : 'en' }));
    const other = await writeNews(app, otherEditor, { organisationId: otherOrgId, title: `${tag} elsewhere`, status: 'published' });
    // Publication times one hour apart, oldest first, so the order is certain.
    const all = [...made, other];
    for (const [i, n] of all.entries()) {
      await sql`update news_posts set published_at = ${new Date(Date.UTC(2026, 0, 1, i))} where id = ${n.id}`.execute(test.handle.db);
    }
    await app.inject({ method: 'PUT', url: `/api/v1/news/${made[0]!.id}/pin`, headers: admin.auth, payload: { pinned: true } });

    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const res = await get(`/api/v1/news?q=${tag}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<NewsPage>();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([made[0]!.id, other.id, made[4]!.id, made[3]!.id, made[2]!.id, made[1]!.id]);

    const orgFeed = (await get(`/api/v1/organisations/${orgId}/news?limit=100`)).json<NewsPage>();
    const mine = ids(orgFeed).filter((id) => made.some((m) => m.id === id));
    expect(mine).toEqual([made[4]!.id, made[3]!.id, made[2]!.id, made[1]!.id, made[0]!.id]);
    expect(ids(orgFeed)).not.toContain(other.id);
    expect(ids((await get(`/api/v1/news?organisationId=${otherOrgId}&q=${tag}`)).json<NewsPage>())).toEqual([other.id]);
    expect(ids((await get(`/api/v1/news?q=${tag}&language=bg`)).json<NewsPage>())).toEqual([made[4]!.id]);
    expectProblem(await get('/api/v1/organisations/00000000-0000-4000-8000-000000000000/news'), 404);
    expectProblem(await get('/api/v1/news?cursor=not-a-cursor'), 400, 'invalid_cursor');
    // Pins stay scarce in the shared test database: the front page of other tests shows only five posts.
    await app.inject({ method: 'PUT', url: `/api/v1/news/${made[0]!.id}/pin`, headers: admin.auth, payload: { pinned: false } });
  });

  it('serves a well-formed Atom feed with every text escaped, per organisation on request', async () => {
    const nasty = `<script>alert("x")</script> & Co's "news" \u0007`;
    const hostile = await writeNews(app, editor, { organisationId: orgId, title: nasty, summary: nasty, body: `Hello <script>alert(1)</script> <img src=x onerror=alert(2)>`, status: 'published' });
    const other = await writeNews(app, otherEditor, { organisationId: otherOrgId, title: 'Only elsewhere', status: 'published' });

    // The API returns the text as typed (the reader sanitises when rendering); the feed escapes it.
    expect((await get(`/api/v1/news/${hostile.id}`)).json<NewsPost>().body).toContain('<script>alert(1)</script>');
    const res = await get(`/api/v1/news/feed.xml?organisationId=${orgId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
    const xml = res.body;
    assertWellFormedXml(xml);
    expect(xml).not.toMatch(/<script|<img|\u0007/);
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co&apos;s');
    expect(xml).toContain(`urn:uuid:${hostile.id}`);
    expect(xml).not.toContain(other.id);

    const everything = await get('/api/v1/news/feed.xml');
    assertWellFormedXml(everything.body);
    expect(everything.body).toContain(other.id);
    expect(() => assertWellFormedXml('<feed><title>a & b</title></feed>')).toThrow();
    expectProblem(await get('/api/v1/news/feed.xml?organisationId=00000000-0000-4000-8000-000000000000'), 404);
  });
});

describe('bad input', () => {
  it('answers mistakes with 4xx problem+json', async () => {
    const base = { organisationId: orgId, title: 'Fine', body: 'Fine', language: 'en' };
    expectProblem(await post('/api/v1/news', editor, { ...base, title: '' }), 400);
    expectProblem(await post('/api/v1/news', editor, { ...base, title: 'x'.repeat(201) }), 400);
    expectProblem(await post('/api/v1/news', editor, { ...base, summary: 'x'.repeat(501) }), 400);
    expectProblem(await post('/api/v1/news', editor, { ...base, body: 'x'.repeat(20_001) }), 400);
    expectProblem(await post('/api/v1/news', editor, { ...base, language: 'fr' }), 400);
    expectProblem(await post('/api/v1/news', editor, { ...base, extra: true }), 400);
    expectProblem(await post('/api/v1/news', editor, { ...base, organisationId: 'nope' }), 400);
    expectProblem(await post('/api/v1/news', editor, { ...base, title: '   ' }), 422, 'title_empty');
    expectProblem(await post('/api/v1/news', editor, { ...base, body: '  ', status: 'published' }), 422, 'body_empty');
    expectProblem(await post('/api/v1/news', editor, { ...base, organisationId: '00000000-0000-4000-8000-000000000000' }), 422, 'invalid_organisation');
    expectProblem(await post('/api/v1/news', editor, { ...base, ideaId: '00000000-0000-4000-8000-000000000000' }), 422, 'invalid_idea');
    expectProblem(await post('/api/v1/news', editor, { ...base, planId: '00000000-0000-4000-8000-000000000000' }), 422, 'invalid_plan');
    // A draft idea is not linked: the post would reveal it.
    const draftIdea = await createIdea(app, owner, orgId);
    expectProblem(await post('/api/v1/news', editor, { ...base, ideaId: draftIdea.id }), 422, 'invalid_idea');
    const idea = await createPublishedIdea(app, owner, orgId);
    const linked = await writeNews(app, editor, { ...base, ideaId: idea.id, status: 'published' });
    expect(linked).toMatchObject({ ideaId: idea.id, ideaTitle: idea.title });

    expectProblem(await get('/api/v1/news/not-a-uuid'), 400);
    expectProblem(await get('/api/v1/news?limit=0'), 400);
    expectProblem(await get('/api/v1/news?q=%00'), 400);
    expectProblem(await post('/api/v1/news', editor, { ...base, body: 'nul \u0000 inside' }), 422, 'invalid_characters');
    expectProblem(await app.inject({ method: 'PATCH', url: `/api/v1/news/${linked.id}`, headers: { ...editor.auth, 'if-match': 'garbage' }, payload: { title: 'x' } }), 400, 'invalid_if_match');
    expectProblem(await app.inject({ method: 'PUT', url: `/api/v1/news/${linked.id}/pin`, headers: admin.auth, payload: { pinned: 'yes' } }), 400);
  });
});

describe('moderation', () => {
  it('lets people report a post and moderators hide it from every feed', async () => {
    const news = await writeNews(app, editor, { organisationId: orgId, title: `Reported ${uniqueTag()}`, status: 'published' });
    const report = await post('/api/v1/reports', outsider, { targetKind: 'news', targetId: news.id, reasonCode: 'misinformation' });
    expect(report.statusCode, report.body).toBe(201);
    const queue = (await get('/api/v1/moderation/queue', moderator)).json<{ items: Array<{ targetKind: string; targetId: string; link: string | null }> }>();
    expect(queue.items.find((i) => i.targetId === news.id)).toMatchObject({ targetKind: 'news', link: `/news/${news.id}` });

    expectProblem(await post(`/api/v1/moderation/targets/news/${news.id}/actions`, outsider, { action: 'hide', reason: 'no' }), 403);
    const hidden = await post(`/api/v1/moderation/targets/news/${news.id}/actions`, moderator, { action: 'hide', reason: 'Unverified claims' });
    expect(hidden.statusCode, hidden.body).toBe(201);
    expectProblem(await get(`/api/v1/news/${news.id}`), 404);
    expect(ids((await get(`/api/v1/organisations/${orgId}/news?limit=100`)).json<NewsPage>())).not.toContain(news.id);
    expect((await get(`/api/v1/news/${news.id}`, editor)).json<NewsPost>()).toMatchObject({ hidden: true, hiddenReason: 'Unverified claims' });
    expectProblem(await post(`/api/v1/moderation/targets/news/${news.id}/actions`, moderator, { action: 'delete', reason: 'x' }), 422, 'action_not_supported');

    // Drafts cannot be reported: they are not public.
    const draft = await writeNews(app, editor, { organisationId: orgId, title: 'Quiet draft' });
    expectProblem(await post('/api/v1/reports', outsider, { targetKind: 'news', targetId: draft.id, reasonCode: 'spam' }), 404);

    expect((await post(`/api/v1/moderation/targets/news/${news.id}/actions`, moderator, { action: 'unhide', reason: 'Sources added' })).statusCode).toBe(201);
    expect((await get(`/api/v1/news/${news.id}`)).json<NewsPost>().hidden).toBe(false);
  });
});

describe('demo news', () => {
  it('seeds posts by demo organisations in their languages and one pinned platform post', async () => {
    const scratch = await scratchDatabase();
    try {
      await migrateToLatest(scratch.handle.db);
      await seedDemoData(scratch.handle.db, hashPassword);
      const rows = await scratch.handle.db.selectFrom('news_posts').select(['organisation_id', 'language', 'status', 'pinned', 'idea_id']).execute();
      const published = rows.filter((r) => r.status === 'published');
      expect(published.length).toBeGreaterThanOrEqual(5);
      expect(published.filter((r) => r.organisation_id === null && r.pinned)).toHaveLength(1);
      expect(new Set(published.map((r) => r.language))).toEqual(new Set(['en', 'bg', 'sq', 'az']));
      expect(published.some((r) => r.idea_id !== null)).toBe(true);
      expect(rows.some((r) => r.status === 'draft')).toBe(true);
    } finally {
      await scratch.dispose();
    }
  }, 120_000);
});
