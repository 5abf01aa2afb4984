import { migrateToLatest, migrateToNothing, type DatabaseHandle } from '@partnera/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDatabase } from '../support/db';

/** The foundation's tables; later migrations may add more. */
const TABLES = ['audit_log', 'invitations', 'memberships', 'notifications', 'organisations', 'refresh_tokens', 'territories', 'users'];

let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
let handle: DatabaseHandle;

beforeAll(async () => {
  scratch = await scratchDatabase();
  handle = scratch.handle;
});

afterAll(async () => {
  await scratch?.dispose();
});

/** The application tables that exist in the database's current schema. */
async function appTables(): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
    order by table_name`.execute(handle.db);
  return rows.map((r) => r.table_name).filter((name) => !name.startsWith('kysely_'));
}

/** Territory counts keyed "COUNTRY level", e.g. "BG region". */
async function territoryCounts(): Promise<Record<string, number>> {
  const rows = await handle.db
    .selectFrom('territories')
    .select(['country', 'level'])
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .groupBy(['country', 'level'])
    .execute();
  return Object.fromEntries(rows.map((r) => [`${r.country} ${r.level}`, Number(r.n)]));
}

async function expectMigratedSchema() {
  const tables = await appTables();
  expect(tables).toEqual(expect.arrayContaining(TABLES));
  // Every table can be read.
  for (const table of tables) {
    await expect(sql`select * from ${sql.table(table)} limit 1`.execute(handle.db)).resolves.toBeDefined();
  }
  const counts = await territoryCounts();
  expect(counts['BG country']).toBe(1);
  expect(counts['BG region']).toBe(28);
  expect(counts['BG municipality']).toBe(265);
  expect(counts['AL country']).toBe(1);
  expect(counts['AL region']).toBe(12);
  expect(counts['AL municipality']).toBe(61);
  expect(counts['AZ country']).toBe(1);
  expect(counts['AZ region']).toBe(14);
  expect(counts['AZ municipality']).toBeGreaterThanOrEqual(60);
  // Each municipality hangs under a region of its own country.
  const orphans = await handle.db
    .selectFrom('territories as m')
    .leftJoin('territories as r', 'r.code', 'm.parent_code')
    .select('m.code')
    .where('m.level', '=', 'municipality')
    .where((eb) => eb.or([eb('r.level', 'is', null), eb('r.level', '!=', 'region'), eb('r.country', '!=', eb.ref('m.country'))]))
    .execute();
  expect(orphans).toEqual([]);
}

describe('migrations on the database under test', () => {
  it('migrate up from empty, down to nothing, and up again', { timeout: 120_000 }, async () => {
    expect(await appTables()).toEqual([]);

    const up = await migrateToLatest(handle.db);
    // Every migration ran, in order, starting with the foundation and the territories.
    expect(up.slice(0, 2)).toEqual(['Up 001-foundation: Success', 'Up 002-territories: Success']);
    for (const line of up) expect(line).toMatch(/^Up \S+: Success$/);
    await expectMigratedSchema();

    // Nothing left to do the second time.
    expect(await migrateToLatest(handle.db)).toEqual([]);

    // The schema works: a row goes in and comes back with its defaults.
    const user = await handle.db
      .insertInto('users')
      .values({ email: 'migration@example.test', display_name: 'Migration', password_hash: 'x', platform_role: null, locale: 'en' })
      .returningAll()
      .executeTakeFirstOrThrow();
    expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(user.created_at).toBeInstanceOf(Date);

    const down = await migrateToNothing(handle.db);
    // Each migration's down ran, newest first.
    expect(down).toEqual(up.map((line) => line.replace(/^Up /, 'Down ')).reverse());
    expect(await appTables()).toEqual([]);
    await expect(handle.db.selectFrom('territories').selectAll().execute()).rejects.toThrow(/territories/);
    await expect(handle.db.selectFrom('users').selectAll().execute()).rejects.toThrow(/users/);

    const again = await migrateToLatest(handle.db);
    expect(again).toEqual(up);
    await expectMigratedSchema();
    // The data went with the tables.
    expect(await handle.db.selectFrom('users').selectAll().execute()).toEqual([]);
  });
});
