import { sql, type Kysely } from 'kysely';

const now = sql`now()`;

/**
 * Regional council shortlists: a review round owned by a council, its criteria, reviewers, entries
 * (ideas now; proposals later through `subject_kind`), reviewers' scores, conflicts and decisions.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('shortlist_rounds')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('region_code', 'text', (c) => c.references('territories.code'))
    .addColumn('call_start', 'date')
    .addColumn('call_end', 'date')
    .addColumn('scale', 'integer', (c) => c.notNull().check(sql`scale in (5, 10)`))
    .addColumn('blind', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('collecting').check(sql`status in ('collecting', 'reviewing', 'decided', 'published')`))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('published_at', 'timestamptz')
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('shortlist_rounds_call_check', sql`call_end is null or call_start is null or call_end >= call_start`)
    .execute();
  await db.schema.createIndex('shortlist_rounds_org_idx').on('shortlist_rounds').column('organisation_id').execute();
  await db.schema.createIndex('shortlist_rounds_created_idx').on('shortlist_rounds').columns(['created_at desc', 'id desc']).execute();

  await db.schema
    .createTable('shortlist_round_plans')
    .addColumn('round_id', 'uuid', (c) => c.notNull().references('shortlist_rounds.id').onDelete('cascade'))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('shortlist_round_plans_pk', ['round_id', 'plan_id'])
    .execute();

  await db.schema
    .createTable('shortlist_criteria')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('round_id', 'uuid', (c) => c.notNull().references('shortlist_rounds.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('weight', 'integer', (c) => c.notNull().check(sql`weight between 1 and 100`))
    .execute();
  await db.schema.createIndex('shortlist_criteria_round_idx').on('shortlist_criteria').columns(['round_id', 'position']).execute();

  await db.schema
    .createTable('shortlist_reviewers')
    .addColumn('round_id', 'uuid', (c) => c.notNull().references('shortlist_rounds.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('shortlist_reviewers_pk', ['round_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('shortlist_entries')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('round_id', 'uuid', (c) => c.notNull().references('shortlist_rounds.id').onDelete('cascade'))
    .addColumn('subject_kind', 'text', (c) => c.notNull().defaultTo('idea').check(sql`subject_kind in ('idea')`))
    .addColumn('idea_id', 'uuid', (c) => c.references('ideas.id').onDelete('cascade'))
    .addColumn('added_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('added_side', 'text', (c) => c.notNull().check(sql`added_side in ('owner', 'council')`))
    .addColumn('tie_break', 'integer')
    .addColumn('decision', 'text', (c) => c.check(sql`decision in ('shortlisted', 'rejected', 'deferred')`))
    .addColumn('decision_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('shortlist_entries_subject_check', sql`subject_kind <> 'idea' or idea_id is not null`)
    .addUniqueConstraint('shortlist_entries_idea_unique', ['round_id', 'idea_id'])
    .execute();
  await db.schema.createIndex('shortlist_entries_idea_idx').on('shortlist_entries').column('idea_id').execute();

  await db.schema
    .createTable('shortlist_reviews')
    .addColumn('entry_id', 'uuid', (c) => c.notNull().references('shortlist_entries.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('shortlist_reviews_pk', ['entry_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('shortlist_scores')
    .addColumn('entry_id', 'uuid', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.notNull())
    .addColumn('criterion_id', 'uuid', (c) => c.notNull().references('shortlist_criteria.id').onDelete('cascade'))
    .addColumn('score', 'integer', (c) => c.notNull().check(sql`score between 0 and 10`))
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('shortlist_scores_pk', ['entry_id', 'user_id', 'criterion_id'])
    .addForeignKeyConstraint('shortlist_scores_review_fk', ['entry_id', 'user_id'], 'shortlist_reviews', ['entry_id', 'user_id'], (fk) => fk.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('shortlist_conflicts')
    .addColumn('entry_id', 'uuid', (c) => c.notNull().references('shortlist_entries.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('shortlist_conflicts_pk', ['entry_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'shortlist_conflicts',
    'shortlist_scores',
    'shortlist_reviews',
    'shortlist_entries',
    'shortlist_reviewers',
    'shortlist_criteria',
    'shortlist_round_plans',
    'shortlist_rounds',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
