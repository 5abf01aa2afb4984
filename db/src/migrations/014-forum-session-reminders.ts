import { sql, type Kysely } from 'kysely';

/** People who asked to be told when a forum session starts (or is called off). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('forum_session_reminders')
    .addColumn('session_id', 'uuid', (c) => c.notNull().references('forum_sessions.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('forum_session_reminders_pk', ['session_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('forum_session_reminders').execute();
}
