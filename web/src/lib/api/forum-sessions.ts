import type { CreateForumSessionBody, ForumSessionPage, ForumSessionView, UpdateForumSessionBody } from '@partnera/server/api-types';
import { api } from './client';

const enc = encodeURIComponent;
const base = '/forum-sessions';

export type SessionWhen = 'upcoming' | 'live' | 'past';

/** Live forum sessions: scheduling, the agenda pin, the speaker queue, closing and minutes. */
export const forumSessionsApi = {
  list: (query: { when: SessionWhen; category?: string; limit?: number; cursor?: string }, signal?: AbortSignal) =>
    api<ForumSessionPage>(base, { query, signal }),
  get: (id: string) => api<ForumSessionView>(`${base}/${enc(id)}`),
  create: (body: CreateForumSessionBody) => api<ForumSessionView>(base, { method: 'POST', body }),
  update: (id: string, body: UpdateForumSessionBody) => api<ForumSessionView>(`${base}/${enc(id)}`, { method: 'PATCH', body }),
  cancel: (id: string) => api<void>(`${base}/${enc(id)}`, { method: 'DELETE' }),
  pin: (id: string, item: number | null) => api<ForumSessionView>(`${base}/${enc(id)}/pin`, { method: 'PUT', body: { item } }),
  setReminder: (id: string, on: boolean) => api<ForumSessionView>(`${base}/${enc(id)}/reminder`, { method: on ? 'PUT' : 'DELETE' }),
  raiseHand: (id: string) => api<ForumSessionView>(`${base}/${enc(id)}/hand`, { method: 'POST' }),
  lowerHand: (id: string) => api<ForumSessionView>(`${base}/${enc(id)}/hand`, { method: 'DELETE' }),
  removeFromQueue: (id: string, userId: string) => api<ForumSessionView>(`${base}/${enc(id)}/queue/${enc(userId)}`, { method: 'DELETE' }),
  setFloor: (id: string, userId: string | null) => api<ForumSessionView>(`${base}/${enc(id)}/floor`, { method: 'PUT', body: { userId } }),
  close: (id: string) => api<ForumSessionView>(`${base}/${enc(id)}/close`, { method: 'POST' }),
  setMinutes: (id: string, minutes: string) => api<ForumSessionView>(`${base}/${enc(id)}/minutes`, { method: 'PUT', body: { minutes } }),
};
