import { sql, type Kysely } from 'kysely';

const now = sql`now()`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rooms')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('idea', 'proposal', 'forum_session', 'direct')`))
    .addColumn('visibility', 'text', (c) => c.notNull().check(sql`visibility in ('public', 'members')`))
    // No foreign key: ideas, proposals and forum sessions live in tables of their own features.
    .addColumn('subject_id', 'uuid')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_rev', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_activity_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('rooms_direct_members_only', sql`kind <> 'direct' or visibility = 'members'`)
    .execute();
  // One room per idea, proposal or forum session.
  await db.schema
    .createIndex('rooms_subject_unique')
    .on('rooms')
    .columns(['kind', 'subject_id'])
    .unique()
    .where(sql.ref('subject_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('room_members')
    .addColumn('room_id', 'uuid', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('member', 'host')`))
    .addColumn('last_read_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('joined_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('room_members_pk', ['room_id', 'user_id'])
    .execute();
  await db.schema.createIndex('room_members_user_idx').on('room_members').column('user_id').execute();

  await db.schema
    .createTable('room_messages')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('room_id', 'uuid', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('rev', 'integer', (c) => c.notNull())
    .addColumn('sender_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('reply_to', 'uuid', (c) => c.references('room_messages.id').onDelete('set null'))
    .addColumn('mentions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('edited_at', 'timestamptz')
    .addColumn('deleted_at', 'timestamptz')
    .addColumn('hidden_at', 'timestamptz')
    .addColumn('hidden_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('room_messages_seq_unique', ['room_id', 'seq'])
    // A retried send carries the same client id and must not be stored twice.
    .addUniqueConstraint('room_messages_client_unique', ['room_id', 'sender_id', 'client_id'])
    .execute();
  await db.schema.createIndex('room_messages_rev_idx').on('room_messages').columns(['room_id', 'rev']).execute();

  await db.schema
    .createTable('room_mutes')
    .addColumn('room_id', 'uuid', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('muted_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('until', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('room_mutes_pk', ['room_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['room_mutes', 'room_messages', 'room_members', 'rooms']) {
    await db.schema.dropTable(table).execute();
  }
}
