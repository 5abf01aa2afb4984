import { randomUUID } from 'node:crypto';
import { connectDatabase, migrateToLatest, searchOutboxRepository, type DatabaseHandle } from '@partnera/db';
import { OutboxRelay, SearchIndexer, defaultThesaurus } from '@partnera/search';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { createOrganisation, registerUser } from '../support/factories';
import { addItem, createIdea, createMunicipality, createPlanWithMeasures, createPublishedIdea, getIdea, ifMatch, uniqueTag } from '../support/plan-factories';
import { searchCaughtUp, SwitchableEngine } from '../support/search';

describe('search outbox: the index converges after the engine was down', () => {
  let t: TestApp;
  const engine = new SwitchableEngine();

  beforeAll(async () => {
    t = await createTestApp({ searchEngine: engine, config: { searchRetryBaseMs: 5, searchRelayIntervalMs: 50 } });
  });
  afterAll(() => t.close());

  const searchIds = async (q: string, type: 'ideas' | 'measures') => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/search?type=${type}&limit=20&q=${encodeURIComponent(q)}` });
    expect(res.statusCode).toBe(200);
    return (res.json()[type].items as Array<{ id: string }>).map((i) => i.id);
  };

  it('accepts writes while search is down, reports it, and catches up with nothing missing or duplicated', async () => {
    const owner = await registerUser(t.app);
    const ngo = await createOrganisation(t.app, owner);
    const municipality = await createMunicipality(t.app, owner);
    const { plan } = await createPlanWithMeasures(t.app, owner, municipality.id);
    await searchCaughtUp(t.app);
    const tag = uniqueTag('outbox');

    engine.down = true;
    const published = [];
    for (let i = 0; i < 3; i++) published.push(await createPublishedIdea(t.app, owner, ngo.id, { title: `${tag} water idea ${i}` }));
    const draft = await createIdea(t.app, owner, ngo.id, { title: `${tag} draft idea` });
    const archived = await createPublishedIdea(t.app, owner, ngo.id, { title: `${tag} archived idea` });
    const archive = await t.app.inject({ method: 'PATCH', url: `/api/v1/ideas/${archived.id}`, headers: { ...owner.auth, ...ifMatch(archived.version) }, payload: { status: 'archived' } });
    expect(archive.statusCode).toBe(200);
    const first = await getIdea(t.app, owner, published[0]!.id);
    const rename = await t.app.inject({ method: 'PATCH', url: `/api/v1/ideas/${first.id}`, headers: { ...owner.auth, ...ifMatch(first.version) }, payload: { title: `${tag} renamed idea` } });
    expect(rename.statusCode).toBe(200);
    const measure = await addItem(t.app, owner, plan.id, '1.1.3', { title: `${tag} new measure` });
    await t.app.searchRuntime.relay.drain();

    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toMatchObject({ status: 'degraded', search: 'down', database: 'ok' });
    const unavailable = await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${tag}` });
    expect(unavailable.statusCode).toBe(503);
    expect(unavailable.headers['content-type']).toContain('application/problem+json');
    expect(unavailable.json()).toMatchObject({ code: 'search_unavailable' });
    expect(unavailable.body).not.toContain('ECONNREFUSED');

    engine.down = false;
    await searchCaughtUp(t.app);

    const found = await searchIds(tag, 'ideas');
    expect(found.sort()).toEqual(published.map((i) => i.id).sort());
    expect(new Set(found).size).toBe(found.length);
    expect(found).not.toContain(draft.id);
    expect(found).not.toContain(archived.id);
    // Words drop from the end (Meilisearch's "last" strategy): the idea with both words comes first.
    expect((await searchIds(`${tag} renamed`, 'ideas'))[0]).toBe(first.id);
    expect(await searchIds(tag, 'measures')).toEqual([measure.id]);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ status: 'ok', search: 'ok' });
  });

  it('takes an archived idea and a deleted measure out of the index', async () => {
    const owner = await registerUser(t.app);
    const ngo = await createOrganisation(t.app, owner);
    const municipality = await createMunicipality(t.app, owner);
    const { plan } = await createPlanWithMeasures(t.app, owner, municipality.id);
    const tag = uniqueTag('unpublish');
    const idea = await createPublishedIdea(t.app, owner, ngo.id, { title: `${tag} idea` });
    const measure = await addItem(t.app, owner, plan.id, '1.2.2', { title: `${tag} measure` });
    await searchCaughtUp(t.app);
    expect(await searchIds(tag, 'ideas')).toEqual([idea.id]);
    expect(await searchIds(tag, 'measures')).toEqual([measure.id]);

    const back = await t.app.inject({ method: 'PATCH', url: `/api/v1/ideas/${idea.id}`, headers: { ...owner.auth, ...ifMatch(idea.version) }, payload: { status: 'archived' } });
    expect(back.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/plans/${plan.id}/items/${measure.id}`, headers: owner.auth })).statusCode).toBe(204);
    await searchCaughtUp(t.app);
    expect(await searchIds(tag, 'ideas')).toEqual([]);
    expect(await searchIds(tag, 'measures')).toEqual([]);
  });
});

describe('search outbox relay for a shared engine (claim mode)', () => {
  let handle: DatabaseHandle;
  const engine = new SwitchableEngine();
  let now = new Date('2030-01-01T00:00:00Z');
  let relay: OutboxRelay;

  beforeAll(async () => {
    // A private database: claiming relays delete entries, which must not race other test files.
    handle = connectDatabase({ dataDir: 'memory://' });
    await migrateToLatest(handle.db);
    const indexer = new SearchIndexer(engine, defaultThesaurus(), 'claim_');
    await indexer.setup();
    relay = new OutboxRelay({ db: handle.db, indexer, mode: 'claim', baseBackoffMs: 1000, clock: () => now });
  });
  afterAll(() => handle.close());

  const rows = () =>
    sql<{ attempts: number; next_attempt_at: Date }>`select attempts, next_attempt_at from search_outbox order by id`.execute(handle.db).then((r) => r.rows);

  it('retries with exponential back-off and deletes entries only once applied', async () => {
    await searchOutboxRepository.enqueueSearchSync(handle.db, 'idea', randomUUID(), 'delete');
    await searchOutboxRepository.enqueueSearchSync(handle.db, 'organisation', randomUUID());
    engine.down = true;
    expect(await relay.runOnce()).toBe(2);
    let pending = await rows();
    expect(pending.map((r) => Number(r.attempts))).toEqual([1, 1]);
    expect(new Date(pending[0]!.next_attempt_at).getTime() - now.getTime()).toBe(1000);
    expect(await relay.runOnce()).toBe(0);

    now = new Date(now.getTime() + 1000);
    expect(await relay.runOnce()).toBe(2);
    pending = await rows();
    expect(pending.map((r) => Number(r.attempts))).toEqual([2, 2]);
    expect(new Date(pending[0]!.next_attempt_at).getTime() - now.getTime()).toBe(2000);

    engine.down = false;
    now = new Date(now.getTime() + 2000);
    expect(await relay.runOnce()).toBe(2);
    expect(await rows()).toEqual([]);
  });
});
