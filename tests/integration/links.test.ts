import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { addMember, createOrganisation, registerUser, type TestUser } from '../support/factories';
import {
  createIdea,
  createMunicipality,
  createPlanWithMeasures,
  createPublishedIdea,
  decideLink,
  getIdea,
  getPlan,
  ifMatch,
  notificationsOf,
  proposeLink,
  type LinkDto,
  type PlanItemDto,
  type Problem,
  type Reply,
} from '../support/plan-factories';

let t: TestApp;
let outsider: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  outsider = await registerUser(t.app);
});
afterAll(() => t.close());

const inject = (options: InjectOptions) => t.app.inject(options);

function expectProblem(res: Reply, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json<Problem>().code).toBe(code);
}

interface Side {
  orgId: string;
  owner: TestUser;
  editor: TestUser;
  member: TestUser;
}

async function side(kind: 'municipality' | 'ngo'): Promise<Side> {
  const owner = await registerUser(t.app);
  const editor = await registerUser(t.app);
  const member = await registerUser(t.app);
  const org = kind === 'municipality' ? await createMunicipality(t.app, owner) : await createOrganisation(t.app, owner, { kind: 'ngo' });
  await addMember(t.app, owner, org.id, editor, 'editor');
  await addMember(t.app, owner, org.id, member, 'member');
  return { orgId: org.id, owner, editor, member };
}

/** A municipality (A) with a published plan and an NGO (B) with a published idea. */
async function world() {
  const a = await side('municipality');
  const b = await side('ngo');
  const { plan, item } = await createPlanWithMeasures(t.app, a.owner, a.orgId);
  const idea = await createPublishedIdea(t.app, b.owner, b.orgId);
  return { a, b, plan, item, idea, measure: item('1.1.1') };
}

const linksOfPlan = async (user: TestUser | null, planId: string, status?: string) => {
  const res = await inject({ method: 'GET', url: `/api/v1/plans/${planId}/links${status ? `?status=${status}` : ''}`, headers: user?.auth ?? {} });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: LinkDto[] }>().items;
};
const kinds = async (user: TestUser, kind: string) => (await notificationsOf(t.app, user)).filter((n) => n.kind === kind);
const measureIn = async (planId: string, measureId: string): Promise<PlanItemDto> => {
  const found = (await getPlan(t.app, null, planId)).items.find((i) => i.id === measureId);
  if (!found) throw new Error('measure not in the plan');
  return found;
};

describe('the confirmed link flow between a municipality and an NGO', () => {
  it('is proposed by the idea side and confirmed by the plan side', async () => {
    const { a, b, plan, idea, measure } = await world();

    const proposed = await proposeLink(t.app, b.editor, idea.id, measure.id, '  Our centre serves this measure  ');
    expect(proposed.statusCode, proposed.body).toBe(201);
    const link = proposed.json<LinkDto>();
    expect(link).toMatchObject({
      status: 'proposed',
      proposedBySide: 'idea',
      note: 'Our centre serves this measure',
      idea: { id: idea.id, title: idea.title },
      measure: { id: measure.id, code: '1.1.1', title: measure.title },
      plan: { id: plan.id, title: plan.title, organisationId: a.orgId },
      decidedAt: null,
      canDecide: false,
      canWithdraw: true,
    });

    // The municipality's editors are told; nobody on the NGO side is.
    for (const who of [a.owner, a.editor]) {
      const notices = await kinds(who, 'link.proposed');
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ data: { ideaTitle: idea.title, measureCode: '1.1.1', planTitle: plan.title, status: 'proposed' }, link: `/ideas/${idea.id}` });
    }
    expect(await kinds(a.member, 'link.proposed')).toEqual([]);
    expect(await kinds(b.owner, 'link.proposed')).toEqual([]);

    // The municipality sees it waiting for its decision; outsiders and plain members do not see it yet.
    const waiting = await linksOfPlan(a.editor, plan.id, 'proposed');
    expect(waiting).toEqual([expect.objectContaining({ id: link.id, status: 'proposed', canDecide: true, canWithdraw: true })]);
    expect(await linksOfPlan(a.editor, plan.id, 'confirmed')).toEqual([]);
    expect(await linksOfPlan(outsider, plan.id)).toEqual([]);
    expect(await linksOfPlan(null, plan.id)).toEqual([]);
    expect(await linksOfPlan(a.member, plan.id)).toEqual([]);
    // The NGO sees its own proposal.
    expect(await linksOfPlan(b.member, plan.id)).toEqual([expect.objectContaining({ id: link.id, canDecide: false, canWithdraw: false })]);
    expect((await getIdea(t.app, b.editor, idea.id)).links).toEqual([expect.objectContaining({ id: link.id, status: 'proposed', canDecide: false, canWithdraw: true })]);

    // The proposer cannot confirm its own proposal, nor propose it twice.
    expectProblem(await decideLink(t.app, b.editor, link.id, 'confirmed'), 403, 'forbidden');
    expectProblem(await decideLink(t.app, b.owner, link.id, 'confirmed'), 403, 'forbidden');
    expectProblem(await decideLink(t.app, a.member, link.id, 'confirmed'), 403, 'forbidden');
    expectProblem(await decideLink(t.app, outsider, link.id, 'confirmed'), 403, 'forbidden');
    expectProblem(await inject({ method: 'POST', url: `/api/v1/links/${link.id}/decision`, payload: { decision: 'confirmed' } }), 401, 'unauthorized');
    expectProblem(await proposeLink(t.app, b.owner, idea.id, measure.id), 409, 'link_exists');
    expect(await measureIn(plan.id, measure.id)).toMatchObject({ linkedIdeas: 0 });

    const confirmed = await decideLink(t.app, a.editor, link.id, 'confirmed');
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json<LinkDto>()).toMatchObject({ id: link.id, status: 'confirmed', canDecide: false, canWithdraw: true });
    expect(confirmed.json<LinkDto>().decidedAt).not.toBeNull();

    for (const who of [b.owner, b.editor]) {
      expect(await kinds(who, 'link.decided')).toEqual([expect.objectContaining({ data: expect.objectContaining({ measureCode: '1.1.1', status: 'confirmed' }) })]);
    }
    expect(await kinds(a.editor, 'link.decided')).toEqual([]);
    expect(await kinds(b.member, 'link.decided')).toEqual([]);

    // Both sides' pages now count it, for everyone.
    expect(await measureIn(plan.id, measure.id)).toMatchObject({ linkedIdeas: 1 });
    const seenByAnyone = await getIdea(t.app, null, idea.id);
    expect(seenByAnyone.confirmedLinks).toBe(1);
    expect(seenByAnyone.links).toEqual([expect.objectContaining({ id: link.id, status: 'confirmed', canDecide: false, canWithdraw: false })]);
    const listed = await inject({ method: 'GET', url: `/api/v1/ideas?organisation=${b.orgId}` });
    expect(listed.json<{ items: Array<{ id: string; confirmedLinks: number }> }>().items).toEqual([expect.objectContaining({ id: idea.id, confirmedLinks: 1 })]);
    expect(await linksOfPlan(outsider, plan.id)).toEqual([expect.objectContaining({ id: link.id, status: 'confirmed', canDecide: false, canWithdraw: false })]);
    expect(await linksOfPlan(a.member, plan.id, 'confirmed')).toHaveLength(1);

    expectProblem(await decideLink(t.app, a.owner, link.id, 'rejected'), 409, 'link_not_proposed');
    expectProblem(await proposeLink(t.app, b.editor, idea.id, measure.id), 409, 'link_exists');
    expectProblem(await proposeLink(t.app, a.editor, idea.id, measure.id), 409, 'link_exists');
  });

  it('can be rejected and proposed again', async () => {
    const { a, b, plan, idea, measure } = await world();
    const link = (await proposeLink(t.app, b.owner, idea.id, measure.id)).json<LinkDto>();
    const rejected = await decideLink(t.app, a.owner, link.id, 'rejected');
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json<LinkDto>()).toMatchObject({ status: 'rejected', canDecide: false });
    expect(await kinds(b.editor, 'link.decided')).toEqual([expect.objectContaining({ data: expect.objectContaining({ status: 'rejected' }) })]);
    expect(await linksOfPlan(outsider, plan.id)).toEqual([]);
    expect(await linksOfPlan(a.editor, plan.id, 'rejected')).toEqual([expect.objectContaining({ id: link.id })]);
    expect((await getIdea(t.app, null, idea.id)).confirmedLinks).toBe(0);
    expect(await measureIn(plan.id, measure.id)).toMatchObject({ linkedIdeas: 0 });
    expectProblem(await decideLink(t.app, a.owner, link.id, 'confirmed'), 409, 'link_not_proposed');

    // Proposing again starts it over (the same link), and the municipality is told again.
    const again = await proposeLink(t.app, b.editor, idea.id, measure.id, 'We changed the budget');
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json<LinkDto>()).toMatchObject({ id: link.id, status: 'proposed', proposedBySide: 'idea', note: 'We changed the budget', decidedAt: null });
    expect(await kinds(a.editor, 'link.proposed')).toHaveLength(2);
    expect((await decideLink(t.app, a.editor, link.id, 'confirmed')).json<LinkDto>().status).toBe('confirmed');
    expect(await measureIn(plan.id, measure.id)).toMatchObject({ linkedIdeas: 1 });
  });

  it('can be proposed by the plan side and confirmed by the idea side', async () => {
    const { a, b, plan, idea, measure } = await world();
    const proposed = await proposeLink(t.app, a.editor, idea.id, measure.id);
    expect(proposed.statusCode, proposed.body).toBe(201);
    const link = proposed.json<LinkDto>();
    expect(link).toMatchObject({ status: 'proposed', proposedBySide: 'plan', canDecide: false, canWithdraw: true });
    for (const who of [b.owner, b.editor]) expect(await kinds(who, 'link.proposed')).toHaveLength(1);
    expect(await kinds(a.owner, 'link.proposed')).toEqual([]);

    expect((await getIdea(t.app, b.editor, idea.id)).links).toEqual([expect.objectContaining({ id: link.id, canDecide: true })]);
    expect((await linksOfPlan(a.owner, plan.id, 'proposed'))[0]).toMatchObject({ id: link.id, canDecide: false });
    expectProblem(await decideLink(t.app, a.owner, link.id, 'confirmed'), 403, 'forbidden');
    expectProblem(await decideLink(t.app, b.member, link.id, 'confirmed'), 403, 'forbidden');

    const confirmed = await decideLink(t.app, b.editor, link.id, 'confirmed');
    expect(confirmed.json<LinkDto>()).toMatchObject({ status: 'confirmed' });
    for (const who of [a.owner, a.editor]) expect(await kinds(who, 'link.decided')).toHaveLength(1);
    expect(await kinds(b.owner, 'link.decided')).toEqual([]);
    expect(await measureIn(plan.id, measure.id)).toMatchObject({ linkedIdeas: 1 });
  });

  it('is confirmed when the other side proposes the same link back', async () => {
    const { a, b, idea, measure } = await world();
    const first = (await proposeLink(t.app, b.editor, idea.id, measure.id)).json<LinkDto>();
    const back = await proposeLink(t.app, a.owner, idea.id, measure.id);
    expect(back.statusCode, back.body).toBe(201);
    expect(back.json<LinkDto>()).toMatchObject({ id: first.id, status: 'confirmed', proposedBySide: 'idea' });
    expect(await kinds(b.editor, 'link.decided')).toEqual([expect.objectContaining({ data: expect.objectContaining({ status: 'confirmed' }) })]);
    expect((await getIdea(t.app, null, idea.id)).confirmedLinks).toBe(1);
  });

  it('is confirmed at once by someone who edits both the idea and the plan', async () => {
    const a = await side('municipality');
    const { plan, item } = await createPlanWithMeasures(t.app, a.owner, a.orgId);
    // The municipality posts its own idea and links it to its own plan.
    const idea = await createPublishedIdea(t.app, a.editor, a.orgId);
    const res = await proposeLink(t.app, a.editor, idea.id, item('1.2.1').id);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<LinkDto>()).toMatchObject({ status: 'confirmed', canDecide: false, canWithdraw: true });
    expect(res.json<LinkDto>().decidedAt).not.toBeNull();
    expect(await kinds(a.editor, 'link.proposed')).toEqual([]);
    expect(await measureIn(plan.id, item('1.2.1').id)).toMatchObject({ linkedIdeas: 1 });
    expect(await linksOfPlan(outsider, plan.id)).toHaveLength(1);
  });

  it('is withdrawn by either side, not by outsiders', async () => {
    const { a, b, plan, idea, item } = await world();
    const one = (await proposeLink(t.app, b.editor, idea.id, item('1.1.1').id)).json<LinkDto>();
    const two = (await proposeLink(t.app, b.editor, idea.id, item('1.1.2').id)).json<LinkDto>();
    await decideLink(t.app, a.editor, two.id, 'confirmed');

    for (const who of [outsider, a.member, b.member]) expectProblem(await inject({ method: 'DELETE', url: `/api/v1/links/${one.id}`, headers: who.auth }), 403, 'forbidden');
    expectProblem(await inject({ method: 'DELETE', url: `/api/v1/links/${one.id}` }), 401, 'unauthorized');

    expect((await inject({ method: 'DELETE', url: `/api/v1/links/${one.id}`, headers: b.owner.auth })).statusCode).toBe(204);
    expect((await inject({ method: 'DELETE', url: `/api/v1/links/${two.id}`, headers: a.editor.auth })).statusCode).toBe(204);
    expect((await getIdea(t.app, b.owner, idea.id)).links).toEqual([]);
    expect(await linksOfPlan(a.owner, plan.id)).toEqual([]);
    expect(await measureIn(plan.id, item('1.1.2').id)).toMatchObject({ linkedIdeas: 0 });
    expectProblem(await inject({ method: 'DELETE', url: `/api/v1/links/${one.id}`, headers: b.owner.auth }), 404, 'not_found');
    expectProblem(await decideLink(t.app, a.owner, one.id, 'confirmed'), 404, 'not_found');

    // After withdrawing, the link can be proposed afresh.
    const fresh = await proposeLink(t.app, b.editor, idea.id, item('1.1.1').id);
    expect(fresh.statusCode).toBe(201);
    expect(fresh.json<LinkDto>().id).not.toBe(one.id);
  });
});

describe('what can be linked', () => {
  it('needs a published idea, a measure and a published plan', async () => {
    const { a, b, plan, idea, item, measure } = await world();

    const draftIdea = await createIdea(t.app, b.owner, b.orgId);
    expectProblem(await proposeLink(t.app, b.editor, draftIdea.id, measure.id), 422, 'idea_not_published');
    // The municipality cannot even see the NGO's draft.
    expectProblem(await proposeLink(t.app, a.editor, draftIdea.id, measure.id), 404, 'not_found');

    expectProblem(await proposeLink(t.app, b.editor, idea.id, item('1.1').id), 422, 'invalid_measure');
    expectProblem(await proposeLink(t.app, b.editor, idea.id, item('1').id), 422, 'invalid_measure');
    expectProblem(await proposeLink(t.app, b.editor, idea.id, '00000000-0000-4000-8000-000000000000'), 422, 'invalid_measure');
    expectProblem(await proposeLink(t.app, b.editor, idea.id, 'not-a-uuid'), 400, 'validation_failed');
    expectProblem(await proposeLink(t.app, b.editor, idea.id, measure.id, 'x'.repeat(1001)), 400, 'validation_failed');

    // A draft plan is hidden from the NGO (404); its own editors are told to publish it first.
    const draft = await createPlanWithMeasures(t.app, a.owner, a.orgId, { publish: false });
    expectProblem(await proposeLink(t.app, b.editor, idea.id, draft.item('1.1.1').id), 404, 'not_found');
    expectProblem(await proposeLink(t.app, a.editor, idea.id, draft.item('1.1.1').id), 422, 'plan_not_published');
    expectProblem(await inject({ method: 'GET', url: `/api/v1/plans/${draft.plan.id}/links`, headers: outsider.auth }), 404, 'not_found');

    // Only editors of one of the two sides propose.
    expectProblem(await proposeLink(t.app, outsider, idea.id, measure.id), 403, 'forbidden');
    expectProblem(await proposeLink(t.app, a.member, idea.id, measure.id), 403, 'forbidden');
    expectProblem(await proposeLink(t.app, b.member, idea.id, measure.id), 403, 'forbidden');
    expectProblem(await inject({ method: 'POST', url: `/api/v1/ideas/${idea.id}/links`, payload: { measureId: measure.id } }), 401, 'unauthorized');
    expectProblem(await proposeLink(t.app, b.editor, '00000000-0000-4000-8000-000000000000', measure.id), 404, 'not_found');
    expect(await linksOfPlan(a.owner, plan.id)).toEqual([]);
  });

  it('shows outsiders only confirmed links of published ideas on the plan', async () => {
    const { a, b, plan, item } = await world();
    const ideas = [];
    for (let i = 0; i < 4; i++) ideas.push(await createPublishedIdea(t.app, b.owner, b.orgId));
    const [confirmedIdea, proposedIdea, rejectedIdea, archivedIdea] = ideas as [(typeof ideas)[0], (typeof ideas)[0], (typeof ideas)[0], (typeof ideas)[0]];
    const measureId = item('1.1.1').id;
    const confirmed = (await proposeLink(t.app, b.owner, confirmedIdea.id, measureId)).json<LinkDto>();
    await decideLink(t.app, a.owner, confirmed.id, 'confirmed');
    const proposed = (await proposeLink(t.app, b.owner, proposedIdea.id, measureId)).json<LinkDto>();
    const rejected = (await proposeLink(t.app, b.owner, rejectedIdea.id, measureId)).json<LinkDto>();
    await decideLink(t.app, a.owner, rejected.id, 'rejected');
    const archived = (await proposeLink(t.app, b.owner, archivedIdea.id, measureId)).json<LinkDto>();
    await decideLink(t.app, a.owner, archived.id, 'confirmed');
    const current = await getIdea(t.app, b.owner, archivedIdea.id);
    const archiving = await inject({ method: 'PATCH', url: `/api/v1/ideas/${archivedIdea.id}`, headers: { ...b.owner.auth, ...ifMatch(current.version) }, payload: { status: 'archived' } });
    expect(archiving.statusCode, archiving.body).toBe(200);

    const ids = (links: LinkDto[]) => links.map((l) => l.id).sort();
    expect(ids(await linksOfPlan(null, plan.id))).toEqual([confirmed.id]);
    expect(ids(await linksOfPlan(outsider, plan.id))).toEqual([confirmed.id]);
    expect(ids(await linksOfPlan(a.member, plan.id))).toEqual([confirmed.id]);
    expect(ids(await linksOfPlan(a.editor, plan.id))).toEqual([confirmed.id, proposed.id, rejected.id, archived.id].sort());
    expect(ids(await linksOfPlan(a.editor, plan.id, 'confirmed'))).toEqual([confirmed.id, archived.id].sort());
    // The NGO sees its own links whatever their state.
    expect(ids(await linksOfPlan(b.member, plan.id))).toEqual([confirmed.id, proposed.id, rejected.id, archived.id].sort());
    // The tree counts confirmed links of published ideas only.
    expect(await measureIn(plan.id, measureId)).toMatchObject({ linkedIdeas: 1 });
    expectProblem(await inject({ method: 'GET', url: `/api/v1/plans/${plan.id}/links?status=maybe` }), 400, 'validation_failed');
  });
});

describe('links proposed by a co-authoring organisation', () => {
  it('tell the municipality, not the idea owner, when a co-author editor proposes', async () => {
    const { a, b, idea, measure } = await world();
    const c = await side('ngo');
    const added = await inject({ method: 'POST', url: `/api/v1/ideas/${idea.id}/coauthors`, headers: b.owner.auth, payload: { organisationId: c.orgId } });
    expect(added.statusCode, added.body).toBe(200);

    const proposed = await proposeLink(t.app, c.editor, idea.id, measure.id);
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect(proposed.json<LinkDto>()).toMatchObject({ status: 'proposed', proposedBySide: 'idea' });
    // The municipality must decide, so its editors must hear of it; the idea's own side proposed it.
    expect.soft(await kinds(a.editor, 'link.proposed')).toHaveLength(1);
    expect.soft(await kinds(b.editor, 'link.proposed')).toEqual([]);

    const confirmed = await decideLink(t.app, a.editor, proposed.json<LinkDto>().id, 'confirmed');
    expect(confirmed.statusCode).toBe(200);
    expect(await kinds(b.editor, 'link.decided')).toHaveLength(1);
  });
});
