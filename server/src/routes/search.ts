import type { App } from '../app';
import { IdParams } from '../schemas/common';
import { problemResponses } from '../schemas/responses';
import * as S from '../schemas/search';

/** Global search and explained matching; only published ideas and plans are searchable, so nothing leaks. */
export default async function searchRoutes(app: App) {
  const { search } = app.services;

  app.get(
    '/api/v1/search',
    { schema: { tags: ['search'], summary: 'Instant search over ideas, plan measures and organisations, grouped by type, with facets', querystring: S.SearchQuery, response: { 200: S.SearchResult, ...problemResponses } } },
    async (request) => search.search(request.query),
  );

  app.get(
    '/api/v1/ideas/:id/matches',
    { preHandler: app.identify, schema: { tags: ['search'], summary: 'Plan measures this idea could serve, with explanations', params: IdParams, querystring: S.IdeaMatchesQuery, response: { 200: S.IdeaMatches, ...problemResponses } } },
    async (request) => search.ideaMatches(request.actor, request.params.id, request.query),
  );

  app.get(
    '/api/v1/plans/:id/matches',
    { preHandler: app.identify, schema: { tags: ['search'], summary: 'Ideas that could serve this plan, with their best measures', params: IdParams, querystring: S.IdeasForMeasureQuery, response: { 200: S.IdeasForPlan, ...problemResponses } } },
    async (request) => search.planMatches(request.actor, request.params.id, request.query),
  );

  app.get(
    '/api/v1/plans/:id/items/:itemId/matches',
    { preHandler: app.identify, schema: { tags: ['search'], summary: 'Ideas that could serve this measure (or priority/objective)', params: S.ItemParams, querystring: S.IdeasForMeasureQuery, response: { 200: S.IdeasForPlan, ...problemResponses } } },
    async (request) => search.measureMatches(request.actor, request.params.id, request.params.itemId, request.query),
  );

  app.get(
    '/api/v1/plans/:id/coverage',
    { preHandler: app.identify, schema: { tags: ['search'], summary: 'Which priorities and measures have confirmed or strongly matching ideas, and which have none', params: IdParams, response: { 200: S.PlanCoverage, ...problemResponses } } },
    async (request) => search.coverage(request.actor, request.params.id),
  );
}
