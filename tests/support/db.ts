import { randomBytes } from 'node:crypto';
import { connectDatabase, migrateToLatest, type DatabaseHandle } from '@partnera/db';
import pg from 'pg';

/** The PostgreSQL server under test, when DATABASE_URL is set (CI); otherwise tests use embedded PGlite. */
export const databaseUrl = process.env.DATABASE_URL || undefined;

/**
 * A migrated database for one test file: the shared PostgreSQL database (migrated once by the global
 * setup; tests use fresh ids so they never collide) or a private in-memory PGlite.
 */
export async function testDatabase(poolSize = 4): Promise<DatabaseHandle> {
  if (databaseUrl) return connectDatabase({ databaseUrl, poolSize });
  const handle = connectDatabase({ dataDir: 'memory://' });
  await migrateToLatest(handle.db);
  return handle;
}

/** An empty database of the kind under test, dropped by `dispose` (for migration tests). */
export async function scratchDatabase(poolSize = 2): Promise<{ handle: DatabaseHandle; dispose(): Promise<void> }> {
  if (!databaseUrl) {
    const handle = connectDatabase({ dataDir: 'memory://' });
    return { handle, dispose: () => handle.close() };
  }
  const name = `partnera_scratch_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const handle = connectDatabase({ databaseUrl: url.toString(), poolSize });
  return {
    handle,
    async dispose() {
      await handle.close();
      const dropper = new pg.Client({ connectionString: databaseUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name}`);
      await dropper.end();
    },
  };
}
