import type { Message, MessagePage, Mute, PageOf, ReadMarker, Room, RoomMember, RoomUnread } from '@partnera/server/api-types';
import { api } from './client';

const base = (id: string) => `/rooms/${encodeURIComponent(id)}`;

/** Discussion rooms over REST; sending, typing and presence go through the socket (lib/realtime). */
export const roomsApi = {
  listMine: (query: { limit?: number; cursor?: string } = {}) => api<PageOf<Room>>('/rooms', { query }),
  unreadCount: () => api<RoomUnread>('/rooms/unread-count'),
  get: (id: string) => api<Room>(base(id)),
  join: (id: string) => api<Room>(`${base(id)}/join`, { method: 'POST' }),
  leave: (id: string) => api<void>(`${base(id)}/leave`, { method: 'POST' }),
  members: (id: string) => api<{ items: RoomMember[] }>(`${base(id)}/members`),
  history: (id: string, query: { before?: number; after?: number; limit?: number }) => api<MessagePage>(`${base(id)}/messages`, { query }),
  hide: (id: string, messageId: string, hidden: boolean) =>
    api<Message>(`${base(id)}/messages/${encodeURIComponent(messageId)}/hide`, { method: 'POST', body: { hidden } }),
  mute: (id: string, userId: string, minutes: number | null) =>
    api<Mute>(`${base(id)}/mutes/${encodeURIComponent(userId)}`, { method: 'PUT', body: { minutes } }),
  unmute: (id: string, userId: string) => api<void>(`${base(id)}/mutes/${encodeURIComponent(userId)}`, { method: 'DELETE' }),
  markRead: (id: string, seq: number) => api<ReadMarker>(`${base(id)}/read`, { method: 'POST', body: { seq } }),
  openDirect: (userId: string) => api<Room>('/rooms', { method: 'POST', body: { kind: 'direct', memberIds: [userId] } }),
};
