import { sql } from 'kysely';
import type { Db } from '../repositories/db';
import { findCategory } from '../repositories/forums';
import { insertSession, updateSession } from '../repositories/forum-sessions';
import { insertMessages } from '../repositories/room-messages';
import { addMember, insertSubjectRoom, updateRoom } from '../repositories/rooms';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Today at `hour` UTC, moved by `days`. */
function dayAt(days: number, hour: number): Date {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d;
}

// Invented sessions written for the demo: one coming up, one held with its transcript and minutes.
const upcoming = {
  category: 'water-environment',
  host: 'moderator@partnera.local',
  title: 'Open hour: flood protection on small rivers',
  description: 'Municipalities and NGOs compare how they plan flood protection and which measures found funding.',
  agenda: ['Round of introductions', 'Early-warning sensors: what worked', 'Joint application for the next call', 'Next steps'],
  startsInDays: 3,
} as const;

const past = {
  category: 'funding-calls',
  host: 'ngo@partnera.local',
  title: 'Q&A: preparing a cross-border application',
  description: 'Partners who applied last year answer questions about paperwork, budgets and timing.',
  agenda: ['Who may be lead partner', 'Co-financing letters', 'Budget lines that get rejected'],
  daysAgo: 12,
  messages: [
    ['ngo@partnera.local', 'Welcome, everyone. We start with the lead partner question: raise your hand if you want to speak.'],
    ['municipality@partnera.local', 'In our experience the municipality is the safer lead: the managing authority already knows our accounts.'],
    ['albania@partnera.local', 'For us an NGO led, and it worked — but the co-financing letter from the mayor had to be ready two months early.'],
    ['ngo@partnera.local', 'Thank you. Last point: equipment above the threshold needs three offers. Minutes follow in a few days.'],
  ],
  minutes: [
    '## Summary',
    '',
    '- A municipality as **lead partner** makes the financial checks easier; an NGO can lead when its accounts are audited.',
    '- Ask for **co-financing letters** at least two months before the deadline.',
    '- Equipment above the threshold needs three written offers attached to the budget.',
    '',
    '## Follow-up',
    '',
    'Mira collects sample letters in the *Funding calls* forum.',
  ].join('\n'),
} as const;

/** Adds one upcoming and one past (closed, with transcript and minutes) live forum session. */
export async function seedDemoForumSessions(db: Db, userIds: Map<string, string>): Promise<void> {
  const upcomingCategory = await findCategory(db, { slug: upcoming.category });
  const upcomingHost = userIds.get(upcoming.host);
  if (upcomingCategory && upcomingHost) {
    const startsAt = dayAt(upcoming.startsInDays, 14);
    const id = await insertSession(db, {
      categoryId: upcomingCategory.id,
      title: upcoming.title,
      description: upcoming.description,
      agenda: [...upcoming.agenda],
      startsAt,
      endsAt: new Date(startsAt.getTime() + 90 * 60_000),
      createdBy: upcomingHost,
    });
    const room = await insertSubjectRoom(db, { kind: 'forum_session', subject_id: id, title: upcoming.title, visibility: 'public', created_by: upcomingHost, opens_at: startsAt });
    await addMember(db, room.id, upcomingHost, 'host');
    await updateSession(db, id, { room_id: room.id });
  }

  const pastCategory = await findCategory(db, { slug: past.category });
  const pastHost = userIds.get(past.host);
  if (pastCategory && pastHost) {
    const startsAt = dayAt(-past.daysAgo, 15);
    const closedAt = new Date(startsAt.getTime() + 75 * 60_000);
    const id = await insertSession(db, {
      categoryId: pastCategory.id,
      title: past.title,
      description: past.description,
      agenda: [...past.agenda],
      startsAt,
      endsAt: new Date(startsAt.getTime() + 90 * 60_000),
      createdBy: pastHost,
    });
    const room = await insertSubjectRoom(db, { kind: 'forum_session', subject_id: id, title: past.title, visibility: 'public', created_by: pastHost, opens_at: startsAt });
    await addMember(db, room.id, pastHost, 'host');
    const said = past.messages.filter(([email]) => userIds.has(email));
    for (const [email] of said) await addMember(db, room.id, userIds.get(email)!, 'member');
    await insertMessages(
      db,
      room.id,
      said.map(([email, body], i) => ({ senderId: userIds.get(email)!, clientId: `demo-${i}`, body, replyTo: null, mentions: [] })),
      closedAt,
    );
    // The transcript carries the times of the session, not of the seeding.
    await sql`update room_messages set created_at = ${startsAt}::timestamptz + (seq * interval '6 minutes') where room_id = ${room.id}`.execute(db);
    await updateRoom(db, room.id, { closed_at: closedAt, last_activity_at: closedAt });
    await updateSession(db, id, {
      room_id: room.id,
      opened_at: startsAt,
      closed_at: closedAt,
      closed_by: pastHost,
      pinned_item: 2,
      minutes: past.minutes,
      minutes_by: pastHost,
      minutes_at: new Date(closedAt.getTime() + DAY),
    });
  }
}
