import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { PageQuery, Timestamp, Uuid } from './common';
import { ContentLanguage } from './plans';

export const EVENT_TITLE_MAX = 200 as const;
export const EVENT_DESCRIPTION_MAX = 20_000 as const;
export const EVENT_MINUTES_MAX = 50_000 as const;
export const AGENDA_MAX_ITEMS = 40 as const;
export const ORGANISERS_MAX = 10 as const;
export const CAPACITY_MAX = 100_000 as const;

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const EventKind = Type.Union([
  Type.Literal('training'),
  Type.Literal('working_meeting'),
  Type.Literal('forum'),
  Type.Literal('conference'),
  Type.Literal('round_table'),
]);
export type EventKind = Static<typeof EventKind>;
export const EventStatus = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('cancelled')]);
export type EventStatus = Static<typeof EventStatus>;

/** A wall-clock time as typed in the event's zone: 2026-12-01T10:00. */
const WallTime = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$', maxLength: 16 });

export const AgendaItem = Type.Object(
  {
    time: Type.Optional(Nullable(Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }))),
    title: Type.String({ minLength: 1, maxLength: 300 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type AgendaItem = Static<typeof AgendaItem>;

export const EventOrganiser = Type.Object({ id: Uuid, name: Type.String(), kind: Type.String() });
export type EventOrganiser = Static<typeof EventOrganiser>;

export const MyRegistration = Type.Object({
  status: Type.Union([Type.Literal('registered'), Type.Literal('waiting')]),
  /** 1-based place in the waiting list; null when registered. */
  position: Nullable(Type.Integer()),
  organisationId: Nullable(Uuid),
  attended: Nullable(Type.Boolean()),
});
export type MyRegistration = Static<typeof MyRegistration>;

export const EventSummary = Type.Object({
  id: Uuid,
  title: Type.String(),
  kind: EventKind,
  status: EventStatus,
  startsAt: Timestamp,
  endsAt: Timestamp,
  timeZone: Type.String(),
  /** Wall-clock times in the event's zone, as the organisers entered them. */
  startsAtLocal: Type.String(),
  endsAtLocal: Type.String(),
  placeAddress: Nullable(Type.String()),
  municipality: Nullable(Type.Object({ code: Type.String(), nameLocal: Type.String(), nameEn: Type.String() })),
  onlineUrl: Nullable(Type.String()),
  organisers: Type.Array(EventOrganiser),
  capacity: Nullable(Type.Integer()),
  registrationOpen: Type.Boolean(),
  registeredCount: Type.Integer(),
  waitingCount: Type.Integer(),
  /** Null when places are not limited. */
  placesLeft: Nullable(Type.Integer()),
  language: ContentLanguage,
});
export type EventSummary = Static<typeof EventSummary>;
export const EventPage = Type.Object({ items: Type.Array(EventSummary), nextCursor: Nullable(Type.String()) });
export type EventPage = Static<typeof EventPage>;

export const EventDetail = Type.Composite([
  EventSummary,
  Type.Object({
    description: Type.String(),
    agenda: Type.Array(Type.Object({ time: Nullable(Type.String()), title: Type.String(), description: Type.String() })),
    plan: Nullable(Type.Object({ id: Uuid, title: Type.String() })),
    minutes: Nullable(Type.String()),
    minutesUpdatedAt: Nullable(Timestamp),
    linkedIdeas: Type.Array(Type.Object({ id: Uuid, title: Type.String(), organisationName: Type.String() })),
    cancelReason: Nullable(Type.String()),
    myRegistration: Nullable(MyRegistration),
    /** Whether the caller may register now (signed in or not: the button says what is needed). */
    canRegister: Type.Boolean(),
    canManage: Type.Boolean(),
    started: Type.Boolean(),
    ended: Type.Boolean(),
    version: Type.Integer(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    publishedAt: Nullable(Timestamp),
    cancelledAt: Nullable(Timestamp),
  }),
]);
export type EventDetail = Static<typeof EventDetail>;

const fields = {
  title: Type.String({ minLength: 3, maxLength: EVENT_TITLE_MAX }),
  description: Type.String({ maxLength: EVENT_DESCRIPTION_MAX }),
  kind: EventKind,
  startsAt: WallTime,
  endsAt: WallTime,
  timeZone: Type.String({ minLength: 1, maxLength: 64 }),
  placeAddress: Nullable(Type.String({ maxLength: 500 })),
  municipalityCode: Nullable(Type.String({ minLength: 2, maxLength: 20 })),
  onlineUrl: Nullable(Type.String({ maxLength: 1000 })),
  planId: Nullable(Uuid),
  agenda: Type.Array(AgendaItem, { maxItems: AGENDA_MAX_ITEMS }),
  capacity: Nullable(Type.Integer({ minimum: 1, maximum: CAPACITY_MAX })),
  registrationOpen: Type.Boolean(),
  language: ContentLanguage,
};

export const CreateEventBody = Type.Object(
  {
    /** The first is the owner; the caller must be an owner or editor of it. */
    organisationIds: Type.Array(Uuid, { minItems: 1, maxItems: ORGANISERS_MAX, uniqueItems: true }),
    title: fields.title,
    description: Type.Optional(fields.description),
    kind: fields.kind,
    startsAt: fields.startsAt,
    endsAt: fields.endsAt,
    timeZone: fields.timeZone,
    placeAddress: Type.Optional(fields.placeAddress),
    municipalityCode: Type.Optional(fields.municipalityCode),
    onlineUrl: Type.Optional(fields.onlineUrl),
    planId: Type.Optional(fields.planId),
    agenda: Type.Optional(fields.agenda),
    capacity: Type.Optional(fields.capacity),
    registrationOpen: Type.Optional(fields.registrationOpen),
    language: fields.language,
  },
  { additionalProperties: false },
);
export type CreateEventBody = Static<typeof CreateEventBody>;

export const UpdateEventBody = Type.Object(
  {
    /** Co-organisers; the owner (first) cannot change. */
    organisationIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: ORGANISERS_MAX, uniqueItems: true })),
    title: Type.Optional(fields.title),
    description: Type.Optional(fields.description),
    kind: Type.Optional(fields.kind),
    startsAt: Type.Optional(fields.startsAt),
    endsAt: Type.Optional(fields.endsAt),
    timeZone: Type.Optional(fields.timeZone),
    placeAddress: Type.Optional(fields.placeAddress),
    municipalityCode: Type.Optional(fields.municipalityCode),
    onlineUrl: Type.Optional(fields.onlineUrl),
    planId: Type.Optional(fields.planId),
    agenda: Type.Optional(fields.agenda),
    capacity: Type.Optional(fields.capacity),
    registrationOpen: Type.Optional(fields.registrationOpen),
    language: Type.Optional(fields.language),
  },
  { additionalProperties: false },
);
export type UpdateEventBody = Static<typeof UpdateEventBody>;

export const EventListQuery = Type.Object(
  {
    when: Type.Optional(Type.Union([Type.Literal('upcoming'), Type.Literal('past')])),
    kind: Type.Optional(EventKind),
    country: Type.Optional(Type.String({ minLength: 2, maxLength: 2 })),
    region: Type.Optional(Type.String({ minLength: 2, maxLength: 20 })),
    municipality: Type.Optional(Type.String({ minLength: 2, maxLength: 20 })),
    organisation: Type.Optional(Uuid),
    /** Only events this idea is linked to. */
    idea: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    /** Only events I registered for or wait for. */
    mine: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type EventListQuery = Static<typeof EventListQuery>;

export const FeedQuery = Type.Object({ organisation: Type.Optional(Uuid) }, { additionalProperties: false });

export const CancelEventBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false });
export type CancelEventBody = Static<typeof CancelEventBody>;

export const RegisterBody = Type.Object({ organisationId: Type.Optional(Nullable(Uuid)) }, { additionalProperties: false });
export type RegisterBody = Static<typeof RegisterBody>;

export const Registrant = Type.Object({
  userId: Uuid,
  displayName: Type.String(),
  organisationId: Nullable(Uuid),
  organisationName: Nullable(Type.String()),
  status: Type.Union([Type.Literal('registered'), Type.Literal('waiting')]),
  position: Nullable(Type.Integer()),
  attended: Nullable(Type.Boolean()),
  registeredAt: Timestamp,
  promotedAt: Nullable(Timestamp),
});
export type Registrant = Static<typeof Registrant>;
export const Registrants = Type.Object({ registered: Type.Array(Registrant), waiting: Type.Array(Registrant) });
export type Registrants = Static<typeof Registrants>;

export const AttendanceBody = Type.Object(
  { items: Type.Array(Type.Object({ userId: Uuid, attended: Nullable(Type.Boolean()) }, { additionalProperties: false }), { minItems: 1, maxItems: 500 }) },
  { additionalProperties: false },
);
export type AttendanceBody = Static<typeof AttendanceBody>;

export const MinutesBody = Type.Object({ minutes: Type.String({ maxLength: EVENT_MINUTES_MAX }) }, { additionalProperties: false });
export type MinutesBody = Static<typeof MinutesBody>;

export const LinkIdeaBody = Type.Object({ ideaId: Uuid }, { additionalProperties: false });
export const EventIdeaParams = Type.Object({ id: Uuid, ideaId: Uuid });
