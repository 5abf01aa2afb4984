import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';

/** A forum rubric; optionally scoped to a territory (country or region) or to one organisation. */
export interface ForumCategoriesTable {
  id: Generated<string>;
  slug: string;
  title: string;
  description: Generated<string>;
  scope_territory: string | null;
  scope_organisation_id: string | null;
  position: Generated<number>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface ForumCategoryModeratorsTable {
  category_id: string;
  user_id: string;
  created_at: ColumnType<Date, never, never>;
}

export interface ForumThreadsTable {
  id: Generated<string>;
  category_id: string;
  title: string;
  author_id: string | null;
  pinned: Generated<boolean>;
  locked: Generated<boolean>;
  post_count: Generated<number>;
  last_post_at: Generated<Date>;
  merged_into: string | null;
  created_at: ColumnType<Date, never, never>;
}

export interface ForumPostsTable {
  id: Generated<string>;
  thread_id: string;
  author_id: string | null;
  /** Raw Markdown as typed. */
  body: string;
  quote_of: string | null;
  reply_to: string | null;
  mentions: JSONColumnType<string[]>;
  edited_at: Date | null;
  /** Set when a moderator edited the post. */
  edit_reason: string | null;
  deleted_at: Date | null;
  hidden_at: Date | null;
  hidden_by: string | null;
  hidden_reason: string | null;
  created_at: Generated<Date>;
}

export interface ForumPostReactionsTable {
  post_id: string;
  user_id: string;
  emoji: string;
  created_at: ColumnType<Date, never, never>;
}

export interface ForumSubscriptionsTable {
  thread_id: string;
  user_id: string;
  created_at: ColumnType<Date, never, never>;
}

export interface ForumThreadReadsTable {
  thread_id: string;
  user_id: string;
  last_read_at: Date;
}

/** A file attached to a forum post, kept in the database (works on PostgreSQL and PGlite alike). */
export interface AttachmentsTable {
  id: Generated<string>;
  post_id: string | null;
  uploader_id: string | null;
  filename: string;
  content_type: string;
  size: number;
  data: Buffer;
  created_at: ColumnType<Date, never, never>;
}

export type ForumCategory = Selectable<ForumCategoriesTable>;
export type ForumThread = Selectable<ForumThreadsTable>;
export type ForumPost = Selectable<ForumPostsTable>;
export type NewForumPost = Insertable<ForumPostsTable>;
export type Attachment = Selectable<AttachmentsTable>;
