import type { ColumnType, Insertable, Selectable } from 'kysely';

/** Organisations writing an idea together with its owner; their editors may edit it. */
export interface IdeaCoauthorsTable {
  idea_id: string;
  organisation_id: string;
  added_by: string;
  created_at: ColumnType<Date, never, never>;
}

export type IdeaCoauthor = Selectable<IdeaCoauthorsTable>;
export type NewIdeaCoauthor = Insertable<IdeaCoauthorsTable>;
