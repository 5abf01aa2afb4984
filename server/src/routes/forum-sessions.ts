import type { App } from '../app';
import { IdParams } from '../schemas/common';
import * as S from '../schemas/forum-sessions';
import { problemResponses } from '../schemas/responses';

const tags = ['forum-sessions'];
const security = [{ bearer: [] }];
const base = '/api/v1/forum-sessions';

/** Live forum sessions over HTTP; watchers get every change live through socket.io ('forum-session:watch'). */
export default async function forumSessionRoutes(app: App) {
  const { forumSessions } = app.services;
  const auth = { preHandler: app.authenticate };
  const open = { preHandler: app.identify };
  const view = { 200: S.ForumSessionView, ...problemResponses };

  app.get(
    base,
    { ...open, schema: { tags, summary: 'Upcoming (soonest first), live, or past (latest first) sessions, optionally of one category', querystring: S.SessionListQuery, response: { 200: S.ForumSessionPage, ...problemResponses } } },
    async (request) => forumSessions.list(request.query),
  );

  app.post(
    base,
    { ...auth, schema: { tags, security, summary: 'Schedule a session (moderators of the category, platform moderators, admins)', body: S.CreateSessionBody, response: { 201: S.ForumSessionView, ...problemResponses } } },
    async (request, reply) => {
      const created = await forumSessions.create(request.actor!, request.body);
      return reply.status(201).header('location', `${base}/${created.id}`).send(created);
    },
  );

  app.get(
    `${base}/:id`,
    { ...open, schema: { tags, summary: 'One session with its agenda, speaker queue and minutes', params: IdParams, response: view } },
    async (request) => forumSessions.get(request.actor, request.params.id),
  );

  app.patch(
    `${base}/:id`,
    { ...auth, schema: { tags, security, summary: 'Change a session before it starts', params: IdParams, body: S.UpdateSessionBody, response: view } },
    async (request) => forumSessions.update(request.actor!, request.params.id, request.body),
  );

  app.delete(
    `${base}/:id`,
    { ...auth, schema: { tags, security, summary: 'Cancel a session before it starts', params: IdParams, response: { 204: { type: 'null' }, ...problemResponses } } },
    async (request, reply) => {
      await forumSessions.cancel(request.actor!, request.params.id);
      return reply.status(204).send();
    },
  );

  app.put(
    `${base}/:id/pin`,
    { ...auth, schema: { tags, security, summary: 'Pin the agenda item under discussion (null: none)', params: IdParams, body: S.PinBody, response: view } },
    async (request) => forumSessions.pin(request.actor!, request.params.id, request.body.item),
  );

  app.put(
    `${base}/:id/reminder`,
    { ...auth, schema: { tags, security, summary: 'Notify me when the session starts (or moves, or is cancelled)', params: IdParams, response: view } },
    async (request) => forumSessions.setReminder(request.actor!, request.params.id, true),
  );

  app.delete(
    `${base}/:id/reminder`,
    { ...auth, schema: { tags, security, summary: 'Stop the reminder', params: IdParams, response: view } },
    async (request) => forumSessions.setReminder(request.actor!, request.params.id, false),
  );

  app.post(
    `${base}/:id/hand`,
    { ...auth, schema: { tags, security, summary: 'Raise my hand (join the speaker queue) in a live session', params: IdParams, response: view } },
    async (request) => forumSessions.raiseHand(request.actor!, request.params.id),
  );

  app.delete(
    `${base}/:id/hand`,
    { ...auth, schema: { tags, security, summary: 'Lower my hand', params: IdParams, response: view } },
    async (request) => forumSessions.lowerHand(request.actor!, request.params.id),
  );

  app.delete(
    `${base}/:id/queue/:userId`,
    { ...auth, schema: { tags, security, summary: 'Take someone out of the speaker queue (moderators)', params: S.QueueParams, response: view } },
    async (request) => forumSessions.removeFromQueue(request.actor!, request.params.id, request.params.userId),
  );

  app.put(
    `${base}/:id/floor`,
    { ...auth, schema: { tags, security, summary: 'Give someone the floor, or take it back with null (moderators)', params: IdParams, body: S.FloorBody, response: view } },
    async (request) => forumSessions.setFloor(request.actor!, request.params.id, request.body.userId),
  );

  app.post(
    `${base}/:id/close`,
    { ...auth, schema: { tags, security, summary: 'Close a live session; its room becomes a read-only transcript', params: IdParams, response: view } },
    async (request) => forumSessions.close(request.actor!, request.params.id),
  );

  app.put(
    `${base}/:id/minutes`,
    { ...auth, schema: { tags, security, summary: 'Write or edit the minutes (Markdown) of a closed session', params: IdParams, body: S.MinutesBody, response: view } },
    async (request) => forumSessions.setMinutes(request.actor!, request.params.id, request.body.minutes),
  );
}
