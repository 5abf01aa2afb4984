import { sql, type Kysely } from 'kysely';

const now = sql`now()`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('proposals')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // One proposal per idea: the idea becomes the proposal when partners commit to it.
    .addColumn('idea_id', 'uuid', (c) => c.notNull().unique().references('ideas.id').onDelete('cascade'))
    .addColumn('lead_organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('drafting').check(sql`status in ('drafting', 'ready', 'submitted', 'withdrawn')`))
    .addColumn('call_title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('call_programme', 'text', (c) => c.notNull().defaultTo(''))
    // A calendar date as YYYY-MM-DD text: no time zone can shift it on the way to the client.
    .addColumn('call_deadline', 'text', (c) => c.check(sql`call_deadline ~ '^\\d{4}-\\d{2}-\\d{2}$'`))
    .addColumn('room_id', 'uuid', (c) => c.references('rooms.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('proposals_created_idx').on('proposals').columns(['created_at desc', 'id desc']).execute();
  await db.schema.createIndex('proposals_lead_idx').on('proposals').column('lead_organisation_id').execute();

  await db.schema
    .createTable('proposal_partners')
    .addColumn('proposal_id', 'uuid', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('lead', 'partner', 'associate')`))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('invited', 'accepted', 'declined')`))
    .addColumn('invited_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('responded_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('responded_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('proposal_partners_pk', ['proposal_id', 'organisation_id'])
    .execute();
  await db.schema.createIndex('proposal_partners_org_idx').on('proposal_partners').column('organisation_id').execute();

  await db.schema
    .createTable('proposal_readers')
    .addColumn('proposal_id', 'uuid', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('granted_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('proposal_readers_pk', ['proposal_id', 'user_id'])
    .execute();
  await db.schema.createIndex('proposal_readers_user_idx').on('proposal_readers').column('user_id').execute();

  await db.schema
    .createTable('proposal_measures')
    .addColumn('proposal_id', 'uuid', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('measure_id', 'uuid', (c) => c.notNull().references('plan_items.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('proposal_measures_pk', ['proposal_id', 'measure_id'])
    .execute();

  // Append-only Yjs updates; compaction merges a proposal's rows into one.
  await db.schema
    .createTable('proposal_doc_updates')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('proposal_id', 'uuid', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('update', 'bytea', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('proposal_doc_updates_proposal_idx').on('proposal_doc_updates').columns(['proposal_id', 'id']).execute();

  await db.schema
    .createTable('proposal_versions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('proposal_id', 'uuid', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('automatic', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('state', 'bytea', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('proposal_versions_number_unique', ['proposal_id', 'number'])
    .execute();

  await db.schema
    .createTable('proposal_comments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('proposal_id', 'uuid', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('quote', 'text')
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('resolved_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('proposal_comments_proposal_idx').on('proposal_comments').columns(['proposal_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'proposal_comments',
    'proposal_versions',
    'proposal_doc_updates',
    'proposal_measures',
    'proposal_readers',
    'proposal_partners',
    'proposals',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
