/**
 * API throughput benchmark: each endpoint is timed against a trivial route (/api/health) in the same
 * process and run, and reported as a ratio, so the numbers mean something on a noisy machine.
 * Traffic stays on 127.0.0.1 and every loop is bounded.
 */
import { startTestServer } from '../support/app';
import { publishedEvent } from '../support/events';
import { createOrganisation, registerUser } from '../support/factories';
import { writeNews } from '../support/news';
import { searchCaughtUp } from '../support/search';
import { measure, migrateBenchDatabase, report } from './measure';

await migrateBenchDatabase();
const server = await startTestServer({ config: { authRateLimit: 1_000_000, postRateLimit: 1_000_000 } });
try {
  const user = await registerUser(server.app);
  const orgIds: string[] = [];
  for (let i = 0; i < 200; i++) orgIds.push((await createOrganisation(server.app, user, { name: `Bench org ${String(i).padStart(3, '0')}` })).id);
  // Events and news for the global search, which asks five indexes at once.
  for (let i = 0; i < 200; i++) {
    await publishedEvent(server.app, user, [orgIds[i]!], { title: `Bench training on water ${i}` });
    await writeNews(server.app, user, { organisationId: orgIds[i], title: `Bench water news ${i}`, status: 'published' });
  }
  await searchCaughtUp(server.app, 60_000);
  const body = JSON.stringify({ email: user.email, password: user.password });
  const targets: Array<[string, string, (() => RequestInit)?]> = [
    ['GET /api/health (baseline)', `${server.url}/api/health`],
    ['GET /api/v1/organisations?limit=20', `${server.url}/api/v1/organisations?limit=20`],
    ['GET /api/v1/organisations?q=org+1&country=BG', `${server.url}/api/v1/organisations?q=org%201&country=BG`],
    ['GET /api/v1/search?q=bench+water&type=organisations (one index)', `${server.url}/api/v1/search?q=bench%20water&type=organisations`],
    ['GET /api/v1/search?q=bench+water (all five indexes)', `${server.url}/api/v1/search?q=bench%20water`],
    ['GET /api/v1/me (authenticated)', `${server.url}/api/v1/me`, () => ({ headers: user.auth })],
    ['POST /api/v1/auth/login (argon2id)', `${server.url}/api/v1/auth/login`, () => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body })],
  ];
  console.log(`\n== API (database: ${server.handle.kind}; 8 concurrent clients) ==`);
  let baseline = 0;
  for (const [name, url, init] of targets) {
    const r = await measure(url, init);
    baseline ||= r.rps;
    report(name, r, baseline);
  }
} finally {
  await server.close();
}
