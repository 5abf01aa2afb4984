import { sql, type Kysely } from 'kysely';

const now = sql`now()`;

/** Events and working meetings: organisers, registrations with a waiting list, attendance, minutes and linked ideas. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // The owning organisation (the first organiser); co-organisers are in event_organisers too.
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('training', 'working_meeting', 'forum', 'conference', 'round_table')`))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    // The IANA zone the times were entered in; pages show the event's times in it.
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('place_address', 'text')
    .addColumn('municipality_code', 'text', (c) => c.references('territories.code'))
    .addColumn('online_url', 'text')
    .addColumn('plan_id', 'uuid', (c) => c.references('plans.id').onDelete('set null'))
    .addColumn('agenda', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('capacity', 'integer')
    .addColumn('registration_open', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'published', 'cancelled')`))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('minutes', 'text')
    .addColumn('minutes_updated_at', 'timestamptz')
    .addColumn('cancel_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('published_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('events_times_ordered', sql`ends_at > starts_at`)
    .addCheckConstraint('events_capacity_positive', sql`capacity is null or capacity > 0`)
    .execute();
  await db.schema.createIndex('events_starts_idx').on('events').columns(['starts_at', 'id']).execute();
  await db.schema.createIndex('events_municipality_idx').on('events').column('municipality_code').execute();

  await db.schema
    .createTable('event_organisers')
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_organisers_pk', ['event_id', 'organisation_id'])
    .execute();
  await db.schema.createIndex('event_organisers_org_idx').on('event_organisers').column('organisation_id').execute();

  await db.schema
    .createTable('event_registrations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('registered', 'waiting')`))
    // Order of arrival: the waiting list is served by it (a sequence never ties, unlike timestamps).
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .addColumn('attended', 'boolean')
    .addColumn('promoted_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('event_registrations_person', ['event_id', 'user_id'])
    .execute();
  await db.schema.createIndex('event_registrations_event_idx').on('event_registrations').columns(['event_id', 'status', 'seq']).execute();
  await db.schema.createIndex('event_registrations_user_idx').on('event_registrations').column('user_id').execute();

  await db.schema
    .createTable('event_ideas')
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('idea_id', 'uuid', (c) => c.notNull().references('ideas.id').onDelete('cascade'))
    .addColumn('linked_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('event_ideas_pk', ['event_id', 'idea_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['event_ideas', 'event_registrations', 'event_organisers', 'events']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
