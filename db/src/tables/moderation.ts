import type { ColumnType, Generated, JSONColumnType, Selectable } from 'kysely';

export type ReportTargetKind = 'forum_post' | 'room_message' | 'idea' | 'news';
export type ReportStatus = 'open' | 'resolved' | 'dismissed';
export type AppealStatus = 'open' | 'upheld' | 'reversed';

export interface ReportsTable {
  id: Generated<string>;
  target_kind: ReportTargetKind;
  target_id: string;
  reporter_id: string | null;
  reason_code: string;
  reason_text: Generated<string>;
  status: Generated<ReportStatus>;
  resolved_by: string | null;
  resolved_at: Date | null;
  created_at: Generated<Date>;
}

/** The moderation log: every action, by a moderator or (actor null) by the system. */
export interface ModerationActionsTable {
  id: Generated<string>;
  actor_id: string | null;
  action: string;
  target_kind: string;
  target_id: string;
  target_user_id: string | null;
  category_id: string | null;
  reason: Generated<string>;
  details: JSONColumnType<Record<string, unknown>>;
  created_at: Generated<Date>;
}

export interface AppealsTable {
  id: Generated<string>;
  action_id: string;
  user_id: string | null;
  text: string;
  status: Generated<AppealStatus>;
  resolved_by: string | null;
  resolution_note: string | null;
  resolved_at: Date | null;
  created_at: Generated<Date>;
}

/** A suspension until `ends_at`, or a ban (no end); `lifted_at` ends it early. */
export interface UserSuspensionsTable {
  id: Generated<string>;
  user_id: string;
  reason: Generated<string>;
  ends_at: Date | null;
  lifted_at: Date | null;
  created_by: string | null;
  created_at: ColumnType<Date, never, never>;
}

export type Report = Selectable<ReportsTable>;
export type ModerationAction = Selectable<ModerationActionsTable>;
export type Appeal = Selectable<AppealsTable>;
export type UserSuspension = Selectable<UserSuspensionsTable>;
