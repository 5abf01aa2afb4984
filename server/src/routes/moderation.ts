import type { App } from '../app';
import { IdParams } from '../schemas/common';
import * as S from '../schemas/moderation';
import { problemResponses } from '../schemas/responses';
import { Type } from '@sinclair/typebox';
import { SlugParams } from '../schemas/forums';

const tags = ['moderation'];
const security = [{ bearer: [] }];

/** Reports, the review queue, moderators' actions, the log, appeals and suspensions. */
export default async function moderationRoutes(app: App) {
  const { moderation } = app.services;
  const auth = { preHandler: app.authenticate };
  const rateLimit = { max: app.config.postRateLimit, timeWindow: '1 minute' };

  app.get(
    '/api/v1/moderation/me',
    { ...auth, schema: { tags, security, summary: 'My moderation role and whether my account is suspended', response: { 200: S.ModerationMe, ...problemResponses } } },
    async (request) => moderation.me(request.actor!),
  );

  app.post(
    '/api/v1/reports',
    { ...auth, config: { rateLimit }, schema: { tags, security, summary: 'Report a forum post, room message or idea', body: S.ReportBody, response: { 201: S.ReportResult, ...problemResponses } } },
    async (request, reply) => reply.status(201).send(await moderation.report(request.actor!, request.body)),
  );

  app.get(
    '/api/v1/moderation/queue',
    { ...auth, schema: { tags, security, summary: 'Reported content, most reported first, then oldest (moderators)', response: { 200: S.Queue, ...problemResponses } } },
    async (request) => moderation.queue(request.actor!),
  );

  app.post(
    '/api/v1/moderation/targets/:kind/:id/actions',
    { ...auth, schema: { tags, security, summary: 'Hide, unhide, edit, delete or dismiss the reports of reported content', params: S.TargetParams, body: S.ContentActionBody, response: { 201: S.ModerationLogEntry, ...problemResponses } } },
    async (request, reply) => reply.status(201).send(await moderation.actOnContent(request.actor!, request.params.kind, request.params.id, request.body)),
  );

  app.post(
    '/api/v1/moderation/threads/:id/actions',
    { ...auth, schema: { tags, security, summary: 'Lock, unlock, pin, unpin, move or merge a thread', params: IdParams, body: S.ThreadActionBody, response: { 201: S.ModerationLogEntry, ...problemResponses } } },
    async (request, reply) => reply.status(201).send(await moderation.actOnThread(request.actor!, request.params.id, request.body)),
  );

  app.post(
    '/api/v1/moderation/users/:id/actions',
    { ...auth, schema: { tags, security, summary: 'Warn, suspend, ban or lift a suspension', params: IdParams, body: S.UserActionBody, response: { 201: S.ModerationLogEntry, ...problemResponses } } },
    async (request, reply) => reply.status(201).send(await moderation.actOnUser(request.actor!, request.params.id, request.body)),
  );

  app.get(
    '/api/v1/moderation/log',
    { ...auth, schema: { tags, security, summary: 'The moderation log, newest first (moderators)', querystring: S.LogQuery, response: { 200: S.ModerationLogPage, ...problemResponses } } },
    async (request) => moderation.log(request.actor!, request.query.limit ?? 50, request.query.cursor, request.query.targetId),
  );

  app.get(
    '/api/v1/forums/categories/:slug/moderation-summary',
    { schema: { tags, summary: 'Public summary of moderation in a category (counts per action, no names)', params: SlugParams, response: { 200: S.CategorySummary, ...problemResponses } } },
    async (request) => moderation.summary(request.params.slug),
  );

  app.get(
    '/api/v1/moderation/notices',
    { ...auth, schema: { tags, security, summary: 'Moderation decisions about my content or account', response: { 200: Type.Object({ items: Type.Array(S.ModerationLogEntry) }), ...problemResponses } } },
    async (request) => ({ items: await moderation.myNotices(request.actor!) }),
  );

  app.post(
    '/api/v1/moderation/actions/:id/appeal',
    { ...auth, config: { rateLimit }, schema: { tags, security, summary: 'Appeal a decision about my content or account (once)', params: IdParams, body: S.AppealBody, response: { 201: S.Appeal, ...problemResponses } } },
    async (request, reply) => reply.status(201).send(await moderation.appeal(request.actor!, request.params.id, request.body.text)),
  );

  app.get(
    '/api/v1/moderation/appeals',
    { ...auth, schema: { tags, security, summary: 'Open appeals (platform moderators), or mine', querystring: S.AppealQuery, response: { 200: S.AppealList, ...problemResponses } } },
    async (request) => ({ items: await moderation.appeals(request.actor!, request.query.mine ?? false) }),
  );

  app.post(
    '/api/v1/moderation/appeals/:id/resolve',
    { ...auth, schema: { tags, security, summary: 'Uphold or reverse the appealed decision', params: IdParams, body: S.ResolveAppealBody, response: { 200: S.Appeal, ...problemResponses } } },
    async (request) => moderation.resolveAppeal(request.actor!, request.params.id, request.body),
  );

  app.get(
    '/api/v1/moderation/suspensions',
    { ...auth, schema: { tags, security, summary: 'Accounts suspended or banned now (platform moderators)', response: { 200: S.SuspensionList, ...problemResponses } } },
    async (request) => ({ items: await moderation.suspensions(request.actor!) }),
  );
}
