import { sql } from 'kysely';
import type { Db } from '../repositories/db';
import { insertEvent, insertRegistration, linkIdea, replaceOrganisers, setMinutes } from '../repositories/events';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Whole hours of a day in the future or past, so demo times look like something a person would schedule. */
function at(daysFromNow: number, utcHour: number): Date {
  const d = new Date(Date.now() + daysFromNow * DAY);
  d.setUTCHours(utcHour, 0, 0, 0);
  return d;
}

/**
 * Adds demo events (written for the demo): a past working meeting with minutes and a linked idea, an
 * upcoming training with few places, and an online round table. Missing organisations or accounts are skipped.
 */
export async function seedDemoEvents(db: Db, ids: { orgIds: Map<string, string>; userIds: Map<string, string> }): Promise<void> {
  const org = (key: string) => ids.orgIds.get(key);
  const user = (email: string) => ids.userIds.get(email);
  const municipality = org('bg-mun');
  const ngo = org('bg-ngo');
  const albanian = org('al-ngo');
  const stefan = user('municipality@partnera.local');
  const mira = user('ngo@partnera.local');
  const elira = user('albania@partnera.local');
  if (!municipality || !ngo || !albanian || !stefan || !mira || !elira) return;

  const plan = await db.selectFrom('plans').select('id').where('organisation_id', '=', municipality).where('status', '=', 'published').executeTakeFirst();
  const idea = await db.selectFrom('ideas').select('id').where('status', '=', 'published').orderBy('created_at').executeTakeFirst();

  const meetingStart = at(-10, 7);
  const meeting = await insertEvent(db, {
    organisation_id: municipality,
    created_by: stefan,
    title: 'Working meeting: riverside paths and the 2027 call',
    description:
      'Municipal experts and local NGOs go through the **riverside paths** measure of the development plan and agree who prepares which part of a joint application.',
    kind: 'working_meeting',
    starts_at: meetingStart,
    ends_at: new Date(meetingStart.getTime() + 2 * HOUR),
    time_zone: 'Europe/Sofia',
    place_address: 'Town hall, small conference room, 2nd floor',
    municipality_code: 'BG-15-09',
    online_url: null,
    plan_id: plan?.id ?? null,
    agenda: JSON.stringify([
      { time: '09:00', title: 'Welcome and round of introductions', description: '' },
      { time: '09:20', title: 'The measure, its indicators and budget', description: 'Presented by the planning department.' },
      { time: '10:00', title: 'Who does what in the application', description: '' },
      { time: '10:40', title: 'Next steps and dates', description: '' },
    ]),
    capacity: 15,
    registration_open: false,
    status: 'published',
    language: 'en',
    minutes: null,
    minutes_updated_at: null,
    cancel_reason: null,
    published_at: new Date(meetingStart.getTime() - 14 * DAY),
    cancelled_at: null,
  });
  await replaceOrganisers(db, meeting.id, [municipality, ngo]);
  for (const [userId, organisationId] of [[mira, ngo], [elira, albanian]] as const) {
    await insertRegistration(db, { eventId: meeting.id, userId, organisationId, status: 'registered' });
  }
  await sql`update event_registrations set attended = (user_id = ${mira}) where event_id = ${meeting.id}`.execute(db);
  await setMinutes(
    db,
    meeting.id,
    [
      '## Decisions',
      '',
      '1. The NGO drafts the activities and the volunteer programme; the municipality prepares the technical design.',
      '2. The joint idea is published on Partnera so other partners can join.',
      '3. Next meeting in three weeks, online.',
      '',
      '## Open questions',
      '',
      '- Who owns the path after the project ends?',
      '- Can schools be associated partners?',
    ].join('\n'),
    new Date(meetingStart.getTime() + 5 * HOUR),
  );
  if (idea) await linkIdea(db, meeting.id, idea.id, stefan);

  const trainingStart = at(12, 7);
  const training = await insertEvent(db, {
    organisation_id: ngo,
    created_by: mira,
    title: 'Training: writing a logical framework that evaluators understand',
    description:
      'A practical one-day training for NGO and municipal staff: from problem tree to indicators and means of verification. Bring a project idea of your own; we work on real examples.\n\nPlaces are limited so that everybody gets feedback.',
    kind: 'training',
    starts_at: trainingStart,
    ends_at: new Date(trainingStart.getTime() + 7 * HOUR),
    time_zone: 'Europe/Sofia',
    place_address: 'Community centre, 12 Main Street',
    municipality_code: 'BG-21-01',
    online_url: null,
    plan_id: null,
    agenda: JSON.stringify([
      { time: '09:00', title: 'From problem to objectives', description: '' },
      { time: '11:00', title: 'Indicators that can be measured', description: '' },
      { time: '13:30', title: 'Working on your own logframe', description: 'In pairs, with a trainer.' },
      { time: '15:30', title: 'Questions and feedback', description: '' },
    ]),
    capacity: 3,
    registration_open: true,
    status: 'published',
    language: 'en',
    minutes: null,
    minutes_updated_at: null,
    cancel_reason: null,
    published_at: new Date(),
    cancelled_at: null,
  });
  await replaceOrganisers(db, training.id, [ngo]);
  await insertRegistration(db, { eventId: training.id, userId: elira, organisationId: albanian, status: 'registered' });
  await insertRegistration(db, { eventId: training.id, userId: stefan, organisationId: municipality, status: 'registered' });

  const roundStart = at(20, 12);
  const round = await insertEvent(db, {
    organisation_id: albanian,
    created_by: elira,
    title: 'Online round table: cross-border youth exchanges',
    description: 'NGOs from Albania, Bulgaria and Azerbaijan compare how they organise youth exchanges and look for partners for the next call.',
    kind: 'round_table',
    starts_at: roundStart,
    ends_at: new Date(roundStart.getTime() + 90 * 60_000),
    time_zone: 'Europe/Tirane',
    place_address: null,
    municipality_code: null,
    online_url: 'https://meet.example.org/partnera-youth-round-table',
    plan_id: null,
    agenda: JSON.stringify([
      { time: null, title: 'Short presentations (five minutes per organisation)', description: '' },
      { time: null, title: 'Open discussion', description: '' },
    ]),
    capacity: null,
    registration_open: true,
    status: 'published',
    language: 'en',
    minutes: null,
    minutes_updated_at: null,
    cancel_reason: null,
    published_at: new Date(),
    cancelled_at: null,
  });
  await replaceOrganisers(db, round.id, [albanian, ngo]);
}
