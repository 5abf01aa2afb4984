import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { createOrganisation, registerUser, type TestUser } from '../support/factories';
import { addItem, createIdea, createMunicipality, createPlan, createPublishedIdea, decideLink, patchPlan, proposeLink, uniqueTag, type IdeaDto, type PlanDto, type PlanItemDto } from '../support/plan-factories';
import { searchCaughtUp } from '../support/search';

interface Segment {
  text: string;
  match: boolean;
}
/** On a shared PostgreSQL test database other runs leave look-alike plans: judge only this test's own rows. */
// Items are read as the JSON they are (like `res.json()` elsewhere).
const ofPlan = (items: any[], planId: string): any[] => items.filter((i) => i.measure.plan.id === planId);
const marked = (segments: Segment[]) => segments.filter((s) => s.match).map((s) => s.text.toLowerCase());
const plain = (segments: Segment[]) => segments.map((s) => s.text).join('');

/** Every number anywhere inside a value (explanations must have none). */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

describe('matching ideas and plan measures', () => {
  let t: TestApp;
  let municipalityOwner: TestUser;
  let ngoOwner: TestUser;
  let outsider: TestUser;
  let plan: PlanDto;
  const items: Record<string, PlanItemDto> = {};
  let idea: IdeaDto;
  let draft: IdeaDto;
  let ngoId: string;
  const tag = uniqueTag('match');

  beforeAll(async () => {
    t = await createTestApp();
    municipalityOwner = await registerUser(t.app);
    ngoOwner = await registerUser(t.app);
    outsider = await registerUser(t.app);
    const municipality = await createMunicipality(t.app, municipalityOwner, { territoryCode: 'BG-03-01' });
    ngoId = (await createOrganisation(t.app, ngoOwner)).id;
    plan = await createPlan(t.app, municipalityOwner, municipality.id, { title: `План ${tag}`, language: 'bg' });
    const add = async (code: string, title: string, description = '') => (items[code] = await addItem(t.app, municipalityOwner, plan.id, code, { title, description }));
    await add('1', 'Техническа инфраструктура');
    await add('1.1', 'Вода и улици');
    await add('1.1.1', 'Изграждане на водопровод в селата', 'Нова водопроводна мрежа и питейна вода за три села.');
    await add('1.1.2', 'Улично осветление с LED лампи', 'Подмяна на осветителните тела по главните улици.');
    await add('2', 'Култура и младежи');
    await add('2.1', 'Живи читалища');
    await add('2.1.1', 'Ремонт на читалището и клубове за младежи', 'Обновяване на читалищната сграда и младежки клуб със занимания по театър и музика.');
    plan = await patchPlan(t.app, municipalityOwner, plan.id, { status: 'published' });
    idea = await createPublishedIdea(t.app, ngoOwner, ngoId, {
      title: `Youth club in the village community centre ${tag}`,
      summary: 'Young people will meet twice a week in the renovated chitalishte hall for theatre and music workshops.',
      problem: 'Teenagers in the village have no place to meet after school.',
      overallObjective: 'More cultural activities for youth.',
      mainActivities: ['Theatre workshop', 'Music lessons for teenagers'],
      places: ['BG-03-01'],
      themes: ['youth', 'culture'],
      language: 'en',
    });
    draft = await createIdea(t.app, ngoOwner, ngoId, { title: `Drinking water for the village ${tag}`, summary: 'A new water main for the village.', places: ['BG-03-01'], language: 'en' });
    await searchCaughtUp(t.app);
  });
  afterAll(() => t.close());

  it('ranks the measures an idea serves, across languages, with an explanation', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/ideas/${idea.id}/matches?limit=50` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.idea).toEqual({ id: idea.id, title: idea.title });
    const top = ofPlan(body.items, plan.id)[0];
    expect(top.measure.id).toBe(items['2.1.1']!.id);
    expect(top.measure.plan).toMatchObject({ id: plan.id, periodStart: 2021, periodEnd: 2027 });
    expect(['strong', 'possible']).toContain(top.explanation.band);
    // The Bulgarian words for the English idea's "youth" and "community centre" are marked.
    expect(marked([...top.measure.title, ...top.measure.description]).join(' ')).toMatch(/читалищ/);
    expect(marked([...top.measure.title, ...top.measure.description]).join(' ')).toMatch(/младеж/);
    expect(plain(top.measure.title)).toBe('Ремонт на читалището и клубове за младежи');
    expect(top.explanation.sharedThemes).toEqual(expect.arrayContaining(['culture']));
    expect(top.explanation.sharedTopics.map((s: { topic: string }) => s.topic)).toEqual(expect.arrayContaining(['youth', 'community_centres']));
    expect(top.explanation.fromParts[0]).toMatch(/title|summary|activities|objectives/);
    expect(numbersIn(top.explanation)).toEqual([]);
    expect(top.link).toBeNull();
    const lighting = body.items.find((i: { measure: { id: string } }) => i.measure.id === items['1.1.2']!.id);
    if (lighting) expect(lighting.explanation.band).not.toBe('strong');
  });

  it('filters by municipality and plan year, and rejects bad filters', async () => {
    const elsewhere = await t.app.inject({ method: 'GET', url: `/api/v1/ideas/${idea.id}/matches?municipality=AZ-XX-NOWHERE` });
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.json().items).toEqual([]);
    const outOfPeriod = await t.app.inject({ method: 'GET', url: `/api/v1/ideas/${idea.id}/matches?year=2035` });
    expect(outOfPeriod.json().items.map((i: { measure: { id: string } }) => i.measure.id)).not.toContain(items['2.1.1']!.id);
    const bad = await t.app.inject({ method: 'GET', url: `/api/v1/ideas/${idea.id}/matches?municipality=${encodeURIComponent('x"] OR 1')}` });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/ideas/${idea.id}/matches?limit=500` })).statusCode).toBe(400);
  });

  it('keeps drafts private: outsiders get 404, members see their draft matched', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/ideas/${draft.id}/matches` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/ideas/${draft.id}/matches`, headers: outsider.auth })).statusCode).toBe(404);
    const own = await t.app.inject({ method: 'GET', url: `/api/v1/ideas/${draft.id}/matches?limit=50`, headers: ngoOwner.auth });
    expect(own.statusCode).toBe(200);
    expect(ofPlan(own.json().items, plan.id)[0]!.measure.id).toBe(items['1.1.1']!.id);
  });

  it('finds ideas for a measure, and never a draft', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/plans/${plan.id}/items/${items['2.1.1']!.id}/matches?limit=50` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.item).toMatchObject({ id: items['2.1.1']!.id, code: '2.1.1' });
    const ours = body.items.filter((i: { idea: { id: string } }) => [idea.id, draft.id].includes(i.idea.id));
    expect(ours.map((i: { idea: { id: string } }) => i.idea.id)).toEqual([idea.id]);
    expect(marked(ours[0].idea.title).join(' ')).toMatch(/youth|community|centre/);
    expect(numbersIn(ours[0].explanation)).toEqual([]);
    const water = await t.app.inject({ method: 'GET', url: `/api/v1/plans/${plan.id}/items/${items['1.1.1']!.id}/matches?limit=50` });
    expect(water.json().items.map((i: { idea: { id: string } }) => i.idea.id)).not.toContain(draft.id);
    const missing = await t.app.inject({ method: 'GET', url: `/api/v1/plans/${plan.id}/items/${idea.id}/matches` });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'not_found' });
  });

  it('finds ideas for a whole plan with their best measures', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/plans/${plan.id}/matches?limit=50` });
    expect(res.statusCode).toBe(200);
    const hit = res.json().items.find((i: { idea: { id: string } }) => i.idea.id === idea.id);
    expect(hit.measures[0]).toMatchObject({ id: items['2.1.1']!.id, code: '2.1.1' });
  });

  it('shows coverage: confirmed, strongly matched and uncovered measures', async () => {
    const before = (await t.app.inject({ method: 'GET', url: `/api/v1/plans/${plan.id}/coverage` })).json();
    expect(before.totals.measures).toBe(3);
    const proposed = await proposeLink(t.app, ngoOwner, idea.id, items['2.1.1']!.id);
    expect(proposed.statusCode).toBe(201);
    expect((await decideLink(t.app, municipalityOwner, proposed.json().id, 'confirmed')).statusCode).toBe(200);
    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/plans/${plan.id}/coverage` })).json();
    const measures = after.priorities.flatMap((p: { objectives: Array<{ measures: unknown[] }> }) => p.objectives.flatMap((o) => o.measures));
    const culture = measures.find((m: { id: string }) => m.id === items['2.1.1']!.id);
    expect(culture).toMatchObject({ status: 'confirmed', confirmedIdeas: 1 });
    expect(measures.find((m: { id: string }) => m.id === items['1.1.2']!.id).status).toBe('none');
    expect(after.totals.confirmed).toBe(1);
    expect(after.priorities.map((p: { code: string }) => p.code)).toEqual(['1', '2']);
    const links = (await t.app.inject({ method: 'GET', url: `/api/v1/ideas/${idea.id}/matches?limit=50` })).json();
    expect(ofPlan(links.items, plan.id)[0]!.link).toMatchObject({ status: 'confirmed' });
  });

  it('searches everything at once: grouped by type, with facets and highlights, typos forgiven', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('читалишето')}&country=BG` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const measure = body.measures.items.find((m: { id: string }) => m.id === items['2.1.1']!.id);
    expect(marked(measure.title)).toEqual(['читалището']);
    expect(body.measures.facets.country.BG).toBeGreaterThanOrEqual(1);
    expect(body).toHaveProperty('ideas');
    expect(body).toHaveProperty('organisations');
    const ideas = (await t.app.inject({ method: 'GET', url: `/api/v1/search?type=ideas&q=${tag}` })).json();
    expect(ideas.ideas.items.map((i: { id: string }) => i.id)).toEqual([idea.id]);
    expect(ideas.ideas.facets.themes).toMatchObject({ youth: 1, culture: 1 });
    expect(ideas).not.toHaveProperty('measures');
    const bad = await t.app.inject({ method: 'GET', url: `/api/v1/search?q=x&limit=0` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
  });

  it('hides a draft plan: not searchable, matches 404 for outsiders', async () => {
    const municipality = await createMunicipality(t.app, municipalityOwner, { territoryCode: 'BG-03-01' });
    const hidden = await createPlan(t.app, municipalityOwner, municipality.id, { title: `Чернова ${tag}` });
    await addItem(t.app, municipalityOwner, hidden.id, '1', { title: 'Приоритет' });
    await addItem(t.app, municipalityOwner, hidden.id, '1.1', { title: 'Цел' });
    await addItem(t.app, municipalityOwner, hidden.id, '1.1.1', { title: `Скрита мярка ${tag}` });
    await searchCaughtUp(t.app);
    const res = (await t.app.inject({ method: 'GET', url: `/api/v1/search?type=measures&q=${encodeURIComponent(`скрита ${tag}`)}` })).json();
    expect(res.measures.items).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/plans/${hidden.id}/matches`, headers: outsider.auth })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/plans/${hidden.id}/coverage` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/plans/${hidden.id}/coverage`, headers: municipalityOwner.auth })).statusCode).toBe(200);
  });
});
