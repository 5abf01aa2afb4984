import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export type SearchEntityType = 'idea' | 'plan' | 'plan_item' | 'organisation' | 'forum_post' | 'event' | 'news';
export type SearchSyncOp = 'upsert' | 'delete';

/** One pending change for the search index (see the 005 migration). */
export interface SearchOutboxTable {
  /** bigint: read as text by the repository, so both drivers agree. */
  id: Generated<string>;
  entity_type: SearchEntityType;
  entity_id: string;
  op: SearchSyncOp;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_error: string | null;
  created_at: ColumnType<Date, never, never>;
}

export type SearchOutboxRow = Selectable<SearchOutboxTable>;
export type NewSearchOutboxRow = Insertable<SearchOutboxTable>;
