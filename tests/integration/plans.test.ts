import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { addMember, createOrganisation, registerUser, type TestUser } from '../support/factories';
import {
  addItem,
  createMunicipality,
  createPlan,
  getPlan,
  ifMatch,
  patchPlan,
  uniqueTag,
  type PlanDetailDto,
  type PlanDto,
  type PlanItemDto,
  type Problem,
  type Reply,
} from '../support/plan-factories';

let t: TestApp;
let owner: TestUser;
let editor: TestUser;
let member: TestUser;
let outsider: TestUser;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = await registerUser(t.app);
  editor = await registerUser(t.app);
  member = await registerUser(t.app);
  outsider = await registerUser(t.app);
  orgId = (await createMunicipality(t.app, owner)).id;
  await addMember(t.app, owner, orgId, editor, 'editor');
  await addMember(t.app, owner, orgId, member, 'member');
});
afterAll(() => t.close());

const inject = (options: InjectOptions) => t.app.inject(options);

function expectProblem(res: Reply, status: number, code: string, paths?: string[]) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json<Problem>();
  expect(body.code).toBe(code);
  // A union field can fail once per branch; compare the distinct paths in order.
  if (paths) expect(distinct((body.errors ?? []).map((e) => e.path))).toEqual(distinct(paths));
  return body;
}

const distinct = (list: string[]) => [...new Set(list)];
const importCsv = (user: TestUser, planId: string, csv: string) =>
  inject({ method: 'POST', url: `/api/v1/plans/${planId}/import`, headers: { ...user.auth, 'content-type': 'text/csv' }, payload: csv });
const importJson = (user: TestUser, planId: string, items: unknown[]) =>
  inject({ method: 'POST', url: `/api/v1/plans/${planId}/import`, headers: user.auth, payload: { items } });
const codesOf = (plan: PlanDetailDto) => plan.items.map((i) => i.code).sort();
const itemByCode = (plan: PlanDetailDto, code: string): PlanItemDto => {
  const item = plan.items.find((i) => i.code === code);
  if (!item) throw new Error(`no item ${code} in the plan`);
  return item;
};

describe('creating plans', () => {
  it('creates a draft with an ETag for an editor of a municipality', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/plans',
      headers: editor.auth,
      payload: { organisationId: orgId, title: '  Общински план за развитие  ', description: ' Varna 2021–2027 ', language: 'bg', periodStart: 2021, periodEnd: 2027 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json<PlanDto>();
    expect(plan).toMatchObject({
      title: 'Общински план за развитие',
      description: 'Varna 2021–2027',
      status: 'draft',
      periodStart: 2021,
      periodEnd: 2027,
      measureCount: 0,
      publishedAt: null,
      canEdit: true,
      organisation: { id: orgId, kind: 'municipality', country: 'BG', territoryCode: 'BG-03-01' },
    });
    expect(res.headers.etag).toBe(`"${plan.version}"`);
  });

  it('lets regional councils own plans but not NGOs', async () => {
    const council = await createOrganisation(t.app, owner, { kind: 'regional_council', territoryCode: 'BG-03' });
    const ok = await inject({ method: 'POST', url: '/api/v1/plans', headers: owner.auth, payload: { organisationId: council.id, title: 'Regional plan', language: 'bg', periodStart: 2021, periodEnd: 2027 } });
    expect(ok.statusCode, ok.body).toBe(201);

    const ngo = await createOrganisation(t.app, owner, { kind: 'ngo' });
    const res = await inject({ method: 'POST', url: '/api/v1/plans', headers: owner.auth, payload: { organisationId: ngo.id, title: 'NGO plan', language: 'en', periodStart: 2021, periodEnd: 2027 } });
    expectProblem(res, 422, 'plans_not_allowed', ['/organisationId']);

    const unknown = await inject({
      method: 'POST',
      url: '/api/v1/plans',
      headers: owner.auth,
      payload: { organisationId: '00000000-0000-4000-8000-000000000000', title: 'Nobody', language: 'en', periodStart: 2021, periodEnd: 2027 },
    });
    expectProblem(unknown, 422, 'invalid_organisation', ['/organisationId']);
  });

  it('refuses members (403), outsiders (403) and signed-out callers (401)', async () => {
    const payload = { organisationId: orgId, title: 'Not mine to write', language: 'bg', periodStart: 2021, periodEnd: 2027 };
    expectProblem(await inject({ method: 'POST', url: '/api/v1/plans', headers: member.auth, payload }), 403, 'forbidden');
    expectProblem(await inject({ method: 'POST', url: '/api/v1/plans', headers: outsider.auth, payload }), 403, 'forbidden');
    expectProblem(await inject({ method: 'POST', url: '/api/v1/plans', payload }), 401, 'unauthorized');
  });

  it('validates the body (400) and the period (422)', async () => {
    const base = { organisationId: orgId, title: 'Plan', language: 'bg', periodStart: 2021, periodEnd: 2027 };
    const post = (payload: Record<string, unknown>) => inject({ method: 'POST', url: '/api/v1/plans', headers: owner.auth, payload });
    expectProblem(await post({ ...base, periodStart: 1800 }), 400, 'validation_failed', ['/periodStart']);
    expectProblem(await post({ ...base, colour: 'red' }), 400, 'validation_failed', ['/colour']);
    expectProblem(await post({ ...base, title: 'ab' }), 400, 'validation_failed', ['/title']);
    expectProblem(await post({ ...base, language: 'de' }), 400, 'validation_failed');
    expectProblem(await post({ ...base, periodStart: '2021' }), 400, 'validation_failed', ['/periodStart']);
    expectProblem(await post({ ...base, periodStart: 2027, periodEnd: 2021 }), 422, 'invalid_period', ['/periodEnd']);
    expectProblem(await post({ ...base, periodStart: 2000, periodEnd: 2040 }), 422, 'invalid_period', ['/periodEnd']);
  });
});

describe('reading plans', () => {
  it('hides drafts (404) from outsiders and anonymous callers, shows them to members', async () => {
    const plan = await createPlan(t.app, owner, orgId);
    const url = `/api/v1/plans/${plan.id}`;
    expectProblem(await inject({ method: 'GET', url }), 404, 'not_found');
    expectProblem(await inject({ method: 'GET', url, headers: outsider.auth }), 404, 'not_found');

    const asMember = await inject({ method: 'GET', url, headers: member.auth });
    expect(asMember.statusCode).toBe(200);
    expect(asMember.json()).toMatchObject({ id: plan.id, status: 'draft', canEdit: false, items: [] });
    expect(asMember.headers.etag).toBe(`"${plan.version}"`);
    expect((await inject({ method: 'GET', url, headers: editor.auth })).json().canEdit).toBe(true);

    await addItem(t.app, owner, plan.id, '1');
    await addItem(t.app, owner, plan.id, '1.1');
    await addItem(t.app, owner, plan.id, '1.1.1');
    await patchPlan(t.app, owner, plan.id, { status: 'published' });
    const anonymous = await inject({ method: 'GET', url });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toMatchObject({ status: 'published', canEdit: false, measureCount: 1 });
    expect(anonymous.json<PlanDetailDto>().items).toHaveLength(3);
  });

  it('answers 404 for an unknown plan and 400 for an id that is not a uuid', async () => {
    expectProblem(await inject({ method: 'GET', url: '/api/v1/plans/00000000-0000-4000-8000-000000000000' }), 404, 'not_found');
    expectProblem(await inject({ method: 'GET', url: '/api/v1/plans/not-a-uuid' }), 400, 'validation_failed');
  });
});

describe('listing plans', () => {
  it('filters by organisation, country, region, municipality, status, year and text', async () => {
    const tag = uniqueTag('Plantag');
    const varna = await createMunicipality(t.app, owner, { territoryCode: 'BG-03-01' });
    const avren = await createMunicipality(t.app, owner, { territoryCode: 'BG-03-02' });
    const berat = await createMunicipality(t.app, owner, { country: 'AL', legalId: null, territoryCode: 'AL-01-01' });
    const draftOwner = await registerUser(t.app);
    const council = await createOrganisation(t.app, draftOwner, { kind: 'regional_council', territoryCode: 'BG-04' });

    const publish = async (o: { id: string }, title: string, periodStart: number, periodEnd: number, status: 'published' | 'archived' = 'published') => {
      const plan = await createPlan(t.app, owner, o.id, { title: `${tag} ${title}`, periodStart, periodEnd });
      await addItem(t.app, owner, plan.id, '1');
      await addItem(t.app, owner, plan.id, '1.1');
      await addItem(t.app, owner, plan.id, '1.1.1');
      await patchPlan(t.app, owner, plan.id, { status: 'published' });
      if (status === 'archived') await patchPlan(t.app, owner, plan.id, { status: 'archived' });
      return plan;
    };
    await publish(varna, 'Varna', 2021, 2027);
    await publish(varna, 'Varna old', 2014, 2020, 'archived');
    await publish(avren, 'Avren', 2014, 2020);
    await publish(berat, 'Berat', 2022, 2030);
    await createPlan(t.app, draftOwner, council.id, { title: `${tag} Council draft`, periodStart: 2021, periodEnd: 2027 });

    const titles = async (query: string, user: TestUser | null = null) => {
      const res = await inject({ method: 'GET', url: `/api/v1/plans?q=${tag}${query}`, headers: user?.auth ?? {} });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: PlanDto[] }>().items.map((p) => p.title.slice(tag.length + 1));
    };
    // Newest period first, then by title; drafts are not listed for outsiders.
    expect(await titles('')).toEqual(['Berat', 'Varna', 'Avren', 'Varna old']);
    expect(await titles('', outsider)).toEqual(['Berat', 'Varna', 'Avren', 'Varna old']);
    expect(await titles('', draftOwner)).toEqual(['Berat', 'Council draft', 'Varna', 'Avren', 'Varna old']);
    expect(await titles(`&organisation=${varna.id}`)).toEqual(['Varna', 'Varna old']);
    expect(await titles('&country=AL')).toEqual(['Berat']);
    expect(await titles('&country=BG')).toEqual(['Varna', 'Avren', 'Varna old']);
    expect(await titles('&region=BG-03')).toEqual(['Varna', 'Avren', 'Varna old']);
    expect(await titles('&region=BG-04', draftOwner)).toEqual(['Council draft']);
    expect(await titles('&municipality=BG-03-02')).toEqual(['Avren']);
    expect(await titles('&status=archived')).toEqual(['Varna old']);
    expect(await titles('&status=draft')).toEqual([]);
    expect(await titles('&status=draft', draftOwner)).toEqual(['Council draft']);
    expect(await titles('&year=2016')).toEqual(['Avren', 'Varna old']);
    expect(await titles('&year=2021')).toEqual(['Varna']);
    expect(await titles('&year=2029')).toEqual(['Berat']);
    expect(await titles('&year=2020&region=BG-03&status=published')).toEqual(['Avren']);

    // Text matches titles and descriptions, case-insensitively, wildcards taken literally.
    const res = await inject({ method: 'GET', url: `/api/v1/plans?q=${tag.toUpperCase()}%20berat` });
    expect(res.json<{ items: PlanDto[] }>().items.map((p) => p.title)).toEqual([`${tag} Berat`]);
    expect((await inject({ method: 'GET', url: `/api/v1/plans?q=${tag}%25` })).json().items).toEqual([]);
    const byDescription = await createPlan(t.app, owner, varna.id, { title: 'Plain title', description: `Mentions ${tag}-desc here` });
    const found = await inject({ method: 'GET', url: `/api/v1/plans?q=${tag}-desc`, headers: owner.auth });
    expect(found.json<{ items: PlanDto[] }>().items.map((p) => p.id)).toEqual([byDescription.id]);
  });

  it('walks every page once with the cursor and refuses a bad cursor', async () => {
    const tag = uniqueTag('Pagetag');
    const org = await createMunicipality(t.app, owner);
    const created: string[] = [];
    // Equal periods and equal titles exercise every part of the sort key.
    for (const [title, start] of [['b', 2021], ['a', 2021], ['a', 2021], ['c', 2014], ['a', 2030], ['d', 2021], ['a', 2014]] as const) {
      created.push((await createPlan(t.app, owner, org.id, { title: `${tag} ${title}`, periodStart: start, periodEnd: start + 6 })).id);
    }
    const seen: PlanDto[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await inject({ method: 'GET', url: `/api/v1/plans?q=${tag}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: owner.auth });
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<{ items: PlanDto[]; nextCursor: string | null }>();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBe(4);
    expect(new Set(seen.map((p) => p.id)).size).toBe(seen.length);
    expect(seen.map((p) => p.id).sort()).toEqual([...created].sort());
    expect(seen.map((p) => `${p.periodStart} ${p.title.slice(tag.length + 1)}`)).toEqual(['2030 a', '2021 a', '2021 a', '2021 b', '2021 d', '2014 a', '2014 c']);

    expectProblem(await inject({ method: 'GET', url: '/api/v1/plans?cursor=nonsense' }), 400, 'invalid_cursor');
    const notANumber = Buffer.from(JSON.stringify(['x|y', '00000000-0000-4000-8000-000000000000'])).toString('base64url');
    expectProblem(await inject({ method: 'GET', url: `/api/v1/plans?cursor=${notANumber}` }), 400, 'invalid_cursor');
    expectProblem(await inject({ method: 'GET', url: '/api/v1/plans?limit=0' }), 400, 'validation_failed');
    expectProblem(await inject({ method: 'GET', url: '/api/v1/plans?status=secret' }), 400, 'validation_failed');
    expectProblem(await inject({ method: 'GET', url: '/api/v1/plans?year=1800' }), 400, 'validation_failed');
  });
});

describe('editing plans', () => {
  it('needs If-Match (428), refuses stale versions (409) and bumps the version', async () => {
    const plan = await createPlan(t.app, owner, orgId);
    const url = `/api/v1/plans/${plan.id}`;
    expectProblem(await inject({ method: 'PATCH', url, headers: owner.auth, payload: { title: 'New title' } }), 428, 'precondition_required');
    expectProblem(await inject({ method: 'PATCH', url, headers: { ...owner.auth, 'if-match': 'v1' }, payload: { title: 'New title' } }), 400, 'invalid_if_match');

    const ok = await inject({ method: 'PATCH', url, headers: { ...editor.auth, ...ifMatch(plan.version) }, payload: { title: ' New title ', periodEnd: 2030 } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ title: 'New title', periodEnd: 2030, version: plan.version + 1 });
    expect(ok.headers.etag).toBe(`"${plan.version + 1}"`);

    const stale = await inject({ method: 'PATCH', url, headers: { ...owner.auth, ...ifMatch(plan.version) }, payload: { title: 'Lost update' } });
    expectProblem(stale, 409, 'version_conflict');
    expect((await getPlan(t.app, owner, plan.id)).title).toBe('New title');

    expectProblem(await inject({ method: 'PATCH', url, headers: { ...member.auth, ...ifMatch(plan.version + 1) }, payload: { title: 'By a member' } }), 403, 'forbidden');
    expectProblem(await inject({ method: 'PATCH', url, headers: { ...outsider.auth, ...ifMatch(plan.version + 1) }, payload: { title: 'By a stranger' } }), 404, 'not_found');
    expectProblem(await inject({ method: 'PATCH', url, headers: ifMatch(plan.version + 1), payload: { title: 'Anonymous' } }), 401, 'unauthorized');
    expectProblem(await inject({ method: 'PATCH', url, headers: { ...owner.auth, ...ifMatch(plan.version + 1) }, payload: {} }), 400, 'validation_failed');
    expectProblem(await inject({ method: 'PATCH', url, headers: { ...owner.auth, ...ifMatch(plan.version + 1) }, payload: { periodEnd: 2001 } }), 422, 'invalid_period', ['/periodEnd']);
  });

  it('publishes only a plan with measures and records when it was published', async () => {
    const plan = await createPlan(t.app, owner, orgId);
    const url = `/api/v1/plans/${plan.id}`;
    const empty = await inject({ method: 'PATCH', url, headers: { ...owner.auth, ...ifMatch(plan.version) }, payload: { status: 'published' } });
    expectProblem(empty, 422, 'plan_empty', ['/status']);
    await addItem(t.app, owner, plan.id, '1');
    await addItem(t.app, owner, plan.id, '1.1');
    const noMeasures = await inject({ method: 'PATCH', url, headers: { ...owner.auth, ...ifMatch(plan.version) }, payload: { status: 'published' } });
    expectProblem(noMeasures, 422, 'plan_empty');
    await addItem(t.app, owner, plan.id, '1.1.1');

    const before = Date.now();
    const published = await inject({ method: 'PATCH', url, headers: { ...owner.auth, ...ifMatch(plan.version) }, payload: { status: 'published' } });
    expect(published.statusCode, published.body).toBe(200);
    const body = published.json<PlanDto>();
    expect(body).toMatchObject({ status: 'published', measureCount: 1, version: plan.version + 1 });
    expect(Date.parse(body.publishedAt!)).toBeGreaterThanOrEqual(before - 1000);

    const archived = await inject({ method: 'PATCH', url, headers: { ...owner.auth, ...ifMatch(body.version) }, payload: { status: 'archived' } });
    expect(archived.json()).toMatchObject({ status: 'archived', publishedAt: body.publishedAt });
  });

  it('deletes drafts only', async () => {
    const draft = await createPlan(t.app, owner, orgId);
    await addItem(t.app, owner, draft.id, '1');
    expectProblem(await inject({ method: 'DELETE', url: `/api/v1/plans/${draft.id}`, headers: member.auth }), 403, 'forbidden');
    expectProblem(await inject({ method: 'DELETE', url: `/api/v1/plans/${draft.id}`, headers: outsider.auth }), 404, 'not_found');
    expectProblem(await inject({ method: 'DELETE', url: `/api/v1/plans/${draft.id}` }), 401, 'unauthorized');
    const gone = await inject({ method: 'DELETE', url: `/api/v1/plans/${draft.id}`, headers: editor.auth });
    expect(gone.statusCode).toBe(204);
    expectProblem(await inject({ method: 'GET', url: `/api/v1/plans/${draft.id}`, headers: owner.auth }), 404, 'not_found');

    const published = await createPlan(t.app, owner, orgId);
    await addItem(t.app, owner, published.id, '1');
    await addItem(t.app, owner, published.id, '1.1');
    await addItem(t.app, owner, published.id, '1.1.1');
    await patchPlan(t.app, owner, published.id, { status: 'published' });
    expectProblem(await inject({ method: 'DELETE', url: `/api/v1/plans/${published.id}`, headers: owner.auth }), 409, 'plan_not_draft');
    expect((await getPlan(t.app, null, published.id)).status).toBe('published');
  });
});

describe('plan items', () => {
  it('derives the level and parent from the code', async () => {
    const plan = await createPlan(t.app, owner, orgId);
    const url = `/api/v1/plans/${plan.id}/items`;
    const priority = await inject({ method: 'POST', url, headers: editor.auth, payload: { code: '1', title: ' Economy ' } });
    expect(priority.statusCode, priority.body).toBe(201);
    expect(priority.json()).toMatchObject({ code: '1', level: 'priority', parentId: null, title: 'Economy', position: 0, linkedIdeas: 0 });
    expect(priority.headers.etag).toBe(`"${priority.json().version}"`);
    const objective = await addItem(t.app, owner, plan.id, '1.1');
    expect(objective).toMatchObject({ level: 'objective', parentId: priority.json().id });
    const measure = await addItem(t.app, owner, plan.id, '1.1.1', { description: 'Roads', indicators: ['km of road'], budget: '125000.50', currency: 'EUR' });
    expect(measure).toMatchObject({ level: 'measure', parentId: objective.id, indicators: ['km of road'], budget: '125000.50', currency: 'EUR' });
    expect((await addItem(t.app, owner, plan.id, '1.2')).position).toBe(1);

    expectProblem(await inject({ method: 'POST', url, headers: owner.auth, payload: { code: '2.1', title: 'Orphan' } }), 422, 'parent_missing', ['/code']);
    expectProblem(await inject({ method: 'POST', url, headers: owner.auth, payload: { code: '1.3.1', title: 'Orphan' } }), 422, 'parent_missing', ['/code']);
    expectProblem(await inject({ method: 'POST', url, headers: owner.auth, payload: { code: '1.1', title: 'Again' } }), 409, 'code_taken', ['/code']);
    expectProblem(await inject({ method: 'POST', url, headers: owner.auth, payload: { code: '1.1.1.1', title: 'Too deep' } }), 400, 'validation_failed', ['/code']);
    expectProblem(await inject({ method: 'POST', url, headers: owner.auth, payload: { code: '1.2.1', title: 'Budget', budget: '100' } }), 422, 'currency_required', ['/currency']);
    expectProblem(await inject({ method: 'POST', url, headers: owner.auth, payload: { code: '1.2.1', title: 'Budget', budget: '1,5', currency: 'EUR' } }), 400, 'validation_failed', ['/budget']);
    expectProblem(await inject({ method: 'POST', url, headers: member.auth, payload: { code: '3', title: 'Member' } }), 403, 'forbidden');
    expectProblem(await inject({ method: 'POST', url, payload: { code: '3', title: 'Anonymous' } }), 401, 'unauthorized');

    const tree = await getPlan(t.app, member, plan.id);
    expect(codesOf(tree)).toEqual(['1', '1.1', '1.1.1', '1.2']);
    expect(tree.measureCount).toBe(1);
  });

  it('edits an item with If-Match', async () => {
    const plan = await createPlan(t.app, owner, orgId);
    await addItem(t.app, owner, plan.id, '1');
    const item = await addItem(t.app, owner, plan.id, '1.1', { title: 'Old' });
    const url = `/api/v1/plans/${plan.id}/items/${item.id}`;
    expectProblem(await inject({ method: 'PATCH', url, headers: owner.auth, payload: { title: 'New' } }), 428, 'precondition_required');
    const ok = await inject({ method: 'PATCH', url, headers: { ...editor.auth, ...ifMatch(item.version) }, payload: { title: ' New ', indicators: ['a', 'b'], budget: '10', currency: 'BGN' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ id: item.id, code: '1.1', title: 'New', indicators: ['a', 'b'], budget: '10.00', currency: 'BGN', version: item.version + 1 });
    expect(ok.headers.etag).toBe(`"${item.version + 1}"`);
    expectProblem(await inject({ method: 'PATCH', url, headers: { ...owner.auth, ...ifMatch(item.version) }, payload: { title: 'Stale' } }), 409, 'version_conflict');
    // Taking the currency away from a budget is refused; taking both away is fine.
    expectProblem(await inject({ method: 'PATCH', url, headers: { ...owner.auth, ...ifMatch(item.version + 1) }, payload: { currency: null } }), 422, 'currency_required');
    const cleared = await inject({ method: 'PATCH', url, headers: { ...owner.auth, ...ifMatch(item.version + 1) }, payload: { currency: null, budget: null } });
    expect(cleared.json()).toMatchObject({ budget: null, currency: null });
    expectProblem(await inject({ method: 'PATCH', url, headers: { ...owner.auth, ...ifMatch(item.version + 2) }, payload: { code: '9' } }), 400, 'validation_failed', ['/code']);
    expectProblem(await inject({ method: 'PATCH', url, headers: { ...member.auth, ...ifMatch(item.version + 2) }, payload: { title: 'Member' } }), 403, 'forbidden');

    // An item of another plan is not found under this one.
    const other = await createPlan(t.app, owner, orgId);
    const foreign = await addItem(t.app, owner, other.id, '1');
    expectProblem(
      await inject({ method: 'PATCH', url: `/api/v1/plans/${plan.id}/items/${foreign.id}`, headers: { ...owner.auth, ...ifMatch(foreign.version) }, payload: { title: 'x' } }),
      404,
      'not_found',
    );
    expectProblem(await inject({ method: 'DELETE', url: `/api/v1/plans/${plan.id}/items/${foreign.id}`, headers: owner.auth }), 404, 'not_found');
  });

  it('deletes an item with everything under it', async () => {
    const plan = await createPlan(t.app, owner, orgId);
    for (const code of ['1', '1.1', '1.1.1', '1.1.2', '1.2', '1.2.1', '2']) await addItem(t.app, owner, plan.id, code);
    const tree = await getPlan(t.app, owner, plan.id);
    const url = `/api/v1/plans/${plan.id}/items/${itemByCode(tree, '1.1').id}`;
    expectProblem(await inject({ method: 'DELETE', url, headers: member.auth }), 403, 'forbidden');
    expect((await inject({ method: 'DELETE', url, headers: editor.auth })).statusCode).toBe(204);
    const after = await getPlan(t.app, owner, plan.id);
    expect(codesOf(after)).toEqual(['1', '1.2', '1.2.1', '2']);
    expect(after.measureCount).toBe(1);
    expectProblem(await inject({ method: 'DELETE', url, headers: editor.auth }), 404, 'not_found');
  });

  it('reorders the items under one parent', async () => {
    const plan = await createPlan(t.app, owner, orgId);
    const p1 = await addItem(t.app, owner, plan.id, '1');
    const p2 = await addItem(t.app, owner, plan.id, '2');
    const a = await addItem(t.app, owner, plan.id, '1.1');
    const b = await addItem(t.app, owner, plan.id, '1.2');
    const c = await addItem(t.app, owner, plan.id, '1.3');
    const other = await addItem(t.app, owner, plan.id, '2.1');
    const url = `/api/v1/plans/${plan.id}/items/reorder`;

    const ok = await inject({ method: 'POST', url, headers: editor.auth, payload: { parentId: p1.id, orderedIds: [c.id, a.id, b.id] } });
    expect(ok.statusCode, ok.body).toBe(204);
    const tree = await getPlan(t.app, owner, plan.id);
    const children = tree.items.filter((i) => i.parentId === p1.id).sort((x, y) => x.position - y.position).map((i) => i.code);
    expect(children).toEqual(['1.3', '1.1', '1.2']);

    const top = await inject({ method: 'POST', url, headers: owner.auth, payload: { parentId: null, orderedIds: [p2.id, p1.id] } });
    expect(top.statusCode).toBe(204);
    expect((await getPlan(t.app, owner, plan.id)).items.filter((i) => i.parentId === null).sort((x, y) => x.position - y.position).map((i) => i.code)).toEqual(['2', '1']);

    const mismatches = [
      [a.id, b.id],
      [a.id, b.id, c.id, other.id],
      [a.id, b.id, other.id],
      [a.id, a.id, b.id],
    ];
    for (const orderedIds of mismatches) {
      expectProblem(await inject({ method: 'POST', url, headers: owner.auth, payload: { parentId: p1.id, orderedIds } }), 422, 'reorder_mismatch', ['/orderedIds']);
    }
    expectProblem(await inject({ method: 'POST', url, headers: member.auth, payload: { parentId: p1.id, orderedIds: [a.id, b.id, c.id] } }), 403, 'forbidden');
    expectProblem(await inject({ method: 'POST', url, headers: owner.auth, payload: { parentId: p1.id, orderedIds: [] } }), 400, 'validation_failed');
  });
});

describe('importing plans', () => {
  const header = 'code,title,description,indicators,budget,currency';
  const goodCsv = [
    header,
    '1,Economy,Jobs and firms,,,',
    '1.1,Small business,,,,',
    '1.1.1,Business incubator,An incubator in the old mill,firms supported;jobs created,250000,EUR',
    '1.1.2,Market hall,,,"1 200 000,50",BGN',
    '2,Environment,,,,',
    '2.1,Clean water,,,,',
    '2.1.1,Sewage plant,,,3000000,EUR',
  ].join('\n');

  it('imports a CSV file into a tree', async () => {
    const plan = await createPlan(t.app, owner, orgId);
    const res = await importCsv(editor, plan.id, goodCsv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ total: 7, created: 7, updated: 0, unchanged: 0 });
    const tree = await getPlan(t.app, owner, plan.id);
    expect(codesOf(tree)).toEqual(['1', '1.1', '1.1.1', '1.1.2', '2', '2.1', '2.1.1']);
    expect(tree.measureCount).toBe(3);
    expect(itemByCode(tree, '1.1').parentId).toBe(itemByCode(tree, '1').id);
    expect(itemByCode(tree, '2.1.1').parentId).toBe(itemByCode(tree, '2.1').id);
    expect(itemByCode(tree, '1.1.1')).toMatchObject({
      level: 'measure',
      title: 'Business incubator',
      description: 'An incubator in the old mill',
      indicators: ['firms supported', 'jobs created'],
      budget: '250000.00',
      currency: 'EUR',
    });
    expect(itemByCode(tree, '1.1.2')).toMatchObject({ budget: '1200000.50', currency: 'BGN', position: 1 });
    expect(itemByCode(tree, '1')).toMatchObject({ level: 'priority', parentId: null, position: 0 });
    expect(itemByCode(tree, '2')).toMatchObject({ level: 'priority', parentId: null, position: 1 });
  });

  it('imports nothing when some lines are bad, and lists every bad line', async () => {
    const plan = await createPlan(t.app, owner, orgId);
    const csv = [
      header,
      '1,Economy,,,,',
      '1.1,Small business,,,,',
      '1..2,Bad code,,,,', // line 4
      '1.1.1,Business incubator,,,250000,EUR',
      '1.1.2,,,,,', // line 6: no title
      '1.1.3,Priced,,,lots,EUR', // line 7: bad budget
      '1.1.4,Fine,,,,',
      '3.1,Orphan,,,,', // line 9: parent missing
      '1.1.5,Wrong money,,,10,GBP', // line 10
      '1.1,Repeated,,,,', // line 11
      '1.1.6,No currency,,,10,', // line 12
    ].join('\n');
    const res = await importCsv(owner, plan.id, csv);
    const problem = expectProblem(res, 422, 'import_invalid', [
      '/line/4/code',
      '/line/6/title',
      '/line/7/budget',
      '/line/9/code',
      '/line/10/currency',
      '/line/11/code',
      '/line/12/currency',
    ]);
    expect(problem.errors?.[0]?.message).toMatch(/^line 4, code: /);
    expect(problem.detail).toMatch(/nothing was imported/);
    expect((await getPlan(t.app, owner, plan.id)).items).toEqual([]);
  });

  it('keeps a stored plan untouched when a re-import has errors', async () => {
    const plan = await createPlan(t.app, owner, orgId);
    await importCsv(owner, plan.id, goodCsv);
    const before = await getPlan(t.app, owner, plan.id);
    const csv = [header, '1,Economy renamed,,,,', '1.1.9,New measure,,,,', '2.1.2,,,,,', '4.4.4,Nowhere,,,,', '9,Fine,,,xx,'].join('\n');
    expectProblem(await importCsv(owner, plan.id, csv), 422, 'import_invalid', ['/line/4/title', '/line/5/code', '/line/6/budget']);
    expect(await getPlan(t.app, owner, plan.id)).toEqual(before);
  });

  it('reports header problems on line 1', async () => {
    const plan = await createPlan(t.app, owner, orgId);
    const res = await importCsv(owner, plan.id, 'code,name,budget\n1,Economy,\n');
    const problem = expectProblem(res, 422, 'import_invalid', ['/line/1/header']);
    expect(problem.errors).toHaveLength(2);
    expect(problem.errors?.map((e) => e.message).join(' ')).toMatch(/missing column "title".*unknown column "name"/);
    expectProblem(await importCsv(owner, plan.id, ''), 422, 'import_invalid', ['/line/1/file']);
    expectProblem(await importCsv(owner, plan.id, 'code,title\n1,A,extra\n'), 422, 'import_invalid');
    expect((await getPlan(t.app, owner, plan.id)).items).toEqual([]);
  });

  it('reads quoted fields with commas, quotes and newlines, a BOM, CRLF and the semicolon delimiter', async () => {
    const plan = await createPlan(t.app, owner, orgId);
    const csv = [
      'code,title,description',
      '1,"Roads, bridges and ""paths""","First line',
      'second line, with a comma"',
      '1.1,"Side streets",""',
      '1.1.1,Pavements,plain',
    ].join('\r\n');
    const res = await importCsv(owner, plan.id, `\uFEFF${csv}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 3, created: 3 });
    const tree = await getPlan(t.app, owner, plan.id);
    expect(itemByCode(tree, '1')).toMatchObject({ title: 'Roads, bridges and "paths"', description: 'First line\r\nsecond line, with a comma' });

    const semicolons = await createPlan(t.app, owner, orgId);
    const res2 = await importCsv(owner, semicolons.id, 'Code;Title;Budget;Currency;Indicators\n1;Икономика;;;\n1.1;Малък бизнес, занаяти;;;\n1.1.1;Инкубатор;1 234,50;bgn;"фирми;работни места"\n');
    expect(res2.statusCode, res2.body).toBe(200);
    const tree2 = await getPlan(t.app, owner, semicolons.id);
    expect(itemByCode(tree2, '1.1').title).toBe('Малък бизнес, занаяти');
    expect(itemByCode(tree2, '1.1.1')).toMatchObject({ title: 'Инкубатор', budget: '1234.50', currency: 'BGN', indicators: ['фирми', 'работни места'] });
  });

  it('numbers lines of the file, counting the lines inside quoted fields', async () => {
    const plan = await createPlan(t.app, owner, orgId);
    const csv = ['code,title,description', '1,Economy,"one', 'two', 'three"', '1.1,,missing title on line 5'].join('\n');
    expectProblem(await importCsv(owner, plan.id, csv), 422, 'import_invalid', ['/line/5/title']);
  });

  it('re-imports by code: unchanged, updated and created rows are counted, nothing duplicated', async () => {
    const plan = await createPlan(t.app, owner, orgId);
    expect((await importCsv(owner, plan.id, goodCsv)).json()).toEqual({ total: 7, created: 7, updated: 0, unchanged: 0 });
    const first = await getPlan(t.app, owner, plan.id);

    const again = await importCsv(owner, plan.id, goodCsv);
    expect(again.json()).toEqual({ total: 7, created: 0, updated: 0, unchanged: 7 });
    const second = await getPlan(t.app, owner, plan.id);
    expect(second.items).toEqual(first.items);

    const renamed = goodCsv.replace('2.1.1,Sewage plant', '2.1.1,Sewage treatment plant');
    expect((await importCsv(owner, plan.id, renamed)).json()).toEqual({ total: 7, created: 0, updated: 1, unchanged: 6 });
    const third = await getPlan(t.app, owner, plan.id);
    expect(itemByCode(third, '2.1.1')).toMatchObject({ id: itemByCode(first, '2.1.1').id, title: 'Sewage treatment plant', version: itemByCode(first, '2.1.1').version + 1 });

    const extended = `${renamed}\n2.1.2,Water mains,,,,\n3,Culture,,,,\n3.1,Community centres,,,,`;
    expect((await importCsv(owner, plan.id, extended)).json()).toEqual({ total: 10, created: 3, updated: 0, unchanged: 7 });
    const fourth = await getPlan(t.app, owner, plan.id);
    expect(fourth.items).toHaveLength(10);
    expect(new Set(fourth.items.map((i) => i.code)).size).toBe(10);
  });

  it('takes parents from the stored plan', async () => {
    const plan = await createPlan(t.app, owner, orgId);
    await addItem(t.app, owner, plan.id, '1');
    await addItem(t.app, owner, plan.id, '1.1');
    const res = await importJson(owner, plan.id, [
      { code: '1.1.1', title: 'From JSON', indicators: ['people reached'], budget: 1500, currency: 'eur' },
      { code: '1.2', title: 'Objective two' },
      { code: '1.2.1', title: 'Under the new objective', budget: '99.9', currency: 'USD' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ total: 3, created: 3, updated: 0, unchanged: 0 });
    const tree = await getPlan(t.app, owner, plan.id);
    expect(itemByCode(tree, '1.1.1')).toMatchObject({ parentId: itemByCode(tree, '1.1').id, indicators: ['people reached'], budget: '1500.00', currency: 'EUR' });
    expect(itemByCode(tree, '1.2').parentId).toBe(itemByCode(tree, '1').id);
    expect(itemByCode(tree, '1.2.1')).toMatchObject({ parentId: itemByCode(tree, '1.2').id, budget: '99.90' });
  });

  it('places imported rows after the siblings already in the plan', async () => {
    const plan = await createPlan(t.app, owner, orgId);
    for (const code of ['1', '1.1', '1.2', '2']) await addItem(t.app, owner, plan.id, code);
    const res = await importJson(owner, plan.id, [
      { code: '1.3', title: 'Third objective' },
      { code: '3', title: 'Third priority' },
    ]);
    expect(res.json()).toEqual({ total: 2, created: 2, updated: 0, unchanged: 0 });
    // The tree is shown in the order the API gives (position, then code).
    const tree = await getPlan(t.app, owner, plan.id);
    const parent = itemByCode(tree, '1').id;
    expect.soft(tree.items.filter((i) => i.parentId === parent).map((i) => i.code)).toEqual(['1.1', '1.2', '1.3']);
    expect.soft(tree.items.filter((i) => i.parentId === null).map((i) => i.code)).toEqual(['1', '2', '3']);
    // Re-importing one unchanged row alone changes nothing.
    const subset = await importJson(owner, plan.id, [{ code: '1.2', title: 'Item 1.2' }]);
    expect.soft(subset.json()).toEqual({ total: 1, created: 0, updated: 0, unchanged: 1 });
  });

  it('accepts a CSV sent with a charset parameter', async () => {
    const plan = await createPlan(t.app, owner, orgId);
    const res = await inject({
      method: 'POST',
      url: `/api/v1/plans/${plan.id}/import`,
      headers: { ...owner.auth, 'content-type': 'text/csv; charset=utf-8' },
      payload: 'code,title\n1,Икономика\n',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(itemByCode(await getPlan(t.app, owner, plan.id), '1').title).toBe('Икономика');
  });

  it('imports JSON all or nothing, numbering items from 1', async () => {
    const plan = await createPlan(t.app, owner, orgId);
    const res = await importJson(owner, plan.id, [
      { code: '1', title: 'Fine' },
      { code: '1.1', title: '' },
      { code: '1.1.1', title: 'Fine' },
      { code: 'x y', title: 'Bad code' },
      { code: '2.1', title: 'No parent' },
    ]);
    expectProblem(res, 422, 'import_invalid', ['/line/2/title', '/line/4/code', '/line/5/code']);
    expect((await getPlan(t.app, owner, plan.id)).items).toEqual([]);

    expectProblem(await inject({ method: 'POST', url: `/api/v1/plans/${plan.id}/import`, headers: owner.auth, payload: { rows: [] } }), 400, 'validation_failed');
    expectProblem(await inject({ method: 'POST', url: `/api/v1/plans/${plan.id}/import`, headers: owner.auth, payload: { items: ['1,Economy'] } }), 400, 'validation_failed');
    expectProblem(await importJson(owner, plan.id, []), 422, 'import_invalid', ['/line/1/file']);

    const ok = await importJson(owner, plan.id, [
      { code: '1', title: 'Fine' },
      { code: '1.1', title: 'Fine too' },
    ]);
    expect(ok.json()).toEqual({ total: 2, created: 2, updated: 0, unchanged: 0 });
    expect((await importJson(owner, plan.id, [{ code: '1', title: 'Fine' }, { code: '1.1', title: 'Fine too' }])).json()).toEqual({ total: 2, created: 0, updated: 0, unchanged: 2 });
  });

  it('is for editors only', async () => {
    const plan = await createPlan(t.app, owner, orgId);
    expectProblem(await importCsv(member, plan.id, goodCsv), 403, 'forbidden');
    expectProblem(await importCsv(outsider, plan.id, goodCsv), 404, 'not_found');
    expectProblem(await inject({ method: 'POST', url: `/api/v1/plans/${plan.id}/import`, headers: { 'content-type': 'text/csv' }, payload: goodCsv }), 401, 'unauthorized');
    await addItem(t.app, owner, plan.id, '1');
    await addItem(t.app, owner, plan.id, '1.1');
    await addItem(t.app, owner, plan.id, '1.1.1');
    await patchPlan(t.app, owner, plan.id, { status: 'published' });
    expectProblem(await importCsv(outsider, plan.id, goodCsv), 403, 'forbidden');
    expect((await getPlan(t.app, owner, plan.id)).items).toHaveLength(3);
  });

  it('imports a large plan (3,000 measures) and returns the whole tree', { timeout: 120_000 }, async () => {
    const plan = await createPlan(t.app, owner, orgId);
    const lines = [header];
    for (let p = 1; p <= 10; p++) {
      lines.push(`${p},Priority ${p},,,,`);
      for (let o = 1; o <= 10; o++) {
        lines.push(`${p}.${o},Objective ${p}.${o},,,,`);
        for (let m = 1; m <= 30; m++) lines.push(`${p}.${o}.${m},Measure ${p}.${o}.${m},Support for measure ${m},people reached;events held,${m * 1000},EUR`);
      }
    }
    const res = await importCsv(owner, plan.id, lines.join('\n'));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(res.json()).toEqual({ total: 3110, created: 3110, updated: 0, unchanged: 0 });
    const tree = await getPlan(t.app, owner, plan.id);
    expect(tree.measureCount).toBe(3000);
    expect(tree.items).toHaveLength(3110);
    expect(itemByCode(tree, '10.10.30')).toMatchObject({ level: 'measure', parentId: itemByCode(tree, '10.10').id, budget: '30000.00' });
    const again = await importCsv(owner, plan.id, lines.join('\n'));
    expect(again.json()).toEqual({ total: 3110, created: 0, updated: 0, unchanged: 3110 });
  });
});
