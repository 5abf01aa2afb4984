import { Type } from '@sinclair/typebox';
import type { App } from '../app';
import { IdParams } from '../schemas/common';
import { problemResponses } from '../schemas/responses';
import * as S from '../schemas/shortlists';
import { expectedVersion, withEtag } from './if-match';

const bearer = [{ bearer: [] }];
const tags = ['shortlists'];
const noContent = { 204: { type: 'null' } };

/** Regional council review rounds: setup, entries, scoring, decisions and the public report. */
export default async function shortlistRoutes(app: App) {
  const { shortlists } = app.services;
  const rateLimit = { max: app.config.postRateLimit, timeWindow: '1 minute' };

  app.get(
    '/api/v1/shortlists',
    { preHandler: app.identify, schema: { tags, summary: "Rounds of the caller's councils, and published ones", querystring: S.RoundListQuery, response: { 200: S.RoundPage, ...problemResponses } } },
    async (request) => shortlists.list(request.actor, request.query),
  );

  app.get(
    '/api/v1/shortlists/open',
    { preHandler: app.authenticate, schema: { tags, summary: 'Rounds collecting entries that the caller may submit this idea to', security: bearer, querystring: S.OpenRoundsQuery, response: { 200: Type.Object({ items: Type.Array(S.RoundSummary) }), ...problemResponses } } },
    async (request) => ({ items: await shortlists.openForIdea(request.actor!, request.query.ideaId) }),
  );

  app.post(
    '/api/v1/shortlists',
    { preHandler: app.authenticate, config: { rateLimit }, schema: { tags, summary: 'Set up a review round (regional council editors)', security: bearer, body: S.CreateRoundBody, response: { 201: S.RoundDetail, ...problemResponses } } },
    async (request, reply) => withEtag(reply.status(201), await shortlists.create(request.actor!, request.body)),
  );

  app.get(
    '/api/v1/shortlists/:id',
    { preHandler: app.identify, schema: { tags, summary: 'A round with criteria, reviewers’ progress and entries', params: IdParams, response: { 200: S.RoundDetail, ...problemResponses } } },
    async (request, reply) => withEtag(reply, await shortlists.get(request.actor, request.params.id)),
  );

  app.patch(
    '/api/v1/shortlists/:id',
    { preHandler: app.authenticate, schema: { tags, summary: 'Change the setup while collecting (If-Match required)', security: bearer, params: IdParams, body: S.UpdateRoundBody, response: { 200: S.RoundDetail, ...problemResponses } } },
    async (request, reply) => withEtag(reply, await shortlists.update(request.actor!, request.params.id, expectedVersion(request), request.body)),
  );

  app.post(
    '/api/v1/shortlists/:id/status',
    { preHandler: app.authenticate, schema: { tags, summary: 'Move the round forward: collecting → reviewing → decided → published', security: bearer, params: IdParams, body: S.StatusBody, response: { 200: S.RoundDetail, ...problemResponses } } },
    async (request, reply) => withEtag(reply, await shortlists.changeStatus(request.actor!, request.params.id, request.body.status)),
  );

  app.post(
    '/api/v1/shortlists/:id/entries',
    { preHandler: app.authenticate, config: { rateLimit }, schema: { tags, summary: 'Submit an idea (its editors) or add one (the council)', security: bearer, params: IdParams, body: S.AddEntryBody, response: { 201: S.Entry, ...problemResponses } } },
    async (request, reply) => reply.status(201).send(await shortlists.addEntry(request.actor!, request.params.id, request.body.ideaId)),
  );

  app.delete(
    '/api/v1/shortlists/:id/entries/:entryId',
    { preHandler: app.authenticate, schema: { tags, summary: 'Withdraw or remove an entry while collecting', security: bearer, params: S.EntryParams, response: { ...noContent, ...problemResponses } } },
    async (request, reply) => {
      await shortlists.removeEntry(request.actor!, request.params.id, request.params.entryId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/shortlists/:id/suggestions',
    { preHandler: app.authenticate, schema: { tags, summary: 'Ideas strongly matching the linked plans that are not entries yet', security: bearer, params: IdParams, response: { 200: S.Suggestions, ...problemResponses } } },
    async (request) => shortlists.suggestions(request.actor!, request.params.id),
  );

  app.get(
    '/api/v1/shortlists/:id/coverage',
    { preHandler: app.identify, schema: { tags, summary: 'Entries per priority of the linked plans', params: IdParams, response: { 200: S.Coverage, ...problemResponses } } },
    async (request) => shortlists.coverage(request.actor, request.params.id),
  );

  app.put(
    '/api/v1/shortlists/:id/entries/:entryId/review',
    { preHandler: app.authenticate, schema: { tags, summary: "Submit the caller's scores for every criterion (reviewers)", security: bearer, params: S.EntryParams, body: S.ReviewBody, response: { 200: S.EntryReviews, ...problemResponses } } },
    async (request) => shortlists.submitReview(request.actor!, request.params.id, request.params.entryId, request.body),
  );

  app.get(
    '/api/v1/shortlists/:id/entries/:entryId/reviews',
    { preHandler: app.authenticate, schema: { tags, summary: 'Submitted reviews of an entry (blind mode hides others’ until the caller submits)', security: bearer, params: S.EntryParams, response: { 200: S.EntryReviews, ...problemResponses } } },
    async (request) => shortlists.reviews(request.actor!, request.params.id, request.params.entryId),
  );

  app.put(
    '/api/v1/shortlists/:id/entries/:entryId/conflict',
    { preHandler: app.authenticate, schema: { tags, summary: 'Declare a conflict of interest (the reviewer cannot score the entry)', security: bearer, params: S.EntryParams, body: S.ConflictBody, response: { 200: S.Entry, ...problemResponses } } },
    async (request) => shortlists.declareConflict(request.actor!, request.params.id, request.params.entryId, request.body.note ?? ''),
  );

  app.delete(
    '/api/v1/shortlists/:id/entries/:entryId/conflict',
    { preHandler: app.authenticate, schema: { tags, summary: 'Withdraw a declared conflict of interest', security: bearer, params: S.EntryParams, response: { 200: S.Entry, ...problemResponses } } },
    async (request) => shortlists.withdrawConflict(request.actor!, request.params.id, request.params.entryId),
  );

  app.get(
    '/api/v1/shortlists/:id/ranking',
    { preHandler: app.authenticate, schema: { tags, summary: 'Weighted ranking with disagreement flags and ties', security: bearer, params: IdParams, response: { 200: S.Ranking, ...problemResponses } } },
    async (request) => shortlists.ranking(request.actor!, request.params.id),
  );

  app.put(
    '/api/v1/shortlists/:id/tie-break',
    { preHandler: app.authenticate, schema: { tags, summary: 'Order the entries of one tie (best first)', security: bearer, params: IdParams, body: S.TieBreakBody, response: { 200: S.Ranking, ...problemResponses } } },
    async (request) => shortlists.breakTie(request.actor!, request.params.id, request.body.entryIds),
  );

  app.post(
    '/api/v1/shortlists/:id/entries/:entryId/decision',
    { preHandler: app.authenticate, schema: { tags, summary: 'Shortlist, reject or defer an entry (reason required unless shortlisted)', security: bearer, params: S.EntryParams, body: S.DecisionBody, response: { 200: S.Entry, ...problemResponses } } },
    async (request) => shortlists.decide(request.actor!, request.params.id, request.params.entryId, request.body),
  );

  app.get(
    '/api/v1/shortlists/:id/report',
    { preHandler: app.identify, schema: { tags, summary: 'The report: public once published, a preview for council members before', params: IdParams, response: { 200: S.Report, ...problemResponses } } },
    async (request) => shortlists.report(request.actor, request.params.id),
  );

  app.get(
    '/api/v1/shortlists/:id/export',
    { preHandler: app.identify, schema: { tags, summary: 'The report as PDF, DOCX, Markdown or CSV', params: IdParams, querystring: S.ExportQuery } },
    async (request, reply) => {
      const file = await shortlists.exportReport(request.actor, request.params.id, request.query.format, request.query.lang ?? 'en');
      return reply.header('content-type', file.mediaType).header('content-disposition', file.disposition).header('cache-control', 'private, no-store').send(file.body);
    },
  );
}
