import { type Kysely } from 'kysely';

/** When the day-before reminder of an event went out (once, whichever server process claims it first). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('events').addColumn('reminded_at', 'timestamptz').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('events').dropColumn('reminded_at').execute();
}
