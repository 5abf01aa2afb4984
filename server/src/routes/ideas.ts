import { Type } from '@sinclair/typebox';
import { themes } from '@partnera/db';
import type { App } from '../app';
import { IdParams } from '../schemas/common';
import * as S from '../schemas/ideas';
import { problemResponses } from '../schemas/responses';
import { expectedVersion, withEtag } from './if-match';

const bearer = [{ bearer: [] }];
const tags = ['ideas'];
const noContent = { 204: { type: 'null' } };

export default async function ideaRoutes(app: App) {
  const { ideas, links } = app.services;
  const rateLimit = { max: app.config.postRateLimit, timeWindow: '1 minute' };

  app.get(
    '/api/v1/themes',
    { schema: { tags, summary: 'Themes an idea can carry, named in every UI language', response: { 200: Type.Object({ items: Type.Array(S.Theme) }) } } },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=3600').send({ items: [...themes] }),
  );

  app.get(
    '/api/v1/ideas',
    { preHandler: app.identify, schema: { tags, summary: 'Project ideas, newest first', querystring: S.IdeaListQuery, response: { 200: S.IdeaPage, ...problemResponses } } },
    async (request) => ideas.list(request.actor, request.query),
  );

  app.post(
    '/api/v1/ideas',
    { preHandler: app.authenticate, config: { rateLimit }, schema: { tags, summary: 'Post an idea (draft unless status is published)', security: bearer, body: S.CreateIdeaBody, response: { 201: S.IdeaDetail, ...problemResponses } } },
    async (request, reply) => withEtag(reply.status(201), await ideas.create(request.actor!, request.body)),
  );

  app.get(
    '/api/v1/ideas/:id',
    { preHandler: app.identify, schema: { tags, summary: 'One idea with co-authors and plan links', params: IdParams, response: { 200: S.IdeaDetail, ...problemResponses } } },
    async (request, reply) => withEtag(reply, await ideas.get(request.actor, request.params.id)),
  );

  app.patch(
    '/api/v1/ideas/:id',
    { preHandler: app.authenticate, schema: { tags, summary: 'Edit, publish or archive an idea (If-Match required)', security: bearer, params: IdParams, body: S.UpdateIdeaBody, response: { 200: S.IdeaDetail, ...problemResponses } } },
    async (request, reply) => withEtag(reply, await ideas.update(request.actor!, request.params.id, expectedVersion(request), request.body)),
  );

  app.delete(
    '/api/v1/ideas/:id',
    { preHandler: app.authenticate, schema: { tags, summary: 'Delete a draft idea', security: bearer, params: IdParams, response: { ...noContent, ...problemResponses } } },
    async (request, reply) => {
      await ideas.remove(request.actor!, request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/ideas/:id/coauthors',
    { preHandler: app.authenticate, schema: { tags, summary: 'Add a co-authoring organisation', security: bearer, params: IdParams, body: S.CoauthorBody, response: { 200: S.IdeaDetail, ...problemResponses } } },
    async (request, reply) => withEtag(reply, await ideas.addCoauthor(request.actor!, request.params.id, request.body.organisationId)),
  );

  app.delete(
    '/api/v1/ideas/:id/coauthors/:organisationId',
    { preHandler: app.authenticate, schema: { tags, summary: 'Remove a co-authoring organisation', security: bearer, params: S.CoauthorParams, response: { ...noContent, ...problemResponses } } },
    async (request, reply) => {
      await ideas.removeCoauthor(request.actor!, request.params.id, request.params.organisationId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/ideas/:id/room',
    { preHandler: app.authenticate, schema: { tags, summary: "The idea's discussion room (opened on first call)", security: bearer, params: IdParams, response: { 200: Type.Object({ roomId: Type.String({ format: 'uuid' }) }), ...problemResponses } } },
    async (request) => ({ roomId: await ideas.discussionRoom(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/v1/ideas/:id/links',
    { preHandler: app.authenticate, config: { rateLimit }, schema: { tags: ['links'], summary: 'Propose that this idea serves a plan measure', security: bearer, params: IdParams, body: S.ProposeLinkBody, response: { 201: S.Link, ...problemResponses } } },
    async (request, reply) => reply.status(201).send(await links.propose(request.actor!, request.params.id, request.body.measureId, request.body.note)),
  );

  app.post(
    '/api/v1/links/:linkId/decision',
    { preHandler: app.authenticate, schema: { tags: ['links'], summary: 'Confirm or reject a proposed link (the other side)', security: bearer, params: S.LinkParams, body: S.LinkDecisionBody, response: { 200: S.Link, ...problemResponses } } },
    async (request) => links.decide(request.actor!, request.params.linkId, request.body.decision),
  );

  app.delete(
    '/api/v1/links/:linkId',
    { preHandler: app.authenticate, schema: { tags: ['links'], summary: 'Withdraw or remove a link', security: bearer, params: S.LinkParams, response: { ...noContent, ...problemResponses } } },
    async (request, reply) => {
      await links.withdraw(request.actor!, request.params.linkId);
      return reply.status(204).send();
    },
  );
}
