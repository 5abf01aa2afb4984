import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { addMember, createOrganisation, makePlatformRole, registerUser, uniqueEik, type TestUser } from '../support/factories';

let t: TestApp;
let owner: TestUser;

beforeAll(async () => {
  t = await createTestApp({ mail: false });
  owner = await registerUser(t.app);
});
afterAll(() => t.close());

const inject = (options: InjectOptions) => t.app.inject(options);

describe('creating and reading organisations', () => {
  it('creates an organisation whose creator becomes owner, with territory and ETag', async () => {
    const eik = uniqueEik();
    const res = await inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: owner.auth,
      payload: { kind: 'municipality', name: '  Община Тест  ', country: 'BG', territoryCode: 'BG-22-01', legalId: `BG ${eik}` },
    });
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({ name: 'Община Тест', legalId: eik, myRole: 'owner', verification: { status: 'unverified' } });
    expect(org.territory).toMatchObject({ code: 'BG-22-01', level: 'municipality', parentCode: 'BG-22' });
    expect(res.headers.etag).toBe(`"${org.version}"`);

    const me = await inject({ method: 'GET', url: '/api/v1/me', headers: owner.auth });
    expect(me.json().organisations).toContainEqual({ id: org.id, name: 'Община Тест', kind: 'municipality', role: 'owner' });

    const anonymous = await inject({ method: 'GET', url: `/api/v1/organisations/${org.id}` });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json().myRole).toBeNull();
  });

  it('checks the legal id per country and the territory against the country', async () => {
    const cases = [
      { country: 'BG', legalId: '123456789', path: '/legalId', code: 'invalid_legal_id' },
      { country: 'AL', legalId: '12345678', path: '/legalId', code: 'invalid_legal_id' },
      { country: 'AZ', legalId: 'ABC', path: '/legalId', code: 'invalid_legal_id' },
      { country: 'AL', territoryCode: 'BG-01', path: '/territoryCode', code: 'invalid_territory' },
      { country: 'BG', territoryCode: 'BG', path: '/territoryCode', code: 'invalid_territory' },
    ];
    for (const { path, code, ...fields } of cases) {
      const res = await inject({ method: 'POST', url: '/api/v1/organisations', headers: owner.auth, payload: { kind: 'ngo', name: 'Bad one', ...fields } });
      expect(res.statusCode, JSON.stringify(fields)).toBe(422);
      expect(res.json()).toMatchObject({ code, errors: [{ path }] });
    }
    const digits = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
    const ok = await inject({ method: 'POST', url: '/api/v1/organisations', headers: owner.auth, payload: { kind: 'ngo', name: 'Albanian NGO', country: 'AL', legalId: `l${digits}b`, territoryCode: 'AL-11' } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().legalId).toBe(`L${digits}B`);
  });

  it('refuses a second organisation with the same legal id in a country', async () => {
    const eik = uniqueEik();
    await createOrganisation(t.app, owner, { legalId: eik });
    const res = await inject({ method: 'POST', url: '/api/v1/organisations', headers: owner.auth, payload: { kind: 'ngo', name: 'Copy', country: 'BG', legalId: eik } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'legal_id_taken', errors: [{ path: '/legalId' }] });
  });

  it('answers 404 for an unknown organisation and 401 when creating signed out', async () => {
    const missing = await inject({ method: 'GET', url: '/api/v1/organisations/00000000-0000-4000-8000-000000000000' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
    const signedOut = await inject({ method: 'POST', url: '/api/v1/organisations', payload: { kind: 'ngo', name: 'X org', country: 'BG' } });
    expect(signedOut.statusCode).toBe(401);
  });
});

describe('directory filters and pagination', () => {
  it('filters by kind, country, region (including its municipalities), municipality and text', async () => {
    const tag = `Filtertest${Date.now()}`;
    const inRegion = await createOrganisation(t.app, owner, { name: `${tag} region`, territoryCode: 'BG-03' });
    const inMunicipality = await createOrganisation(t.app, owner, { name: `${tag} municipality`, territoryCode: 'BG-03-01', kind: 'municipality' });
    await createOrganisation(t.app, owner, { name: `${tag} elsewhere`, territoryCode: 'BG-04' });
    await createOrganisation(t.app, owner, { name: `${tag} albania`, country: 'AL', legalId: null, territoryCode: 'AL-01' });

    const names = async (query: string) =>
      (await inject({ method: 'GET', url: `/api/v1/organisations?q=${tag}&${query}` })).json().items.map((o: { name: string }) => o.name);

    expect(await names('region=BG-03')).toEqual([inMunicipality.name, inRegion.name].sort());
    expect(await names('municipality=BG-03-01')).toEqual([inMunicipality.name]);
    expect(await names('kind=municipality')).toEqual([inMunicipality.name]);
    expect(await names('country=AL')).toEqual([`${tag} albania`]);
    expect(await names('')).toHaveLength(4);
    // Wildcards in the search text are taken literally.
    const literal = await inject({ method: 'GET', url: `/api/v1/organisations?q=${tag}%25` });
    expect(literal.json().items).toEqual([]);
  });

  it('walks every page once with the cursor', async () => {
    const tag = `Pagetest${Date.now()}`;
    for (let i = 0; i < 5; i++) await createOrganisation(t.app, owner, { name: `${tag} ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await inject({ method: 'GET', url: `/api/v1/organisations?q=${tag}&limit=2${cursor ? `&cursor=${cursor}` : ''}` });
      expect(res.statusCode).toBe(200);
      const page = res.json() as { items: Array<{ name: string }>; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((o) => o.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([0, 1, 2, 3, 4].map((i) => `${tag} ${i}`));
    const bad = await inject({ method: 'GET', url: '/api/v1/organisations?cursor=nonsense' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_cursor');
  });

  it('lists only my organisations with mine=true, and asks for sign-in otherwise', async () => {
    const other = await registerUser(t.app);
    const org = await createOrganisation(t.app, other);
    const mine = await inject({ method: 'GET', url: '/api/v1/organisations?mine=true', headers: other.auth });
    expect(mine.json().items.map((o: { id: string }) => o.id)).toEqual([org.id]);
    expect((await inject({ method: 'GET', url: '/api/v1/organisations?mine=true' })).statusCode).toBe(401);
  });
});

describe('editing with versions', () => {
  it('requires If-Match, rejects stale versions and lets editors but not members edit', async () => {
    const org = await createOrganisation(t.app, owner);
    const url = `/api/v1/organisations/${org.id}`;
    const noMatch = await inject({ method: 'PATCH', url, headers: owner.auth, payload: { description: 'x' } });
    expect(noMatch.statusCode).toBe(428);

    const ok = await inject({ method: 'PATCH', url, headers: { ...owner.auth, 'if-match': `"${org.version}"` }, payload: { description: 'We run youth clubs.' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ description: 'We run youth clubs.', version: org.version + 1 });
    expect(ok.headers.etag).toBe(`"${org.version + 1}"`);

    const stale = await inject({ method: 'PATCH', url, headers: { ...owner.auth, 'if-match': `"${org.version}"` }, payload: { description: 'lost?' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect((await inject({ method: 'GET', url })).json().description).toBe('We run youth clubs.');

    const editor = await registerUser(t.app);
    const member = await registerUser(t.app);
    await addMember(t.app, owner, org.id, editor, 'editor');
    await addMember(t.app, owner, org.id, member, 'member');
    const version = `"${org.version + 1}"`;
    const byMember = await inject({ method: 'PATCH', url, headers: { ...member.auth, 'if-match': version }, payload: { name: 'Taken over' } });
    expect(byMember.statusCode).toBe(403);
    const byEditor = await inject({ method: 'PATCH', url, headers: { ...editor.auth, 'if-match': version }, payload: { name: 'Renamed by editor' } });
    expect(byEditor.statusCode).toBe(200);
    expect(byEditor.json().myRole).toBe('editor');
  });

  it('drops the verification when the legal id changes', async () => {
    const org = await createOrganisation(t.app, owner);
    await t.handle.db.updateTable('organisations').set({ verification_status: 'verified' }).where('id', '=', org.id).execute();
    const res = await inject({
      method: 'PATCH',
      url: `/api/v1/organisations/${org.id}`,
      headers: { ...owner.auth, 'if-match': `"${org.version}"` },
      payload: { legalId: uniqueEik() },
    });
    expect(res.json().verification.status).toBe('unverified');
  });
});

describe('members and invitations', () => {
  it('runs the invitation flow: link shown without SMTP, preview, email must match, accept once', async () => {
    const org = await createOrganisation(t.app, owner);
    const invitee = await registerUser(t.app);
    const stranger = await registerUser(t.app);
    const res = await inject({ method: 'POST', url: `/api/v1/organisations/${org.id}/invitations`, headers: owner.auth, payload: { email: invitee.email.toUpperCase(), role: 'editor' } });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.emailed).toBe(false);
    expect(created.inviteUrl).toMatch(/^http:\/\/localhost:\d+\/invitations\/[\w-]{43}$/);
    const token = created.inviteUrl.split('/').pop();

    const preview = await inject({ method: 'GET', url: `/api/v1/invitations/${token}` });
    expect(preview.json()).toMatchObject({ organisation: { id: org.id }, email: invitee.email, role: 'editor', status: 'pending' });

    const pending = await inject({ method: 'GET', url: `/api/v1/organisations/${org.id}/invitations`, headers: owner.auth });
    expect(pending.json().items.map((i: { email: string }) => i.email)).toContain(invitee.email);

    const wrongPerson = await inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, headers: stranger.auth });
    expect(wrongPerson.statusCode).toBe(403);
    expect(wrongPerson.json().code).toBe('invitation_email_mismatch');

    const accept = await inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, headers: invitee.auth });
    expect(accept.json()).toEqual({ organisationId: org.id, role: 'editor' });
    const again = await inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, headers: invitee.auth });
    expect(again.statusCode).toBe(409);

    const members = await inject({ method: 'GET', url: `/api/v1/organisations/${org.id}/members`, headers: owner.auth });
    expect(members.json().items).toContainEqual(expect.objectContaining({ userId: invitee.id, role: 'editor', email: invitee.email }));
    // Outsiders see who is a member but not their email addresses.
    const outside = await inject({ method: 'GET', url: `/api/v1/organisations/${org.id}/members` });
    expect(outside.json().items.every((m: { email: string | null }) => m.email === null)).toBe(true);

    const twice = await inject({ method: 'POST', url: `/api/v1/organisations/${org.id}/invitations`, headers: owner.auth, payload: { email: invitee.email, role: 'member' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('already_member');
  });

  it('mails the link when a mailer is configured, and revoked or expired invitations cannot be used', async () => {
    const mailing = await createTestApp({ mail: true, config: { invitationDays: 1 } });
    try {
      const boss = await registerUser(mailing.app);
      const org = await createOrganisation(mailing.app, boss);
      const email = `someone-${Date.now()}@example.test`;
      const res = await mailing.app.inject({ method: 'POST', url: `/api/v1/organisations/${org.id}/invitations`, headers: boss.auth, payload: { email, role: 'member' } });
      expect(res.json()).toMatchObject({ emailed: true, inviteUrl: null });
      expect(mailing.mails).toHaveLength(1);
      expect(mailing.mails[0]).toMatchObject({ to: email });
      const token = /\/invitations\/([\w-]+)/.exec(mailing.mails[0]!.text)![1];

      const revoke = await mailing.app.inject({ method: 'DELETE', url: `/api/v1/organisations/${org.id}/invitations/${res.json().invitation.id}`, headers: boss.auth });
      expect(revoke.statusCode).toBe(204);
      expect((await mailing.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` })).statusCode).toBe(404);

      // An invitation whose time ran out answers 410.
      const second = await mailing.app.inject({ method: 'POST', url: `/api/v1/organisations/${org.id}/invitations`, headers: boss.auth, payload: { email, role: 'member' } });
      const token2 = /\/invitations\/([\w-]+)/.exec(mailing.mails[1]!.text)![1];
      await mailing.handle.db.updateTable('invitations').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', second.json().invitation.id).execute();
      const invitee = await registerUser(mailing.app, { email });
      const late = await mailing.app.inject({ method: 'POST', url: `/api/v1/invitations/${token2}/accept`, headers: invitee.auth });
      expect(late.statusCode).toBe(410);
      expect(late.json().code).toBe('invitation_expired');
    } finally {
      await mailing.close();
    }
  });

  it('changes roles and removes members but never leaves an organisation without an owner', async () => {
    const org = await createOrganisation(t.app, owner);
    const member = await registerUser(t.app);
    await addMember(t.app, owner, org.id, member, 'member');
    const base = `/api/v1/organisations/${org.id}/members`;

    const selfPromote = await inject({ method: 'PATCH', url: `${base}/${member.id}`, headers: member.auth, payload: { role: 'owner' } });
    expect(selfPromote.statusCode).toBe(403);

    const demoteLast = await inject({ method: 'PATCH', url: `${base}/${owner.id}`, headers: owner.auth, payload: { role: 'member' } });
    expect(demoteLast.statusCode).toBe(409);
    expect(demoteLast.json().code).toBe('last_owner');

    const promote = await inject({ method: 'PATCH', url: `${base}/${member.id}`, headers: owner.auth, payload: { role: 'owner' } });
    expect(promote.json()).toMatchObject({ userId: member.id, role: 'owner' });
    const notices = await inject({ method: 'GET', url: '/api/v1/notifications', headers: member.auth });
    expect(notices.json().items[0]).toMatchObject({ kind: 'membership.role_changed', data: { role: 'owner' } });

    const leave = await inject({ method: 'DELETE', url: `${base}/${owner.id}`, headers: owner.auth });
    expect(leave.statusCode).toBe(204);
    const lastLeaves = await inject({ method: 'DELETE', url: `${base}/${member.id}`, headers: member.auth });
    expect(lastLeaves.statusCode).toBe(409);
    const gone = await inject({ method: 'DELETE', url: `${base}/${owner.id}`, headers: member.auth });
    expect(gone.statusCode).toBe(404);
  });
});

describe('verification', () => {
  it('goes from request to admin decision, with reasons and notifications', async () => {
    const admin = await registerUser(t.app);
    await makePlatformRole(t.handle.db, admin.id, 'admin');
    const noLegal = await createOrganisation(t.app, owner, { legalId: null });
    const missing = await inject({ method: 'POST', url: `/api/v1/organisations/${noLegal.id}/verification-request`, headers: owner.auth });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().code).toBe('legal_id_required');

    const org = await createOrganisation(t.app, owner);
    const request = await inject({ method: 'POST', url: `/api/v1/organisations/${org.id}/verification-request`, headers: owner.auth });
    expect(request.json().verification.status).toBe('pending');
    expect((await inject({ method: 'POST', url: `/api/v1/organisations/${org.id}/verification-request`, headers: owner.auth })).statusCode).toBe(409);

    expect((await inject({ method: 'GET', url: '/api/v1/admin/verification-queue', headers: owner.auth })).statusCode).toBe(403);
    const queue = await inject({ method: 'GET', url: '/api/v1/admin/verification-queue', headers: admin.auth });
    expect(queue.json().items.map((o: { id: string }) => o.id)).toContain(org.id);
    const adminNotices = await inject({ method: 'GET', url: '/api/v1/notifications', headers: admin.auth });
    expect(adminNotices.json().items.some((n: { kind: string; data: { organisationName: string } }) => n.kind === 'verification.requested' && n.data.organisationName === org.name)).toBe(true);

    const decide = `/api/v1/admin/organisations/${org.id}/verification`;
    expect((await inject({ method: 'POST', url: decide, headers: owner.auth, payload: { decision: 'verified' } })).statusCode).toBe(403);
    const noReason = await inject({ method: 'POST', url: decide, headers: admin.auth, payload: { decision: 'rejected', reason: '  ' } });
    expect(noReason.json()).toMatchObject({ code: 'reason_required', errors: [{ path: '/reason' }] });
    const rejected = await inject({ method: 'POST', url: decide, headers: admin.auth, payload: { decision: 'rejected', reason: 'The registry shows another name' } });
    expect(rejected.json().verification).toMatchObject({ status: 'rejected', reason: 'The registry shows another name' });
    const ownerNotices = await inject({ method: 'GET', url: '/api/v1/notifications', headers: owner.auth });
    expect(ownerNotices.json().items[0]).toMatchObject({ kind: 'verification.decided', data: { decision: 'rejected', reason: 'The registry shows another name' } });

    // After fixing, the owner asks again and the admin verifies.
    await inject({ method: 'POST', url: `/api/v1/organisations/${org.id}/verification-request`, headers: owner.auth });
    const verified = await inject({ method: 'POST', url: decide, headers: admin.auth, payload: { decision: 'verified' } });
    expect(verified.json().verification.status).toBe('verified');
    const audit = await t.handle.db.selectFrom('audit_log').select('action').where('subject_id', '=', org.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'organisation.created',
      'verification.requested',
      'verification.rejected',
      'verification.requested',
      'verification.verified',
    ]);
  });
});
