import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { addMember, createOrganisation, registerUser, type TestUser } from '../support/factories';
import {
  completeIdea,
  createIdea,
  createMunicipality,
  createPlanWithMeasures,
  createPublishedIdea,
  getIdea,
  ifMatch,
  notificationsOf,
  proposeLink,
  uniqueTag,
  type IdeaDto,
  type Problem,
  type Reply,
} from '../support/plan-factories';

let t: TestApp;
let owner: TestUser;
let editor: TestUser;
let member: TestUser;
let outsider: TestUser;
let ngoId: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = await registerUser(t.app);
  editor = await registerUser(t.app);
  member = await registerUser(t.app);
  outsider = await registerUser(t.app);
  ngoId = (await createOrganisation(t.app, owner, { kind: 'ngo' })).id;
  await addMember(t.app, owner, ngoId, editor, 'editor');
  await addMember(t.app, owner, ngoId, member, 'member');
});
afterAll(() => t.close());

const inject = (options: InjectOptions) => t.app.inject(options);
const distinct = (list: string[]) => [...new Set(list)];

function expectProblem(res: Reply, status: number, code: string, paths?: string[]) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json<Problem>();
  expect(body.code).toBe(code);
  // A union field can fail once per branch; compare the distinct paths in order.
  if (paths) expect(distinct((body.errors ?? []).map((e) => e.path))).toEqual(distinct(paths));
  return body;
}

const post = (user: TestUser | null, payload: Record<string, unknown>) => inject({ method: 'POST', url: '/api/v1/ideas', headers: user?.auth ?? {}, payload });
const patch = (user: TestUser | null, id: string, version: number | null, payload: Record<string, unknown>) =>
  inject({ method: 'PATCH', url: `/api/v1/ideas/${id}`, headers: { ...(user?.auth ?? {}), ...(version !== null ? ifMatch(version) : {}) }, payload });

describe('posting ideas', () => {
  it('creates a draft by default, with the whole project-summary matrix and an ETag', async () => {
    const res = await post(editor, {
      organisationId: ngoId,
      title: '  Youth centre in the old school  ',
      summary: ' A place to meet. ',
      specificObjectives: ['  Open five days a week ', 'Train ten volunteers'],
      targetGroups: ['Teenagers'],
      expectedResults: ['300 visitors a year'],
      mainActivities: ['Renovate', 'Run clubs'],
      places: ['BG-03-01', 'BG-03-01', 'BG-03'],
      budget: '15000',
      currency: 'EUR',
      durationMonths: 18,
      partnersSought: [{ kind: 'municipality', role: 'Provides the building' }],
      themes: ['youth', 'education', 'youth'],
      language: 'en',
    });
    expect(res.statusCode, res.body).toBe(201);
    const idea = res.json<IdeaDto>();
    expect(idea).toMatchObject({
      title: 'Youth centre in the old school',
      summary: 'A place to meet.',
      status: 'draft',
      publishedAt: null,
      organisation: { id: ngoId },
      specificObjectives: ['Open five days a week', 'Train ten volunteers'],
      targetGroups: ['Teenagers'],
      expectedResults: ['300 visitors a year'],
      mainActivities: ['Renovate', 'Run clubs'],
      budget: '15000.00',
      currency: 'EUR',
      durationMonths: 18,
      partnersSought: [{ kind: 'municipality', role: 'Provides the building' }],
      themes: ['youth', 'education'],
      language: 'en',
      coauthors: [],
      links: [],
      confirmedLinks: 0,
      myRole: 'editor',
      canEdit: true,
    });
    expect(idea.places.map((p) => p.code)).toEqual(['BG-03', 'BG-03-01']);
    expect(idea.places[1]).toMatchObject({ country: 'BG' });
    expect(idea.places[1]!.nameEn).not.toBe('BG-03-01');
    expect(res.headers.etag).toBe(`"${idea.version}"`);
  });

  it('lets any kind of organisation post, but only its owners and editors', async () => {
    const municipality = await createMunicipality(t.app, owner);
    const byMunicipality = await post(owner, { organisationId: municipality.id, ...completeIdea() });
    expect(byMunicipality.statusCode, byMunicipality.body).toBe(201);
    const council = await createOrganisation(t.app, owner, { kind: 'regional_council', territoryCode: 'BG-03' });
    expect((await post(owner, { organisationId: council.id, ...completeIdea() })).statusCode).toBe(201);

    expectProblem(await post(member, { organisationId: ngoId, ...completeIdea() }), 403, 'forbidden');
    expectProblem(await post(outsider, { organisationId: ngoId, ...completeIdea() }), 403, 'forbidden');
    expectProblem(await post(null, { organisationId: ngoId, ...completeIdea() }), 401, 'unauthorized');
    expectProblem(await post(owner, { ...completeIdea(), organisationId: '00000000-0000-4000-8000-000000000000' }), 422, 'invalid_organisation', ['/organisationId']);
  });

  it('publishes on create only a complete idea, listing what is missing', async () => {
    const tag = uniqueTag('Incomplete');
    const res = await post(owner, { organisationId: ngoId, title: `${tag} idea`, language: 'bg', status: 'published', summary: '   ' });
    const problem = expectProblem(res, 422, 'idea_incomplete', ['/summary', '/problem', '/overallObjective', '/places', '/themes']);
    expect(problem.errors).toHaveLength(5);
    // Nothing was stored.
    const mine = await inject({ method: 'GET', url: `/api/v1/ideas?q=${tag}&status=draft`, headers: owner.auth });
    expect(mine.json().items).toEqual([]);
    expect((await inject({ method: 'GET', url: `/api/v1/ideas?q=${tag}`, headers: owner.auth })).json().items).toEqual([]);

    const partly = await post(owner, { organisationId: ngoId, ...completeIdea({ themes: [], overallObjective: '' }), status: 'published' });
    expectProblem(partly, 422, 'idea_incomplete', ['/overallObjective', '/themes']);

    const before = Date.now();
    const ok = await post(owner, { organisationId: ngoId, ...completeIdea(), status: 'published' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().status).toBe('published');
    expect(Date.parse(ok.json().publishedAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('checks places, themes, budget and field limits', async () => {
    const base = { organisationId: ngoId, ...completeIdea() };
    expectProblem(await post(owner, { ...base, places: ['BG-03-01', 'XX-99'] }), 422, 'invalid_place', ['/places/1']);
    expectProblem(await post(owner, { ...base, places: ['BG'] }), 422, 'invalid_place', ['/places/0']);
    expectProblem(await post(owner, { ...base, themes: ['youth', 'space_travel'] }), 422, 'invalid_theme', ['/themes/1']);
    expectProblem(await post(owner, { ...base, budget: '1000' }), 422, 'currency_required', ['/currency']);
    expectProblem(await post(owner, { ...base, budget: '1000', currency: 'GBP' }), 400, 'validation_failed', ['/currency']);
    expectProblem(await post(owner, { ...base, title: 'Hi' }), 400, 'validation_failed', ['/title']);
    expectProblem(await post(owner, { ...base, title: '     ' }), 400, 'validation_failed', ['/title']);
    expectProblem(await post(owner, { ...base, summary: 'x'.repeat(2001) }), 400, 'validation_failed', ['/summary']);
    expectProblem(await post(owner, { ...base, durationMonths: 0 }), 400, 'validation_failed', ['/durationMonths']);
    expectProblem(await post(owner, { ...base, themes: ['youth', 'water', 'health', 'culture', 'tourism', 'education'] }), 400, 'validation_failed', ['/themes']);
    expectProblem(await post(owner, { ...base, specificObjectives: [''] }), 400, 'validation_failed', ['/specificObjectives/0']);
    expectProblem(await post(owner, { ...base, partnersSought: [{ kind: 'bank', role: 'money' }] }), 400, 'validation_failed');
    expectProblem(await post(owner, { ...base, secret: true }), 400, 'validation_failed', ['/secret']);
    const noLanguage: Record<string, unknown> = { ...base };
    delete noLanguage.language;
    expectProblem(await post(owner, noLanguage), 400, 'validation_failed', ['/language']);
  });
});

describe('reading ideas', () => {
  it('hides drafts from outsiders, shows them to members of the owning and co-authoring organisations', async () => {
    const idea = await createIdea(t.app, owner, ngoId);
    const url = `/api/v1/ideas/${idea.id}`;
    expectProblem(await inject({ method: 'GET', url }), 404, 'not_found');
    expectProblem(await inject({ method: 'GET', url, headers: outsider.auth }), 404, 'not_found');
    const asMember = await inject({ method: 'GET', url, headers: member.auth });
    expect(asMember.statusCode).toBe(200);
    expect(asMember.json()).toMatchObject({ id: idea.id, myRole: 'member', canEdit: false });
    expect(asMember.headers.etag).toBe(`"${idea.version}"`);

    const partnerOwner = await registerUser(t.app);
    const partnerMember = await registerUser(t.app);
    const partner = await createOrganisation(t.app, partnerOwner);
    await addMember(t.app, partnerOwner, partner.id, partnerMember, 'member');
    expectProblem(await inject({ method: 'GET', url, headers: partnerMember.auth }), 404, 'not_found');
    const added = await inject({ method: 'POST', url: `${url}/coauthors`, headers: owner.auth, payload: { organisationId: partner.id } });
    expect(added.statusCode, added.body).toBe(200);
    const asPartner = await inject({ method: 'GET', url, headers: partnerMember.auth });
    expect(asPartner.statusCode).toBe(200);
    expect(asPartner.json()).toMatchObject({ myRole: 'member', canEdit: false });

    expectProblem(await inject({ method: 'GET', url: '/api/v1/ideas/00000000-0000-4000-8000-000000000000' }), 404, 'not_found');
    expectProblem(await inject({ method: 'GET', url: '/api/v1/ideas/nope' }), 400, 'validation_failed');
  });

  it('shows published and archived ideas to everyone', async () => {
    const idea = await createPublishedIdea(t.app, owner, ngoId);
    const anonymous = await inject({ method: 'GET', url: `/api/v1/ideas/${idea.id}` });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toMatchObject({ status: 'published', myRole: null, canEdit: false });
    const archived = await patch(owner, idea.id, idea.version, { status: 'archived' });
    expect(archived.json().status).toBe('archived');
    expect((await inject({ method: 'GET', url: `/api/v1/ideas/${idea.id}` })).json().status).toBe('archived');
  });

  it('lists the 16 themes named in every UI language', async () => {
    const res = await inject({ method: 'GET', url: '/api/v1/themes' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('max-age');
    const items = res.json<{ items: Array<Record<string, string>> }>().items;
    expect(items).toHaveLength(16);
    expect(new Set(items.map((i) => i.code)).size).toBe(16);
    for (const theme of items) {
      for (const key of ['code', 'en', 'bg', 'sq', 'az']) expect(theme[key], `${theme.code}.${key}`).toMatch(/\S/);
    }
    expect(items.map((i) => i.code)).toEqual(expect.arrayContaining(['social_inclusion', 'youth', 'education', 'culture', 'tourism', 'environment', 'water', 'energy_efficiency', 'rural_development', 'digitalisation', 'civil_society', 'health', 'infrastructure', 'employment']));
    expect(items.find((i) => i.code === 'youth')).toMatchObject({ en: 'Youth', bg: 'Младежи' });
  });
});

describe('listing ideas', () => {
  it('filters by theme, country, region, municipality, status, organisation, plan year, text and mine', async () => {
    const tag = uniqueTag('Ideatag');
    const bgOwner = await registerUser(t.app);
    const bgNgo = await createOrganisation(t.app, bgOwner, { kind: 'ngo', territoryCode: 'BG-01' });
    const alOwner = await registerUser(t.app);
    const alNgo = await createOrganisation(t.app, alOwner, { kind: 'ngo', country: 'AL', legalId: null, territoryCode: 'AL-11' });
    const draftOwner = await registerUser(t.app);
    const draftOrg = await createOrganisation(t.app, draftOwner, { kind: 'ngo' });
    const partnerOwner = await registerUser(t.app);
    const partnerOrg = await createOrganisation(t.app, partnerOwner, { kind: 'ngo' });

    const idea = (user: TestUser, orgId: string, name: string, overrides: Record<string, unknown>) =>
      createPublishedIdea(t.app, user, orgId, { title: `${tag} ${name}`, ...overrides });
    const varna = await idea(bgOwner, bgNgo.id, 'Varna youth', { places: ['BG-03-01'], themes: ['youth', 'education'] });
    await idea(bgOwner, bgNgo.id, 'Varna region water', { places: ['BG-03'], themes: ['water'] });
    await idea(alOwner, alNgo.id, 'Berat youth', { places: ['AL-01-01'], themes: ['youth', 'tourism'] });
    const old = await idea(bgOwner, bgNgo.id, 'Archived health', { places: ['BG-04-01'], themes: ['health'] });
    expect((await patch(bgOwner, old.id, old.version, { status: 'archived' })).statusCode).toBe(200);
    await createIdea(t.app, draftOwner, draftOrg.id, { title: `${tag} Draft youth`, places: ['BG-03-01'], themes: ['youth'] });
    const shared = await idea(bgOwner, bgNgo.id, 'Shared culture', { places: ['BG-01-01'], themes: ['culture'], summary: `About the ${tag}-chitalishte` });
    expect((await inject({ method: 'POST', url: `/api/v1/ideas/${shared.id}/coauthors`, headers: bgOwner.auth, payload: { organisationId: partnerOrg.id } })).statusCode).toBe(200);

    // A link to a plan running 2021–2027 puts the Varna idea under those years.
    const mayor = await registerUser(t.app);
    const municipality = await createMunicipality(t.app, mayor);
    const { item } = await createPlanWithMeasures(t.app, mayor, municipality.id, { overrides: { periodStart: 2021, periodEnd: 2027 } });
    expect((await proposeLink(t.app, bgOwner, varna.id, item('1.1.1').id)).statusCode).toBe(201);

    const titles = async (query: string, user: TestUser | null = null) => {
      const res = await inject({ method: 'GET', url: `/api/v1/ideas?q=${tag}${query}`, headers: user?.auth ?? {} });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: IdeaDto[] }>().items.map((i) => i.title.slice(tag.length + 1));
    };
    // Newest first; archived ideas only on request, drafts only for their organisations.
    expect(await titles('')).toEqual(['Shared culture', 'Berat youth', 'Varna region water', 'Varna youth']);
    expect(await titles('', outsider)).toEqual(['Shared culture', 'Berat youth', 'Varna region water', 'Varna youth']);
    expect(await titles('', draftOwner)).toEqual(['Shared culture', 'Draft youth', 'Berat youth', 'Varna region water', 'Varna youth']);
    expect(await titles('&theme=youth')).toEqual(['Berat youth', 'Varna youth']);
    expect(await titles('&theme=water&theme=culture')).toEqual(['Shared culture', 'Varna region water']);
    expect(await titles('&theme=health')).toEqual([]);
    expect(await titles('&theme=health&status=archived')).toEqual(['Archived health']);
    expect(await titles('&country=AL')).toEqual(['Berat youth']);
    expect(await titles('&country=BG')).toEqual(['Shared culture', 'Varna region water', 'Varna youth']);
    expect(await titles('&region=BG-03')).toEqual(['Varna region water', 'Varna youth']);
    expect(await titles('&region=BG-03', draftOwner)).toEqual(['Draft youth', 'Varna region water', 'Varna youth']);
    expect(await titles('&municipality=BG-03-01')).toEqual(['Varna youth']);
    expect(await titles('&status=published&region=AL-01')).toEqual(['Berat youth']);
    expect(await titles('&status=draft')).toEqual([]);
    expect(await titles('&status=draft', outsider)).toEqual([]);
    expect(await titles('&status=draft', draftOwner)).toEqual(['Draft youth']);
    expect(await titles(`&organisation=${draftOrg.id}`)).toEqual([]);
    expect(await titles(`&organisation=${partnerOrg.id}`)).toEqual(['Shared culture']);
    expect(await titles(`&organisation=${alNgo.id}`)).toEqual(['Berat youth']);
    expect(await titles('&year=2024')).toEqual(['Varna youth']);
    expect(await titles('&year=2010')).toEqual([]);
    expect(await titles('&mine=true', draftOwner)).toEqual(['Draft youth']);
    expect(await titles('&mine=true', partnerOwner)).toEqual(['Shared culture']);
    expect(await titles('&mine=true', alOwner)).toEqual(['Berat youth']);

    const mineSignedOut = await inject({ method: 'GET', url: `/api/v1/ideas?q=${tag}&mine=true` });
    expectProblem(mineSignedOut, 401, 'unauthorized');

    // Text looks at titles, summaries and problems, case-insensitively; wildcards are literal.
    const bySummary = await inject({ method: 'GET', url: `/api/v1/ideas?q=${tag.toUpperCase()}-CHITALISHTE` });
    expect(bySummary.json<{ items: IdeaDto[] }>().items.map((i) => i.id)).toEqual([shared.id]);
    expect((await inject({ method: 'GET', url: `/api/v1/ideas?q=${tag}_` })).json().items).toEqual([]);
    expectProblem(await inject({ method: 'GET', url: '/api/v1/ideas?status=secret' }), 400, 'validation_failed');
    expectProblem(await inject({ method: 'GET', url: '/api/v1/ideas?organisation=nope' }), 400, 'validation_failed');
  });

  it('walks every page once with the cursor', async () => {
    const tag = uniqueTag('Ideapage');
    const org = await createOrganisation(t.app, owner);
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push((await createPublishedIdea(t.app, owner, org.id, { title: `${tag} ${i}` })).id);
    // Two ideas created in the same millisecond still page by id.
    await t.handle.db.updateTable('ideas').set({ created_at: sql`'2024-05-05T10:00:00.123Z'::timestamptz` }).where('id', 'in', created.slice(2, 5)).execute();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await inject({ method: 'GET', url: `/api/v1/ideas?q=${tag}&limit=3${cursor ? `&cursor=${cursor}` : ''}` });
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<{ items: IdeaDto[]; nextCursor: string | null }>();
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect([...seen].sort()).toEqual([...created].sort());
    expectProblem(await inject({ method: 'GET', url: '/api/v1/ideas?cursor=garbage' }), 400, 'invalid_cursor');
    const badDate = Buffer.from(JSON.stringify(['not a date', '00000000-0000-4000-8000-000000000000'])).toString('base64url');
    expectProblem(await inject({ method: 'GET', url: `/api/v1/ideas?cursor=${badDate}` }), 400, 'invalid_cursor');
  });
});

describe('editing ideas', () => {
  it('needs If-Match (428), refuses stale versions (409), replaces places and trims lists', async () => {
    const idea = await createIdea(t.app, owner, ngoId, { places: ['BG-03-01', 'BG-03-02'] });
    expectProblem(await patch(owner, idea.id, null, { title: 'A better title' }), 428, 'precondition_required');

    const ok = await patch(editor, idea.id, idea.version, {
      title: ' A better title ',
      places: ['AL-01-01'],
      targetGroups: ['  Pensioners  ', ' '],
      mainActivities: [],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const updated = ok.json<IdeaDto>();
    expect(updated).toMatchObject({ title: 'A better title', targetGroups: ['Pensioners'], mainActivities: [], version: idea.version + 1, summary: idea.summary });
    expect(updated.places.map((p) => p.code)).toEqual(['AL-01-01']);
    expect(ok.headers.etag).toBe(`"${idea.version + 1}"`);

    expectProblem(await patch(owner, idea.id, idea.version, { title: 'Stale write' }), 409, 'version_conflict');
    expect((await getIdea(t.app, owner, idea.id)).title).toBe('A better title');

    expectProblem(await patch(member, idea.id, updated.version, { title: 'By a member' }), 403, 'forbidden');
    expectProblem(await patch(outsider, idea.id, updated.version, { title: 'By a stranger' }), 404, 'not_found');
    expectProblem(await patch(null, idea.id, updated.version, { title: 'Anonymous' }), 401, 'unauthorized');
    expectProblem(await patch(owner, idea.id, updated.version, {}), 400, 'validation_failed');
    expectProblem(await patch(owner, idea.id, updated.version, { places: ['AL-01-01', 'nowhere'] }), 422, 'invalid_place', ['/places/1']);
    expectProblem(await patch(owner, idea.id, updated.version, { themes: ['bad'] }), 422, 'invalid_theme', ['/themes/0']);
    expectProblem(await patch(owner, idea.id, updated.version, { budget: '10' }), 422, 'currency_required', ['/currency']);
    // Refused edits left the idea as it was.
    const current = await getIdea(t.app, owner, idea.id);
    expect(current).toMatchObject({ version: updated.version, budget: null });
    expect(current.places.map((p) => p.code)).toEqual(['AL-01-01']);
  });

  it('publishes when complete, judging the fields a partial update leaves alone', async () => {
    const idea = await createIdea(t.app, owner, ngoId, { themes: [], places: [] });
    const incomplete = await patch(owner, idea.id, idea.version, { status: 'published', themes: ['water'] });
    expectProblem(incomplete, 422, 'idea_incomplete', ['/places']);
    expect((await getIdea(t.app, owner, idea.id)).status).toBe('draft');

    const published = await patch(owner, idea.id, idea.version, { status: 'published', themes: ['water'], places: ['BG-03-01'] });
    expect(published.statusCode, published.body).toBe(200);
    const body = published.json<IdeaDto>();
    expect(body.status).toBe('published');
    expect(body.publishedAt).not.toBeNull();
    // A published idea cannot lose a required field.
    expectProblem(await patch(owner, idea.id, body.version, { problem: '' }), 422, 'idea_incomplete', ['/problem']);

    const archived = await patch(owner, idea.id, body.version, { status: 'archived' });
    expect(archived.json()).toMatchObject({ status: 'archived', publishedAt: body.publishedAt });
  });

  it('deletes drafts only', async () => {
    const draft = await createIdea(t.app, owner, ngoId);
    const url = `/api/v1/ideas/${draft.id}`;
    expectProblem(await inject({ method: 'DELETE', url, headers: member.auth }), 403, 'forbidden');
    expectProblem(await inject({ method: 'DELETE', url, headers: outsider.auth }), 404, 'not_found');
    expectProblem(await inject({ method: 'DELETE', url }), 401, 'unauthorized');
    expect((await inject({ method: 'DELETE', url, headers: editor.auth })).statusCode).toBe(204);
    expectProblem(await inject({ method: 'GET', url, headers: owner.auth }), 404, 'not_found');

    const published = await createPublishedIdea(t.app, owner, ngoId);
    expectProblem(await inject({ method: 'DELETE', url: `/api/v1/ideas/${published.id}`, headers: owner.auth }), 409, 'idea_not_draft');
    expectProblem(await inject({ method: 'DELETE', url: `/api/v1/ideas/${published.id}`, headers: outsider.auth }), 403, 'forbidden');
  });
});

describe('co-authors', () => {
  async function partner() {
    const partnerOwner = await registerUser(t.app);
    const partnerEditor = await registerUser(t.app);
    const partnerMember = await registerUser(t.app);
    const org = await createOrganisation(t.app, partnerOwner, { kind: 'municipality', territoryCode: 'BG-03-02' });
    await addMember(t.app, partnerOwner, org.id, partnerEditor, 'editor');
    await addMember(t.app, partnerOwner, org.id, partnerMember, 'member');
    return { org, owner: partnerOwner, editor: partnerEditor, member: partnerMember };
  }

  it('adds a co-author, tells its editors, and lets them edit the idea', async () => {
    const p = await partner();
    const idea = await createIdea(t.app, owner, ngoId);
    const url = `/api/v1/ideas/${idea.id}/coauthors`;
    expectProblem(await inject({ method: 'POST', url, headers: member.auth, payload: { organisationId: p.org.id } }), 403, 'forbidden');
    expectProblem(await inject({ method: 'POST', url, payload: { organisationId: p.org.id } }), 401, 'unauthorized');
    expectProblem(await inject({ method: 'POST', url, headers: p.owner.auth, payload: { organisationId: p.org.id } }), 404, 'not_found');

    const res = await inject({ method: 'POST', url, headers: editor.auth, payload: { organisationId: p.org.id } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<IdeaDto>().coauthors).toEqual([{ id: p.org.id, name: p.org.name, kind: 'municipality' }]);
    expect(res.headers.etag).toBe(`"${res.json().version}"`);

    for (const who of [p.owner, p.editor]) {
      const notices = (await notificationsOf(t.app, who)).filter((n) => n.kind === 'idea.coauthor_added');
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ data: { ideaTitle: idea.title, organisationName: p.org.name }, link: `/ideas/${idea.id}` });
    }
    expect((await notificationsOf(t.app, p.member)).filter((n) => n.kind === 'idea.coauthor_added')).toEqual([]);
    expect((await notificationsOf(t.app, editor)).filter((n) => n.kind === 'idea.coauthor_added')).toEqual([]);

    // Adding again changes nothing and tells no one twice.
    const again = await inject({ method: 'POST', url, headers: owner.auth, payload: { organisationId: p.org.id } });
    expect(again.statusCode).toBe(200);
    expect(again.json<IdeaDto>().coauthors).toHaveLength(1);
    expect((await notificationsOf(t.app, p.editor)).filter((n) => n.kind === 'idea.coauthor_added')).toHaveLength(1);

    expectProblem(await inject({ method: 'POST', url, headers: owner.auth, payload: { organisationId: ngoId } }), 422, 'already_owner', ['/organisationId']);
    expectProblem(await inject({ method: 'POST', url, headers: owner.auth, payload: { organisationId: '00000000-0000-4000-8000-000000000000' } }), 422, 'invalid_organisation');

    // Editors of the co-author now edit the idea; its plain members only read it.
    const asPartner = await getIdea(t.app, p.editor, idea.id);
    expect(asPartner).toMatchObject({ myRole: 'editor', canEdit: true });
    const edited = await patch(p.editor, idea.id, asPartner.version, { summary: 'Rewritten together' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().summary).toBe('Rewritten together');
    expect(await getIdea(t.app, p.owner, idea.id)).toMatchObject({ myRole: 'owner', canEdit: true });
    expectProblem(await patch(p.member, idea.id, edited.json().version, { summary: 'Member' }), 403, 'forbidden');
  });

  it('is removed by the idea editors or by the co-author, and answers 404 for a non co-author', async () => {
    const a = await partner();
    const b = await partner();
    const idea = await createPublishedIdea(t.app, owner, ngoId);
    const base = `/api/v1/ideas/${idea.id}/coauthors`;
    for (const org of [a.org, b.org]) expect((await inject({ method: 'POST', url: base, headers: owner.auth, payload: { organisationId: org.id } })).statusCode).toBe(200);

    expectProblem(await inject({ method: 'DELETE', url: `${base}/${a.org.id}`, headers: a.member.auth }), 403, 'forbidden');
    expectProblem(await inject({ method: 'DELETE', url: `${base}/${a.org.id}`, headers: outsider.auth }), 403, 'forbidden');
    expectProblem(await inject({ method: 'DELETE', url: `${base}/${a.org.id}`, headers: member.auth }), 403, 'forbidden');
    expectProblem(await inject({ method: 'DELETE', url: `${base}/${a.org.id}` }), 401, 'unauthorized');

    // The co-author withdraws itself.
    expect((await inject({ method: 'DELETE', url: `${base}/${a.org.id}`, headers: a.editor.auth })).statusCode).toBe(204);
    expect((await getIdea(t.app, owner, idea.id)).coauthors.map((c) => c.id)).toEqual([b.org.id]);
    expect(await getIdea(t.app, a.editor, idea.id)).toMatchObject({ myRole: null, canEdit: false });
    const version = (await getIdea(t.app, owner, idea.id)).version;
    expectProblem(await patch(a.editor, idea.id, version, { summary: 'No longer ours' }), 403, 'forbidden');

    // The idea's editor removes the other one.
    expect((await inject({ method: 'DELETE', url: `${base}/${b.org.id}`, headers: editor.auth })).statusCode).toBe(204);
    expect((await getIdea(t.app, owner, idea.id)).coauthors).toEqual([]);

    expectProblem(await inject({ method: 'DELETE', url: `${base}/${b.org.id}`, headers: editor.auth }), 404, 'not_found');
    expectProblem(await inject({ method: 'DELETE', url: `${base}/${a.org.id}`, headers: a.owner.auth }), 404, 'not_found');
    expectProblem(await inject({ method: 'DELETE', url: `${base}/${ngoId}`, headers: owner.auth }), 404, 'not_found');
  });

  it('takes a draft out of sight of a removed co-author', async () => {
    const p = await partner();
    const idea = await createIdea(t.app, owner, ngoId);
    await inject({ method: 'POST', url: `/api/v1/ideas/${idea.id}/coauthors`, headers: owner.auth, payload: { organisationId: p.org.id } });
    expect((await inject({ method: 'GET', url: `/api/v1/ideas/${idea.id}`, headers: p.member.auth })).statusCode).toBe(200);
    const mine = await inject({ method: 'GET', url: `/api/v1/ideas?mine=true&status=draft`, headers: p.member.auth });
    expect(mine.json<{ items: IdeaDto[] }>().items.map((i) => i.id)).toEqual([idea.id]);
    expect((await inject({ method: 'DELETE', url: `/api/v1/ideas/${idea.id}/coauthors/${p.org.id}`, headers: owner.auth })).statusCode).toBe(204);
    expectProblem(await inject({ method: 'GET', url: `/api/v1/ideas/${idea.id}`, headers: p.member.auth }), 404, 'not_found');
    expect((await inject({ method: 'GET', url: `/api/v1/ideas?mine=true&status=draft`, headers: p.member.auth })).json().items).toEqual([]);
  });
});
