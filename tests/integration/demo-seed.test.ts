import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@partnera/server';
import { migrateToLatest, seedDemoData, type DatabaseHandle } from '@partnera/db';
import { scratchDatabase } from '../support/db';

/** The demo start seeds an empty database; this proves the shipped demo data loads and holds together. */
let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
let handle: DatabaseHandle;

beforeAll(async () => {
  scratch = await scratchDatabase();
  handle = scratch.handle;
  await migrateToLatest(handle.db);
}, 120_000);
afterAll(() => scratch.dispose());

describe('demo data', () => {
  it('fills an empty database once, with plans of 20–60 measures and 30+ ideas in four languages', async () => {
    const accounts = await seedDemoData(handle.db, hashPassword);
    expect(accounts?.map((a) => a.email)).toContain('admin@partnera.local');
    expect(await seedDemoData(handle.db, hashPassword)).toBeNull();

    const measures = await handle.db
      .selectFrom('plan_items')
      .select(['plan_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('level', '=', 'measure')
      .groupBy('plan_id')
      .execute();
    expect(measures.length).toBeGreaterThanOrEqual(5);
    for (const m of measures) expect(Number(m.n)).toBeGreaterThanOrEqual(20);

    const languages = await handle.db.selectFrom('ideas').select(['language', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('language').execute();
    expect(Object.fromEntries(languages.map((l) => [l.language, Number(l.n)]))).toMatchObject({ bg: expect.any(Number), sq: expect.any(Number), az: expect.any(Number), en: expect.any(Number) });
    expect(languages.reduce((sum, l) => sum + Number(l.n), 0)).toBeGreaterThanOrEqual(30);

    const confirmed = await handle.db.selectFrom('idea_measure_links').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'confirmed').executeTakeFirstOrThrow();
    expect(Number(confirmed.n)).toBeGreaterThan(0);
  }, 120_000);
});
