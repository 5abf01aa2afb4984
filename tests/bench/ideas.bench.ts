/**
 * Ideas at scale: GET /api/v1/ideas with filters over 100,000 ideas, as a ratio against /api/health
 * of the same server in the same run; and the import of a 5,000-measure plan, in seconds.
 */
import { sql } from 'kysely';
import { startTestServer } from '../support/app';
import { createOrganisation, registerUser } from '../support/factories';
import { measure, migrateBenchDatabase, report } from './measure';

const IDEAS = Number(process.env.BENCH_IDEAS ?? 100_000);
const themes = ['youth', 'water', 'education', 'tourism', 'health', 'environment', 'employment', 'culture'];

await migrateBenchDatabase();
const server = await startTestServer({ config: { authRateLimit: 1_000_000, postRateLimit: 1_000_000 } });
try {
  const user = await registerUser(server.app);
  const orgs = [];
  for (let i = 0; i < 20; i++) orgs.push((await createOrganisation(server.app, user, { name: `Bench NGO ${i}` })).id);
  const municipalities = (await server.handle.db.selectFrom('territories').select('code').where('level', '=', 'municipality').execute()).map((t) => t.code);

  const seedStart = performance.now();
  // Generated in the database: 100k rows through HTTP would measure the seeding, not the listing.
  for (let offset = 0; offset < IDEAS; offset += 10_000) {
    await sql`
      insert into ideas (organisation_id, created_by, title, summary, problem, overall_objective, themes, language, status, published_at, created_at)
      select (${sql.val(orgs)}::uuid[])[1 + g % ${orgs.length}::int], ${user.id}::uuid,
             'Idea ' || g || ' about ' || (${sql.val(themes)}::text[])[1 + g % ${themes.length}::int],
             'Summary of idea ' || g, 'Problem ' || g, 'Objective ' || g,
             array[(${sql.val(themes)}::text[])[1 + g % ${themes.length}::int], (${sql.val(themes)}::text[])[1 + (g / 7) % ${themes.length}::int]],
             'en', case when g % 10 = 0 then 'draft' else 'published' end, now(), now() - make_interval(secs => g)
      from generate_series(${offset + 1}::int, ${Math.min(offset + 10_000, IDEAS)}::int) as g`.execute(server.handle.db);
  }
  await sql`
    insert into idea_places (idea_id, territory_code)
    select id, (${sql.val(municipalities)}::text[])[1 + abs(hashtext(id::text)) % ${municipalities.length}::int] from ideas
    where not exists (select 1 from idea_places p where p.idea_id = ideas.id)`.execute(server.handle.db);
  await sql`analyze`.execute(server.handle.db);
  console.log(`\n== Ideas (database: ${server.handle.kind}; ${IDEAS} ideas seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s) ==`);

  const url = server.url;
  const region = municipalities[0]!.split('-').slice(0, 2).join('-');
  const targets: Array<[string, string]> = [
    ['GET /api/health (baseline)', `${url}/api/health`],
    ['GET /api/v1/ideas?limit=20', `${url}/api/v1/ideas?limit=20`],
    ['GET /api/v1/ideas?theme=water&country=BG', `${url}/api/v1/ideas?theme=water&country=BG`],
    [`GET /api/v1/ideas?region=${region}&theme=youth`, `${url}/api/v1/ideas?region=${region}&theme=youth`],
    ['GET /api/v1/ideas?q=idea+4242', `${url}/api/v1/ideas?q=idea%204242`],
  ];
  let baseline = 0;
  for (const [name, target] of targets) {
    const r = await measure(target);
    baseline ||= r.rps;
    report(name, r, baseline);
  }

  const mun = await createOrganisation(server.app, user, { kind: 'municipality', name: 'Bench municipality' });
  const plan = await server.app.inject({
    method: 'POST',
    url: '/api/v1/plans',
    headers: user.auth,
    payload: { organisationId: mun.id, title: 'Bench plan 2021–2027', language: 'en', periodStart: 2021, periodEnd: 2027 },
  });
  const rows = ['code,title,description,indicators,budget,currency'];
  for (let p = 1; p <= 5; p++) {
    rows.push(`${p},Priority ${p},,,,`);
    for (let o = 1; o <= 10; o++) {
      rows.push(`${p}.${o},Objective ${p}.${o},,,,`);
      for (let m = 1; m <= 100; m++) rows.push(`${p}.${o}.${m},Measure ${p}.${o}.${m},"Works in villages, schools and parks",Households reached; km built,125000.50,EUR`);
    }
  }
  const csv = rows.join('\n');
  for (const label of ['first import', 're-import (unchanged)']) {
    const start = performance.now();
    const res = await fetch(`${url}/api/v1/plans/${plan.json().id}/import`, {
      method: 'POST',
      headers: { ...user.auth, 'content-type': 'text/csv' },
      body: csv,
    });
    const body = await res.json();
    console.log(`plan import, 5,000 measures (${rows.length - 1} rows, ${(csv.length / 1024).toFixed(0)} KiB), ${label}: ${((performance.now() - start) / 1000).toFixed(2)} s  ${JSON.stringify(body)}`);
  }
} finally {
  await server.close();
}
