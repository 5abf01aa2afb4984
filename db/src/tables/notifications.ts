import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  /** Stable kind the UI translates, e.g. "invitation.received". */
  kind: string;
  data: JSONColumnType<Record<string, unknown>>;
  link: string | null;
  read_at: Date | null;
  created_at: ColumnType<Date, never, never>;
}

export type Notification = Selectable<NotificationsTable>;
export type NewNotification = Insertable<NotificationsTable>;
