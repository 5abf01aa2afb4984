import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { docxText, pdfFilledShapes, pdfPages, pdfText } from '../support/documents';
import { addMember, createOrganisation, registerUser, type TestUser } from '../support/factories';
import { addItem, createIdea, createMunicipality, createPlan, createPlanWithMeasures, notificationsOf, patchPlan, type Problem, type Reply } from '../support/plan-factories';
import {
  addEntry,
  createCouncil,
  createIdeaOwner,
  createRound,
  decide,
  getRound,
  patchRound,
  ranking,
  review,
  setStatus,
  standardCriteria,
  type RoundDto,
} from '../support/shortlists';

let t: TestApp;
let outsider: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  outsider = await registerUser(t.app);
});
afterAll(() => t.close());

function expectProblem(res: Reply, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json<Problem>().code).toBe(code);
}

/** A council with a round (reviewers A and B) in `reviewing`, and three ideas of three NGOs entered. */
async function reviewingRound(overrides: Record<string, unknown> = {}) {
  const council = await createCouncil(t.app);
  const owners = [await createIdeaOwner(t.app), await createIdeaOwner(t.app), await createIdeaOwner(t.app)];
  const round0 = await createRound(t.app, council.editor, council.orgId, { reviewerIds: [council.reviewerA.id, council.reviewerB.id], ...overrides });
  const entryIds: string[] = [];
  for (const o of owners) {
    const res = await addEntry(t.app, o.owner, round0.id, o.idea.id);
    expect(res.statusCode, res.body).toBe(201);
    entryIds.push(res.json<{ id: string }>().id);
  }
  expect((await setStatus(t.app, council.editor, round0.id, 'reviewing')).statusCode).toBe(200);
  const round = await getRound(t.app, council.editor, round0.id);
  return { council, owners, round, entryIds };
}

describe('round setup', () => {
  it('lets council editors set up a round with criteria, scale, plans and reviewers', async () => {
    const council = await createCouncil(t.app);
    const { plan } = await createPlanWithMeasures(t.app, council.owner, council.orgId);
    const round = await createRound(t.app, council.editor, council.orgId, { planIds: [plan.id], reviewerIds: [council.reviewerA.id], blind: true, scale: 10, callStart: '2026-01-01', callEnd: '2026-12-31' });
    expect(round).toMatchObject({ status: 'collecting', scale: 10, blind: true, regionCode: 'BG-03', canManage: true, isReviewer: false });
    expect(round.criteria.map((c) => [c.name, c.weight])).toEqual(standardCriteria.map((c) => [c.name, c.weight]));
    expect(round.reviewers.map((r) => r.id)).toEqual([council.reviewerA.id]);
    // Other council members follow the round; outsiders do not see it.
    expect((await getRound(t.app, council.member, round.id)).canManage).toBe(false);
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/shortlists/${round.id}`, headers: outsider.auth }), 404, 'not_found');
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/shortlists/${round.id}` }), 404, 'not_found');
  });

  it('checks weights, scale, region, plans, reviewers and who sets it up', async () => {
    const council = await createCouncil(t.app);
    const create = (user: TestUser, payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/api/v1/shortlists', headers: user.auth, payload: { organisationId: council.orgId, title: 'A round', criteria: standardCriteria, scale: 5, ...payload } });
    const weights = await create(council.editor, { criteria: [{ name: 'A', weight: 50 }, { name: 'B', weight: 40 }] });
    expectProblem(weights, 422, 'invalid_weights');
    expect(weights.json<Problem>().errors?.[0]?.path).toBe('/criteria');
    expectProblem(await create(council.editor, { scale: 7 }), 400, 'validation_failed');
    expectProblem(await create(council.editor, { regionCode: 'BG-03-01' }), 422, 'invalid_region');
    expectProblem(await create(council.editor, { reviewerIds: [outsider.id] }), 422, 'invalid_reviewer');
    expectProblem(await create(council.editor, { callStart: '2026-05-01', callEnd: '2026-04-01' }), 422, 'invalid_period');
    const muni = await createMunicipality(t.app, outsider);
    const { plan: otherPlan } = await createPlanWithMeasures(t.app, outsider, muni.id);
    expectProblem(await create(council.editor, { planIds: [otherPlan.id] }), 422, 'invalid_plan');
    // Plain members cannot set up rounds; only regional councils run them.
    expectProblem(await create(council.member, {}), 403, 'forbidden');
    const ngoOwner = await registerUser(t.app);
    const ngo = await createOrganisation(t.app, ngoOwner, { kind: 'ngo' });
    const notCouncil = await t.app.inject({ method: 'POST', url: '/api/v1/shortlists', headers: ngoOwner.auth, payload: { organisationId: ngo.id, title: 'A round', criteria: standardCriteria, scale: 5 } });
    expectProblem(notCouncil, 422, 'shortlists_not_allowed');
  });

  it('changes the setup only while collecting, with If-Match', async () => {
    const council = await createCouncil(t.app);
    const round = await createRound(t.app, council.editor, council.orgId);
    const ok = await patchRound(t.app, council.editor, round, { reviewerIds: [council.reviewerA.id], criteria: [{ name: 'Only one', weight: 100 }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<RoundDto>().criteria.map((c) => c.name)).toEqual(['Only one']);
    expectProblem(await patchRound(t.app, council.editor, round, { title: 'Stale version' }), 409, 'version_conflict');
    expectProblem(await patchRound(t.app, council.member, ok.json<RoundDto>(), { title: 'Not mine' }), 403, 'forbidden');
  });
});

describe('entries', () => {
  it('takes submissions from idea owners and additions by the council, once each, while collecting', async () => {
    const council = await createCouncil(t.app);
    const round = await createRound(t.app, council.editor, council.orgId);
    const a = await createIdeaOwner(t.app);
    const b = await createIdeaOwner(t.app);

    const submitted = await addEntry(t.app, a.owner, round.id, a.idea.id);
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect(submitted.json()).toMatchObject({ addedSide: 'owner', idea: { id: a.idea.id } });
    expectProblem(await addEntry(t.app, a.owner, round.id, a.idea.id), 409, 'entry_exists');

    const added = await addEntry(t.app, council.editor, round.id, b.idea.id);
    expect(added.json()).toMatchObject({ addedSide: 'council' });

    // Someone else's idea, a draft, and a person outside both sides.
    expectProblem(await addEntry(t.app, a.owner, round.id, b.idea.id), 404, 'not_found');
    const draft = await createIdea(t.app, a.owner, a.orgId);
    expectProblem(await addEntry(t.app, a.owner, round.id, draft.id), 422, 'idea_not_published');
    expectProblem(await addEntry(t.app, council.member, round.id, a.idea.id), 403, 'forbidden');

    // The owner withdraws their entry; it is gone from the round.
    const entryId = submitted.json<{ id: string }>().id;
    const withdrawn = await t.app.inject({ method: 'DELETE', url: `/api/v1/shortlists/${round.id}/entries/${entryId}`, headers: a.owner.auth });
    expect(withdrawn.statusCode).toBe(204);
    expect((await getRound(t.app, council.editor, round.id)).entries.map((e) => e.idea.id)).toEqual([b.idea.id]);

    // Open rounds for the idea list this one for its editors.
    const open = await t.app.inject({ method: 'GET', url: `/api/v1/shortlists/open?ideaId=${a.idea.id}`, headers: a.owner.auth });
    expect(open.json<{ items: Array<{ id: string }> }>().items.map((r) => r.id)).toContain(round.id);
    // A round without a region is open to ideas of the council's country, not to others.
    const countryWide = await createRound(t.app, council.editor, council.orgId, { regionCode: null });
    const azOwner = await registerUser(t.app);
    const azNgo = await createOrganisation(t.app, azOwner, { kind: 'ngo', country: 'AZ', territoryCode: null, legalId: null });
    const { createPublishedIdea } = await import('../support/plan-factories');
    const azIdea = await createPublishedIdea(t.app, azOwner, azNgo.id, { places: ['AZ-ER-QUBA-XACMAZ-01'] });
    const openFor = async (user: TestUser, ideaId: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/shortlists/open?ideaId=${ideaId}`, headers: user.auth })).json<{ items: Array<{ id: string }> }>().items.map((r) => r.id);
    expect(await openFor(b.owner, b.idea.id)).toContain(countryWide.id);
    expect(await openFor(azOwner, azIdea.id)).not.toContain(countryWide.id);
    // Only the idea's editors are offered rounds.
    expect(await openFor(outsider, b.idea.id)).toEqual([]);
  });

  it('closes submissions by owners outside the call period but lets the council add', async () => {
    const council = await createCouncil(t.app);
    const round = await createRound(t.app, council.editor, council.orgId, { callStart: '2020-01-01', callEnd: '2020-02-01' });
    const a = await createIdeaOwner(t.app);
    expectProblem(await addEntry(t.app, a.owner, round.id, a.idea.id), 409, 'call_closed');
    expect((await addEntry(t.app, council.editor, round.id, a.idea.id)).statusCode).toBe(201);
  });

  it('refuses entries once reviewing started', async () => {
    const { council, round, entryIds } = await reviewingRound();
    const late = await createIdeaOwner(t.app);
    expectProblem(await addEntry(t.app, council.editor, round.id, late.idea.id), 409, 'round_not_collecting');
    expectProblem(await t.app.inject({ method: 'DELETE', url: `/api/v1/shortlists/${round.id}/entries/${entryIds[0]}`, headers: council.editor.auth }), 409, 'round_not_collecting');
  });
});

describe('status', () => {
  it('moves forward one step at a time, managers only, with preconditions', async () => {
    const council = await createCouncil(t.app);
    const round = await createRound(t.app, council.editor, council.orgId, { reviewerIds: [council.reviewerA.id] });
    expectProblem(await setStatus(t.app, council.editor, round.id, 'reviewing'), 409, 'no_entries');
    const a = await createIdeaOwner(t.app);
    await addEntry(t.app, council.editor, round.id, a.idea.id);
    expectProblem(await setStatus(t.app, council.editor, round.id, 'decided'), 409, 'invalid_transition');
    expectProblem(await setStatus(t.app, council.member, round.id, 'reviewing'), 403, 'forbidden');
    expectProblem(await setStatus(t.app, outsider, round.id, 'reviewing'), 404, 'not_found');

    const noReviewers = await createRound(t.app, council.editor, council.orgId);
    await addEntry(t.app, council.editor, noReviewers.id, a.idea.id);
    expectProblem(await setStatus(t.app, council.editor, noReviewers.id, 'reviewing'), 409, 'no_reviewers');

    expect((await setStatus(t.app, council.owner, round.id, 'reviewing')).statusCode).toBe(200);
    expectProblem(await setStatus(t.app, council.owner, round.id, 'collecting'), 409, 'invalid_transition');
    expectProblem(await patchRound(t.app, council.editor, await getRound(t.app, council.editor, round.id), { title: 'Too late' }), 409, 'round_not_collecting');
  });
});

describe('scoring', () => {
  it('lets only reviewers of the round score, during reviewing, every criterion within the scale', async () => {
    const { council, round, entryIds } = await reviewingRound();
    const e = entryIds[0]!;
    expectProblem(await review(t.app, council.member, round, e, [3, 3, 3, 3, 3]), 403, 'not_reviewer');
    expectProblem(await review(t.app, council.editor, round, e, [3, 3, 3, 3, 3]), 403, 'not_reviewer');
    expectProblem(await review(t.app, outsider, round, e, [3, 3, 3, 3, 3]), 404, 'not_found');
    expectProblem(await review(t.app, council.reviewerA, round, e, [3, 3, 3, 3, 6]), 422, 'score_out_of_range');
    const incomplete = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/shortlists/${round.id}/entries/${e}/review`,
      headers: council.reviewerA.auth,
      payload: { scores: [{ criterionId: round.criteria[0]!.id, score: 3 }] },
    });
    expectProblem(incomplete, 422, 'incomplete_review');
    const ok = await review(t.app, council.reviewerA, round, e, [4, 3, 5, 2, 1], 'Solid plan');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().items[0].scores.map((s: { score: number }) => s.score)).toEqual([4, 3, 5, 2, 1]);
    // Resubmitting edits the review.
    expect((await review(t.app, council.reviewerA, round, e, [5, 3, 5, 2, 1])).statusCode).toBe(200);
    const progress = (await getRound(t.app, council.editor, round.id)).reviewers.find((r) => r.id === council.reviewerA.id);
    expect(progress).toMatchObject({ submitted: 1, expected: 3, conflicts: 0 });
  });

  it('blocks scoring on a declared conflict of interest', async () => {
    const { council, round, entryIds } = await reviewingRound();
    const e = entryIds[1]!;
    expect((await review(t.app, council.reviewerB, round, e, [3, 3, 3, 3, 3])).statusCode).toBe(200);
    const declared = await t.app.inject({ method: 'PUT', url: `/api/v1/shortlists/${round.id}/entries/${e}/conflict`, headers: council.reviewerB.auth, payload: { note: 'My brother runs this NGO' } });
    expect(declared.statusCode, declared.body).toBe(200);
    expect(declared.json()).toMatchObject({ myReview: 'conflict', myConflict: { automatic: false, note: 'My brother runs this NGO' } });
    expectProblem(await review(t.app, council.reviewerB, round, e, [3, 3, 3, 3, 3]), 403, 'conflict_of_interest');
    // The earlier scores no longer count.
    const row = (await ranking(t.app, council.editor, round.id)).rows.find((r) => r.entryId === e)!;
    expect(row.total).toBeNull();
    // Non-reviewers cannot declare conflicts.
    expectProblem(await t.app.inject({ method: 'PUT', url: `/api/v1/shortlists/${round.id}/entries/${e}/conflict`, headers: council.member.auth, payload: {} }), 403, 'not_reviewer');
  });

  it("blocks scoring automatically when the reviewer belongs to the idea's organisation", async () => {
    const council = await createCouncil(t.app);
    const ngoOwner = await registerUser(t.app);
    const ngo = await createOrganisation(t.app, ngoOwner, { kind: 'ngo' });
    await addMember(t.app, ngoOwner, ngo.id, council.reviewerA, 'member');
    const { createPublishedIdea } = await import('../support/plan-factories');
    const idea = await createPublishedIdea(t.app, ngoOwner, ngo.id);
    const round0 = await createRound(t.app, council.editor, council.orgId, { reviewerIds: [council.reviewerA.id, council.reviewerB.id] });
    const entryId = (await addEntry(t.app, council.editor, round0.id, idea.id)).json<{ id: string }>().id;
    await setStatus(t.app, council.editor, round0.id, 'reviewing');
    const round = await getRound(t.app, council.reviewerA, round0.id);
    expect(round.entries[0]).toMatchObject({ myReview: 'conflict', myConflict: { automatic: true } });
    expectProblem(await review(t.app, council.reviewerA, round, entryId, [3, 3, 3, 3, 3]), 403, 'conflict_of_interest');
    expect((await review(t.app, council.reviewerB, round, entryId, [3, 3, 3, 3, 3])).statusCode).toBe(200);
    expect((await getRound(t.app, council.editor, round.id)).reviewers.find((r) => r.id === council.reviewerA.id)).toMatchObject({ conflicts: 1, expected: 0 });
  });

  it("hides others' scores in blind mode until the reviewer submits", async () => {
    const { council, round, entryIds } = await reviewingRound({ blind: true });
    const e = entryIds[0]!;
    expect((await review(t.app, council.reviewerB, round, e, [5, 5, 5, 5, 5], 'Excellent')).statusCode).toBe(200);
    const reviewsOf = (user: TestUser) => t.app.inject({ method: 'GET', url: `/api/v1/shortlists/${round.id}/entries/${e}/reviews`, headers: user.auth }).then((r) => r.json());

    const before = await reviewsOf(council.reviewerA);
    expect(before).toMatchObject({ hidden: true, items: [] });
    const hiddenRow = (await ranking(t.app, council.reviewerA, round.id)).rows.find((r) => r.entryId === e)!;
    expect(hiddenRow).toMatchObject({ hidden: true, total: null, rank: null });
    expect(hiddenRow.means.every((m) => m === null)).toBe(true);
    // A manager who is not a reviewer sees everything.
    expect((await reviewsOf(council.editor)).items).toHaveLength(1);

    expect((await review(t.app, council.reviewerA, round, e, [1, 1, 1, 1, 1])).statusCode).toBe(200);
    const after = await reviewsOf(council.reviewerA);
    expect(after.hidden).toBe(false);
    expect(after.items.map((i: { reviewer: { id: string } }) => i.reviewer.id).sort()).toEqual([council.reviewerA.id, council.reviewerB.id].sort());
  });

  it('shows scores at once without blind mode', async () => {
    const { council, round, entryIds } = await reviewingRound({ blind: false });
    expect((await review(t.app, council.reviewerB, round, entryIds[0]!, [5, 5, 5, 5, 5])).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/shortlists/${round.id}/entries/${entryIds[0]}/reviews`, headers: council.reviewerA.auth });
    expect(res.json()).toMatchObject({ hidden: false, items: [{ reviewer: { id: council.reviewerB.id } }] });
  });
});

describe('ranking, decisions and the report', () => {
  it('ranks by weighted score, flags disagreement, requires ties broken and decisions made, notifies owners on publishing', async () => {
    const { council, owners, round, entryIds } = await reviewingRound({ title: `Rural youth call ${Date.now()}` });
    const [e1, e2, e3] = entryIds as [string, string, string];
    // Entry 1: A (4,3,5,2,1) → 65, B (5,3,5,2,1) → 71 → means 4.5,3,5,2,1 → 68.
    await review(t.app, council.reviewerA, round, e1, [4, 3, 5, 2, 1]);
    await review(t.app, council.reviewerB, round, e1, [5, 3, 5, 2, 1]);
    // Entries 2 and 3: both (3,3,3,3,3) → 60 from one reviewer; A and B disagree on 3's relevance (5 vs 1 → mean 3).
    await review(t.app, council.reviewerA, round, e2, [3, 3, 3, 3, 3]);
    await review(t.app, council.reviewerA, round, e3, [5, 3, 3, 3, 3]);
    await review(t.app, council.reviewerB, round, e3, [1, 3, 3, 3, 3]);

    let r = await ranking(t.app, council.editor, round.id);
    expect(r.rows.map((row) => [row.entryId, row.rank, row.total, row.tie])).toEqual([
      [e1, 1, 68, null],
      [e2, 2, 60, 'unresolved'],
      [e3, 2, 60, 'unresolved'],
    ]);
    expect(r.rows[0]!.means).toEqual([4.5, 3, 5, 2, 1]);
    expect(r.rows[2]!.disagreement).toEqual([round.criteria[0]!.id]);
    expect(r.unresolvedTies).toEqual([[e2, e3]]);

    expectProblem(await decide(t.app, council.editor, round.id, e2, 'rejected'), 422, 'reason_required');
    expectProblem(await decide(t.app, council.reviewerA, round.id, e1, 'shortlisted'), 403, 'forbidden');
    expect((await decide(t.app, council.editor, round.id, e1, 'shortlisted')).statusCode).toBe(200);
    expect((await decide(t.app, council.editor, round.id, e2, 'deferred', 'Needs a partner municipality')).statusCode).toBe(200);
    expect((await decide(t.app, council.editor, round.id, e3, 'rejected', 'Outside the region')).statusCode).toBe(200);

    expectProblem(await setStatus(t.app, council.editor, round.id, 'decided'), 409, 'unresolved_tie');
    const badTie = await t.app.inject({ method: 'PUT', url: `/api/v1/shortlists/${round.id}/tie-break`, headers: council.editor.auth, payload: { entryIds: [e1, e3] } });
    expectProblem(badTie, 422, 'not_a_tie');
    const tie = await t.app.inject({ method: 'PUT', url: `/api/v1/shortlists/${round.id}/tie-break`, headers: council.editor.auth, payload: { entryIds: [e3, e2] } });
    expect(tie.statusCode, tie.body).toBe(200);
    r = tie.json();
    expect(r.rows.map((row) => [row.entryId, row.rank, row.tie])).toEqual([
      [e1, 1, null],
      [e3, 2, 'resolved'],
      [e2, 3, 'resolved'],
    ]);

    // The report is a preview for members only until published; no one is told before.
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/shortlists/${round.id}/report` }), 404, 'not_found');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/shortlists/${round.id}/report`, headers: council.member.auth })).statusCode).toBe(200);

    expect((await setStatus(t.app, council.editor, round.id, 'decided')).statusCode).toBe(200);
    expect((await notificationsOf(t.app, owners[0]!.owner)).filter((n) => n.kind === 'shortlist.published')).toHaveLength(0);
    expectProblem(await review(t.app, council.reviewerB, round, e2, [3, 3, 3, 3, 3]), 409, 'round_not_reviewing');

    const published = await setStatus(t.app, council.editor, round.id, 'published');
    expect(published.statusCode, published.body).toBe(200);
    for (const [i, decision] of (['shortlisted', 'deferred', 'rejected'] as const).entries()) {
      const notes = (await notificationsOf(t.app, owners[i]!.owner)).filter((n) => n.kind === 'shortlist.published');
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ data: { roundTitle: round.title, decision }, link: `/shortlists/${round.id}/report` });
    }
    // Council members are not notified about other people's ideas.
    expect((await notificationsOf(t.app, council.member)).filter((n) => n.kind === 'shortlist.published')).toHaveLength(0);

    const report = await t.app.inject({ method: 'GET', url: `/api/v1/shortlists/${round.id}/report` });
    expect(report.statusCode, report.body).toBe(200);
    // Only the report is public: the round's workings (reviewers, scores) stay with the council.
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/shortlists/${round.id}` }), 404, 'not_found');
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/shortlists/${round.id}/entries/${e1}/reviews`, headers: owners[0]!.owner.auth }), 404, 'not_found');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/shortlists/${round.id}`, headers: council.member.auth })).statusCode).toBe(200);
    expect(report.json().rows.map((row: { idea: { title: string }; total: number; decision: string }) => [row.idea.title, row.total, row.decision])).toEqual([
      [owners[0]!.idea.title, 68, 'shortlisted'],
      [owners[2]!.idea.title, 60, 'rejected'],
      [owners[1]!.idea.title, 60, 'deferred'],
    ]);
    // Anyone lists published rounds.
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/shortlists?status=published&limit=100' });
    expect(listed.json<{ items: Array<{ id: string }> }>().items.map((x) => x.id)).toContain(round.id);

    // Exports hold the ranking in order.
    const csv = await t.app.inject({ method: 'GET', url: `/api/v1/shortlists/${round.id}/export?format=csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('Relevance to plan priorities (30%)');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(owners[0]!.idea.title);
    expect(lines[1]).toMatch(/^1,.*,4\.5,3,5,2,1,68,2,shortlisted,/);
    expect(lines[2]).toContain(owners[2]!.idea.title);
    expect(lines[2]).toContain('Outside the region');
    expect(lines[3]).toContain(owners[1]!.idea.title);

    const pdf = await t.app.inject({ method: 'GET', url: `/api/v1/shortlists/${round.id}/export?format=pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pdfBody = await pdfText(pdf.rawPayload);
    const order = [owners[0]!.idea.title, owners[2]!.idea.title, owners[1]!.idea.title].map((title) => pdfBody.indexOf(title));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(pdfBody).toContain('68.00');
    expect(pdfBody).toContain('Total score per entry');
    // The charts are drawn as vector bars: the chart's page paints at least one filled shape per entry.
    const pages = await pdfPages(pdf.rawPayload);
    const chartPage = pages.findIndex((text) => text.includes('Total score per entry')) + 1;
    expect(await pdfFilledShapes(pdf.rawPayload, chartPage)).toBeGreaterThanOrEqual(3);

    const docx = await t.app.inject({ method: 'GET', url: `/api/v1/shortlists/${round.id}/export?format=docx&lang=bg` });
    expect(docx.statusCode).toBe(200);
    const docxBody = await docxText(docx.rawPayload);
    expect(docxBody).toContain('Класиране');
    const docxOrder = [owners[0]!.idea.title, owners[2]!.idea.title, owners[1]!.idea.title].map((title) => docxBody.indexOf(title));
    expect(docxOrder.every((i) => i >= 0)).toBe(true);
    expect(docxOrder).toEqual([...docxOrder].sort((a, b) => a - b));
  });

  it('refuses to finalise while ranked entries are undecided, and keeps exports private before publishing', async () => {
    const { council, round, entryIds } = await reviewingRound();
    await review(t.app, council.reviewerA, round, entryIds[0]!, [5, 5, 5, 5, 5]);
    expectProblem(await setStatus(t.app, council.editor, round.id, 'decided'), 409, 'undecided_entries');
    await decide(t.app, council.editor, round.id, entryIds[0]!, 'shortlisted');
    // Unranked entries (no reviews) need no decision.
    expect((await setStatus(t.app, council.editor, round.id, 'decided')).statusCode).toBe(200);
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/shortlists/${round.id}/export?format=csv` }), 404, 'not_found');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/shortlists/${round.id}/export?format=csv`, headers: council.member.auth })).statusCode).toBe(200);
  });

  it('counts plan coverage per priority from confirmed links', async () => {
    const council = await createCouncil(t.app);
    const { plan, item } = await createPlanWithMeasures(t.app, council.owner, council.orgId);
    const a = await createIdeaOwner(t.app);
    const round = await createRound(t.app, council.editor, council.orgId, { planIds: [plan.id] });
    await addEntry(t.app, council.editor, round.id, a.idea.id);
    const link = await t.app.inject({ method: 'POST', url: `/api/v1/ideas/${a.idea.id}/links`, headers: a.owner.auth, payload: { measureId: item('1.1.1').id } });
    expect(link.statusCode, link.body).toBe(201);
    await t.app.inject({ method: 'POST', url: `/api/v1/links/${link.json<{ id: string }>().id}/decision`, headers: council.owner.auth, payload: { decision: 'confirmed' } });
    const coverage = await t.app.inject({ method: 'GET', url: `/api/v1/shortlists/${round.id}/coverage`, headers: council.member.auth });
    expect(coverage.statusCode, coverage.body).toBe(200);
    expect(coverage.json().items).toEqual([
      expect.objectContaining({ plan: { id: plan.id, title: plan.title }, priority: expect.objectContaining({ code: '1' }), confirmed: 1 }),
    ]);
    const suggestions = await t.app.inject({ method: 'GET', url: `/api/v1/shortlists/${round.id}/suggestions`, headers: council.editor.auth });
    expect(suggestions.statusCode, suggestions.body).toBe(200);
    expect(suggestions.json().items.map((s: { idea: { id: string } }) => s.idea.id)).not.toContain(a.idea.id);
  });
});

describe('permissions per role', () => {
  const roles = ['anonymous', 'outsider', 'member', 'reviewer', 'editor', 'owner'] as const;
  type Role = (typeof roles)[number];
  type World = Awaited<ReturnType<typeof reviewingRound>>;
  const who = (w: World, role: Role): TestUser | null =>
    ({ anonymous: null, outsider, member: w.council.member, reviewer: w.council.reviewerA, editor: w.council.editor, owner: w.council.owner })[role];
  const row = (...codes: number[]) => Object.fromEntries(roles.map((r, i) => [r, codes[i]])) as Record<Role, number>;
  const cases: Array<{ name: string; request: (w: World) => { method: 'GET' | 'PUT' | 'POST' | 'DELETE'; url: string; payload?: Record<string, unknown> }; expect: Record<Role, number> }> = [
    { name: 'GET round', request: (w) => ({ method: 'GET', url: `/api/v1/shortlists/${w.round.id}` }), expect: row(404, 404, 200, 200, 200, 200) },
    { name: 'GET ranking', request: (w) => ({ method: 'GET', url: `/api/v1/shortlists/${w.round.id}/ranking` }), expect: row(401, 404, 200, 200, 200, 200) },
    { name: 'GET report (unpublished)', request: (w) => ({ method: 'GET', url: `/api/v1/shortlists/${w.round.id}/report` }), expect: row(404, 404, 200, 200, 200, 200) },
    { name: 'GET coverage', request: (w) => ({ method: 'GET', url: `/api/v1/shortlists/${w.round.id}/coverage` }), expect: row(404, 404, 200, 200, 200, 200) },
    {
      name: 'PUT review',
      request: (w) => ({
        method: 'PUT',
        url: `/api/v1/shortlists/${w.round.id}/entries/${w.entryIds[0]}/review`,
        payload: { scores: w.round.criteria.map((c) => ({ criterionId: c.id, score: 2 })) },
      }),
      expect: row(401, 404, 403, 200, 403, 403),
    },
    { name: 'PUT conflict', request: (w) => ({ method: 'PUT', url: `/api/v1/shortlists/${w.round.id}/entries/${w.entryIds[1]}/conflict`, payload: {} }), expect: row(401, 404, 403, 200, 403, 403) },
    { name: 'GET reviews', request: (w) => ({ method: 'GET', url: `/api/v1/shortlists/${w.round.id}/entries/${w.entryIds[0]}/reviews` }), expect: row(401, 404, 200, 200, 200, 200) },
    { name: 'GET suggestions', request: (w) => ({ method: 'GET', url: `/api/v1/shortlists/${w.round.id}/suggestions` }), expect: row(401, 404, 200, 200, 200, 200) },
    { name: 'GET export (unpublished)', request: (w) => ({ method: 'GET', url: `/api/v1/shortlists/${w.round.id}/export?format=csv` }), expect: row(404, 404, 200, 200, 200, 200) },
    {
      name: 'PUT tie-break (not a tie)',
      request: (w) => ({ method: 'PUT', url: `/api/v1/shortlists/${w.round.id}/tie-break`, payload: { entryIds: [w.entryIds[0], w.entryIds[1]] } }),
      expect: row(401, 404, 403, 403, 422, 422),
    },
    {
      name: 'POST entry (council adds)',
      request: (w) => ({ method: 'POST', url: `/api/v1/shortlists/${w.round.id}/entries`, payload: { ideaId: w.owners[0]!.idea.id } }),
      expect: row(401, 404, 403, 403, 409, 409),
    },
    {
      name: 'POST decision',
      request: (w) => ({ method: 'POST', url: `/api/v1/shortlists/${w.round.id}/entries/${w.entryIds[0]}/decision`, payload: { decision: 'shortlisted' } }),
      expect: row(401, 404, 403, 403, 200, 200),
    },
  ];

  it.each(cases)('$name', async ({ request, expect: expected }) => {
    const w = await reviewingRound();
    const got: Record<string, number> = {};
    for (const role of roles) {
      const user = who(w, role);
      const res = await t.app.inject({ ...request(w), headers: user?.auth ?? {} });
      got[role] = res.statusCode;
    }
    expect(got).toEqual(expected);
  });
});

describe('when the search engine is down', () => {
  it('still lists coverage from confirmed links and says matching is unavailable', async () => {
    const { SwitchableEngine, searchCaughtUp } = await import('../support/search');
    // Counts what the app asks the engine while it is down.
    class CountingEngine extends SwitchableEngine {
      refused = 0;
      override multiSearch: InstanceType<typeof SwitchableEngine>['multiSearch'] = (...args) => {
        if (this.down) this.refused += 1;
        return this.inner.multiSearch(...args).then((r) => {
          if (this.down) throw new Error('fetch failed: ECONNREFUSED');
          return r;
        });
      };
    }
    const engine = new CountingEngine();
    const down = await createTestApp({ searchEngine: engine });
    try {
      const council = await createCouncil(down.app);
      // Measures with real words, so matching has something to ask the engine.
      const plan = await createPlan(down.app, council.owner, council.orgId, { language: 'en' });
      await addItem(down.app, council.owner, plan.id, '1', { title: 'Young people stay in the villages' });
      await addItem(down.app, council.owner, plan.id, '1.1', { title: 'Places for young people to meet' });
      const measure = await addItem(down.app, council.owner, plan.id, '1.1.1', { title: 'Youth centres in old school buildings', description: 'Clubs, study rooms and after-school activities for teenagers.' });
      // A few unrelated measures: term weights need a corpus (alone in a fresh embedded database, every word of the
      // measure would be in all of it, and weigh nothing).
      await addItem(down.app, council.owner, plan.id, '1.2', { title: 'Roads and lighting' });
      await addItem(down.app, council.owner, plan.id, '1.2.1', { title: 'Street lighting with LED lamps', description: 'New lamps on the main streets.' });
      await addItem(down.app, council.owner, plan.id, '1.2.2', { title: 'Water supply pipes', description: 'Replacing old pipes in the villages.' });
      await patchPlan(down.app, council.owner, plan.id, { status: 'published' });
      // The matcher only asks about words the index has seen, so the idea shares the measure's words and is indexed first.
      const a = await createIdeaOwner(down.app, { title: 'Youth centres in old school buildings', summary: 'Study rooms and clubs for teenagers after school.' });
      await searchCaughtUp(down.app);
      const round = await createRound(down.app, council.editor, council.orgId, { planIds: [plan.id] });
      await addEntry(down.app, council.editor, round.id, a.idea.id);
      const link = await down.app.inject({ method: 'POST', url: `/api/v1/ideas/${a.idea.id}/links`, headers: council.owner.auth, payload: { measureId: measure.id } });
      expect(link.statusCode, link.body).toBe(201);
      engine.down = true;
      const coverage = await down.app.inject({ method: 'GET', url: `/api/v1/shortlists/${round.id}/coverage`, headers: council.editor.auth });
      expect(coverage.statusCode, coverage.body).toBe(200);
      // A link proposed by the plan side alone is not confirmed yet: no entry counts.
      expect(coverage.json()).toMatchObject({ items: [expect.objectContaining({ confirmed: 0, entries: 0 })] });
      expect(engine.refused).toBeGreaterThan(0);
      expect(coverage.json().matchingAvailable).toBe(false);
      const suggestions = await down.app.inject({ method: 'GET', url: `/api/v1/shortlists/${round.id}/suggestions`, headers: council.editor.auth });
      expect(suggestions.json()).toEqual({ items: [], matchingAvailable: false });
      const report = await down.app.inject({ method: 'GET', url: `/api/v1/shortlists/${round.id}/report`, headers: council.member.auth });
      expect(report.statusCode).toBe(200);
    } finally {
      await down.close();
    }
  });
});
