import { sql, type Kysely } from 'kysely';

const now = sql`now()`;

/** Forums (categories, threads, posts, reactions, subscriptions, read markers, attachments) and moderation. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('forum_categories')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // Optional scope: a country or region (territory code), or one organisation's group.
    .addColumn('scope_territory', 'text')
    .addColumn('scope_organisation_id', 'uuid', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('forum_category_moderators')
    .addColumn('category_id', 'uuid', (c) => c.notNull().references('forum_categories.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('forum_category_moderators_pk', ['category_id', 'user_id'])
    .execute();
  await db.schema.createIndex('forum_category_moderators_user_idx').on('forum_category_moderators').column('user_id').execute();

  await db.schema
    .createTable('forum_threads')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('category_id', 'uuid', (c) => c.notNull().references('forum_categories.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('pinned', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('locked', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('post_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_post_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(now))
    // A merged thread points at the thread that took its posts.
    .addColumn('merged_into', 'uuid', (c) => c.references('forum_threads.id').onDelete('set null'))
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('forum_threads_category_idx').on('forum_threads').columns(['category_id', 'pinned', 'last_post_at']).execute();

  await db.schema
    .createTable('forum_posts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('thread_id', 'uuid', (c) => c.notNull().references('forum_threads.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('quote_of', 'uuid', (c) => c.references('forum_posts.id').onDelete('set null'))
    .addColumn('reply_to', 'uuid', (c) => c.references('forum_posts.id').onDelete('set null'))
    .addColumn('mentions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('edited_at', 'timestamptz')
    .addColumn('edit_reason', 'text')
    .addColumn('deleted_at', 'timestamptz')
    .addColumn('hidden_at', 'timestamptz')
    .addColumn('hidden_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('hidden_reason', 'text')
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('forum_posts_thread_idx').on('forum_posts').columns(['thread_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('forum_posts_author_idx').on('forum_posts').columns(['author_id', 'created_at']).execute();

  await db.schema
    .createTable('forum_post_reactions')
    .addColumn('post_id', 'uuid', (c) => c.notNull().references('forum_posts.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('emoji', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('forum_post_reactions_pk', ['post_id', 'user_id', 'emoji'])
    .execute();

  await db.schema
    .createTable('forum_subscriptions')
    .addColumn('thread_id', 'uuid', (c) => c.notNull().references('forum_threads.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('forum_subscriptions_pk', ['thread_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('forum_thread_reads')
    .addColumn('thread_id', 'uuid', (c) => c.notNull().references('forum_threads.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('last_read_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('forum_thread_reads_pk', ['thread_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('post_id', 'uuid', (c) => c.references('forum_posts.id').onDelete('cascade'))
    .addColumn('uploader_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('attachments_post_idx').on('attachments').column('post_id').execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('target_kind', 'text', (c) => c.notNull().check(sql`target_kind in ('forum_post', 'room_message', 'idea')`))
    .addColumn('target_id', 'uuid', (c) => c.notNull())
    .addColumn('reporter_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason_code', 'text', (c) => c.notNull())
    .addColumn('reason_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'resolved', 'dismissed')`))
    .addColumn('resolved_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(now))
    .execute();
  // One open report per person per target.
  await db.schema
    .createIndex('reports_open_unique')
    .on('reports')
    .columns(['target_kind', 'target_id', 'reporter_id'])
    .unique()
    .where(sql.ref('status'), '=', 'open')
    .execute();
  await db.schema.createIndex('reports_target_idx').on('reports').columns(['target_kind', 'target_id', 'status']).execute();

  await db.schema
    .createTable('moderation_actions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // null: the system acted (automatic hiding after reports).
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'uuid', (c) => c.notNull())
    .addColumn('target_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('category_id', 'uuid', (c) => c.references('forum_categories.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('moderation_actions_created_idx').on('moderation_actions').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('moderation_actions_category_idx').on('moderation_actions').column('category_id').execute();

  await db.schema
    .createTable('appeals')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // Once per action: the unique key enforces it.
    .addColumn('action_id', 'uuid', (c) => c.notNull().unique().references('moderation_actions.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'upheld', 'reversed')`))
    .addColumn('resolved_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('resolution_note', 'text')
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('user_suspensions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    // null: a ban, with no end.
    .addColumn('ends_at', 'timestamptz')
    .addColumn('lifted_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('user_suspensions_user_idx').on('user_suspensions').column('user_id').execute();

  // Forum posts are searchable too.
  await sql`alter table search_outbox drop constraint if exists search_outbox_entity_type_check`.execute(db);
  await sql`alter table search_outbox add constraint search_outbox_entity_type_check
    check (entity_type in ('idea', 'plan', 'plan_item', 'organisation', 'forum_post'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from search_outbox where entity_type = 'forum_post'`.execute(db);
  await sql`alter table search_outbox drop constraint if exists search_outbox_entity_type_check`.execute(db);
  await sql`alter table search_outbox add constraint search_outbox_entity_type_check
    check (entity_type in ('idea', 'plan', 'plan_item', 'organisation'))`.execute(db);
  for (const table of [
    'user_suspensions', 'appeals', 'moderation_actions', 'reports', 'attachments', 'forum_thread_reads', 'forum_subscriptions',
    'forum_post_reactions', 'forum_posts', 'forum_threads', 'forum_category_moderators', 'forum_categories',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
