import { sql, type Kysely } from 'kysely';

const now = sql`now()`;

/** Live forum sessions: scheduled meetings in a forum category with an agenda, a speaker queue and minutes. */
export async function up(db: Kysely<any>): Promise<void> {
  // A room may have a writing window: nobody posts before it opens or after it closes (forum sessions).
  await db.schema.alterTable('rooms').addColumn('opens_at', 'timestamptz').execute();
  await db.schema.alterTable('rooms').addColumn('closed_at', 'timestamptz').execute();

  await db.schema
    .createTable('forum_sessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('category_id', 'uuid', (c) => c.notNull().references('forum_categories.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('agenda', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('room_id', 'uuid', (c) => c.references('rooms.id').onDelete('set null'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    // Set once, by whichever server process first sees the start time pass; the winner announces the opening.
    .addColumn('opened_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('pinned_item', 'integer')
    .addColumn('floor_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('floor_since', 'timestamptz')
    .addColumn('minutes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('minutes_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('minutes_at', 'timestamptz')
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('forum_sessions_times', sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex('forum_sessions_starts_idx').on('forum_sessions').columns(['starts_at', 'id']).execute();
  await db.schema.createIndex('forum_sessions_category_idx').on('forum_sessions').columns(['category_id', 'starts_at']).execute();

  await db.schema
    .createTable('forum_session_hands')
    .addColumn('session_id', 'uuid', (c) => c.notNull().references('forum_sessions.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('raised_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addPrimaryKeyConstraint('forum_session_hands_pk', ['session_id', 'user_id'])
    .execute();
  await db.schema.createIndex('forum_session_hands_order_idx').on('forum_session_hands').columns(['session_id', 'raised_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('forum_session_hands').execute();
  await db.schema.dropTable('forum_sessions').execute();
  await db.schema.alterTable('rooms').dropColumn('closed_at').execute();
  await db.schema.alterTable('rooms').dropColumn('opens_at').execute();
}
