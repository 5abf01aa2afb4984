import {
  eventRepository,
  ideaRepository,
  membershipRepository,
  organisationRepository,
  planRepository,
  searchOutboxRepository,
  type Db,
  type EventRecord,
  type EventRow,
  type MembershipRole,
} from '@partnera/db';
import { buildCalendar, calendarFileName, type CalendarEvent } from '../domain/icalendar';
import { policy, type Actor } from '../domain/policy';
import { fromWallTime, isValidTimeZone, toWallTime } from '../domain/time-zone';
import { AppError, fieldError, forbidden, notFound } from '../errors';
import type * as S from '../schemas/events';
import type { NotificationService } from './notification.service';
import { versionConflict } from './plan.service';
import type { TerritoryService } from './territory.service';
import { inTransaction } from './transaction';

/** Registered people are reminded this long before an event starts. */
const REMIND_AHEAD_MS = 24 * 3600_000;
const REMIND_BATCH = 50;

export interface EventServiceDeps {
  db: Db;
  notifications: NotificationService;
  territories: TerritoryService;
  clock: () => Date;
  /** Base of the event links written into calendar files. */
  publicUrl: string;
}

/** The most events one calendar feed lists. */
const FEED_LIMIT = 500;

type Fields = Partial<Omit<S.CreateEventBody, 'organisationIds'>>;

/** Events and working meetings: organisers, publishing, registration with a waiting list, attendance, minutes, calendars. */
export class EventService {
  constructor(private readonly deps: EventServiceDeps) {}

  private get db() {
    return this.deps.db;
  }

  private now() {
    return this.deps.clock();
  }

  async list(actor: Actor | null, query: S.EventListQuery): Promise<S.EventPage> {
    if (query.mine && !actor) throw new AppError(401, 'unauthorized', 'Sign in to list the events you registered for');
    const page = await eventRepository.listEvents(
      this.db,
      {
        when: query.when ?? 'upcoming',
        now: this.now(),
        kind: query.kind,
        country: query.country?.toUpperCase(),
        region: query.region,
        municipality: query.municipality,
        organisationId: query.organisation,
        ideaId: query.idea,
        text: query.q?.trim() || undefined,
        viewerId: actor?.userId,
        registeredUserId: query.mine ? actor?.userId : undefined,
      },
      query.limit ?? 20,
      query.cursor,
    );
    if (!page) throw new AppError(400, 'invalid_cursor', 'The page cursor is not valid');
    const organisers = await eventRepository.listOrganisers(this.db, page.items.map((e) => e.id));
    return { items: page.items.map((e) => this.toSummary(e, organisers.get(e.id) ?? [])), nextCursor: page.nextCursor };
  }

  /** The event if the actor may see it (drafts: members of the organisers), with the actor's organiser role. */
  private async readable(db: Db, actor: Actor | null, id: string): Promise<{ event: EventRow; role: MembershipRole | null }> {
    const event = await eventRepository.findEvent(db, id);
    if (!event) throw notFound('Event');
    const role = actor ? await eventRepository.roleInEvent(db, id, actor.userId) : null;
    if (event.status === 'draft' && !policy.seeDraftEvent(role)) throw notFound('Event');
    return { event, role };
  }

  /** The event if the actor organises it (owner or editor of an organising organisation). */
  private async manageable(db: Db, actor: Actor, id: string): Promise<{ event: EventRow; role: MembershipRole | null }> {
    const found = await this.readable(db, actor, id);
    if (!policy.manageEvent(found.role)) throw forbidden('Only owners and editors of the organising organisations manage this event');
    return found;
  }

  async get(actor: Actor | null, id: string): Promise<S.EventDetail> {
    const { event, role } = await this.readable(this.db, actor, id);
    return this.toDetail(this.db, actor, event, role);
  }

  async create(actor: Actor, body: S.CreateEventBody): Promise<S.EventDetail> {
    const [ownerId] = body.organisationIds;
    const owner = await organisationRepository.findOrganisation(this.db, ownerId!);
    if (!owner) throw fieldError(422, 'invalid_organisation', '/organisationIds/0', 'No such organisation');
    const ownerRole = (await membershipRepository.findMembership(this.db, owner.id, actor.userId))?.role ?? null;
    if (!policy.createEvent(ownerRole)) throw forbidden('Only owners and editors can create events for their organisation');
    await this.checkOrganisers(body.organisationIds);
    const times = this.resolveTimes(body.startsAt, body.endsAt, body.timeZone);
    await this.checkFields(body);
    const created = await inTransaction(this.db, async (trx) => {
      const row = await eventRepository.insertEvent(trx, {
        organisation_id: owner.id,
        created_by: actor.userId,
        title: body.title.trim(),
        description: body.description?.trim() ?? '',
        kind: body.kind,
        starts_at: times.startsAt,
        ends_at: times.endsAt,
        time_zone: body.timeZone,
        place_address: body.placeAddress?.trim() || null,
        municipality_code: body.municipalityCode || null,
        online_url: body.onlineUrl?.trim() || null,
        plan_id: body.planId ?? null,
        agenda: JSON.stringify(cleanAgenda(body.agenda ?? [])),
        capacity: body.capacity ?? null,
        registration_open: body.registrationOpen ?? true,
        language: body.language,
        minutes: null,
        minutes_updated_at: null,
        cancel_reason: null,
        published_at: null,
        cancelled_at: null,
      });
      await eventRepository.replaceOrganisers(trx, row.id, body.organisationIds);
      await searchOutboxRepository.enqueueSearchSync(trx, 'event', row.id);
      return row;
    });
    return this.get(actor, created.id);
  }

  async update(actor: Actor, id: string, expectedVersion: number, body: S.UpdateEventBody): Promise<S.EventDetail> {
    const { event } = await this.manageable(this.db, actor, id);
    if (event.status === 'cancelled') throw new AppError(409, 'event_cancelled', 'A cancelled event cannot be changed');
    if (body.organisationIds) {
      if (body.organisationIds[0] !== event.organisation_id) {
        throw fieldError(422, 'owner_fixed', '/organisationIds/0', 'The first organiser is the owning organisation and cannot change');
      }
      await this.checkOrganisers(body.organisationIds);
    }
    const zone = body.timeZone ?? event.time_zone;
    const times =
      body.startsAt !== undefined || body.endsAt !== undefined || body.timeZone !== undefined
        ? // A changed zone keeps the wall-clock times as entered: the organiser corrected where they apply.
          this.resolveTimes(body.startsAt ?? toWallTime(event.starts_at, event.time_zone), body.endsAt ?? toWallTime(event.ends_at, event.time_zone), zone)
        : null;
    await this.checkFields(body);
    const promotedNotices = await inTransaction(this.db, async (trx) => {
      const updated = await eventRepository.updateEvent(trx, id, expectedVersion, {
        ...(body.title !== undefined && { title: body.title.trim() }),
        ...(body.description !== undefined && { description: body.description.trim() }),
        ...(body.kind !== undefined && { kind: body.kind }),
        // A new time deserves a new day-before reminder.
        ...(times && { starts_at: times.startsAt, ends_at: times.endsAt, time_zone: zone, reminded_at: null }),
        ...(body.placeAddress !== undefined && { place_address: body.placeAddress?.trim() || null }),
        ...(body.municipalityCode !== undefined && { municipality_code: body.municipalityCode || null }),
        ...(body.onlineUrl !== undefined && { online_url: body.onlineUrl?.trim() || null }),
        ...(body.planId !== undefined && { plan_id: body.planId }),
        ...(body.agenda !== undefined && { agenda: JSON.stringify(cleanAgenda(body.agenda)) }),
        ...(body.capacity !== undefined && { capacity: body.capacity }),
        ...(body.registrationOpen !== undefined && { registration_open: body.registrationOpen }),
        ...(body.language !== undefined && { language: body.language }),
      });
      if (!updated) throw versionConflict('event');
      if (body.organisationIds) await eventRepository.replaceOrganisers(trx, id, body.organisationIds);
      await searchOutboxRepository.enqueueSearchSync(trx, 'event', id);
      // More places (or none limited any more) let the waiting list move up.
      const promoted = await this.fillFreePlaces(trx, updated);
      const moved =
        updated.starts_at.getTime() !== event.starts_at.getTime() ||
        updated.ends_at.getTime() !== event.ends_at.getTime() ||
        updated.place_address !== event.place_address ||
        updated.municipality_code !== event.municipality_code ||
        updated.online_url !== event.online_url;
      // People who plan to come must hear about a new time or place.
      const people = moved && updated.status === 'published' ? (await eventRepository.registrantUserIds(trx, id)).filter((u) => u !== actor.userId) : [];
      const changed = await this.deps.notifications.notify(
        trx,
        people.map((userId) => ({
          userId,
          kind: 'event.changed',
          data: { eventId: id, eventTitle: updated.title, startsAt: updated.starts_at.toISOString(), timeZone: updated.time_zone },
          link: `/events/${id}`,
        })),
      );
      return () => {
        promoted();
        changed();
      };
    });
    promotedNotices();
    return this.get(actor, id);
  }

  async publish(actor: Actor, id: string): Promise<S.EventDetail> {
    const { event } = await this.manageable(this.db, actor, id);
    if (event.status !== 'draft') throw new AppError(409, 'event_not_draft', 'Only a draft can be published');
    if (!event.place_address && !event.municipality_code && !event.online_url) {
      throw fieldError(422, 'place_required', '/placeAddress', 'Give a place or an online link before publishing');
    }
    await inTransaction(this.db, async (trx) => {
      const updated = await eventRepository.updateEvent(trx, id, null, { status: 'published', published_at: this.now() });
      if (!updated) throw notFound('Event');
      await searchOutboxRepository.enqueueSearchSync(trx, 'event', id);
    });
    return this.get(actor, id);
  }

  /** Tells the people registered for events starting within a day that they are coming up (once per event). */
  async remindUpcoming(): Promise<number> {
    const now = this.now();
    return inTransaction(this.db, async (trx, afterCommit) => {
      const due = await eventRepository.claimDueReminders(trx, now, new Date(now.getTime() + REMIND_AHEAD_MS), REMIND_BATCH);
      for (const e of due) {
        const people = await eventRepository.registrantUserIds(trx, e.id, 'registered');
        const data = { eventId: e.id, eventTitle: e.title, startsAt: e.starts_at.toISOString(), timeZone: e.time_zone };
        afterCommit(await this.deps.notifications.notify(trx, people.map((userId) => ({ userId, kind: 'event.reminder', data, link: `/events/${e.id}` }))));
      }
      return due.length;
    });
  }

  /** Cancels the event and tells everyone registered or waiting. */
  async cancel(actor: Actor, id: string, reason: string | undefined): Promise<S.EventDetail> {
    const { event } = await this.manageable(this.db, actor, id);
    if (event.status === 'cancelled') throw new AppError(409, 'event_cancelled', 'This event is already cancelled');
    const announce = await inTransaction(this.db, async (trx) => {
      await eventRepository.updateEvent(trx, id, null, { status: 'cancelled', cancelled_at: this.now(), cancel_reason: reason?.trim() || null, registration_open: false });
      await searchOutboxRepository.enqueueSearchSync(trx, 'event', id);
      const people = event.status === 'published' ? await eventRepository.registrantUserIds(trx, id) : [];
      return this.deps.notifications.notify(
        trx,
        people.map((userId) => ({ userId, kind: 'event.cancelled', data: { eventId: id, eventTitle: event.title, reason: reason?.trim() ?? '' }, link: `/events/${id}` })),
      );
    });
    announce();
    return this.get(actor, id);
  }

  /**
   * Registers the actor, or puts them on the waiting list when the event is full. The event's row lock
   * serialises registrations of one event, so two people never take the last place together.
   */
  async register(actor: Actor, id: string, body: S.RegisterBody): Promise<S.EventDetail> {
    await this.readable(this.db, actor, id);
    const organisationId = body.organisationId ?? null;
    if (organisationId && !(await membershipRepository.findMembership(this.db, organisationId, actor.userId))) {
      throw fieldError(422, 'not_your_organisation', '/organisationId', 'You can register on behalf of your own organisations only');
    }
    await inTransaction(this.db, async (trx) => {
      const event = await eventRepository.lockEvent(trx, id);
      if (!event) throw notFound('Event');
      this.assertRegistrationChangeable(event);
      if (!event.registration_open) throw new AppError(409, 'registration_closed', 'Registration for this event is closed');
      if (await eventRepository.findRegistration(trx, id, actor.userId)) return;
      const taken = await eventRepository.countRegistered(trx, id);
      const full = event.capacity !== null && taken >= event.capacity;
      await eventRepository.insertRegistration(trx, { eventId: id, userId: actor.userId, organisationId, status: full ? 'waiting' : 'registered' });
    });
    return this.get(actor, id);
  }

  /** Withdraws the actor's registration (or place in the queue); a freed place goes to the first person waiting. */
  async unregister(actor: Actor, id: string): Promise<S.EventDetail> {
    await this.readable(this.db, actor, id);
    const announce = await inTransaction(this.db, async (trx) => {
      const event = await eventRepository.lockEvent(trx, id);
      if (!event) throw notFound('Event');
      this.assertRegistrationChangeable(event);
      const removed = await eventRepository.deleteRegistration(trx, id, actor.userId);
      if (!removed) throw new AppError(409, 'not_registered', 'You are not registered for this event');
      return removed.status === 'registered' ? this.fillFreePlaces(trx, event) : () => {};
    });
    announce();
    return this.get(actor, id);
  }

  private assertRegistrationChangeable(event: EventRecord) {
    if (event.status === 'cancelled') throw new AppError(409, 'event_cancelled', 'This event was cancelled');
    if (event.status !== 'published') throw new AppError(409, 'event_not_published', 'This event is not published yet');
    if (event.starts_at <= this.now()) throw new AppError(409, 'event_started', 'Registration changes close when the event starts');
  }

  /** Promotes as many waiting people as there are free places (caller holds the event's lock); returns the announcer. */
  private async fillFreePlaces(trx: Db, event: EventRecord): Promise<() => void> {
    if (event.status !== 'published') return () => {};
    const taken = await eventRepository.countRegistered(trx, event.id);
    const free = event.capacity === null ? Number.MAX_SAFE_INTEGER : event.capacity - taken;
    const promoted = await eventRepository.promoteWaiting(trx, event.id, Math.min(free, 10_000), this.now());
    return this.deps.notifications.notify(
      trx,
      promoted.map((r) => ({
        userId: r.user_id,
        kind: 'event.promoted',
        data: { eventId: event.id, eventTitle: event.title, startsAt: event.starts_at.toISOString(), timeZone: event.time_zone },
        link: `/events/${event.id}`,
      })),
    );
  }

  async registrants(actor: Actor, id: string): Promise<S.Registrants> {
    await this.manageable(this.db, actor, id);
    const rows = await eventRepository.listRegistrations(this.db, id);
    const dto = (r: (typeof rows)[number], position: number | null): S.Registrant => ({
      userId: r.user_id,
      displayName: r.display_name,
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      status: r.status,
      position,
      attended: r.attended,
      registeredAt: r.created_at.toISOString(),
      promotedAt: r.promoted_at?.toISOString() ?? null,
    });
    return {
      registered: rows.filter((r) => r.status === 'registered').map((r) => dto(r, null)),
      waiting: rows.filter((r) => r.status === 'waiting').map((r, i) => dto(r, i + 1)),
    };
  }

  /** Organisers mark who came, once the event has started; only registered people (not the waiting list). */
  async attendance(actor: Actor, id: string, body: S.AttendanceBody): Promise<S.Registrants> {
    const { event } = await this.manageable(this.db, actor, id);
    if (event.starts_at > this.now()) throw new AppError(409, 'event_not_started', 'Attendance is marked once the event has started');
    await inTransaction(this.db, async (trx) => {
      const changed = await eventRepository.setAttendance(trx, id, body.items);
      if (changed !== body.items.length) throw fieldError(422, 'not_registered', '/items', 'Attendance is marked for registered people only');
    });
    return this.registrants(actor, id);
  }

  async setMinutes(actor: Actor, id: string, body: S.MinutesBody): Promise<S.EventDetail> {
    const { event } = await this.manageable(this.db, actor, id);
    if (event.starts_at > this.now()) throw new AppError(409, 'event_not_started', 'Minutes are written once the event has started');
    await eventRepository.setMinutes(this.db, id, body.minutes.trim(), this.now());
    return this.get(actor, id);
  }

  async linkIdea(actor: Actor, id: string, ideaId: string): Promise<S.EventDetail> {
    await this.manageable(this.db, actor, id);
    const idea = await ideaRepository.findIdea(this.db, ideaId);
    if (!idea || idea.status !== 'published') throw fieldError(422, 'invalid_idea', '/ideaId', 'Only published ideas can be linked to an event');
    await eventRepository.linkIdea(this.db, id, ideaId, actor.userId);
    return this.get(actor, id);
  }

  async unlinkIdea(actor: Actor, id: string, ideaId: string): Promise<S.EventDetail> {
    await this.manageable(this.db, actor, id);
    if (!(await eventRepository.unlinkIdea(this.db, id, ideaId))) throw notFound('Linked idea');
    return this.get(actor, id);
  }

  /** One event as an .ics file. */
  async calendar(actor: Actor | null, id: string): Promise<{ filename: string; title: string; body: string }> {
    const { event } = await this.readable(this.db, actor, id);
    const organisers = await eventRepository.listOrganisers(this.db, [id]);
    const body = buildCalendar({ name: event.title, events: [this.toCalendarEvent(event, organisers.get(id) ?? [])], now: this.now() });
    return { filename: calendarFileName(event.title), title: event.title, body };
  }

  /** Published (and cancelled, so subscribed calendars drop them) events that have not ended. */
  async feed(organisationId: string | undefined): Promise<{ filename: string; body: string }> {
    let name = 'Partnera events';
    if (organisationId) {
      const org = await organisationRepository.findOrganisation(this.db, organisationId);
      if (!org) throw notFound('Organisation');
      name = `${org.name} — Partnera events`;
    }
    const rows = await eventRepository.listFeed(this.db, this.now(), organisationId, FEED_LIMIT);
    const organisers = await eventRepository.listOrganisers(this.db, rows.map((r) => r.id));
    const body = buildCalendar({ name, events: rows.map((r) => this.toCalendarEvent(r, organisers.get(r.id) ?? [])), now: this.now() });
    return { filename: 'partnera-events.ics', body };
  }

  private toCalendarEvent(e: EventRow, organisers: Array<{ name: string }>): CalendarEvent {
    const municipality = e.municipality_code ? this.deps.territories.get(e.municipality_code) : undefined;
    const place = [e.place_address, municipality?.name_local].filter(Boolean).join(', ');
    const description = [
      e.description,
      organisers.length ? `Organisers: ${organisers.map((o) => o.name).join(', ')}` : '',
      `Time zone of the event: ${e.time_zone}`,
      e.online_url ? `Online: ${e.online_url}` : '',
      e.cancel_reason ? `Cancelled: ${e.cancel_reason}` : '',
    ]
      .filter(Boolean)
      .join('\n\n');
    return {
      uid: `${e.id}@partnera`,
      title: e.title,
      description,
      startsAt: e.starts_at,
      endsAt: e.ends_at,
      updatedAt: e.updated_at,
      sequence: e.version,
      location: place || e.online_url,
      url: `${this.deps.publicUrl}/events/${e.id}`,
      cancelled: e.status === 'cancelled',
      categories: [e.kind],
    };
  }

  /** Wall-clock start and end in a zone → instants; every problem is a 422 on its field. */
  private resolveTimes(startsAt: string, endsAt: string, zone: string): { startsAt: Date; endsAt: Date } {
    if (!isValidTimeZone(zone)) throw fieldError(422, 'invalid_time_zone', '/timeZone', `"${zone}" is not a known time zone`);
    const start = fromWallTime(startsAt, zone);
    if (!start) throw fieldError(422, 'invalid_time', '/startsAt', 'This time does not exist in the time zone (a clock change skips it) or is not a date');
    const end = fromWallTime(endsAt, zone);
    if (!end) throw fieldError(422, 'invalid_time', '/endsAt', 'This time does not exist in the time zone (a clock change skips it) or is not a date');
    if (end <= start) throw fieldError(422, 'ends_before_start', '/endsAt', 'The event must end after it starts');
    return { startsAt: start, endsAt: end };
  }

  private async checkOrganisers(ids: string[]) {
    for (const [index, id] of ids.entries()) {
      if (!(await organisationRepository.findOrganisation(this.db, id))) throw fieldError(422, 'invalid_organisation', `/organisationIds/${index}`, 'No such organisation');
    }
  }

  private async checkFields(body: Fields) {
    if (body.onlineUrl) {
      let url: URL | null = null;
      try {
        url = new URL(body.onlineUrl.trim());
      } catch {
        url = null;
      }
      if (!url || url.protocol !== 'https:') throw fieldError(422, 'invalid_online_url', '/onlineUrl', 'The online link must be a full https:// address');
    }
    if (body.municipalityCode) {
      const t = this.deps.territories.get(body.municipalityCode);
      if (!t || t.level !== 'municipality') throw fieldError(422, 'invalid_municipality', '/municipalityCode', `"${body.municipalityCode}" is not a municipality`);
    }
    if (body.planId) {
      const plan = await planRepository.findPlan(this.db, body.planId);
      if (!plan || plan.status !== 'published') throw fieldError(422, 'invalid_event_plan', '/planId', 'Link a published development plan');
    }
  }

  private municipalityDto(code: string | null): S.EventSummary['municipality'] {
    const t = code ? this.deps.territories.get(code) : undefined;
    return t ? { code: t.code, nameLocal: t.name_local, nameEn: t.name_en } : null;
  }

  private toSummary(e: EventRow, organisers: Array<{ id: string; name: string; kind: string }>): S.EventSummary {
    return {
      id: e.id,
      title: e.title,
      kind: e.kind,
      status: e.status,
      startsAt: e.starts_at.toISOString(),
      endsAt: e.ends_at.toISOString(),
      timeZone: e.time_zone,
      startsAtLocal: toWallTime(e.starts_at, e.time_zone),
      endsAtLocal: toWallTime(e.ends_at, e.time_zone),
      placeAddress: e.place_address,
      municipality: this.municipalityDto(e.municipality_code),
      onlineUrl: e.online_url,
      organisers: organisers.map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
      capacity: e.capacity,
      registrationOpen: e.registration_open,
      registeredCount: e.registered_count,
      waitingCount: e.waiting_count,
      placesLeft: e.capacity === null ? null : Math.max(0, e.capacity - e.registered_count),
      language: e.language as S.EventSummary['language'],
    };
  }

  private async toDetail(db: Db, actor: Actor | null, e: EventRow, role: MembershipRole | null): Promise<S.EventDetail> {
    const organisers = await eventRepository.listOrganisers(db, [e.id]);
    const mine = actor ? await eventRepository.findRegistration(db, e.id, actor.userId) : undefined;
    const ideas = await eventRepository.listLinkedIdeas(db, e.id);
    const now = this.now();
    const started = e.starts_at <= now;
    return {
      ...this.toSummary(e, organisers.get(e.id) ?? []),
      description: e.description,
      agenda: e.agenda.map((a) => ({ time: a.time ?? null, title: a.title, description: a.description ?? '' })),
      plan: e.plan_id && e.plan_title ? { id: e.plan_id, title: e.plan_title } : null,
      minutes: e.minutes,
      minutesUpdatedAt: e.minutes_updated_at?.toISOString() ?? null,
      linkedIdeas: ideas.map((i) => ({ id: i.id, title: i.title, organisationName: i.organisation_name })),
      cancelReason: e.cancel_reason,
      myRegistration: mine ? { status: mine.status, position: mine.position, organisationId: mine.organisation_id, attended: mine.attended } : null,
      canRegister: e.status === 'published' && e.registration_open && !started && !mine,
      canManage: actor !== null && policy.manageEvent(role),
      started,
      ended: e.ends_at <= now,
      version: e.version,
      createdAt: e.created_at.toISOString(),
      updatedAt: e.updated_at.toISOString(),
      publishedAt: e.published_at?.toISOString() ?? null,
      cancelledAt: e.cancelled_at?.toISOString() ?? null,
    };
  }
}

function cleanAgenda(items: S.AgendaItem[]) {
  return items.map((a) => ({ time: a.time ?? null, title: a.title.trim(), description: a.description?.trim() ?? '' }));
}
