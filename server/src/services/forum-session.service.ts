import { auditRepository, forumRepository, forumSessionRepository, roomRepository, userRepository, type Db, type ForumSessionRow } from '@partnera/db';
import { policy, type Actor } from '../domain/policy';
import { AppError, fieldError, forbidden, notFound } from '../errors';
import * as S from '../schemas/forum-sessions';
import type { ForumService } from './forum.service';
import type { NotificationService } from './notification.service';
import type { RoomService } from './room.service';
import { assertNotSuspended } from './suspension';
import { inTransaction } from './transaction';

/** Announces session changes to everyone watching it (socket.io, after commit). */
export interface ForumSessionEvents {
  changed(session: S.ForumSession, change: S.SessionChange): void;
  cancelled(sessionId: string): void;
}

export interface ForumSessionServiceDeps {
  db: Db;
  rooms: RoomService;
  forums: ForumService;
  notifications: NotificationService;
  clock: () => Date;
}

/** Most raised hands at once; a queue longer than this cannot be worked through in one session anyway. */
export const QUEUE_MAX = 200;
/** Sessions may be scheduled at most this far ahead. */
const MAX_AHEAD_MS = 366 * 24 * 3600_000;
const OPEN_BATCH = 50;
/** A session nobody closed is closed this long after its end time (moderators may run over a little). */
export const AUTO_CLOSE_AFTER_MS = 60 * 60_000;

/** The state follows from the clock: a session is live from its start time until a moderator closes it. */
export function sessionState(row: { starts_at: Date; closed_at: Date | null }, now: Date): S.SessionState {
  if (row.closed_at) return 'closed';
  return row.starts_at.getTime() <= now.getTime() ? 'live' : 'scheduled';
}

/** Live forum sessions: scheduling, opening at the start time, agenda pin, speaker queue, closing, minutes. */
export class ForumSessionService {
  events: ForumSessionEvents = { changed: () => {}, cancelled: () => {} };

  constructor(private readonly deps: ForumSessionServiceDeps) {}

  private get db() {
    return this.deps.db;
  }

  private now() {
    return this.deps.clock();
  }

  // ---- opening at the start time ----

  /** Announces the opening of every session whose start time passed; returns how many this process opened. */
  async openDue(): Promise<number> {
    let opened = 0;
    for (const id of await forumSessionRepository.dueToOpen(this.db, this.now(), OPEN_BATCH)) {
      if (await this.announceOpening(id)) opened++;
    }
    return opened;
  }

  /**
   * Records the opening once (the room already takes messages from the start time), tells the watchers and
   * notifies the people who asked for a reminder.
   */
  private async announceOpening(id: string): Promise<boolean> {
    const opened = await inTransaction(this.db, async (trx, afterCommit) => {
      if (!(await forumSessionRepository.markOpened(trx, id, this.now()))) return false;
      afterCommit(await this.remind(trx, id, 'forum_session.opened'));
      return true;
    });
    if (!opened) return false;
    const row = await forumSessionRepository.findSession(this.db, id);
    if (row) this.events.changed(await this.toDto(row), 'opened');
    return true;
  }

  /** Notifies everyone with a reminder for the session (inside the caller's transaction). */
  private async remind(trx: Db, id: string, kind: 'forum_session.opened' | 'forum_session.moved' | 'forum_session.cancelled'): Promise<() => void> {
    const row = await forumSessionRepository.findSession(trx, id);
    if (!row) return () => {};
    const people = await forumSessionRepository.reminderUserIds(trx, id);
    return this.deps.notifications.notify(
      trx,
      people.map((userId) => ({
        userId,
        kind,
        data: { sessionId: id, sessionTitle: row.title, startsAt: row.starts_at.toISOString() },
        // A cancelled session is gone: its category's sessions are the next best place.
        link: kind === 'forum_session.cancelled' ? `/forums/sessions?category=${encodeURIComponent(row.category_slug)}` : `/forums/sessions/${id}`,
      })),
    );
  }

  /** Asks (or stops asking) to be notified when a scheduled session starts, moves or is cancelled. */
  async setReminder(actor: Actor, id: string, on: boolean): Promise<S.ForumSessionView> {
    const row = await this.row(id);
    // Only people who can see the category learn of its sessions.
    await this.deps.forums.getCategory(actor, row.category_slug);
    if (on && sessionState(row, this.now()) !== 'scheduled') throw new AppError(409, 'session_started', 'The session has started already');
    await forumSessionRepository.setReminder(this.db, id, actor.userId, on);
    return this.view(actor, row);
  }

  /** Closes sessions left open an hour past their end time; returns how many this process closed. */
  async closeOverdue(): Promise<number> {
    let closed = 0;
    for (const id of await forumSessionRepository.dueToClose(this.db, new Date(this.now().getTime() - AUTO_CLOSE_AFTER_MS), OPEN_BATCH)) {
      if (await this.closeNow(id, null)) {
        await this.announce(id, 'closed');
        closed++;
      }
    }
    return closed;
  }

  // ---- reading ----

  async list(query: S.SessionListQuery): Promise<S.ForumSessionPage> {
    let categoryId: string | undefined;
    if (query.category) {
      const category = await forumRepository.findCategory(this.db, { slug: query.category });
      if (!category) throw notFound('Forum category');
      categoryId = category.id;
    }
    const now = this.now();
    const page = await forumSessionRepository.listSessions(this.db, { when: query.when ?? 'upcoming', categoryId, now }, query.limit ?? 20, query.cursor);
    if (!page) throw new AppError(400, 'invalid_cursor', 'The page cursor is not valid');
    return {
      items: page.items.map((r) => ({
        id: r.id,
        category: { id: r.category_id, slug: r.category_slug, title: r.category_title },
        title: r.title,
        startsAt: r.starts_at.toISOString(),
        endsAt: r.ends_at.toISOString(),
        state: sessionState(r, now),
        agendaCount: r.agenda.length,
      })),
      nextCursor: page.nextCursor,
    };
  }

  async get(actor: Actor | null, id: string): Promise<S.ForumSessionView> {
    let row = await this.row(id);
    // Whoever looks first after the start announces the opening, in case the timer has not run yet.
    if (!row.opened_at && sessionState(row, this.now()) === 'live' && (await this.announceOpening(id))) row = await this.row(id);
    return this.view(actor, row);
  }

  /** For the socket gateway: the session must exist before a connection watches it. */
  async assertExists(id: string): Promise<void> {
    await this.row(id);
  }

  // ---- scheduling ----

  async create(actor: Actor, body: S.CreateSessionBody): Promise<S.ForumSessionView> {
    const category = await forumRepository.findCategory(this.db, { id: body.categoryId });
    if (!category) throw fieldError(422, 'unknown_category', '/categoryId', 'There is no such forum category');
    await this.assertRuns(actor, category.id);
    const times = this.checkTimes(new Date(body.startsAt), new Date(body.endsAt));
    const title = this.checkTitle(body.title);
    const agenda = checkAgenda(body.agenda ?? []);
    const id = await inTransaction(this.db, async (trx) => {
      const id = await forumSessionRepository.insertSession(trx, {
        categoryId: category.id,
        title,
        description: body.description?.trim() ?? '',
        agenda,
        startsAt: times.startsAt,
        endsAt: times.endsAt,
        createdBy: actor.userId,
      });
      // The room exists from the start, but takes no message before the start time.
      const room = await this.deps.rooms.ensureSubjectRoom('forum_session', id, { title, ownerUserId: actor.userId, visibility: 'public' }, trx);
      await roomRepository.updateRoom(trx, room.id, { opens_at: times.startsAt });
      await forumSessionRepository.updateSession(trx, id, { room_id: room.id });
      await auditRepository.recordAudit(trx, { actorId: actor.userId, action: 'forum_session.scheduled', subjectType: 'forum_session', subjectId: id, details: { title, categoryId: category.id } });
      return id;
    });
    return this.view(actor, await this.row(id));
  }

  async update(actor: Actor, id: string, body: S.UpdateSessionBody): Promise<S.ForumSessionView> {
    const row = await this.row(id);
    await this.assertRuns(actor, row.category_id);
    if (sessionState(row, this.now()) !== 'scheduled') throw new AppError(409, 'session_started', 'A session can be changed only before it starts');
    const startsAt = body.startsAt ? new Date(body.startsAt) : row.starts_at;
    const endsAt = body.endsAt ? new Date(body.endsAt) : row.ends_at;
    if (body.startsAt || body.endsAt) this.checkTimes(startsAt, endsAt);
    const title = body.title !== undefined ? this.checkTitle(body.title) : undefined;
    const agenda = body.agenda !== undefined ? checkAgenda(body.agenda) : undefined;
    await inTransaction(this.db, async (trx, afterCommit) => {
      await forumSessionRepository.updateSession(trx, id, {
        ...(title !== undefined && { title }),
        ...(body.description !== undefined && { description: body.description.trim() }),
        ...(agenda !== undefined && { agenda, pinned_item: null }),
        starts_at: startsAt,
        ends_at: endsAt,
      });
      if (row.room_id) await roomRepository.updateRoom(trx, row.room_id, { opens_at: startsAt, ...(title !== undefined && { title }) });
      if (startsAt.getTime() !== row.starts_at.getTime()) afterCommit(await this.remind(trx, id, 'forum_session.moved'));
      afterCommit(() => void this.announce(id, 'edited'));
    });
    return this.view(actor, await this.row(id));
  }

  /** Cancels a session that has not started; it disappears with its (empty) room. */
  async cancel(actor: Actor, id: string): Promise<void> {
    const row = await this.row(id);
    await this.assertRuns(actor, row.category_id);
    if (sessionState(row, this.now()) !== 'scheduled') throw new AppError(409, 'session_started', 'A session that started cannot be cancelled; close it instead');
    await inTransaction(this.db, async (trx, afterCommit) => {
      // Before the reminders go with the session.
      afterCommit(await this.remind(trx, id, 'forum_session.cancelled'));
      await forumSessionRepository.deleteSession(trx, id);
      await auditRepository.recordAudit(trx, { actorId: actor.userId, action: 'forum_session.cancelled', subjectType: 'forum_session', subjectId: id, details: { title: row.title } });
      afterCommit(() => this.events.cancelled(id));
    });
  }

  // ---- running a live session ----

  async pin(actor: Actor, id: string, item: number | null): Promise<S.ForumSessionView> {
    const row = await this.row(id);
    await this.assertRuns(actor, row.category_id);
    this.assertNotClosed(row);
    if (item !== null && item >= row.agenda.length) throw fieldError(422, 'invalid_agenda_item', '/item', 'The agenda has no such item');
    await forumSessionRepository.updateSession(this.db, id, { pinned_item: item });
    return this.changedView(actor, id, 'pinned');
  }

  async raiseHand(actor: Actor, id: string): Promise<S.ForumSessionView> {
    const row = await this.row(id);
    this.assertLive(row);
    await assertNotSuspended(this.db, actor.userId, this.now());
    if (!(await this.mayTakePart(actor, row))) throw forbidden('This category is for the members of one organisation');
    if (row.floor_user_id === actor.userId) throw new AppError(409, 'has_floor', 'You have the floor already');
    if ((await forumSessionRepository.countHands(this.db, id)) >= QUEUE_MAX) throw new AppError(409, 'queue_full', 'The speaker queue is full; try again later');
    const raised = await forumSessionRepository.raiseHand(this.db, id, actor.userId, this.now());
    // Whoever may be given the floor must be able to write in the room (joining announces it to their tabs).
    if (raised && row.room_id) await this.deps.rooms.join(actor, row.room_id);
    return raised ? this.changedView(actor, id, 'queue') : this.view(actor, await this.row(id));
  }

  async lowerHand(actor: Actor, id: string): Promise<S.ForumSessionView> {
    const row = await this.row(id);
    this.assertNotClosed(row);
    const lowered = await forumSessionRepository.lowerHand(this.db, id, actor.userId);
    return lowered ? this.changedView(actor, id, 'queue') : this.view(actor, row);
  }

  async removeFromQueue(actor: Actor, id: string, userId: string): Promise<S.ForumSessionView> {
    const row = await this.row(id);
    await this.assertRuns(actor, row.category_id);
    this.assertNotClosed(row);
    if (!(await forumSessionRepository.lowerHand(this.db, id, userId))) throw notFound('Raised hand');
    return this.changedView(actor, id, 'queue');
  }

  /** Gives the floor to someone (taking their hand out of the queue), or takes it back with null. */
  async setFloor(actor: Actor, id: string, userId: string | null): Promise<S.ForumSessionView> {
    const row = await this.row(id);
    await this.assertRuns(actor, row.category_id);
    this.assertLive(row);
    if (userId !== null) {
      const user = await userRepository.findUserById(this.db, userId);
      if (!user) throw fieldError(422, 'unknown_user', '/userId', 'There is no such person');
    }
    await inTransaction(this.db, async (trx) => {
      const locked = await forumSessionRepository.lockSession(trx, id);
      if (!locked || locked.closed_at) throw new AppError(409, 'session_closed', 'The session is closed');
      if (userId !== null) {
        const hadHand = await forumSessionRepository.lowerHand(trx, id, userId);
        const member = row.room_id ? await roomRepository.findMember(trx, row.room_id, userId) : undefined;
        if (!hadHand && !member) throw fieldError(422, 'not_participant', '/userId', 'Give the floor to someone in the queue or in the session room');
      }
      await forumSessionRepository.updateSession(trx, id, { floor_user_id: userId, floor_since: userId ? this.now() : null });
    });
    return this.changedView(actor, id, 'floor');
  }

  async close(actor: Actor, id: string): Promise<S.ForumSessionView> {
    const row = await this.row(id);
    await this.assertRuns(actor, row.category_id);
    const state = sessionState(row, this.now());
    if (state === 'closed') throw new AppError(409, 'session_closed', 'The session is already closed');
    if (state === 'scheduled') throw new AppError(409, 'session_not_started', 'The session has not started; cancel it instead');
    if (!(await this.closeNow(id, actor.userId))) throw new AppError(409, 'session_closed', 'The session is already closed');
    return this.changedView(actor, id, 'closed');
  }

  /** Closes the session once (by a moderator, or automatically when `by` is null); false if it was closed already. */
  private closeNow(id: string, by: string | null): Promise<boolean> {
    const at = this.now();
    return inTransaction(this.db, async (trx) => {
      const closed = await forumSessionRepository.markClosed(trx, id, at, by);
      if (!closed) return false;
      await forumSessionRepository.clearHands(trx, id);
      // From now on the room is a read-only transcript for everyone.
      if (closed.roomId) await roomRepository.updateRoom(trx, closed.roomId, { closed_at: at });
      await auditRepository.recordAudit(trx, { actorId: by, action: 'forum_session.closed', subjectType: 'forum_session', subjectId: id, details: { automatic: by === null } });
      return true;
    });
  }

  async setMinutes(actor: Actor, id: string, minutes: string): Promise<S.ForumSessionView> {
    const row = await this.row(id);
    await this.assertRuns(actor, row.category_id);
    if (!row.closed_at) throw new AppError(409, 'session_not_closed', 'Minutes are written after the session is closed');
    const text = minutes.trim();
    if (text.includes('\u0000')) throw fieldError(422, 'invalid_characters', '/minutes', 'The minutes contain a NUL character');
    await forumSessionRepository.updateSession(this.db, id, { minutes: text, minutes_by: actor.userId, minutes_at: this.now() });
    return this.changedView(actor, id, 'minutes');
  }

  // ---- helpers ----

  private async row(id: string): Promise<ForumSessionRow> {
    const row = await forumSessionRepository.findSession(this.db, id);
    if (!row) throw notFound('Session');
    return row;
  }

  private async assertRuns(actor: Actor, categoryId: string): Promise<void> {
    if (!policy.runScheduledSession(await this.deps.forums.roleIn(actor, categoryId))) {
      throw forbidden('Only moderators of this category, platform moderators and admins run its sessions');
    }
  }

  private assertNotClosed(row: ForumSessionRow): void {
    if (row.closed_at) throw new AppError(409, 'session_closed', 'The session is closed');
  }

  private assertLive(row: ForumSessionRow): void {
    const state = sessionState(row, this.now());
    if (state === 'closed') throw new AppError(409, 'session_closed', 'The session is closed');
    if (state === 'scheduled') throw new AppError(409, 'session_not_started', `The session starts at ${row.starts_at.toISOString()}`);
  }

  private checkTitle(title: string): string {
    const text = title.trim();
    if (!text) throw fieldError(422, 'title_required', '/title', 'Give the session a title');
    return text;
  }

  private checkTimes(startsAt: Date, endsAt: Date): { startsAt: Date; endsAt: Date } {
    const now = this.now().getTime();
    if (startsAt.getTime() <= now) throw fieldError(422, 'start_in_past', '/startsAt', 'The start must be in the future');
    if (startsAt.getTime() > now + MAX_AHEAD_MS) throw fieldError(422, 'start_too_far', '/startsAt', 'Schedule sessions at most a year ahead');
    if (endsAt.getTime() <= startsAt.getTime()) throw fieldError(422, 'end_before_start', '/endsAt', 'The end must be after the start');
    if (endsAt.getTime() - startsAt.getTime() > S.SESSION_MAX_HOURS * 3600_000) {
      throw fieldError(422, 'session_too_long', '/endsAt', `A session lasts at most ${S.SESSION_MAX_HOURS} hours`);
    }
    return { startsAt, endsAt };
  }

  private async mayTakePart(actor: Actor | null, row: ForumSessionRow): Promise<boolean> {
    if (!actor) return false;
    const category = await this.deps.forums.getCategory(actor, row.category_slug);
    return category.canPost;
  }

  /** Persisted already: reads the session again and tells its watchers. */
  private async announce(id: string, change: S.SessionChange): Promise<S.ForumSession | null> {
    const row = await forumSessionRepository.findSession(this.db, id);
    if (!row) return null;
    const dto = await this.toDto(row);
    this.events.changed(dto, change);
    return dto;
  }

  private async changedView(actor: Actor, id: string, change: S.SessionChange): Promise<S.ForumSessionView> {
    const dto = await this.announce(id, change);
    if (!dto) throw notFound('Session');
    return this.withViewer(actor, dto, await this.row(id));
  }

  private async view(actor: Actor | null, row: ForumSessionRow): Promise<S.ForumSessionView> {
    return this.withViewer(actor, await this.toDto(row), row);
  }

  private async withViewer(actor: Actor | null, dto: S.ForumSession, row: ForumSessionRow): Promise<S.ForumSessionView> {
    const canModerate = actor ? policy.runScheduledSession(await this.deps.forums.roleIn(actor, row.category_id)) : false;
    const remindMe = actor ? await forumSessionRepository.hasReminder(this.db, row.id, actor.userId) : false;
    return { ...dto, canModerate, canTakePart: await this.mayTakePart(actor, row), remindMe };
  }

  private async toDto(row: ForumSessionRow): Promise<S.ForumSession> {
    const hands = row.closed_at ? [] : await forumSessionRepository.listHands(this.db, row.id);
    return {
      id: row.id,
      category: { id: row.category_id, slug: row.category_slug, title: row.category_title },
      title: row.title,
      description: row.description,
      agenda: row.agenda,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      state: sessionState(row, this.now()),
      roomId: row.room_id,
      createdBy: row.created_by ? { userId: row.created_by, displayName: row.created_by_name ?? '' } : null,
      pinnedItem: row.pinned_item !== null && row.pinned_item < row.agenda.length ? row.pinned_item : null,
      floor: row.floor_user_id && row.floor_since ? { userId: row.floor_user_id, displayName: row.floor_user_name ?? '', since: row.floor_since.toISOString() } : null,
      queue: hands.map((h) => ({ userId: h.user_id, displayName: h.display_name, raisedAt: h.raised_at.toISOString() })),
      closedAt: row.closed_at?.toISOString() ?? null,
      closedAutomatically: row.closed_at !== null && row.closed_by === null,
      minutes: row.minutes,
      minutesAt: row.minutes_at?.toISOString() ?? null,
    };
  }
}

/** Trims agenda items and drops empty ones. */
function checkAgenda(items: string[]): string[] {
  const agenda = items.map((i) => i.trim()).filter((i) => i.length > 0);
  if (agenda.some((i) => i.includes('\u0000'))) throw fieldError(422, 'invalid_characters', '/agenda', 'An agenda item contains a NUL character');
  return agenda;
}
