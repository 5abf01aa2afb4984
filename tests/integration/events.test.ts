import { randomUUID } from 'node:crypto';
import type { App } from '@partnera/server';
import type { EventDetail, EventPage, EventRegistrants, NotificationPage } from '@partnera/server/api-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { addMember, createOrganisation, type TestUser } from '../support/factories';
import { createEvent, eventBody, publishedEvent, wallUtc } from '../support/events';
import { quickUser } from '../support/forums';
import { createPublishedIdea } from '../support/plan-factories';

let test: TestApp;
let app: App;
let owner: TestUser;
let editor: TestUser;
let member: TestUser;
let outsider: TestUser;
let orgId: string;

beforeAll(async () => {
  test = await createTestApp({ poolSize: 12 });
  app = test.app;
  owner = await quickUser(app, test.handle.db, 'Event Owner');
  editor = await quickUser(app, test.handle.db, 'Event Editor');
  member = await quickUser(app, test.handle.db, 'Event Member');
  outsider = await quickUser(app, test.handle.db, 'Outsider');
  orgId = (await createOrganisation(app, owner, { kind: 'municipality' })).id;
  await addMember(app, owner, orgId, editor, 'editor');
  await addMember(app, owner, orgId, member, 'member');
});
afterAll(async () => {
  await test?.close();
});

const get = (url: string, user?: TestUser) => app.inject({ method: 'GET', url, headers: user?.auth ?? {} });
const post = (url: string, user: TestUser, payload?: unknown) => app.inject({ method: 'POST', url, headers: user.auth, ...(payload !== undefined && { payload: payload as object }) });
const register = (id: string, user: TestUser, payload: object = {}) => app.inject({ method: 'PUT', url: `/api/v1/events/${id}/registration`, headers: user.auth, payload });
const unregister = (id: string, user: TestUser) => app.inject({ method: 'DELETE', url: `/api/v1/events/${id}/registration`, headers: user.auth });
const patch = (id: string, user: TestUser, version: number, payload: object) =>
  app.inject({ method: 'PATCH', url: `/api/v1/events/${id}`, headers: { ...user.auth, 'if-match': `"${version}"` }, payload });
const people = (n: number, label: string) => Promise.all(Array.from({ length: n }, (_, i) => quickUser(app, test.handle.db, `${label} ${i + 1}`)));

async function waitFor(condition: () => Promise<boolean>, what: string) {
  const deadline = Date.now() + 5_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function notificationsOf(user: TestUser) {
  return (await get('/api/v1/notifications', user)).json<NotificationPage>().items;
}

describe('organising events', () => {
  it('lets owners and editors create, edit and publish; members and outsiders cannot; drafts stay inside the organisation', async () => {
    const refused = await post('/api/v1/events', member, eventBody([orgId]));
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect((await post('/api/v1/events', outsider, eventBody([orgId]))).statusCode).toBe(403);

    const tag = randomUUID().slice(0, 8);
    const created = await post('/api/v1/events', editor, eventBody([orgId], { title: `Draft meeting ${tag}` }));
    expect(created.statusCode).toBe(201);
    const draft = created.json<EventDetail>();
    expect(created.headers.etag).toBe(`"${draft.version}"`);
    expect(draft).toMatchObject({ status: 'draft', canManage: true, organisers: [{ id: orgId }], municipality: { code: 'BG-15-09' } });

    // Drafts: members of the organisation see them, nobody else does, not even in lists.
    expect((await get(`/api/v1/events/${draft.id}`, member)).json<EventDetail>()).toMatchObject({ status: 'draft', canManage: false });
    expect((await get(`/api/v1/events/${draft.id}`, outsider)).statusCode).toBe(404);
    expect((await get(`/api/v1/events/${draft.id}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/events?q=${tag}`, outsider)).json<EventPage>().items).toHaveLength(0);
    expect((await get(`/api/v1/events?q=${tag}`, member)).json<EventPage>().items.map((e) => e.id)).toEqual([draft.id]);
    expect((await get(`/api/v1/events/${draft.id}/ical`, outsider)).statusCode).toBe(404);

    // Editing needs If-Match; a stale version is a conflict; members cannot edit.
    expect((await app.inject({ method: 'PATCH', url: `/api/v1/events/${draft.id}`, headers: owner.auth, payload: { title: 'No version' } })).statusCode).toBe(428);
    expect((await patch(draft.id, member, draft.version, { title: 'Member edit' })).statusCode).toBe(403);
    const edited = await patch(draft.id, owner, draft.version, { title: `Edited meeting ${tag}`, capacity: 10 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<EventDetail>()).toMatchObject({ title: `Edited meeting ${tag}`, capacity: 10, placesLeft: 10 });
    const stale = await patch(draft.id, owner, draft.version, { title: 'Lost update' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict' });

    // Registration waits for publishing.
    expect((await register(draft.id, member)).json()).toMatchObject({ code: 'event_not_published' });
    expect((await post(`/api/v1/events/${draft.id}/publish`, member)).statusCode).toBe(403);
    const published = await post(`/api/v1/events/${draft.id}/publish`, editor);
    expect(published.statusCode).toBe(200);
    expect(published.json<EventDetail>()).toMatchObject({ status: 'published', canRegister: true });
    expect((await post(`/api/v1/events/${draft.id}/publish`, editor)).statusCode).toBe(409);
    expect((await get(`/api/v1/events?q=${tag}`)).json<EventPage>().items.map((e) => e.id)).toEqual([draft.id]);
  });

  it('lets editors of a co-organising organisation manage the event, and keeps the owner first', async () => {
    const partnerOwner = await quickUser(app, test.handle.db, 'Partner Owner');
    const partnerId = (await createOrganisation(app, partnerOwner)).id;
    const event = await createEvent(app, owner, [orgId, partnerId]);
    expect(event.organisers.map((o) => o.id)).toEqual([orgId, partnerId]);
    const byPartner = await patch(event.id, partnerOwner, event.version, { capacity: 5 });
    expect(byPartner.statusCode).toBe(200);
    const swap = await patch(event.id, partnerOwner, byPartner.json<EventDetail>().version, { organisationIds: [partnerId, orgId] });
    expect(swap.statusCode).toBe(422);
    expect(swap.json()).toMatchObject({ code: 'owner_fixed' });
  });

  it('stores times in the zone they were entered in', async () => {
    const event = await createEvent(app, owner, [orgId], { startsAt: '2030-07-01T10:00', endsAt: '2030-07-01T12:30', timeZone: 'Europe/Sofia' });
    expect(event).toMatchObject({ startsAt: '2030-07-01T07:00:00.000Z', endsAt: '2030-07-01T09:30:00.000Z', timeZone: 'Europe/Sofia', startsAtLocal: '2030-07-01T10:00', endsAtLocal: '2030-07-01T12:30' });
    // Changing only the zone keeps the wall-clock times as typed.
    const moved = await patch(event.id, owner, event.version, { timeZone: 'Asia/Baku' });
    expect(moved.json<EventDetail>()).toMatchObject({ startsAt: '2030-07-01T06:00:00.000Z', startsAtLocal: '2030-07-01T10:00' });
  });

  it('cancels with a notice to everyone registered or waiting, after which nothing changes', async () => {
    const event = await publishedEvent(app, owner, [orgId], { capacity: 1 });
    const [first, second] = await people(2, 'Cancel');
    expect((await register(event.id, first!)).json<EventDetail>().myRegistration).toMatchObject({ status: 'registered' });
    expect((await register(event.id, second!)).json<EventDetail>().myRegistration).toMatchObject({ status: 'waiting', position: 1 });
    expect((await post(`/api/v1/events/${event.id}/cancel`, member, { reason: 'no' })).statusCode).toBe(403);
    const cancelled = await post(`/api/v1/events/${event.id}/cancel`, owner, { reason: 'The hall is flooded' });
    expect(cancelled.json<EventDetail>()).toMatchObject({ status: 'cancelled', cancelReason: 'The hall is flooded', canRegister: false });
    for (const person of [first!, second!]) {
      const notice = (await notificationsOf(person)).find((n) => n.kind === 'event.cancelled');
      expect(notice).toMatchObject({ data: { eventTitle: event.title, reason: 'The hall is flooded' }, link: `/events/${event.id}` });
    }
    expect((await register(event.id, outsider)).json()).toMatchObject({ code: 'event_cancelled' });
    expect((await patch(event.id, owner, cancelled.json<EventDetail>().version, { title: 'Revived' })).json()).toMatchObject({ code: 'event_cancelled' });
    const ics = await get(`/api/v1/events/${event.id}/ical`);
    expect(ics.body).toContain('STATUS:CANCELLED\r\n');
  });
});

describe('registration and the waiting list', () => {
  it('puts people on the waiting list when full and promotes the first when a place frees, with a notification', async () => {
    const event = await publishedEvent(app, owner, [orgId], { capacity: 2 });
    const [a, b, c, d] = await people(4, 'Queue');
    // Registering on behalf of an organisation needs membership of it.
    expect((await register(event.id, a!, { organisationId: orgId })).json()).toMatchObject({ code: 'not_your_organisation' });
    expect((await register(event.id, member, { organisationId: orgId })).json<EventDetail>().myRegistration).toMatchObject({ status: 'registered', organisationId: orgId });
    expect((await register(event.id, a!)).json<EventDetail>()).toMatchObject({ myRegistration: { status: 'registered' }, placesLeft: 0 });
    expect((await register(event.id, b!)).json<EventDetail>().myRegistration).toMatchObject({ status: 'waiting', position: 1 });
    expect((await register(event.id, c!)).json<EventDetail>().myRegistration).toMatchObject({ status: 'waiting', position: 2 });
    // Registering again changes nothing.
    expect((await register(event.id, c!)).json<EventDetail>()).toMatchObject({ myRegistration: { position: 2 }, waitingCount: 2 });
    // A bare PUT (no body) registers too, and repeating it changes nothing.
    const bare = await app.inject({ method: 'PUT', url: `/api/v1/events/${event.id}/registration`, headers: c!.auth });
    expect(bare.json<EventDetail>()).toMatchObject({ myRegistration: { position: 2 }, waitingCount: 2 });

    // Only organisers see the lists.
    expect((await get(`/api/v1/events/${event.id}/registrations`, a)).statusCode).toBe(403);
    const lists = (await get(`/api/v1/events/${event.id}/registrations`, editor)).json<EventRegistrants>();
    expect(lists.registered.map((r) => r.userId)).toEqual([member.id, a!.id]);
    expect(lists.waiting.map((r) => [r.userId, r.position])).toEqual([[b!.id, 1], [c!.id, 2]]);

    // Leaving the waiting list promotes nobody; leaving a place promotes the first waiting person.
    expect((await unregister(event.id, d!)).json()).toMatchObject({ code: 'not_registered' });
    const left = await unregister(event.id, a!);
    expect(left.json<EventDetail>()).toMatchObject({ myRegistration: null, registeredCount: 2, waitingCount: 1, placesLeft: 0 });
    expect((await get(`/api/v1/events/${event.id}`, b)).json<EventDetail>().myRegistration).toMatchObject({ status: 'registered', position: null });
    expect((await get(`/api/v1/events/${event.id}`, c)).json<EventDetail>().myRegistration).toMatchObject({ status: 'waiting', position: 1 });
    expect((await notificationsOf(b!)).find((n) => n.kind === 'event.promoted')).toMatchObject({ data: { eventId: event.id, eventTitle: event.title }, link: `/events/${event.id}` });
    expect((await notificationsOf(c!)).some((n) => n.kind === 'event.promoted')).toBe(false);

    // More places move the waiting list up too.
    const current = (await get(`/api/v1/events/${event.id}`, owner)).json<EventDetail>();
    const grown = await patch(event.id, owner, current.version, { capacity: 5 });
    expect(grown.json<EventDetail>()).toMatchObject({ registeredCount: 3, waitingCount: 0, placesLeft: 2 });
    expect((await notificationsOf(c!)).some((n) => n.kind === 'event.promoted')).toBe(true);
    // A new time reaches everyone registered.
    expect((await notificationsOf(b!)).some((n) => n.kind === 'event.changed')).toBe(false);
    await patch(event.id, owner, grown.json<EventDetail>().version, { startsAt: wallUtc(30), endsAt: wallUtc(32) });
    for (const person of [member, b!, c!]) expect((await notificationsOf(person)).find((n) => n.kind === 'event.changed')).toMatchObject({ data: { eventId: event.id }, link: `/events/${event.id}` });
  });

  it('reminds the people registered (not those waiting) the day before, once, and again after the time moves', async () => {
    const soon = await publishedEvent(app, owner, [orgId], { capacity: 1, startsAt: wallUtc(20), endsAt: wallUtc(22) });
    const later = await publishedEvent(app, owner, [orgId], { startsAt: wallUtc(40), endsAt: wallUtc(42) });
    const [coming, waiting] = await people(2, 'Reminded');
    await register(soon.id, coming!);
    await register(soon.id, waiting!);
    await register(later.id, coming!);
    const reminders = async (user: TestUser, eventId: string) =>
      (await notificationsOf(user)).filter((n) => n.kind === 'event.reminder' && n.data.eventId === eventId);
    // Every server process runs the reminders once a minute; whichever claims an event sends its reminder.
    const remindedOnce = async (user: TestUser, eventId: string) => {
      await app.services.events.remindUpcoming();
      await waitFor(async () => (await reminders(user, eventId)).length === 1, 'the reminder arrives');
      await app.services.events.remindUpcoming();
      expect(await reminders(user, eventId)).toHaveLength(1);
    };

    await remindedOnce(coming!, soon.id);
    expect((await reminders(coming!, soon.id))[0]).toMatchObject({ link: `/events/${soon.id}`, data: { eventTitle: soon.title, startsAt: soon.startsAt, timeZone: 'UTC' } });
    expect(await reminders(waiting!, soon.id)).toEqual([]);
    expect(await reminders(coming!, later.id)).toEqual([]);

    // A new time within the day: a new reminder.
    await patch(soon.id, owner, soon.version, { startsAt: wallUtc(10), endsAt: wallUtc(12) });
    await app.services.events.remindUpcoming();
    await waitFor(async () => (await reminders(coming!, soon.id)).length === 2, 'the second reminder arrives');
  });

  it('never gives more places than the capacity under concurrent registrations, and promotes exactly once per freed place', async () => {
    const event = await publishedEvent(app, owner, [orgId], { capacity: 3 });
    const crowd = await people(12, 'Crowd');
    const answers = await Promise.all(crowd.map((p) => register(event.id, p)));
    expect(answers.map((r) => r.statusCode)).toEqual(crowd.map(() => 200));
    const lists = (await get(`/api/v1/events/${event.id}/registrations`, owner)).json<EventRegistrants>();
    expect(lists.registered).toHaveLength(3);
    expect(lists.waiting.map((w) => w.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const statuses = answers.map((r) => r.json<EventDetail>().myRegistration!.status);
    expect(statuses.filter((s) => s === 'registered')).toHaveLength(3);

    // Three registered people leave at once: the first three waiting take their places, nobody else.
    const leaving = crowd.filter((p) => lists.registered.some((r) => r.userId === p.id));
    await Promise.all(leaving.map((p) => unregister(event.id, p)));
    const after = (await get(`/api/v1/events/${event.id}/registrations`, owner)).json<EventRegistrants>();
    expect(after.registered.map((r) => r.userId)).toEqual(lists.waiting.slice(0, 3).map((w) => w.userId));
    expect(after.waiting.map((w) => w.userId)).toEqual(lists.waiting.slice(3).map((w) => w.userId));
  });

  it('closes registration changes when the event starts and when organisers close it', async () => {
    const event = await publishedEvent(app, owner, [orgId], { registrationOpen: false });
    expect((await register(event.id, outsider)).json()).toMatchObject({ code: 'registration_closed' });
    const past = await publishedEvent(app, owner, [orgId], { startsAt: wallUtc(-1), endsAt: wallUtc(1) });
    expect((await register(past.id, outsider)).json()).toMatchObject({ code: 'event_started' });
    expect(past).toMatchObject({ canRegister: false, started: true, ended: false });
  });
});

describe('after the event', () => {
  it('lets organisers mark attendance once it started, write minutes and link ideas', async () => {
    const event = await publishedEvent(app, owner, [orgId], { capacity: 1 });
    const [came, waited] = await people(2, 'Attendee');
    await register(event.id, came!);
    await register(event.id, waited!);
    const attendance = (user: TestUser, items: object[]) => app.inject({ method: 'PUT', url: `/api/v1/events/${event.id}/attendance`, headers: user.auth, payload: { items } });
    const early = await attendance(owner, [{ userId: came!.id, attended: true }]);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'event_not_started' });
    expect((await app.inject({ method: 'PUT', url: `/api/v1/events/${event.id}/minutes`, headers: owner.auth, payload: { minutes: 'Too early' } })).json()).toMatchObject({ code: 'event_not_started' });

    // The organisers move the start into the past (it began an hour ago).
    const current = (await get(`/api/v1/events/${event.id}`, owner)).json<EventDetail>();
    expect((await patch(event.id, owner, current.version, { startsAt: wallUtc(-1) })).statusCode).toBe(200);

    expect((await attendance(came!, [{ userId: came!.id, attended: true }])).statusCode).toBe(403);
    expect((await attendance(owner, [{ userId: waited!.id, attended: true }])).json()).toMatchObject({ code: 'not_registered' });
    const marked = await attendance(editor, [{ userId: came!.id, attended: true }]);
    expect(marked.statusCode).toBe(200);
    expect(marked.json<EventRegistrants>().registered).toEqual([expect.objectContaining({ userId: came!.id, attended: true })]);
    expect((await get(`/api/v1/events/${event.id}`, came)).json<EventDetail>().myRegistration).toMatchObject({ attended: true });

    const minutes = await app.inject({ method: 'PUT', url: `/api/v1/events/${event.id}/minutes`, headers: editor.auth, payload: { minutes: '## Decisions\n\n1. Apply together.' } });
    expect(minutes.statusCode).toBe(200);
    expect(minutes.json<EventDetail>()).toMatchObject({ minutes: '## Decisions\n\n1. Apply together.' });
    expect((await app.inject({ method: 'PUT', url: `/api/v1/events/${event.id}/minutes`, headers: member.auth, payload: { minutes: 'x' } })).statusCode).toBe(403);

    const ideaId = (await createPublishedIdea(app, owner, orgId, { title: 'Riverside path for everyone' })).id;
    expect((await post(`/api/v1/events/${event.id}/ideas`, member, { ideaId })).statusCode).toBe(403);
    expect((await post(`/api/v1/events/${event.id}/ideas`, owner, { ideaId: randomUUID() })).json()).toMatchObject({ code: 'invalid_idea' });
    const linked = await post(`/api/v1/events/${event.id}/ideas`, owner, { ideaId });
    expect(linked.json<EventDetail>().linkedIdeas).toEqual([expect.objectContaining({ id: ideaId, title: 'Riverside path for everyone' })]);
    // Public readers see the minutes and the linked ideas.
    expect((await get(`/api/v1/events/${event.id}`)).json<EventDetail>()).toMatchObject({ minutes: expect.stringContaining('Apply together'), linkedIdeas: [{ id: ideaId }] });
    // The idea's page lists the events it was linked to (this one has started: it is a past one once it ends).
    const ofIdea = async (when: string) => (await get(`/api/v1/events?idea=${ideaId}&when=${when}`)).json<EventPage>().items.map((e) => e.id);
    expect([...(await ofIdea('upcoming')), ...(await ofIdea('past'))]).toEqual([event.id]);
    expect((await get(`/api/v1/events?idea=not-a-uuid`)).statusCode).toBe(400);
    const unlinked = await app.inject({ method: 'DELETE', url: `/api/v1/events/${event.id}/ideas/${ideaId}`, headers: owner.auth });
    expect(unlinked.json<EventDetail>().linkedIdeas).toEqual([]);
    expect([...(await ofIdea('upcoming')), ...(await ofIdea('past'))]).toEqual([]);
  });
});

describe('lists and calendars', () => {
  it('filters by kind, place, organisation and text, splits upcoming from past, and pages with a cursor', async () => {
    const tag = `flt${randomUUID().slice(0, 6)}`;
    const other = (await createOrganisation(app, owner, { country: 'AL', territoryCode: 'AL-06', legalId: null })).id;
    const soon = await publishedEvent(app, owner, [orgId], { title: `Soon ${tag}`, startsAt: wallUtc(24), endsAt: wallUtc(26) });
    const later = await publishedEvent(app, owner, [orgId], { title: `Later ${tag}`, kind: 'training', startsAt: wallUtc(72), endsAt: wallUtc(74) });
    const albanian = await publishedEvent(app, owner, [other], { title: `Online ${tag}`, kind: 'round_table', municipalityCode: null, placeAddress: null, onlineUrl: 'https://meet.example.org/x' });
    const past = await publishedEvent(app, owner, [orgId], { title: `Past ${tag}`, startsAt: wallUtc(-30), endsAt: wallUtc(-28) });
    const ids = async (query: string) => (await get(`/api/v1/events?q=${tag}&${query}`)).json<EventPage>().items.map((e) => e.id);

    expect(await ids('')).toEqual([soon.id, albanian.id, later.id]);
    expect(await ids('when=past')).toEqual([past.id]);
    expect(await ids('kind=training')).toEqual([later.id]);
    expect(await ids('municipality=BG-15-09')).toEqual([soon.id, later.id]);
    expect(await ids('region=BG-15')).toEqual([soon.id, later.id]);
    expect(await ids('country=AL')).toEqual([albanian.id]);
    expect(await ids(`organisation=${other}`)).toEqual([albanian.id]);

    const first = (await get(`/api/v1/events?q=${tag}&limit=2`)).json<EventPage>();
    expect(first.items.map((e) => e.id)).toEqual([soon.id, albanian.id]);
    const second = (await get(`/api/v1/events?q=${tag}&limit=2&cursor=${first.nextCursor}`)).json<EventPage>();
    expect(second).toMatchObject({ items: [{ id: later.id }], nextCursor: null });
  });

  it('exports one event and a feed as RFC 5545 calendars', async () => {
    const tag = randomUUID().slice(0, 6);
    const event = await publishedEvent(app, owner, [orgId], {
      title: `Кръгла маса, води; реки ${tag}`,
      description: `Line one\nLine two, with a comma; and a semicolon \\ backslash ${'long text '.repeat(12)}`,
    });
    const draft = await createEvent(app, owner, [orgId], { title: `Hidden draft ${tag}` });

    for (const url of [`/api/v1/events/${event.id}.ics`, `/api/v1/events/${event.id}/ical`]) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[a-z0-9-]+\.ics"; filename\*=UTF-8''/);
      const body = res.body;
      expect(body.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
      expect(body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const line of body.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      const unfolded = body.replace(/\r\n[ \t]/g, '');
      expect(unfolded).toContain(`UID:${event.id}@partnera\r\n`);
      expect(unfolded).toMatch(/DTSTAMP:\d{8}T\d{6}Z\r\n/);
      expect(unfolded).toContain(`DTSTART:${event.startsAt.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}\r\n`);
      expect(unfolded).toContain(`SUMMARY:Кръгла маса\\, води\\; реки ${tag}\r\n`);
      expect(unfolded).toContain('DESCRIPTION:Line one\\nLine two\\, with a comma\\; and a semicolon \\\\ backslash');
      expect(unfolded).toContain('LOCATION:Town hall\\, room 2\\, Никопол\r\n');
      expect(unfolded).toContain(`URL:http://localhost:3000/events/${event.id}\r\n`);
      expect(unfolded).toContain('STATUS:CONFIRMED\r\n');
    }

    const feed = await get(`/api/v1/events.ics?organisation=${orgId}`);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.body).toContain(`UID:${event.id}@partnera`);
    expect(feed.body).not.toContain(draft.id);
    expect((await get(`/api/v1/events.ics?organisation=${randomUUID()}`)).statusCode).toBe(404);
  });
});

describe('bad input', () => {
  it('answers mistakes with 4xx problem+json naming the field', async () => {
    const cases: Array<[Record<string, unknown>, number, string, string?]> = [
      [{ timeZone: 'Mars/Olympus' }, 422, 'invalid_time_zone', '/timeZone'],
      [{ endsAt: wallUtc(47) }, 422, 'ends_before_start', '/endsAt'],
      [{ startsAt: '2030-02-30T10:00' }, 422, 'invalid_time', '/startsAt'],
      [{ startsAt: '2030-03-31T03:30', endsAt: '2030-03-31T05:00', timeZone: 'Europe/Sofia' }, 422, 'invalid_time', '/startsAt'],
      [{ onlineUrl: 'http://meet.example.org/x' }, 422, 'invalid_online_url', '/onlineUrl'],
      [{ onlineUrl: 'javascript:alert(1)' }, 422, 'invalid_online_url', '/onlineUrl'],
      [{ municipalityCode: 'BG-15' }, 422, 'invalid_municipality', '/municipalityCode'],
      [{ planId: randomUUID() }, 422, 'invalid_event_plan', '/planId'],
      [{ kind: 'party' }, 400, 'validation_failed'],
      [{ startsAt: 'tomorrow' }, 400, 'validation_failed'],
      [{ capacity: 0 }, 400, 'validation_failed'],
      [{ title: 'x'.repeat(201) }, 400, 'validation_failed'],
      [{ surprise: true }, 400, 'validation_failed'],
      [{ agenda: [{ time: '25:00', title: 'Late' }] }, 400, 'validation_failed'],
    ];
    for (const [overrides, status, code, path] of cases) {
      const res = await post('/api/v1/events', owner, eventBody([orgId], overrides));
      expect(res.statusCode, JSON.stringify(overrides)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code });
      if (path) expect(res.json().errors?.[0]?.path).toBe(path);
    }
    expect((await post('/api/v1/events', owner, eventBody([randomUUID()]))).json()).toMatchObject({ code: 'invalid_organisation' });
    expect((await get('/api/v1/events?cursor=nonsense')).json()).toMatchObject({ status: 400, code: 'invalid_cursor' });
    expect((await get('/api/v1/events/not-a-uuid')).statusCode).toBe(400);
    expect((await get(`/api/v1/events/${randomUUID()}`)).statusCode).toBe(404);
    expect((await get('/api/v1/events?mine=true')).statusCode).toBe(401);
    // Publishing needs a place or an online link.
    const nowhere = await createEvent(app, owner, [orgId], { placeAddress: null, municipalityCode: null });
    expect((await post(`/api/v1/events/${nowhere.id}/publish`, owner)).json()).toMatchObject({ code: 'place_required' });
  });
});

describe('who may do what (route × caller)', () => {
  type Caller = 'anonymous' | 'outsider' | 'member' | 'editor' | 'coOrganiser';
  const callers: Caller[] = ['anonymous', 'outsider', 'member', 'editor', 'coOrganiser'];
  let partner: TestUser;
  let partnerOrgId: string;
  let ideaId: string;

  beforeAll(async () => {
    partner = await quickUser(app, test.handle.db, 'Partner Organiser');
    partnerOrgId = (await createOrganisation(app, partner)).id;
    ideaId = (await createPublishedIdea(app, owner, orgId)).id;
  });

  const userOf = (caller: Caller): TestUser | null =>
    caller === 'anonymous' ? null : { outsider, member, editor, coOrganiser: partner }[caller];

  async function draft() {
    return createEvent(app, owner, [orgId, partnerOrgId]);
  }
  async function published() {
    return publishedEvent(app, owner, [orgId, partnerOrgId]);
  }
  /** A published event with one registered person, which began an hour ago. */
  async function started() {
    const event = await published();
    const [guest] = await people(1, 'Guest');
    await register(event.id, guest!);
    const moved = await patch(event.id, owner, (await get(`/api/v1/events/${event.id}`, owner)).json<EventDetail>().version, { startsAt: wallUtc(-1) });
    return { event: moved.json<EventDetail>(), guestId: guest!.id };
  }

  const rows: Array<[string, () => Promise<(user: TestUser | null) => Promise<{ statusCode: number }>>, Record<Caller, number>]> = [
    ['read a draft', async () => { const e = await draft(); return (u) => get(`/api/v1/events/${e.id}`, u ?? undefined); }, { anonymous: 404, outsider: 404, member: 200, editor: 200, coOrganiser: 200 }],
    ['edit a draft', async () => { const e = await draft(); return (u) => app.inject({ method: 'PATCH', url: `/api/v1/events/${e.id}`, headers: { ...(u?.auth ?? {}), 'if-match': `"${e.version}"` }, payload: { title: 'Changed title' } }); }, { anonymous: 401, outsider: 404, member: 403, editor: 200, coOrganiser: 200 }],
    ['publish', async () => { const e = await draft(); return (u) => app.inject({ method: 'POST', url: `/api/v1/events/${e.id}/publish`, headers: u?.auth ?? {} }); }, { anonymous: 401, outsider: 404, member: 403, editor: 200, coOrganiser: 200 }],
    ['cancel', async () => { const e = await published(); return (u) => app.inject({ method: 'POST', url: `/api/v1/events/${e.id}/cancel`, headers: u?.auth ?? {}, payload: {} }); }, { anonymous: 401, outsider: 403, member: 403, editor: 200, coOrganiser: 200 }],
    ['register', async () => { const e = await published(); return (u) => app.inject({ method: 'PUT', url: `/api/v1/events/${e.id}/registration`, headers: u?.auth ?? {}, payload: {} }); }, { anonymous: 401, outsider: 200, member: 200, editor: 200, coOrganiser: 200 }],
    ['list registrants', async () => { const e = await published(); return (u) => get(`/api/v1/events/${e.id}/registrations`, u ?? undefined); }, { anonymous: 401, outsider: 403, member: 403, editor: 200, coOrganiser: 200 }],
    ['mark attendance', async () => { const { event, guestId } = await started(); return (u) => app.inject({ method: 'PUT', url: `/api/v1/events/${event.id}/attendance`, headers: u?.auth ?? {}, payload: { items: [{ userId: guestId, attended: true }] } }); }, { anonymous: 401, outsider: 403, member: 403, editor: 200, coOrganiser: 200 }],
    ['write minutes', async () => { const { event } = await started(); return (u) => app.inject({ method: 'PUT', url: `/api/v1/events/${event.id}/minutes`, headers: u?.auth ?? {}, payload: { minutes: 'Notes' } }); }, { anonymous: 401, outsider: 403, member: 403, editor: 200, coOrganiser: 200 }],
    ['link an idea', async () => { const e = await published(); return (u) => app.inject({ method: 'POST', url: `/api/v1/events/${e.id}/ideas`, headers: u?.auth ?? {}, payload: { ideaId } }); }, { anonymous: 401, outsider: 403, member: 403, editor: 200, coOrganiser: 200 }],
  ];

  it.each(rows)('%s', async (_name, setup, expected) => {
    const actual: Partial<Record<Caller, number>> = {};
    for (const caller of callers) {
      // A fresh event per caller, so one caller's success never changes what the next one meets.
      const call = await setup();
      actual[caller] = (await call(userOf(caller))).statusCode;
    }
    expect(actual).toEqual(expected);
  });
});
