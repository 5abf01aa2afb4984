import { sql } from 'kysely';
import { Type } from '@sinclair/typebox';
import type { App } from '../app';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Type.Union([Type.Literal('ok'), Type.Literal('down')]),
  databaseKind: Type.String(),
  search: Type.Union([Type.Literal('ok'), Type.Literal('down')]),
  searchKind: Type.Union([Type.Literal('embedded'), Type.Literal('meilisearch')]),
});

export default async function healthRoutes(app: App) {
  app.get(
    '/api/health',
    { schema: { tags: ['health'], summary: 'Liveness of the API and its dependencies', response: { 200: Health, 503: Health } } },
    async (request, reply) => {
      let database: 'ok' | 'down' = 'ok';
      try {
        await sql`select 1`.execute(app.db);
      } catch (error) {
        request.log.warn({ err: error }, 'health: database unreachable');
        database = 'down';
      }
      // Search down degrades the service (search and matching fail) but the API still answers: 200.
      const engine = await app.searchRuntime.engine.health().catch(() => ({ status: 'unavailable' as const }));
      const search = engine.status === 'available' ? 'ok' : 'down';
      const body = {
        status: database === 'ok' && search === 'ok' ? 'ok' : 'degraded',
        database,
        databaseKind: app.databaseKind,
        search,
        searchKind: app.searchRuntime.engine.kind,
      } as const;
      return reply.status(database === 'ok' ? 200 : 503).send(body);
    },
  );
}
