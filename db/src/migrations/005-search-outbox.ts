import { sql, type Kysely } from 'kysely';

/**
 * The search outbox: every write that changes searchable data records which entity changed, in the
 * same transaction; a relay pushes the changes to the search engine and retries until it succeeds.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_outbox')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('entity_type', 'text', (c) => c.notNull().check(sql`entity_type in ('idea', 'plan', 'plan_item', 'organisation')`))
    .addColumn('entity_id', 'uuid', (c) => c.notNull())
    .addColumn('op', 'text', (c) => c.notNull().check(sql`op in ('upsert', 'delete')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // The relay reads the due rows oldest first.
  await db.schema.createIndex('search_outbox_due_idx').on('search_outbox').columns(['next_attempt_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_outbox').execute();
}
