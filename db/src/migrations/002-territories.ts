import type { Kysely } from 'kysely';
import { loadTerritoryRows } from '../territories/load';

export async function up(db: Kysely<any>): Promise<void> {
  const rows = loadTerritoryRows();
  // Parents come before children in the list, so the foreign key holds batch by batch.
  for (let i = 0; i < rows.length; i += 200) {
    await db.insertInto('territories').values(rows.slice(i, i + 200)).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('territories').execute();
}
