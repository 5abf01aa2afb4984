import { sql, type Kysely } from 'kysely';

const now = sql`now()`;

/** News posts by organisations (their owners and editors) and by the platform (organisation null, admins). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('news_posts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // null: a platform announcement.
    .addColumn('organisation_id', 'uuid', (c) => c.references('organisations.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    // Raw Markdown as typed; sanitised when rendered.
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('idea_id', 'uuid', (c) => c.references('ideas.id').onDelete('set null'))
    .addColumn('plan_id', 'uuid', (c) => c.references('plans.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'published')`))
    .addColumn('pinned', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('published_at', sql`timestamptz(3)`)
    .addColumn('hidden_at', 'timestamptz')
    .addColumn('hidden_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('hidden_reason', 'text')
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('news_posts_feed_idx').on('news_posts').columns(['status', 'pinned', 'published_at', 'id']).execute();
  await db.schema.createIndex('news_posts_organisation_idx').on('news_posts').columns(['organisation_id', 'published_at']).execute();

  // News can be reported like other content. The allowed kinds are read from the constraint as it stands,
  // so kinds added by other migrations are kept.
  await setReportKinds(db, (kinds) => [...new Set([...kinds, 'news'])]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from reports where target_kind = 'news'`.execute(db);
  await setReportKinds(db, (kinds) => kinds.filter((k) => k !== 'news'));
  await db.schema.dropTable('news_posts').execute();
}

async function setReportKinds(db: Kysely<any>, change: (kinds: string[]) => string[]): Promise<void> {
  const found = await sql<{ def: string }>`
    select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'reports_target_kind_check'`.execute(db);
  const current = [...(found.rows[0]?.def ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  const kinds = change(current.length ? current : ['forum_post', 'room_message', 'idea']);
  await sql`alter table reports drop constraint if exists reports_target_kind_check`.execute(db);
  await sql`alter table reports add constraint reports_target_kind_check check (target_kind in (${sql.join(kinds.map((k) => sql.lit(k)))}))`.execute(db);
}
