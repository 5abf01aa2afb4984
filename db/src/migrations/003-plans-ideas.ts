import { sql, type Kysely } from 'kysely';

const now = sql`now()`;
const emptyTextArray = sql`'{}'::text[]`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('period_start', 'integer', (c) => c.notNull())
    .addColumn('period_end', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'published', 'archived')`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('published_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('plans_period_check', sql`period_end >= period_start`)
    .execute();
  await db.schema.createIndex('plans_org_idx').on('plans').column('organisation_id').execute();

  await db.schema
    .createTable('plan_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('parent_id', 'uuid', (c) => c.references('plan_items.id').onDelete('cascade'))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('priority', 'objective', 'measure')`))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('indicators', sql`text[]`, (c) => c.notNull().defaultTo(emptyTextArray))
    .addColumn('budget_amount', sql`numeric(16, 2)`)
    .addColumn('currency', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('plan_items_code_unique', ['plan_id', 'code'])
    .execute();
  await db.schema.createIndex('plan_items_parent_idx').on('plan_items').column('parent_id').execute();

  await db.schema
    .createTable('ideas')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('problem', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('overall_objective', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('specific_objectives', sql`text[]`, (c) => c.notNull().defaultTo(emptyTextArray))
    .addColumn('target_groups', sql`text[]`, (c) => c.notNull().defaultTo(emptyTextArray))
    .addColumn('expected_results', sql`text[]`, (c) => c.notNull().defaultTo(emptyTextArray))
    .addColumn('main_activities', sql`text[]`, (c) => c.notNull().defaultTo(emptyTextArray))
    .addColumn('budget_amount', sql`numeric(16, 2)`)
    .addColumn('currency', 'text', (c) => c.check(sql`currency in ('BGN', 'EUR', 'ALL', 'AZN', 'USD')`))
    .addColumn('duration_months', 'integer')
    .addColumn('partners_sought', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('themes', sql`text[]`, (c) => c.notNull().defaultTo(emptyTextArray))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'published', 'archived')`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('published_at', 'timestamptz')
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  // The directory lists newest first (walking this index and stopping at the page size); themes are filtered with array overlap.
  await db.schema.createIndex('ideas_created_idx').on('ideas').columns(['created_at desc', 'id desc']).execute();
  await db.schema.createIndex('ideas_org_idx').on('ideas').column('organisation_id').execute();
  await db.schema.createIndex('ideas_themes_idx').on('ideas').using('gin').column('themes').execute();

  await db.schema
    .createTable('idea_places')
    .addColumn('idea_id', 'uuid', (c) => c.notNull().references('ideas.id').onDelete('cascade'))
    .addColumn('territory_code', 'text', (c) => c.notNull().references('territories.code'))
    .addPrimaryKeyConstraint('idea_places_pk', ['idea_id', 'territory_code'])
    .execute();
  await db.schema.createIndex('idea_places_territory_idx').on('idea_places').columns(['territory_code', 'idea_id']).execute();

  await db.schema
    .createTable('idea_coauthors')
    .addColumn('idea_id', 'uuid', (c) => c.notNull().references('ideas.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('added_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('idea_coauthors_pk', ['idea_id', 'organisation_id'])
    .execute();
  await db.schema.createIndex('idea_coauthors_org_idx').on('idea_coauthors').column('organisation_id').execute();

  await db.schema
    .createTable('idea_measure_links')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('idea_id', 'uuid', (c) => c.notNull().references('ideas.id').onDelete('cascade'))
    .addColumn('measure_id', 'uuid', (c) => c.notNull().references('plan_items.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('proposed', 'confirmed', 'rejected')`))
    .addColumn('proposed_by_side', 'text', (c) => c.notNull().check(sql`proposed_by_side in ('idea', 'plan')`))
    .addColumn('proposed_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('idea_measure_links_unique', ['idea_id', 'measure_id'])
    .execute();
  await db.schema.createIndex('idea_measure_links_measure_idx').on('idea_measure_links').columns(['measure_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['idea_measure_links', 'idea_coauthors', 'idea_places', 'ideas', 'plan_items', 'plans']) {
    await db.schema.dropTable(table).execute();
  }
}
