import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';

export interface AuditLogTable {
  id: Generated<string>;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  details: JSONColumnType<Record<string, unknown>>;
  created_at: ColumnType<Date, never, never>;
}

export type AuditEntry = Selectable<AuditLogTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
