import { connectDatabase, migrateToLatest } from '@partnera/db';
import { databaseUrl } from './db';

/** Migrates the shared PostgreSQL test database once per run (PGlite databases migrate per file). */
export default async function setup() {
  if (!databaseUrl) {
    console.log('tests: DATABASE_URL is not set, using embedded PGlite databases');
    return;
  }
  const handle = connectDatabase({ databaseUrl });
  try {
    await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
  console.log(`tests: using PostgreSQL at ${new URL(databaseUrl).host}${new URL(databaseUrl).pathname}`);
}
