import type { App } from '../app';
import { MarkReadBody, NotificationPage, NotificationQuery, UnreadCount } from '../schemas/notifications';
import { problemResponses } from '../schemas/responses';
import type { Notification } from '@partnera/db';

const schemaBase = { tags: ['notifications'], security: [{ bearer: [] }] };

/** Also used by the socket.io gateway for live notifications. */
export const toDto = (n: Notification) => ({
  id: n.id,
  kind: n.kind,
  data: n.data,
  link: n.link,
  readAt: n.read_at?.toISOString() ?? null,
  createdAt: n.created_at.toISOString(),
});

export default async function notificationRoutes(app: App) {
  const { notifications } = app.services;

  app.get(
    '/api/v1/notifications',
    { preHandler: app.authenticate, schema: { ...schemaBase, summary: 'My notifications, newest first', querystring: NotificationQuery, response: { 200: NotificationPage, ...problemResponses } } },
    async (request) => {
      const page = await notifications.list(request.actor!.userId, request.query.limit ?? 20, request.query.cursor);
      return { ...page, items: page.items.map(toDto) };
    },
  );

  app.get(
    '/api/v1/notifications/unread-count',
    { preHandler: app.authenticate, schema: { ...schemaBase, summary: 'How many are unread', response: { 200: UnreadCount, ...problemResponses } } },
    async (request) => ({ unread: await notifications.unreadCount(request.actor!.userId) }),
  );

  app.post(
    '/api/v1/notifications/read',
    { preHandler: app.authenticate, schema: { ...schemaBase, summary: 'Mark some (ids) or all as read', body: MarkReadBody, response: { 200: UnreadCount, ...problemResponses } } },
    async (request) => ({ unread: await notifications.markRead(request.actor!.userId, request.body.ids) }),
  );
}
