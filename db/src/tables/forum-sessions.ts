import type { ColumnType, Generated, JSONColumnType, Selectable } from 'kysely';

/** A scheduled live session in a forum category; its state follows from the clock, `opened_at` and `closed_at`. */
export interface ForumSessionsTable {
  id: Generated<string>;
  category_id: string;
  title: string;
  description: Generated<string>;
  /** Agenda items in order. */
  agenda: JSONColumnType<string[]>;
  starts_at: Date;
  ends_at: Date;
  room_id: string | null;
  created_by: string | null;
  opened_at: Date | null;
  closed_at: Date | null;
  closed_by: string | null;
  /** Index into `agenda` of the item under discussion. */
  pinned_item: number | null;
  floor_user_id: string | null;
  floor_since: Date | null;
  /** Markdown written by a moderator after the session. */
  minutes: Generated<string>;
  minutes_by: string | null;
  minutes_at: Date | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

/** A raised hand in a session's speaker queue. */
export interface ForumSessionHandsTable {
  session_id: string;
  user_id: string;
  raised_at: ColumnType<Date, Date | undefined, never>;
}

/** Someone to tell when the session opens or is cancelled. */
export interface ForumSessionRemindersTable {
  session_id: string;
  user_id: string;
  created_at: ColumnType<Date, never, never>;
}

export type ForumSession = Selectable<ForumSessionsTable>;
