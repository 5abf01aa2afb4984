import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable, Updateable } from 'kysely';

export type EventKind = 'training' | 'working_meeting' | 'forum' | 'conference' | 'round_table';
export type EventStatus = 'draft' | 'published' | 'cancelled';
export type EventRegistrationStatus = 'registered' | 'waiting';

/** One agenda line; `time` is a wall-clock "HH:MM" in the event's time zone. */
export interface AgendaItem {
  time: string | null;
  title: string;
  description: string;
}

export interface EventsTable {
  id: Generated<string>;
  organisation_id: string;
  created_by: string | null;
  title: string;
  /** Raw Markdown as typed. */
  description: Generated<string>;
  kind: EventKind;
  starts_at: Date;
  ends_at: Date;
  /** IANA zone name the times were entered in, e.g. Europe/Sofia. */
  time_zone: string;
  place_address: string | null;
  municipality_code: string | null;
  online_url: string | null;
  plan_id: string | null;
  agenda: JSONColumnType<AgendaItem[]>;
  capacity: number | null;
  registration_open: Generated<boolean>;
  status: Generated<EventStatus>;
  language: string;
  minutes: string | null;
  minutes_updated_at: Date | null;
  cancel_reason: string | null;
  version: Generated<number>;
  published_at: Date | null;
  cancelled_at: Date | null;
  /** When the day-before reminder went out to the people registered. */
  reminded_at: ColumnType<Date | null, never, Date | null>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface EventOrganisersTable {
  event_id: string;
  organisation_id: string;
  /** 0 is the owner. */
  position: number;
}

export interface EventRegistrationsTable {
  id: Generated<string>;
  event_id: string;
  user_id: string;
  organisation_id: string | null;
  status: EventRegistrationStatus;
  seq: ColumnType<string, never, never>;
  attended: boolean | null;
  promoted_at: Date | null;
  created_at: ColumnType<Date, never, never>;
}

export interface EventIdeasTable {
  event_id: string;
  idea_id: string;
  linked_by: string | null;
  created_at: ColumnType<Date, never, never>;
}

export type EventRecord = Selectable<EventsTable>;
export type NewEventRecord = Insertable<EventsTable>;
export type EventRecordUpdate = Updateable<EventsTable>;
export type EventRegistration = Selectable<EventRegistrationsTable>;
