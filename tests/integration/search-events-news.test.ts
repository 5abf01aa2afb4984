import type { App } from '@partnera/server';
import type { EventDetail, NewsPost, SearchResult } from '@partnera/server/api-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { createOrganisation, makePlatformRole, type TestUser } from '../support/factories';
import { createEvent, publishedEvent } from '../support/events';
import { quickUser } from '../support/forums';
import { writeNews } from '../support/news';
import { ifMatch, uniqueTag } from '../support/plan-factories';
import { searchCaughtUp } from '../support/search';

let test: TestApp;
let app: App;
let owner: TestUser;
let moderator: TestUser;
let orgId: string;

beforeAll(async () => {
  test = await createTestApp();
  app = test.app;
  owner = await quickUser(app, test.handle.db, 'Search Owner');
  moderator = await quickUser(app, test.handle.db, 'Search Moderator');
  await makePlatformRole(test.handle.db, moderator.id, 'moderator');
  orgId = (await createOrganisation(app, owner, { name: `Youth Network ${uniqueTag('org')}` })).id;
});
afterAll(async () => {
  await test?.close();
});

async function search(q: string, params = ''): Promise<SearchResult> {
  await searchCaughtUp(app);
  const res = await app.inject({ method: 'GET', url: `/api/v1/search?limit=20&q=${encodeURIComponent(q)}${params}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SearchResult>();
}
const eventIds = (r: SearchResult) => (r.events?.items ?? []).map((e) => e.id);
const newsIds = (r: SearchResult) => (r.news?.items ?? []).map((n) => n.id);
const post = (url: string, user: TestUser, payload?: object) => app.inject({ method: 'POST', url, headers: user.auth, ...(payload && { payload }) });

describe('events and news in the global search', () => {
  it('finds a published event with its organiser, time and place, but never a draft', async () => {
    const tag = uniqueTag('evt');
    const draft = await createEvent(app, owner, [orgId], { title: `Grant writing ${tag} draft` });
    const event = await publishedEvent(app, owner, [orgId], { title: `Grant writing ${tag} training`, kind: 'training', description: 'Bring a **laptop**.' });

    const all = await search(tag);
    expect(eventIds(all)).toEqual([event.id]);
    const hit = all.events!.items[0]!;
    expect(hit).toMatchObject({ kind: 'training', status: 'published', timeZone: 'UTC', organisation: { id: orgId }, country: 'BG', municipality: 'BG-15-09' });
    expect([Date.parse(hit.startsAt), Date.parse(hit.endsAt)]).toEqual([Date.parse(event.startsAt), Date.parse(event.endsAt)]);
    expect(hit.title.some((s) => s.match)).toBe(true);
    // Markdown punctuation is not part of the indexed text.
    expect(hit.description.map((s) => s.text).join('')).not.toContain('**');
    expect(all.events!.facets.kind).toEqual({ training: 1 });
    expect(eventIds(all)).not.toContain(draft.id);

    // The type filter asks one index; the municipality's name finds the event too (BG-15-09 is Nikopol).
    const only = await search(tag, '&type=events');
    expect(Object.keys(only).sort()).toEqual(['events', 'query']);
    expect(eventIds(await search(`${tag} Nikopol`))).toEqual([event.id]);
  });

  it('keeps a cancelled event findable as cancelled, and follows edits', async () => {
    const tag = uniqueTag('evc');
    const event = await publishedEvent(app, owner, [orgId], { title: `Round table ${tag}` });
    const renamed = await app.inject({
      method: 'PATCH',
      url: `/api/v1/events/${event.id}`,
      headers: { ...owner.auth, ...ifMatch(event.version) },
      payload: { title: `Round table ${tag} on river clean-up` },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(eventIds(await search(`${tag} river`))).toEqual([event.id]);

    expect((await post(`/api/v1/events/${event.id}/cancel`, owner, { reason: 'Storm warning' })).statusCode).toBe(200);
    const after = await search(tag);
    expect(after.events!.items.map((e) => [e.id, e.status])).toEqual([[event.id, 'cancelled']]);
  });

  it('finds published news by its words, drops it when unpublished, hidden or deleted, and shows it again when unhidden', async () => {
    const tag = uniqueTag('news');
    const draft: NewsPost = await writeNews(app, owner, { organisationId: orgId, title: `Draft ${tag}`, body: 'Not yet.' });
    const news = await writeNews(app, owner, { organisationId: orgId, title: `Playground opened ${tag}`, summary: 'Built with the municipality', body: 'Thanks to **forty** volunteers.', status: 'published' });

    const found = await search(tag);
    expect(newsIds(found)).toEqual([news.id]);
    expect(found.news!.items[0]).toMatchObject({ organisation: { id: orgId }, language: 'en' });
    expect(found.news!.items[0]!.publishedAt).toBe(news.publishedAt);
    expect(newsIds(await search(`${tag} volunteers`))).toEqual([news.id]);
    expect(newsIds(found)).not.toContain(draft.id);

    const hide = await post(`/api/v1/moderation/targets/news/${news.id}/actions`, moderator, { action: 'hide', reason: 'Checking a claim' });
    expect(hide.statusCode, hide.body).toBe(201);
    expect(newsIds(await search(tag))).toEqual([]);
    const unhide = await post(`/api/v1/moderation/targets/news/${news.id}/actions`, moderator, { action: 'unhide', reason: 'Claim checked' });
    expect(unhide.statusCode, unhide.body).toBe(201);
    expect(newsIds(await search(tag))).toEqual([news.id]);

    expect((await post(`/api/v1/news/${news.id}/unpublish`, owner)).statusCode).toBe(200);
    expect(newsIds(await search(tag))).toEqual([]);
    expect((await post(`/api/v1/news/${news.id}/publish`, owner)).statusCode).toBe(200);
    expect(newsIds(await search(tag))).toEqual([news.id]);

    expect((await app.inject({ method: 'DELETE', url: `/api/v1/news/${news.id}`, headers: owner.auth })).statusCode).toBe(204);
    expect(newsIds(await search(tag))).toEqual([]);
  });

  it("renames the organiser on its events and news when the organisation's name changes", async () => {
    const tag = uniqueTag('ren');
    const org = await createOrganisation(app, owner, { name: `Old name ${tag}` });
    const event: EventDetail = await publishedEvent(app, owner, [org.id], { title: `Open day ${tag}` });
    const news = await writeNews(app, owner, { organisationId: org.id, title: `Open day report ${tag}`, status: 'published' });
    const rename = await app.inject({ method: 'PATCH', url: `/api/v1/organisations/${org.id}`, headers: { ...owner.auth, ...ifMatch(org.version) }, payload: { name: `Danube Hub ${tag}` } });
    expect(rename.statusCode, rename.body).toBe(200);

    const r = await search(`${tag} Danube Hub`);
    expect(r.events!.items.find((e) => e.id === event.id)?.organisation.name).toBe(`Danube Hub ${tag}`);
    expect(r.news!.items.find((n) => n.id === news.id)?.organisation?.name).toBe(`Danube Hub ${tag}`);
  });

  it('leaves events and news out when a theme is chosen (they have none), and filters them by country', async () => {
    const tag = uniqueTag('thm');
    await publishedEvent(app, owner, [orgId], { title: `Theme check ${tag}` });
    const themed = await search(tag, '&theme=youth');
    expect(themed.events).toBeUndefined();
    expect(themed.news).toBeUndefined();
    expect(eventIds(await search(tag, '&country=AL'))).toEqual([]);
    expect(eventIds(await search(tag, '&country=BG'))).toHaveLength(1);
  });
});
