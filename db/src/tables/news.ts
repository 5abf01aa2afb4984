import type { ColumnType, Generated, Selectable } from 'kysely';

export type NewsStatus = 'draft' | 'published';

/** A news post by an organisation, or by the platform when `organisation_id` is null. */
export interface NewsPostsTable {
  id: Generated<string>;
  organisation_id: string | null;
  author_id: string | null;
  title: string;
  summary: Generated<string>;
  /** Raw Markdown as typed. */
  body: Generated<string>;
  language: string;
  idea_id: string | null;
  plan_id: string | null;
  status: Generated<NewsStatus>;
  /** Shown first on the front page (platform admins decide). */
  pinned: Generated<boolean>;
  version: Generated<number>;
  published_at: Date | null;
  hidden_at: Date | null;
  hidden_by: string | null;
  hidden_reason: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export type NewsPost = Selectable<NewsPostsTable>;
