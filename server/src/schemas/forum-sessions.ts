import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { PageQuery, Timestamp, Uuid } from './common';

export const SESSION_TITLE_MAX = 200 as const;
export const SESSION_DESCRIPTION_MAX = 4_000 as const;
export const AGENDA_MAX_ITEMS = 20 as const;
export const AGENDA_ITEM_MAX = 300 as const;
export const MINUTES_MAX_CHARS = 50_000 as const;
/** A session lasts at most this long (planned end minus start). */
export const SESSION_MAX_HOURS = 12 as const;

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const SessionState = Type.Union([Type.Literal('scheduled'), Type.Literal('live'), Type.Literal('closed')]);
export type SessionState = Static<typeof SessionState>;

const PersonRef = Type.Object({ userId: Uuid, displayName: Type.String() });

export const SpeakerHand = Type.Object({ userId: Uuid, displayName: Type.String(), raisedAt: Timestamp });
export type SpeakerHand = Static<typeof SpeakerHand>;

/** A session as everybody sees it (also what live updates carry). */
export const ForumSession = Type.Object({
  id: Uuid,
  category: Type.Object({ id: Uuid, slug: Type.String(), title: Type.String() }),
  title: Type.String(),
  description: Type.String(),
  agenda: Type.Array(Type.String()),
  startsAt: Timestamp,
  endsAt: Timestamp,
  state: SessionState,
  roomId: Nullable(Uuid),
  createdBy: Nullable(PersonRef),
  /** Index into `agenda` of the item under discussion. */
  pinnedItem: Nullable(Type.Integer()),
  /** Who has the floor, since when. */
  floor: Nullable(Type.Object({ userId: Uuid, displayName: Type.String(), since: Timestamp })),
  /** Raised hands in the order they went up. */
  queue: Type.Array(SpeakerHand),
  closedAt: Nullable(Timestamp),
  /** Nobody closed it: it was closed an hour after its end time. */
  closedAutomatically: Type.Boolean(),
  minutes: Type.String(),
  minutesAt: Nullable(Timestamp),
});
export type ForumSession = Static<typeof ForumSession>;

/** One session for the caller: what they may do with it. */
export const ForumSessionView = Type.Intersect([
  ForumSession,
  Type.Object({
    /** Schedules, pins, runs the queue, closes and writes the minutes (category moderators, platform moderators, admins). */
    canModerate: Type.Boolean(),
    /** May raise a hand (signed in, not suspended, allowed to post in the category). */
    canTakePart: Type.Boolean(),
    /** The caller is notified when the session starts, moves or is cancelled. */
    remindMe: Type.Boolean(),
  }),
]);
export type ForumSessionView = Static<typeof ForumSessionView>;

export const ForumSessionSummary = Type.Object({
  id: Uuid,
  category: Type.Object({ id: Uuid, slug: Type.String(), title: Type.String() }),
  title: Type.String(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  state: SessionState,
  agendaCount: Type.Integer(),
});
export type ForumSessionSummary = Static<typeof ForumSessionSummary>;
export const ForumSessionPage = Type.Object({ items: Type.Array(ForumSessionSummary), nextCursor: Nullable(Type.String()) });
export type ForumSessionPage = Static<typeof ForumSessionPage>;

export const SessionListQuery = Type.Object(
  {
    when: Type.Optional(Type.Union([Type.Literal('upcoming'), Type.Literal('live'), Type.Literal('past')], { default: 'upcoming' })),
    /** A category's slug. */
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type SessionListQuery = Static<typeof SessionListQuery>;

const Title = Type.String({ minLength: 1, maxLength: SESSION_TITLE_MAX });
const Agenda = Type.Array(Type.String({ minLength: 1, maxLength: AGENDA_ITEM_MAX }), { maxItems: AGENDA_MAX_ITEMS });

export const CreateSessionBody = Type.Object(
  {
    categoryId: Uuid,
    title: Title,
    description: Type.Optional(Type.String({ maxLength: SESSION_DESCRIPTION_MAX })),
    agenda: Type.Optional(Agenda),
    startsAt: Timestamp,
    endsAt: Timestamp,
  },
  { additionalProperties: false },
);
export type CreateSessionBody = Static<typeof CreateSessionBody>;

export const UpdateSessionBody = Type.Object(
  {
    title: Type.Optional(Title),
    description: Type.Optional(Type.String({ maxLength: SESSION_DESCRIPTION_MAX })),
    agenda: Type.Optional(Agenda),
    startsAt: Type.Optional(Timestamp),
    endsAt: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);
export type UpdateSessionBody = Static<typeof UpdateSessionBody>;

export const PinBody = Type.Object({ item: Nullable(Type.Integer({ minimum: 0, maximum: AGENDA_MAX_ITEMS - 1 })) }, { additionalProperties: false });
export const FloorBody = Type.Object({ userId: Nullable(Uuid) }, { additionalProperties: false });
export const MinutesBody = Type.Object({ minutes: Type.String({ maxLength: MINUTES_MAX_CHARS }) }, { additionalProperties: false });
export const QueueParams = Type.Object({ id: Uuid, userId: Uuid });

/** What changed, so watchers can say it (live updates carry the whole session after the change). */
export type SessionChange = 'opened' | 'closed' | 'edited' | 'pinned' | 'queue' | 'floor' | 'minutes';
