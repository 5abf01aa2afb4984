import { Type } from '@sinclair/typebox';
import type { App } from '../app';
import { IdParams } from '../schemas/common';
import * as S from '../schemas/plans';
import { Link, PlanLinksQuery } from '../schemas/ideas';
import { problemResponses } from '../schemas/responses';
import { expectedVersion, withEtag } from './if-match';

const bearer = [{ bearer: [] }];
const tags = ['plans'];
const noContent = { 204: { type: 'null' } };

export default async function planRoutes(app: App) {
  const { plans, links } = app.services;

  app.get(
    '/api/v1/plans',
    { preHandler: app.identify, schema: { tags, summary: 'Development plans', querystring: S.PlanListQuery, response: { 200: S.PlanPage, ...problemResponses } } },
    async (request) => plans.list(request.actor, request.query),
  );

  app.post(
    '/api/v1/plans',
    { preHandler: app.authenticate, schema: { tags, summary: 'Create a draft plan for a municipality or regional council', security: bearer, body: S.CreatePlanBody, response: { 201: S.PlanSummary, ...problemResponses } } },
    async (request, reply) => withEtag(reply.status(201), await plans.create(request.actor!, request.body)),
  );

  app.get(
    '/api/v1/plans/:id',
    { preHandler: app.identify, schema: { tags, summary: 'A plan with its priorities, objectives and measures', params: IdParams, response: { 200: S.PlanDetail, ...problemResponses } } },
    async (request, reply) => withEtag(reply, await plans.get(request.actor, request.params.id)),
  );

  app.patch(
    '/api/v1/plans/:id',
    { preHandler: app.authenticate, schema: { tags, summary: 'Edit or publish a plan (If-Match required)', security: bearer, params: IdParams, body: S.UpdatePlanBody, response: { 200: S.PlanSummary, ...problemResponses } } },
    async (request, reply) => withEtag(reply, await plans.update(request.actor!, request.params.id, expectedVersion(request), request.body)),
  );

  app.delete(
    '/api/v1/plans/:id',
    { preHandler: app.authenticate, schema: { tags, summary: 'Delete a draft plan', security: bearer, params: IdParams, response: { ...noContent, ...problemResponses } } },
    async (request, reply) => {
      await plans.remove(request.actor!, request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/plans/:id/items',
    { preHandler: app.authenticate, schema: { tags, summary: 'Add a priority, objective or measure (level follows the code)', security: bearer, params: IdParams, body: S.CreateItemBody, response: { 201: S.PlanItem, ...problemResponses } } },
    async (request, reply) => withEtag(reply.status(201), await plans.addItem(request.actor!, request.params.id, request.body)),
  );

  app.patch(
    '/api/v1/plans/:id/items/:itemId',
    { preHandler: app.authenticate, schema: { tags, summary: 'Edit an item (If-Match required)', security: bearer, params: S.ItemParams, body: S.UpdateItemBody, response: { 200: S.PlanItem, ...problemResponses } } },
    async (request, reply) =>
      withEtag(reply, await plans.updateItem(request.actor!, request.params.id, request.params.itemId, expectedVersion(request), request.body)),
  );

  app.delete(
    '/api/v1/plans/:id/items/:itemId',
    { preHandler: app.authenticate, schema: { tags, summary: 'Delete an item with everything under it', security: bearer, params: S.ItemParams, response: { ...noContent, ...problemResponses } } },
    async (request, reply) => {
      await plans.deleteItem(request.actor!, request.params.id, request.params.itemId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/plans/:id/items/reorder',
    { preHandler: app.authenticate, schema: { tags, summary: 'Reorder the items under one parent', security: bearer, params: IdParams, body: S.ReorderBody, response: { ...noContent, ...problemResponses } } },
    async (request, reply) => {
      await plans.reorder(request.actor!, request.params.id, request.body.parentId, request.body.orderedIds);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/plans/:id/import',
    {
      preHandler: app.authenticate,
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import items from CSV (text/csv) or JSON ({ items }); all or nothing, matched by code',
        description: 'CSV columns: code,title,description,indicators,budget,currency (indicators separated by ";"). Errors list every bad line.',
        security: bearer,
        params: IdParams,
        response: { 200: S.ImportResult, ...problemResponses },
      },
    },
    async (request) => plans.import(request.actor!, request.params.id, request.body),
  );

  app.get(
    '/api/v1/plans/:id/links',
    { preHandler: app.identify, schema: { tags, summary: 'Ideas linked to measures of this plan', params: IdParams, querystring: PlanLinksQuery, response: { 200: Type.Object({ items: Type.Array(Link) }), ...problemResponses } } },
    async (request) => ({ items: await links.listForPlan(request.actor, request.params.id, request.query.status) }),
  );
}
