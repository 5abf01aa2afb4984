import { randomUUID } from 'node:crypto';
import { migrateToLatest, seedDemoData, type DatabaseHandle } from '@partnera/db';
import { buildApp, hashPassword, loadConfig, seedDemoProposal, type App } from '@partnera/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDatabase } from '../support/db';

/** The demo start adds one joint proposal made from a demo idea, with a municipality as accepted partner. */
let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
let handle: DatabaseHandle;
let app: App;

beforeAll(async () => {
  scratch = await scratchDatabase();
  handle = scratch.handle;
  await migrateToLatest(handle.db);
  await seedDemoData(handle.db, hashPassword);
  const config = loadConfig({ JWT_SECRET: `demo-${randomUUID()}-${randomUUID()}` }, { redisUrl: undefined, webBuildDir: '/nonexistent' });
  app = await buildApp({ config, db: handle.db, databaseKind: handle.kind, logger: false, mailer: null });
  await app.ready();
}, 120_000);
afterAll(async () => {
  await app?.close();
  await scratch?.dispose();
});

describe('demo proposal', () => {
  it('is made from a demo idea, seeded from it, with an accepted municipality partner', async () => {
    const id = await seedDemoProposal(handle.db, app.services.proposals);
    expect(id).not.toBeNull();
    const proposal = await app.services.proposals.get({ userId: randomUUID(), platformRole: 'admin' }, id!);
    expect(proposal.partners.map((p) => [p.role, p.state])).toEqual([
      ['lead', 'accepted'],
      ['partner', 'accepted'],
    ]);
    expect(proposal.measures.length).toBeGreaterThan(0);
    expect(proposal.content.overall.text).not.toBe('');
    expect(proposal.content.activities.length).toBeGreaterThan(0);
    expect(proposal.call.deadline).toBe('2027-03-31');
  }, 60_000);
});
