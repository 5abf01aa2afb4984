import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, Timestamp, Uuid } from './common';

export const Notification = Type.Object({
  id: Uuid,
  kind: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
  link: Type.Union([Type.String(), Type.Null()]),
  readAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
});
export type Notification = Static<typeof Notification>;

export const NotificationQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export const NotificationPage = Type.Object({
  items: Type.Array(Notification),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  unread: Type.Integer(),
});
export const UnreadCount = Type.Object({ unread: Type.Integer() });
export const MarkReadBody = Type.Object(
  { ids: Type.Optional(Type.Array(Uuid, { maxItems: 200 })) },
  { additionalProperties: false },
);
