import type { InjectOptions } from 'fastify';
import type {
  ProposalComment,
  ProposalContent,
  ProposalDetail,
  ProposalDiff,
  ProposalSummary,
  ProposalVersion,
  ProposalVersionDetail,
} from '@partnera/server/api-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestApp, type TestApp } from '../support/app';
import { addMember, createOrganisation, makePlatformRole, registerUser, type TestUser } from '../support/factories';
import {
  createMunicipality,
  createPlanWithMeasures,
  createPublishedIdea,
  decideLink,
  ifMatch,
  notificationsOf,
  proposeLink,
  type Problem,
  type Reply,
} from '../support/plan-factories';
import { addAcceptedPartner, createProposal, ideaForProposal } from '../support/proposals';

let t: TestApp;
let outsider: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  outsider = await registerUser(t.app, { displayName: 'Otto Outsider' });
});
afterAll(() => t.close());

const inject = (options: InjectOptions) => t.app.inject(options);

function expectProblem(res: Reply, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json<Problem>().code).toBe(code);
}

const get = async (user: TestUser, id: string) => inject({ method: 'GET', url: `/api/v1/proposals/${id}`, headers: user.auth });
async function detail(user: TestUser, id: string): Promise<ProposalDetail> {
  const res = await get(user, id);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ProposalDetail>();
}

/** Edits the live document the way a client would (one Yjs change, stored through the sync service). */
async function editDoc(id: string, edit: (doc: Y.Doc) => void) {
  const sync = t.app.services.proposalSync;
  const doc = await sync.loadDoc(t.app.db, id);
  const before = Y.encodeStateVector(doc);
  edit(doc);
  const after = await sync.storeServerUpdate(t.app.db, id, Y.encodeStateAsUpdate(doc, before), null);
  after();
}
const setText = (doc: Y.Doc, key: string, value: string) => {
  const text = doc.getMap('summary').get(key) as Y.Text;
  text.delete(0, text.length);
  text.insert(0, value);
};

describe('creating a proposal from an idea', () => {
  it('seeds the document from the idea, makes the idea organisation the lead, copies confirmed measures and opens a members-only room', async () => {
    const owner = await registerUser(t.app, { displayName: 'Lea Lead' });
    const ngo = await createOrganisation(t.app, owner);
    const town = await registerUser(t.app);
    const municipality = await createMunicipality(t.app, town);
    const { item } = await createPlanWithMeasures(t.app, town, municipality.id);
    const idea = await createPublishedIdea(t.app, owner, ngo.id, ideaForProposal());
    const link = await proposeLink(t.app, owner, idea.id, item('1.1.1').id);
    expect((await decideLink(t.app, town, link.json<{ id: string }>().id, 'confirmed')).statusCode).toBe(200);
    await proposeLink(t.app, owner, idea.id, item('1.1.2').id); // only proposed: not carried over

    const res = await inject({ method: 'POST', url: `/api/v1/ideas/${idea.id}/proposal`, headers: owner.auth });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    const p = res.json<ProposalDetail>();
    expect(p).toMatchObject({
      ideaId: idea.id,
      title: idea.title,
      language: 'en',
      status: 'drafting',
      lead: { id: ngo.id },
      partners: [{ organisation: { id: ngo.id }, role: 'lead', state: 'accepted' }],
      myAccess: 'edit',
      canManage: true,
      canRespond: [],
      call: { title: '', programme: '', deadline: null },
    });
    expect(p.measures.map((m) => m.code)).toEqual(['1.1.1']);
    const c = p.content;
    expect(c.summary).toMatchObject({ totalValue: '12000.00', currency: 'EUR', durationMonths: '12', targetGroups: 'pupils; teachers' });
    expect(c.summary.place).not.toBe('');
    expect(c.overall.text).toBe('Cleaner air in the town');
    expect(c.objectives.map((o) => o.text)).toEqual(['Plant 500 trees', 'Teach pupils about air quality']);
    expect(c.outputs.map((o) => o.text)).toEqual(['500 trees planted', '20 school lessons held']);
    expect(c.activities.map((a) => a.text)).toEqual(['Planting days', 'School lessons']);
    expect(p.checks.find((x) => x.code === 'output_indicator_target')?.ok).toBe(false);

    const room = await inject({ method: 'GET', url: `/api/v1/rooms/${p.roomId}`, headers: owner.auth });
    expect(room.statusCode, room.body).toBe(200);
    expect(room.json()).toMatchObject({ kind: 'proposal', visibility: 'members', subjectId: p.id });
    // Members-only rooms refuse outsiders.
    expect((await inject({ method: 'GET', url: `/api/v1/rooms/${p.roomId}`, headers: outsider.auth })).statusCode).toBe(403);

    const versions = await inject({ method: 'GET', url: `/api/v1/proposals/${p.id}/versions`, headers: owner.auth });
    expect(versions.json<{ items: ProposalVersion[] }>().items).toMatchObject([{ number: 1, automatic: true }]);

    expectProblem(await inject({ method: 'POST', url: `/api/v1/ideas/${idea.id}/proposal`, headers: owner.auth }), 409, 'proposal_exists');
    const mine = await inject({ method: 'GET', url: '/api/v1/proposals?mine=true', headers: owner.auth });
    expect(mine.json<{ items: ProposalSummary[] }>().items.map((i) => i.id)).toContain(p.id);
    const theirs = await inject({ method: 'GET', url: '/api/v1/proposals?mine=true', headers: outsider.auth });
    expect(theirs.json<{ items: ProposalSummary[] }>().items.map((i) => i.id)).not.toContain(p.id);
    // The idea page asks for the proposal of its idea only.
    const forIdea = await inject({ method: 'GET', url: `/api/v1/proposals?mine=true&ideaId=${idea.id}`, headers: owner.auth });
    expect(forIdea.json<{ items: ProposalSummary[] }>().items.map((i) => i.id)).toEqual([p.id]);
    const outsiderForIdea = await inject({ method: 'GET', url: `/api/v1/proposals?mine=true&ideaId=${idea.id}`, headers: outsider.auth });
    expect(outsiderForIdea.json<{ items: ProposalSummary[] }>().items).toEqual([]);
  });

  it("is only for owners and editors of the idea's organisation", async () => {
    const owner = await registerUser(t.app);
    const member = await registerUser(t.app);
    const org = await createOrganisation(t.app, owner);
    await addMember(t.app, owner, org.id, member, 'member');
    const idea = await createPublishedIdea(t.app, owner, org.id, ideaForProposal());
    expectProblem(await inject({ method: 'POST', url: `/api/v1/ideas/${idea.id}/proposal`, headers: member.auth }), 403, 'forbidden');
    expectProblem(await inject({ method: 'POST', url: `/api/v1/ideas/${idea.id}/proposal`, headers: outsider.auth }), 403, 'forbidden');
    expectProblem(await inject({ method: 'POST', url: `/api/v1/ideas/${idea.id}/proposal` }), 401, 'unauthorized');
    expectProblem(await inject({ method: 'POST', url: '/api/v1/ideas/00000000-0000-4000-8000-000000000000/proposal', headers: owner.auth }), 404, 'not_found');
  });
});

describe('partners', () => {
  it('invites an organisation, whose owners and editors accept (edit access, room membership) or decline', async () => {
    const setup = await createProposal(t.app);
    const { proposal, owner } = setup;
    const bOwner = await registerUser(t.app);
    const bMember = await registerUser(t.app);
    const b = await createOrganisation(t.app, bOwner, { kind: 'municipality', territoryCode: 'BG-03-01' });
    await addMember(t.app, bOwner, b.id, bMember, 'member');

    expectProblem(await get(bOwner, proposal.id), 404, 'not_found');
    const invite = await inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/partners`, headers: owner.auth, payload: { organisationId: b.id, role: 'partner' } });
    expect(invite.statusCode, invite.body).toBe(201);
    expect(invite.json<ProposalDetail>().partners.find((x) => x.organisation.id === b.id)).toMatchObject({ role: 'partner', state: 'invited' });
    expect((await notificationsOf(t.app, bOwner)).some((n) => n.kind === 'proposal.invited' && n.link === `/proposals/${proposal.id}`)).toBe(true);
    expectProblem(
      await inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/partners`, headers: owner.auth, payload: { organisationId: b.id, role: 'partner' } }),
      409,
      'already_partner',
    );

    // The invited organisation sees what it is asked to join, but does not edit yet.
    const seen = await detail(bOwner, proposal.id);
    expect(seen).toMatchObject({ myAccess: 'read', canManage: false, canRespond: [b.id] });
    expect((await detail(bMember, proposal.id)).canRespond).toEqual([]);
    expectProblem(await inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/partners/${b.id}/accept`, headers: bMember.auth }), 403, 'forbidden');
    expectProblem(await inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/partners/${b.id}/accept`, headers: outsider.auth }), 404, 'not_found');

    const accepted = await inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/partners/${b.id}/accept`, headers: bOwner.auth });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json<ProposalDetail>()).toMatchObject({ myAccess: 'edit', canManage: false });
    expect((await detail(bMember, proposal.id)).myAccess).toBe('edit');
    expect((await inject({ method: 'GET', url: `/api/v1/rooms/${proposal.roomId}`, headers: bMember.auth })).statusCode).toBe(200);
    expect((await notificationsOf(t.app, owner)).some((n) => n.kind === 'proposal.partner_accepted')).toBe(true);
    expectProblem(await inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/partners/${b.id}/accept`, headers: bOwner.auth }), 409, 'no_pending_invitation');

    // Another organisation declines and stays outside.
    const cOwner = await registerUser(t.app);
    const c = await createOrganisation(t.app, cOwner);
    const invitedC = await inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/partners`, headers: owner.auth, payload: { organisationId: c.id, role: 'associate' } });
    expect(invitedC.statusCode, invitedC.body).toBe(201);
    const declined = await inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/partners/${c.id}/decline`, headers: cOwner.auth });
    expect(declined.statusCode, declined.body).toBe(204);
    expect((await detail(owner, proposal.id)).partners.find((x) => x.organisation.id === c.id)?.state).toBe('declined');
    expectProblem(await get(cOwner, proposal.id), 404, 'not_found');

    // Partners do not manage; the lead cannot be removed; removing a partner takes its access away.
    expectProblem(
      await inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/partners`, headers: bOwner.auth, payload: { organisationId: c.id, role: 'partner' } }),
      403,
      'forbidden',
    );
    expectProblem(await inject({ method: 'DELETE', url: `/api/v1/proposals/${proposal.id}/partners/${setup.leadOrg.id}`, headers: owner.auth }), 422, 'cannot_remove_lead');
    expect((await inject({ method: 'DELETE', url: `/api/v1/proposals/${proposal.id}/partners/${b.id}`, headers: owner.auth })).statusCode).toBe(204);
    expectProblem(await get(bMember, proposal.id), 404, 'not_found');
    expect((await inject({ method: 'GET', url: `/api/v1/rooms/${proposal.roomId}`, headers: bMember.auth })).statusCode).toBe(403);
  });
});

describe('access per role', () => {
  it('outsiders see nothing, readers read but do not edit, lead members edit but do not manage, admins read', async () => {
    const setup = await createProposal(t.app);
    const { proposal, owner } = setup;
    const leadMember = await registerUser(t.app);
    await addMember(t.app, owner, setup.leadOrg.id, leadMember, 'member');
    const reader = await registerUser(t.app, { displayName: 'Rita Reader' });
    const admin = await registerUser(t.app);
    await makePlatformRole(t.app.db, admin.id, 'admin');

    expectProblem(await get(outsider, proposal.id), 404, 'not_found');
    expectProblem(await inject({ method: 'GET', url: `/api/v1/proposals/${proposal.id}/versions`, headers: outsider.auth }), 404, 'not_found');
    expectProblem(await inject({ method: 'GET', url: `/api/v1/proposals/${proposal.id}/export?format=md`, headers: outsider.auth }), 404, 'not_found');
    expectProblem(await inject({ method: 'GET', url: `/api/v1/proposals/${proposal.id}` }), 401, 'unauthorized');

    const granted = await inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/readers`, headers: owner.auth, payload: { email: reader.email } });
    expect(granted.statusCode, granted.body).toBe(201);
    expect(granted.json<ProposalDetail>().readers.map((r) => r.userId)).toEqual([reader.id]);
    expectProblem(
      await inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/readers`, headers: owner.auth, payload: { email: 'nobody-here@example.test' } }),
      422,
      'unknown_user',
    );
    expect(await detail(reader, proposal.id)).toMatchObject({ myAccess: 'read', canManage: false, readers: [] });
    expectProblem(await inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/versions`, headers: reader.auth, payload: { name: 'mine' } }), 403, 'forbidden');
    expectProblem(
      await inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/comments`, headers: reader.auth, payload: { section: 'summary', body: 'hi' } }),
      403,
      'forbidden',
    );
    expect((await inject({ method: 'GET', url: `/api/v1/proposals/${proposal.id}/comments`, headers: reader.auth })).statusCode).toBe(200);

    expect(await detail(leadMember, proposal.id)).toMatchObject({ myAccess: 'edit', canManage: false });
    expectProblem(await inject({ method: 'PATCH', url: `/api/v1/proposals/${proposal.id}`, headers: { ...leadMember.auth, ...ifMatch(1) }, payload: { callTitle: 'x' } }), 403, 'forbidden');
    expect((await inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/versions`, headers: leadMember.auth, payload: { name: 'by a member' } })).statusCode).toBe(201);

    expect((await detail(admin, proposal.id)).myAccess).toBe('read');

    expect((await inject({ method: 'DELETE', url: `/api/v1/proposals/${proposal.id}/readers/${reader.id}`, headers: owner.auth })).statusCode).toBe(204);
    expectProblem(await get(reader, proposal.id), 404, 'not_found');
  });
});

describe('meta data and status', () => {
  it('needs If-Match, refuses stale versions, validates dates, and saves a version on a status change', async () => {
    const { proposal, owner } = await createProposal(t.app);
    expectProblem(await inject({ method: 'PATCH', url: `/api/v1/proposals/${proposal.id}`, headers: owner.auth, payload: { callTitle: 'Interreg' } }), 428, 'precondition_required');
    const ok = await inject({
      method: 'PATCH',
      url: `/api/v1/proposals/${proposal.id}`,
      headers: { ...owner.auth, ...ifMatch(1) },
      payload: { callTitle: 'Interreg VI-A', callProgramme: 'Bulgaria–Romania', callDeadline: '2027-05-12' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json<ProposalDetail>().call).toEqual({ title: 'Interreg VI-A', programme: 'Bulgaria–Romania', deadline: '2027-05-12' });
    expectProblem(await inject({ method: 'PATCH', url: `/api/v1/proposals/${proposal.id}`, headers: { ...owner.auth, ...ifMatch(1) }, payload: { callTitle: 'x' } }), 409, 'version_conflict');
    expectProblem(
      await inject({ method: 'PATCH', url: `/api/v1/proposals/${proposal.id}`, headers: { ...owner.auth, ...ifMatch(2) }, payload: { callDeadline: '2027-02-30' } }),
      422,
      'invalid_date',
    );
    expectProblem(await inject({ method: 'PATCH', url: `/api/v1/proposals/${proposal.id}`, headers: { ...owner.auth, ...ifMatch(2) }, payload: { status: 'done' } }), 400, 'validation_failed');

    const ready = await inject({ method: 'PATCH', url: `/api/v1/proposals/${proposal.id}`, headers: { ...owner.auth, ...ifMatch(2) }, payload: { status: 'ready' } });
    expect(ready.statusCode, ready.body).toBe(200);
    expect(ready.json<ProposalDetail>().status).toBe('ready');
    const versions = (await inject({ method: 'GET', url: `/api/v1/proposals/${proposal.id}/versions`, headers: owner.auth })).json<{ items: ProposalVersion[] }>().items;
    expect(versions[0]).toMatchObject({ number: 2, automatic: true, name: 'Status: drafting → ready' });
    // The same status again is no change: no new version.
    await inject({ method: 'PATCH', url: `/api/v1/proposals/${proposal.id}`, headers: { ...owner.auth, ...ifMatch(3) }, payload: { status: 'ready' } });
    expect((await inject({ method: 'GET', url: `/api/v1/proposals/${proposal.id}/versions`, headers: owner.auth })).json<{ items: unknown[] }>().items).toHaveLength(2);
  });
});

describe('versions, diff and restore', () => {
  it('saves named versions, compares them word by word and restores one as a new version', async () => {
    const setup = await createProposal(t.app);
    const { proposal, owner } = setup;
    const { user: partner } = await addAcceptedPartner(t.app, setup);
    await editDoc(proposal.id, (doc) => setText(doc, 'description', 'We plant trees in the park'));
    const v1 = await inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/versions`, headers: partner.auth, payload: { name: 'sent to the municipality 12 May' } });
    expect(v1.statusCode, v1.body).toBe(201);
    const first = v1.json<ProposalVersion>();
    expect(first).toMatchObject({ number: 2, name: 'sent to the municipality 12 May', automatic: false, createdBy: { id: partner.id, displayName: 'Pavel Partner' } });

    await editDoc(proposal.id, (doc) => setText(doc, 'description', 'We plant young oaks in the park'));
    const diff = await inject({ method: 'GET', url: `/api/v1/proposals/${proposal.id}/diff?from=${first.id}&to=current`, headers: owner.auth });
    expect(diff.statusCode, diff.body).toBe(200);
    const d = diff.json<ProposalDiff>();
    expect(d.sections.map((s) => s.section)).toEqual(['summary']);
    expect(d.unchanged).toBeGreaterThan(3);
    const summary = d.sections[0]!;
    expect(summary.changes.filter((c) => c.op === 'removed').map((c) => c.text.trim())).toEqual(['trees']);
    expect(summary.changes.filter((c) => c.op === 'added').map((c) => c.text.trim())).toEqual(['young oaks']);
    expect(summary.from).toContain('We plant trees in the park');
    expect(summary.to).toContain('We plant young oaks in the park');

    const got = await inject({ method: 'GET', url: `/api/v1/proposals/${proposal.id}/versions/${first.id}`, headers: owner.auth });
    expect(got.json<ProposalVersionDetail>().content.summary.description).toBe('We plant trees in the park');

    const restored = await inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/versions/${first.id}/restore`, headers: owner.auth });
    expect(restored.statusCode, restored.body).toBe(201);
    expect(restored.json<ProposalVersion>()).toMatchObject({ number: 3, name: 'Restored from 2', automatic: true });
    const now = await detail(owner, proposal.id);
    expect(now.content.summary.description).toBe('We plant trees in the park');
    // Everything else survived the restore too (ids of sections are kept in the version's content).
    const original: ProposalContent = first && (await inject({ method: 'GET', url: `/api/v1/proposals/${proposal.id}/versions/${first.id}`, headers: owner.auth })).json<ProposalVersionDetail>().content;
    expect(now.content).toEqual(original);
    const same = (await inject({ method: 'GET', url: `/api/v1/proposals/${proposal.id}/diff?from=${first.id}&to=current`, headers: owner.auth })).json<ProposalDiff>();
    expect(same.sections).toEqual([]);

    expectProblem(await inject({ method: 'GET', url: `/api/v1/proposals/${proposal.id}/diff?from=nope&to=current`, headers: owner.auth }), 400, 'validation_failed');
    expectProblem(
      await inject({ method: 'GET', url: `/api/v1/proposals/${proposal.id}/versions/00000000-0000-4000-8000-000000000000`, headers: owner.auth }),
      404,
      'not_found',
    );
    expectProblem(await inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/versions`, headers: owner.auth, payload: { name: '   ' } }), 400, 'validation_failed');
  });
});

describe('comments', () => {
  it('anchors comments to sections, resolves and reopens them, and checks input', async () => {
    const setup = await createProposal(t.app);
    const { proposal, owner } = setup;
    const { user: partner } = await addAcceptedPartner(t.app, setup);
    const output = proposal.content.outputs[0]!.id;
    const created = await inject({
      method: 'POST',
      url: `/api/v1/proposals/${proposal.id}/comments`,
      headers: partner.auth,
      payload: { section: `output:${output}`, body: '  Which indicator do we use here?  ', quote: '500 trees' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const comment = created.json<ProposalComment>();
    expect(comment).toMatchObject({ section: `output:${output}`, body: 'Which indicator do we use here?', quote: '500 trees', resolved: false, author: { id: partner.id } });

    const resolved = await inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/comments/${comment.id}/resolve`, headers: owner.auth });
    expect(resolved.json<ProposalComment>()).toMatchObject({ resolved: true, resolvedBy: { id: owner.id } });
    const reopened = await inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/comments/${comment.id}/reopen`, headers: owner.auth });
    expect(reopened.json<ProposalComment>()).toMatchObject({ resolved: false, resolvedBy: null, resolvedAt: null });
    const list = await inject({ method: 'GET', url: `/api/v1/proposals/${proposal.id}/comments`, headers: owner.auth });
    expect(list.json<{ items: ProposalComment[] }>().items.map((c) => c.id)).toEqual([comment.id]);

    const post = (payload: Record<string, unknown>) => inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/comments`, headers: owner.auth, payload });
    expectProblem(await post({ section: 'summary', body: 'x'.repeat(4001) }), 400, 'validation_failed');
    expectProblem(await post({ section: 'chapter:1', body: 'hello' }), 400, 'validation_failed');
    expectProblem(await post({ section: 'summary', body: '   ' }), 400, 'validation_failed');
    expectProblem(await post({ section: 'summary', body: 'ok', extra: 1 }), 400, 'validation_failed');
    expectProblem(await inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/comments/00000000-0000-4000-8000-000000000000/resolve`, headers: owner.auth }), 404, 'not_found');
    expect((await post({ section: 'summary', body: 'x'.repeat(4000) })).statusCode).toBe(201);
  });
});

describe('bad input', () => {
  it('answers problem+json for malformed ids, bodies and queries', async () => {
    const { proposal, owner } = await createProposal(t.app);
    expectProblem(await inject({ method: 'GET', url: '/api/v1/proposals/not-a-uuid', headers: owner.auth }), 400, 'validation_failed');
    expectProblem(await inject({ method: 'GET', url: '/api/v1/proposals?limit=0', headers: owner.auth }), 400, 'validation_failed');
    expectProblem(await inject({ method: 'GET', url: '/api/v1/proposals?cursor=garbage', headers: owner.auth }), 400, 'invalid_cursor');
    expectProblem(
      await inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/partners`, headers: owner.auth, payload: { organisationId: proposal.lead.id, role: 'lead' } }),
      400,
      'validation_failed',
    );
    expectProblem(
      await inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/partners`, headers: owner.auth, payload: { organisationId: '00000000-0000-4000-8000-000000000000', role: 'partner' } }),
      422,
      'invalid_organisation',
    );
    expectProblem(await inject({ method: 'GET', url: `/api/v1/proposals/${proposal.id}/export?format=odt`, headers: owner.auth }), 400, 'validation_failed');
    expectProblem(await inject({ method: 'PATCH', url: `/api/v1/proposals/${proposal.id}`, headers: { ...owner.auth, ...ifMatch(1) }, payload: {} }), 400, 'validation_failed');
  });
});

describe('route × role matrix', () => {
  const roles = ['anonymous', 'outsider', 'reader', 'invited', 'leadMember', 'partnerMember', 'leadEditor', 'admin'] as const;
  type Role = (typeof roles)[number];
  const row = (...codes: number[]) => Object.fromEntries(roles.map((r, i) => [r, codes[i]!])) as Record<Role, number>;

  it('gives every kind of caller the status the policy says', async () => {
    const setup = await createProposal(t.app);
    const { proposal, owner } = setup;
    const users = {} as Record<Exclude<Role, 'anonymous'>, TestUser>;
    for (const r of roles) if (r !== 'anonymous') users[r] = await registerUser(t.app, { displayName: r });
    await makePlatformRole(t.app.db, users.admin.id, 'admin');
    await addMember(t.app, owner, setup.leadOrg.id, users.leadMember, 'member');
    await addMember(t.app, owner, setup.leadOrg.id, users.leadEditor, 'editor');
    const { user: partnerOwner, org: partnerOrg } = await addAcceptedPartner(t.app, setup);
    await addMember(t.app, partnerOwner, partnerOrg.id, users.partnerMember, 'member');
    const invitedOrg = await createOrganisation(t.app, users.invited);
    await inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/partners`, headers: owner.auth, payload: { organisationId: invitedOrg.id, role: 'partner' } });
    await inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/readers`, headers: owner.auth, payload: { email: users.reader.email } });

    const base = `/api/v1/proposals/${proposal.id}`;
    const routes: Array<{ name: string; expect: Record<Role, number>; request: () => Promise<InjectOptions> }> = [
      { name: 'GET proposal', expect: row(401, 404, 200, 200, 200, 200, 200, 200), request: async () => ({ method: 'GET', url: base }) },
      { name: 'GET versions', expect: row(401, 404, 200, 200, 200, 200, 200, 200), request: async () => ({ method: 'GET', url: `${base}/versions` }) },
      { name: 'GET comments', expect: row(401, 404, 200, 200, 200, 200, 200, 200), request: async () => ({ method: 'GET', url: `${base}/comments` }) },
      { name: 'GET diff', expect: row(401, 404, 200, 200, 200, 200, 200, 200), request: async () => ({ method: 'GET', url: `${base}/diff?from=current&to=current` }) },
      { name: 'GET export', expect: row(401, 404, 200, 200, 200, 200, 200, 200), request: async () => ({ method: 'GET', url: `${base}/export?format=md` }) },
      {
        name: 'PATCH proposal',
        expect: row(401, 404, 403, 403, 403, 403, 200, 403),
        request: async () => ({ method: 'PATCH', url: base, headers: ifMatch((await detail(owner, proposal.id)).version), payload: { callProgramme: 'Interreg' } }),
      },
      { name: 'POST version', expect: row(401, 404, 403, 403, 201, 201, 201, 403), request: async () => ({ method: 'POST', url: `${base}/versions`, payload: { name: 'checkpoint' } }) },
      { name: 'POST comment', expect: row(401, 404, 403, 403, 201, 201, 201, 403), request: async () => ({ method: 'POST', url: `${base}/comments`, payload: { section: 'budget', body: 'Too high?' } }) },
      {
        name: 'POST partner',
        expect: row(401, 404, 403, 403, 403, 403, 201, 403),
        request: async () => ({ method: 'POST', url: `${base}/partners`, payload: { organisationId: (await createOrganisation(t.app, owner)).id, role: 'associate' } }),
      },
      {
        name: 'POST reader',
        expect: row(401, 404, 403, 403, 403, 403, 201, 403),
        request: async () => ({ method: 'POST', url: `${base}/readers`, payload: { email: (await registerUser(t.app)).email } }),
      },
    ];
    const failures: string[] = [];
    for (const route of routes) {
      for (const role of roles) {
        const options = await route.request();
        const auth = role === 'anonymous' ? {} : users[role].auth;
        const res = await inject({ ...options, headers: { ...(options.headers as Record<string, string> | undefined), ...auth } });
        if (res.statusCode !== route.expect[role]) failures.push(`${route.name} as ${role}: ${res.statusCode} (expected ${route.expect[role]}) ${res.body.slice(0, 120)}`);
        if (res.statusCode >= 400) expect(res.headers['content-type'], `${route.name} as ${role}`).toContain('application/problem+json');
      }
    }
    expect(failures).toEqual([]);
  });
});
