import { sql, type Kysely } from 'kysely';

const constraint = (types: string[]) =>
  sql`alter table search_outbox add constraint search_outbox_entity_type_check check (entity_type in (${sql.join(types.map((t) => sql.lit(t)))}))`;

const BEFORE = ['idea', 'plan', 'plan_item', 'organisation', 'forum_post'];

/** Events and news posts are searched too: their changes go through the search outbox. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table search_outbox drop constraint if exists search_outbox_entity_type_check`.execute(db);
  await constraint([...BEFORE, 'event', 'news']).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from search_outbox where entity_type in ('event', 'news')`.execute(db);
  await sql`alter table search_outbox drop constraint if exists search_outbox_entity_type_check`.execute(db);
  await constraint(BEFORE).execute(db);
}
