import type { App } from '../app';
import { IdParams } from '../schemas/common';
import * as S from '../schemas/news';
import { problemResponses } from '../schemas/responses';
import { expectedVersion, withEtag } from './if-match';

const tags = ['news'];
const security = [{ bearer: [] }];
const noContent = { 204: { type: 'null' } };

/** News over HTTP: the front-page and per-organisation feeds, writing and publishing, and an Atom feed. */
export default async function newsRoutes(app: App) {
  const { news } = app.services;
  const auth = { preHandler: app.authenticate };
  const open = { preHandler: app.identify };
  const rateLimit = { max: app.config.postRateLimit, timeWindow: '1 minute' };

  app.get(
    '/api/v1/news',
    { ...open, schema: { tags, summary: 'Published news, pinned first then newest (or my drafts with status=draft)', querystring: S.NewsListQuery, response: { 200: S.NewsPage, ...problemResponses } } },
    async (request) => news.list(request.actor, request.query),
  );

  app.get(
    '/api/v1/news/feed.xml',
    { schema: { tags, summary: 'Atom feed of the newest published news (all, or one organisation)', querystring: S.FeedQuery, produces: ['application/atom+xml'] } },
    async (request, reply) => {
      const xml = await news.feed({ ...request.query, selfPath: request.url });
      return reply.header('content-type', 'application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(xml);
    },
  );

  app.get(
    '/api/v1/organisations/:id/news',
    { ...open, schema: { tags, summary: "An organisation's published news, newest first", params: IdParams, querystring: S.OrganisationNewsQuery, response: { 200: S.NewsPage, ...problemResponses } } },
    async (request) => news.listOfOrganisation(request.actor, request.params.id, request.query),
  );

  app.post(
    '/api/v1/news',
    { ...auth, config: { rateLimit }, schema: { tags, security, summary: "Write a post for an organisation I edit for (or, admins, for the platform); draft unless status is published", body: S.CreateNewsBody, response: { 201: S.NewsPost, ...problemResponses } } },
    async (request, reply) => {
      const created = await news.create(request.actor!, request.body);
      return withEtag(reply.status(201).header('location', `/api/v1/news/${created.id}`), created);
    },
  );

  app.get(
    '/api/v1/news/:id',
    { ...open, schema: { tags, summary: 'One news post', params: IdParams, response: { 200: S.NewsPost, ...problemResponses } } },
    async (request, reply) => withEtag(reply, await news.get(request.actor, request.params.id)),
  );

  app.patch(
    '/api/v1/news/:id',
    { ...auth, schema: { tags, security, summary: 'Edit a post (If-Match required)', params: IdParams, body: S.UpdateNewsBody, response: { 200: S.NewsPost, ...problemResponses } } },
    async (request, reply) => withEtag(reply, await news.update(request.actor!, request.params.id, expectedVersion(request), request.body)),
  );

  app.post(
    '/api/v1/news/:id/publish',
    { ...auth, schema: { tags, security, summary: 'Publish a draft', params: IdParams, response: { 200: S.NewsPost, ...problemResponses } } },
    async (request, reply) => withEtag(reply, await news.setPublished(request.actor!, request.params.id, true)),
  );

  app.post(
    '/api/v1/news/:id/unpublish',
    { ...auth, schema: { tags, security, summary: 'Take a post back to draft (it leaves the feeds and is unpinned)', params: IdParams, response: { 200: S.NewsPost, ...problemResponses } } },
    async (request, reply) => withEtag(reply, await news.setPublished(request.actor!, request.params.id, false)),
  );

  app.put(
    '/api/v1/news/:id/pin',
    { ...auth, schema: { tags, security, summary: 'Pin or unpin a post on the front page (platform admins)', params: IdParams, body: S.PinBody, response: { 200: S.NewsPost, ...problemResponses } } },
    async (request, reply) => withEtag(reply, await news.setPinned(request.actor!, request.params.id, request.body.pinned)),
  );

  app.delete(
    '/api/v1/news/:id',
    { ...auth, schema: { tags, security, summary: 'Delete a post', params: IdParams, response: { ...noContent, ...problemResponses } } },
    async (request, reply) => {
      await news.remove(request.actor!, request.params.id);
      return reply.status(204).send();
    },
  );
}
