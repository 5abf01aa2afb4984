import type { FastifyReply } from 'fastify';
import type { App } from '../app';
import { IdParams } from '../schemas/common';
import * as S from '../schemas/events';
import { problemResponses } from '../schemas/responses';
import { expectedVersion, withEtag } from './if-match';

const tags = ['events'];
const security = [{ bearer: [] }];

/** RFC 6266: an ASCII `filename` and the real title as `filename*` (RFC 5987 attr-chars only). */
function sendCalendar(reply: FastifyReply, file: { filename: string; title?: string; body: string }) {
  const utf8Name = `${file.title ?? file.filename.replace(/\.ics$/, '')}.ics`;
  return reply
    .header('content-type', 'text/calendar; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(utf8Name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`)
    .header('cache-control', 'private, max-age=60')
    .header('x-content-type-options', 'nosniff')
    .send(file.body);
}

/** Events and working meetings over HTTP: list, details, organising, registration and calendars. */
export default async function eventRoutes(app: App) {
  const { events } = app.services;
  const auth = { preHandler: app.authenticate };
  const open = { preHandler: app.identify };
  const rateLimit = { max: app.config.postRateLimit, timeWindow: '1 minute' };

  app.get(
    '/api/v1/events',
    { ...open, schema: { tags, summary: 'Events: upcoming (soonest first) or past (latest first), with filters', querystring: S.EventListQuery, response: { 200: S.EventPage, ...problemResponses } } },
    async (request) => events.list(request.actor, request.query),
  );

  // Static path: registered before the parametric one so the feed never reads as an id.
  app.get(
    '/api/v1/events.ics',
    { schema: { tags, summary: 'iCalendar feed of published events that have not ended (optionally of one organisation)', querystring: S.FeedQuery } },
    async (request, reply) => sendCalendar(reply, await events.feed(request.query.organisation)),
  );

  app.post(
    '/api/v1/events',
    { ...auth, config: { rateLimit }, schema: { tags, security, summary: 'Create an event (a draft) for my organisation', body: S.CreateEventBody, response: { 201: S.EventDetail, ...problemResponses } } },
    async (request, reply) => {
      const created = await events.create(request.actor!, request.body);
      return withEtag(reply.status(201).header('location', `/api/v1/events/${created.id}`), created);
    },
  );

  app.get(
    '/api/v1/events/:id',
    { ...open, schema: { tags, summary: 'One event, with my registration', params: IdParams, response: { 200: S.EventDetail, ...problemResponses } } },
    async (request, reply) => withEtag(reply, await events.get(request.actor, request.params.id)),
  );

  for (const url of ['/api/v1/events/:id.ics', '/api/v1/events/:id/ical']) {
    app.get(
      url,
      { ...open, schema: { tags, summary: 'One event as an iCalendar file', params: IdParams } },
      async (request, reply) => sendCalendar(reply, await events.calendar(request.actor, request.params.id)),
    );
  }

  app.patch(
    '/api/v1/events/:id',
    { ...auth, schema: { tags, security, summary: 'Change an event (organisers; send If-Match)', params: IdParams, body: S.UpdateEventBody, response: { 200: S.EventDetail, ...problemResponses } } },
    async (request, reply) => withEtag(reply, await events.update(request.actor!, request.params.id, expectedVersion(request), request.body)),
  );

  app.post(
    '/api/v1/events/:id/publish',
    { ...auth, schema: { tags, security, summary: 'Publish a draft event (organisers)', params: IdParams, response: { 200: S.EventDetail, ...problemResponses } } },
    async (request, reply) => withEtag(reply, await events.publish(request.actor!, request.params.id)),
  );

  app.post(
    '/api/v1/events/:id/cancel',
    { ...auth, schema: { tags, security, summary: 'Cancel an event and tell everyone registered (organisers)', params: IdParams, body: S.CancelEventBody, response: { 200: S.EventDetail, ...problemResponses } } },
    async (request, reply) => withEtag(reply, await events.cancel(request.actor!, request.params.id, request.body.reason)),
  );

  app.put(
    '/api/v1/events/:id/registration',
    {
      ...auth,
      // The body is optional (registering for oneself): a bare PUT counts as {}.
      preValidation: async (request) => {
        request.body ??= {};
      },
      config: { rateLimit },
      schema: { tags, security, summary: 'Register (or join the waiting list when full); repeating it changes nothing', params: IdParams, body: S.RegisterBody, response: { 200: S.EventDetail, ...problemResponses } },
    },
    async (request, reply) => withEtag(reply, await events.register(request.actor!, request.params.id, request.body)),
  );

  app.delete(
    '/api/v1/events/:id/registration',
    { ...auth, schema: { tags, security, summary: 'Cancel my registration; the first person waiting takes the place', params: IdParams, response: { 200: S.EventDetail, ...problemResponses } } },
    async (request, reply) => withEtag(reply, await events.unregister(request.actor!, request.params.id)),
  );

  app.get(
    '/api/v1/events/:id/registrations',
    { ...auth, schema: { tags, security, summary: 'Registrants and the waiting list (organisers)', params: IdParams, response: { 200: S.Registrants, ...problemResponses } } },
    async (request) => events.registrants(request.actor!, request.params.id),
  );

  app.put(
    '/api/v1/events/:id/attendance',
    { ...auth, schema: { tags, security, summary: 'Mark who attended, once the event has started (organisers)', params: IdParams, body: S.AttendanceBody, response: { 200: S.Registrants, ...problemResponses } } },
    async (request) => events.attendance(request.actor!, request.params.id, request.body),
  );

  app.put(
    '/api/v1/events/:id/minutes',
    { ...auth, schema: { tags, security, summary: 'Write the minutes (Markdown), once the event has started (organisers)', params: IdParams, body: S.MinutesBody, response: { 200: S.EventDetail, ...problemResponses } } },
    async (request, reply) => withEtag(reply, await events.setMinutes(request.actor!, request.params.id, request.body)),
  );

  app.post(
    '/api/v1/events/:id/ideas',
    { ...auth, schema: { tags, security, summary: 'Link a published idea to the event (organisers)', params: IdParams, body: S.LinkIdeaBody, response: { 200: S.EventDetail, ...problemResponses } } },
    async (request, reply) => withEtag(reply, await events.linkIdea(request.actor!, request.params.id, request.body.ideaId)),
  );

  app.delete(
    '/api/v1/events/:id/ideas/:ideaId',
    { ...auth, schema: { tags, security, summary: 'Unlink an idea from the event (organisers)', params: S.EventIdeaParams, response: { 200: S.EventDetail, ...problemResponses } } },
    async (request, reply) => withEtag(reply, await events.unlinkIdea(request.actor!, request.params.id, request.params.ideaId)),
  );
}
