import { sql } from 'kysely';
import type { EventKind, EventRecord, EventRecordUpdate, EventRegistration, EventRegistrationStatus, MembershipRole, NewEventRecord } from '../tables';
import { decodeCursor, encodeCursor, likePattern, type Db } from './db';
import type { Page } from './organisations';

export interface EventRow extends EventRecord {
  registered_count: number;
  waiting_count: number;
  plan_title: string | null;
}

export interface EventFilter {
  /** upcoming: not yet ended, soonest first; past: ended, latest first. */
  when: 'upcoming' | 'past';
  now: Date;
  kind?: EventKind;
  country?: string;
  region?: string;
  municipality?: string;
  organisationId?: string;
  text?: string;
  /** Drafts are listed only for members of an organising organisation. */
  viewerId?: string;
  /** Only events the person registered for (or waits for). */
  registeredUserId?: string;
  /** Only events an idea is linked to. */
  ideaId?: string;
}

const count = (n: unknown) => Number(n ?? 0);

function eventRows(db: Db) {
  return db
    .selectFrom('events as e')
    .leftJoin('plans as p', 'p.id', 'e.plan_id')
    .selectAll('e')
    .select([
      'p.title as plan_title',
      sql<string>`(select count(*) from event_registrations r where r.event_id = e.id and r.status = 'registered')`.as('registered_count'),
      sql<string>`(select count(*) from event_registrations r where r.event_id = e.id and r.status = 'waiting')`.as('waiting_count'),
    ]);
}

function toRow(r: Record<string, unknown>): EventRow {
  return { ...(r as unknown as EventRow), registered_count: count(r.registered_count), waiting_count: count(r.waiting_count) };
}

export async function findEvent(db: Db, id: string): Promise<EventRow | undefined> {
  const row = await eventRows(db).where('e.id', '=', id).executeTakeFirst();
  return row ? toRow(row) : undefined;
}

/** Takes the event's row lock for the rest of the transaction: registrations of one event queue up behind it. */
export function lockEvent(trx: Db, id: string): Promise<EventRecord | undefined> {
  return trx.selectFrom('events').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function listEvents(db: Db, filter: EventFilter, limit: number, cursor?: string): Promise<Page<EventRow> | null> {
  const upcoming = filter.when === 'upcoming';
  let q = eventRows(db).where('e.ends_at', upcoming ? '>=' : '<', filter.now);
  const viewer = filter.viewerId;
  q = q.where((eb) =>
    eb.or([
      eb('e.status', '!=', 'draft'),
      ...(viewer
        ? [
            eb(
              'e.id',
              'in',
              eb
                .selectFrom('event_organisers as o')
                .innerJoin('memberships as m', 'm.organisation_id', 'o.organisation_id')
                .select('o.event_id')
                .where('m.user_id', '=', viewer),
            ),
          ]
        : []),
    ]),
  );
  if (filter.kind) q = q.where('e.kind', '=', filter.kind);
  if (filter.organisationId) {
    const orgId = filter.organisationId;
    q = q.where('e.id', 'in', (eb) => eb.selectFrom('event_organisers').select('event_id').where('organisation_id', '=', orgId));
  }
  if (filter.registeredUserId) {
    const userId = filter.registeredUserId;
    q = q.where('e.id', 'in', (eb) => eb.selectFrom('event_registrations').select('event_id').where('user_id', '=', userId));
  }
  if (filter.ideaId) {
    const ideaId = filter.ideaId;
    q = q.where('e.id', 'in', (eb) => eb.selectFrom('event_ideas').select('event_id').where('idea_id', '=', ideaId));
  }
  if (filter.municipality) q = q.where('e.municipality_code', '=', filter.municipality);
  if (filter.region) {
    const region = filter.region;
    q = q.where('e.municipality_code', 'in', (eb) =>
      eb.selectFrom('territories').select('code').where((w) => w.or([w('code', '=', region), w('parent_code', '=', region)])),
    );
  }
  if (filter.country) {
    const country = filter.country;
    q = q.where((eb) =>
      eb.or([
        eb('e.municipality_code', 'in', eb.selectFrom('territories').select('code').where('country', '=', country)),
        // Online events without a place count for their owning organisation's country.
        eb.and([
          eb('e.municipality_code', 'is', null),
          eb('e.organisation_id', 'in', eb.selectFrom('organisations').select('id').where('country', '=', country as 'BG')),
        ]),
      ]),
    );
  }
  if (filter.text) {
    const pattern = likePattern(filter.text);
    q = q.where((eb) => eb.or([eb('e.title', 'ilike', pattern), eb('e.description', 'ilike', pattern), eb('e.place_address', 'ilike', pattern)]));
  }
  if (cursor) {
    const after = decodeCursor(cursor);
    const at = after ? new Date(after[0]) : new Date(NaN);
    if (!after || Number.isNaN(at.getTime())) return null;
    const id = after[1];
    q = upcoming
      ? q.where((eb) => eb.or([eb('e.starts_at', '>', at), eb.and([eb('e.starts_at', '=', at), eb('e.id', '>', id)])]))
      : q.where((eb) => eb.or([eb('e.starts_at', '<', at), eb.and([eb('e.starts_at', '=', at), eb('e.id', '<', id)])]));
  }
  const direction = upcoming ? 'asc' : 'desc';
  const rows = await q.orderBy('e.starts_at', direction).orderBy('e.id', direction).limit(limit + 1).execute();
  const items = rows.slice(0, limit).map(toRow);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.starts_at.toISOString(), last.id) : null };
}

export function insertEvent(db: Db, event: NewEventRecord): Promise<EventRecord> {
  return db.insertInto('events').values(event).returningAll().executeTakeFirstOrThrow();
}

/** Applies changes only when the stored version is the one the editor read; bumps the version. */
export function updateEvent(db: Db, id: string, expectedVersion: number | null, changes: EventRecordUpdate): Promise<EventRecord | undefined> {
  let q = db
    .updateTable('events')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('id', '=', id);
  if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
  return q.returningAll().executeTakeFirst();
}

export async function replaceOrganisers(db: Db, eventId: string, organisationIds: string[]): Promise<void> {
  await db.deleteFrom('event_organisers').where('event_id', '=', eventId).execute();
  await db
    .insertInto('event_organisers')
    .values(organisationIds.map((organisation_id, position) => ({ event_id: eventId, organisation_id, position })))
    .execute();
}

export interface OrganiserRow {
  event_id: string;
  id: string;
  name: string;
  kind: string;
}

export async function listOrganisers(db: Db, eventIds: string[]): Promise<Map<string, OrganiserRow[]>> {
  const out = new Map<string, OrganiserRow[]>();
  if (eventIds.length === 0) return out;
  const rows = await db
    .selectFrom('event_organisers as o')
    .innerJoin('organisations as g', 'g.id', 'o.organisation_id')
    .select(['o.event_id', 'g.id', 'g.name', 'g.kind'])
    .where('o.event_id', 'in', eventIds)
    .orderBy('o.position')
    .execute();
  for (const r of rows) out.set(r.event_id, [...(out.get(r.event_id) ?? []), r]);
  return out;
}

const RANK: Record<MembershipRole, number> = { owner: 3, editor: 2, member: 1 };

/** The person's strongest membership role in any organising organisation of the event. */
export async function roleInEvent(db: Db, eventId: string, userId: string): Promise<MembershipRole | null> {
  const rows = await db
    .selectFrom('event_organisers as o')
    .innerJoin('memberships as m', 'm.organisation_id', 'o.organisation_id')
    .select('m.role')
    .where('o.event_id', '=', eventId)
    .where('m.user_id', '=', userId)
    .execute();
  return rows.reduce<MembershipRole | null>((best, r) => (best === null || RANK[r.role] > RANK[best] ? r.role : best), null);
}

export interface MyRegistration extends EventRegistration {
  /** 1-based place in the waiting list; null when registered. */
  position: number | null;
}

export async function findRegistration(db: Db, eventId: string, userId: string): Promise<MyRegistration | undefined> {
  const row = await db
    .selectFrom('event_registrations as r')
    .selectAll('r')
    .select(
      sql<string | null>`case when r.status = 'waiting' then (select count(*) from event_registrations w where w.event_id = r.event_id and w.status = 'waiting' and w.seq <= r.seq) end`.as('position'),
    )
    .where('r.event_id', '=', eventId)
    .where('r.user_id', '=', userId)
    .executeTakeFirst();
  return row ? { ...row, position: row.position === null ? null : Number(row.position) } : undefined;
}

export async function countRegistered(db: Db, eventId: string): Promise<number> {
  const row = await db
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('event_id', '=', eventId)
    .where('status', '=', 'registered')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function insertRegistration(db: Db, input: { eventId: string; userId: string; organisationId: string | null; status: EventRegistrationStatus }): Promise<EventRegistration> {
  return db
    .insertInto('event_registrations')
    .values({ event_id: input.eventId, user_id: input.userId, organisation_id: input.organisationId, status: input.status, attended: null, promoted_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function deleteRegistration(db: Db, eventId: string, userId: string): Promise<EventRegistration | undefined> {
  return db.deleteFrom('event_registrations').where('event_id', '=', eventId).where('user_id', '=', userId).returningAll().executeTakeFirst();
}

/** Moves the first `n` people of the waiting list onto the list of registrants; returns them. */
export async function promoteWaiting(db: Db, eventId: string, n: number, at: Date): Promise<EventRegistration[]> {
  if (n <= 0) return [];
  const first = await db
    .selectFrom('event_registrations')
    .select('id')
    .where('event_id', '=', eventId)
    .where('status', '=', 'waiting')
    .orderBy('seq')
    .limit(n)
    .execute();
  if (first.length === 0) return [];
  return db
    .updateTable('event_registrations')
    .set({ status: 'registered', promoted_at: at })
    .where('id', 'in', first.map((r) => r.id))
    .returningAll()
    .execute();
}

export interface RegistrantRow extends EventRegistration {
  display_name: string;
  organisation_name: string | null;
}

/** Registrants then the waiting list, each in order of arrival. */
export function listRegistrations(db: Db, eventId: string): Promise<RegistrantRow[]> {
  return db
    .selectFrom('event_registrations as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .leftJoin('organisations as g', 'g.id', 'r.organisation_id')
    .selectAll('r')
    .select(['u.display_name', 'g.name as organisation_name'])
    .where('r.event_id', '=', eventId)
    .orderBy('r.status')
    .orderBy('r.seq')
    .execute();
}

/** People registered or waiting (or only those with `status`). */
export async function registrantUserIds(db: Db, eventId: string, status?: EventRegistrationStatus): Promise<string[]> {
  let q = db.selectFrom('event_registrations').select('user_id').where('event_id', '=', eventId);
  if (status) q = q.where('status', '=', status);
  const rows = await q.execute();
  return rows.map((r) => r.user_id);
}

/** Marks attendance of registered people (not the waiting list); returns how many rows changed. */
export async function setAttendance(db: Db, eventId: string, items: Array<{ userId: string; attended: boolean | null }>): Promise<number> {
  let changed = 0;
  for (const item of items) {
    const r = await db
      .updateTable('event_registrations')
      .set({ attended: item.attended })
      .where('event_id', '=', eventId)
      .where('user_id', '=', item.userId)
      .where('status', '=', 'registered')
      .executeTakeFirst();
    changed += Number(r.numUpdatedRows);
  }
  return changed;
}

export async function linkIdea(db: Db, eventId: string, ideaId: string, userId: string): Promise<void> {
  await db.insertInto('event_ideas').values({ event_id: eventId, idea_id: ideaId, linked_by: userId }).onConflict((oc) => oc.doNothing()).execute();
}

export async function unlinkIdea(db: Db, eventId: string, ideaId: string): Promise<boolean> {
  const r = await db.deleteFrom('event_ideas').where('event_id', '=', eventId).where('idea_id', '=', ideaId).executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** Linked ideas a reader may see: published ones (drafts stay private to their organisation). */
export function listLinkedIdeas(db: Db, eventId: string) {
  return db
    .selectFrom('event_ideas as l')
    .innerJoin('ideas as i', 'i.id', 'l.idea_id')
    .innerJoin('organisations as g', 'g.id', 'i.organisation_id')
    .select(['i.id', 'i.title', 'i.status', 'g.name as organisation_name'])
    .where('l.event_id', '=', eventId)
    .where('i.status', '=', 'published')
    .orderBy('l.created_at')
    .execute();
}

/** Minutes are written after the event; they do not touch the version that guards the event's own fields. */
export async function setMinutes(db: Db, eventId: string, minutes: string, at: Date): Promise<void> {
  await db.updateTable('events').set({ minutes: minutes || null, minutes_updated_at: at }).where('id', '=', eventId).execute();
}

/** Published and cancelled events that have not ended, soonest first (the calendar feed). */
export async function listFeed(db: Db, now: Date, organisationId: string | undefined, limit: number): Promise<EventRow[]> {
  let q = eventRows(db).where('e.status', '!=', 'draft').where('e.ends_at', '>=', now);
  if (organisationId) q = q.where('e.id', 'in', (eb) => eb.selectFrom('event_organisers').select('event_id').where('organisation_id', '=', organisationId));
  const rows = await q.orderBy('e.starts_at').orderBy('e.id').limit(limit).execute();
  return rows.map(toRow);
}

/**
 * Claims the published events starting before `startsBefore` (and not yet started) whose reminder has not gone
 * out: each is returned to one caller only, however many server processes ask.
 */
export async function claimDueReminders(db: Db, now: Date, startsBefore: Date, limit: number): Promise<Array<{ id: string; title: string; starts_at: Date; time_zone: string }>> {
  const due = db
    .selectFrom('events')
    .select('id')
    .where('status', '=', 'published')
    .where('reminded_at', 'is', null)
    .where('starts_at', '>', now)
    .where('starts_at', '<=', startsBefore)
    .orderBy('starts_at')
    .limit(limit)
    .forUpdate()
    .skipLocked();
  return db
    .updateTable('events')
    .set({ reminded_at: now })
    .where('id', 'in', due)
    .where('reminded_at', 'is', null)
    .returning(['id', 'title', 'starts_at', 'time_zone'])
    .execute();
}
