import type { App } from '../app';
import { IdParams } from '../schemas/common';
import { problemResponses } from '../schemas/responses';
import * as S from '../schemas/rooms';

const tags = ['rooms'];
const security = [{ bearer: [] }];
const NoContent = { 204: { type: 'null' } } as const;

/** Discussion rooms over HTTP; the live side (send, typing, presence, catch-up) is the socket.io gateway. */
export default async function roomRoutes(app: App) {
  const { rooms, roomMessages } = app.services;
  const auth = { preHandler: app.authenticate };
  const rateLimit = { max: app.config.postRateLimit, timeWindow: '1 minute' };

  app.post(
    '/api/v1/rooms',
    { ...auth, config: { rateLimit }, schema: { tags, security, summary: 'Open a forum session room (moderators) or a direct room with one person', body: S.CreateRoomBody, response: { 200: S.Room, 201: S.Room, ...problemResponses } } },
    async (request, reply) => {
      const { room, created } = await rooms.create(request.actor!, request.body);
      return reply.status(created ? 201 : 200).header('location', `/api/v1/rooms/${room.id}`).send(room);
    },
  );

  app.get(
    '/api/v1/rooms',
    { ...auth, schema: { tags, security, summary: 'My rooms, most recently active first, with unread counts', querystring: S.RoomListQuery, response: { 200: S.RoomPage, ...problemResponses } } },
    async (request) => rooms.listMine(request.actor!, request.query.limit ?? 20, request.query.cursor),
  );

  app.get(
    '/api/v1/rooms/unread-count',
    { ...auth, schema: { tags, security, summary: 'How many of my rooms have unread messages, and how many messages', response: { 200: S.RoomUnread, ...problemResponses } } },
    async (request) => rooms.unreadSummary(request.actor!),
  );

  app.get(
    '/api/v1/rooms/:id',
    { ...auth, schema: { tags, security, summary: 'One room', params: IdParams, response: { 200: S.Room, ...problemResponses } } },
    async (request) => rooms.get(request.actor!, request.params.id),
  );

  app.patch(
    '/api/v1/rooms/:id',
    { ...auth, schema: { tags, security, summary: 'Change title or visibility (hosts)', params: IdParams, body: S.UpdateRoomBody, response: { 200: S.Room, ...problemResponses } } },
    async (request) => rooms.update(request.actor!, request.params.id, request.body),
  );

  app.post(
    '/api/v1/rooms/:id/join',
    { ...auth, schema: { tags, security, summary: 'Become a member of a public room', params: IdParams, response: { 200: S.Room, ...problemResponses } } },
    async (request) => rooms.join(request.actor!, request.params.id),
  );

  app.post(
    '/api/v1/rooms/:id/leave',
    { ...auth, schema: { tags, security, summary: 'Stop being a member', params: IdParams, response: { ...NoContent, ...problemResponses } } },
    async (request, reply) => {
      await rooms.leave(request.actor!, request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/rooms/:id/members',
    { ...auth, schema: { tags, security, summary: 'Members, hosts first', params: IdParams, response: { 200: S.RoomMemberList, ...problemResponses } } },
    async (request) => ({ items: await rooms.members(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/v1/rooms/:id/members',
    { ...auth, config: { rateLimit }, schema: { tags, security, summary: 'Add a person (hosts)', params: IdParams, body: S.AddRoomMemberBody, response: { 201: S.RoomMember, ...problemResponses } } },
    async (request, reply) => reply.status(201).send(await rooms.addMember(request.actor!, request.params.id, request.body.userId, request.body.role ?? 'member')),
  );

  app.patch(
    '/api/v1/rooms/:id/members/:userId',
    { ...auth, schema: { tags, security, summary: "Change a member's role (hosts)", params: S.RoomMemberParams, body: S.ChangeRoomRoleBody, response: { 200: S.RoomMember, ...problemResponses } } },
    async (request) => rooms.changeRole(request.actor!, request.params.id, request.params.userId, request.body.role),
  );

  app.delete(
    '/api/v1/rooms/:id/members/:userId',
    { ...auth, schema: { tags, security, summary: 'Remove a member (hosts), or yourself', params: S.RoomMemberParams, response: { ...NoContent, ...problemResponses } } },
    async (request, reply) => {
      await rooms.removeMember(request.actor!, request.params.id, request.params.userId);
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/v1/rooms/:id/mutes/:userId',
    { ...auth, schema: { tags, security, summary: 'Mute a person in the room for some minutes, or until lifted (hosts, moderators)', params: S.RoomMemberParams, body: S.MuteBody, response: { 200: S.Mute, ...problemResponses } } },
    async (request) => rooms.mute(request.actor!, request.params.id, request.params.userId, request.body.minutes ?? null),
  );

  app.delete(
    '/api/v1/rooms/:id/mutes/:userId',
    { ...auth, schema: { tags, security, summary: 'Lift a mute (hosts, moderators)', params: S.RoomMemberParams, response: { ...NoContent, ...problemResponses } } },
    async (request, reply) => {
      await rooms.unmute(request.actor!, request.params.id, request.params.userId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/rooms/:id/messages',
    { ...auth, schema: { tags, security, summary: 'History: the page before a sequence number (newest without), or after one', params: IdParams, querystring: S.HistoryQuery, response: { 200: S.MessagePage, ...problemResponses } } },
    async (request) => roomMessages.history(request.actor!, request.params.id, request.query),
  );

  app.post(
    '/api/v1/rooms/:id/messages',
    { ...auth, schema: { tags, security, summary: 'Send a message (resending the same clientId returns the stored one with 200)', params: IdParams, body: S.SendMessageBody, response: { 200: S.Message, 201: S.Message, ...problemResponses } } },
    async (request, reply) => {
      const { message, replayed } = await roomMessages.send(request.actor!, request.params.id, request.body);
      return reply.status(replayed ? 200 : 201).send(message);
    },
  );

  app.patch(
    '/api/v1/rooms/:id/messages/:messageId',
    { ...auth, schema: { tags, security, summary: 'Edit your message', params: S.MessageParams, body: S.EditMessageBody, response: { 200: S.Message, ...problemResponses } } },
    async (request) => roomMessages.edit(request.actor!, request.params.messageId, request.body.body, request.params.id),
  );

  app.delete(
    '/api/v1/rooms/:id/messages/:messageId',
    { ...auth, schema: { tags, security, summary: 'Delete your message (its place stays, marked deleted)', params: S.MessageParams, response: { 200: S.Message, ...problemResponses } } },
    async (request) => roomMessages.delete(request.actor!, request.params.messageId, request.params.id),
  );

  app.post(
    '/api/v1/rooms/:id/messages/:messageId/hide',
    { ...auth, schema: { tags, security, summary: 'Hide or show a message for everyone (hosts, moderators)', params: S.MessageParams, body: S.HideMessageBody, response: { 200: S.Message, ...problemResponses } } },
    async (request) => roomMessages.setHidden(request.actor!, request.params.id, request.params.messageId, request.body.hidden),
  );

  app.post(
    '/api/v1/rooms/:id/read',
    { ...auth, schema: { tags, security, summary: 'Mark messages up to a sequence number read', params: IdParams, body: S.ReadBody, response: { 200: S.ReadMarker, ...problemResponses } } },
    async (request) => roomMessages.markRead(request.actor!, request.params.id, request.body.seq),
  );
}
