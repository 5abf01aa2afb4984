import type { CreateEventBody, EventDetail, EventKind, EventPage, EventRegistrants, UpdateEventBody } from '@partnera/server/api-types';
import { api } from './client';

export const EVENT_KINDS: readonly EventKind[] = ['training', 'working_meeting', 'forum', 'conference', 'round_table'];

/** Limits from server/src/schemas/events.ts; the form enforces them before sending. */
export const EVENT_LIMITS = { titleMin: 3, titleMax: 200, descriptionMax: 20_000, minutesMax: 50_000, agendaItems: 40, agendaTitleMax: 300, addressMax: 500, urlMax: 1000, capacityMax: 100_000 } as const;

export interface EventFilters {
  when?: 'upcoming' | 'past';
  kind?: string;
  country?: string;
  region?: string;
  municipality?: string;
  organisation?: string;
  idea?: string;
  q?: string;
  mine?: boolean;
  limit?: number;
  cursor?: string;
}

const enc = encodeURIComponent;
const path = (id: string) => `/events/${enc(id)}`;

export const eventsApi = {
  list: (filters: EventFilters, signal?: AbortSignal) => api<EventPage>('/events', { query: { ...filters, mine: filters.mine || undefined }, signal }),
  get: (id: string) => api<EventDetail>(path(id)),
  create: (body: CreateEventBody) => api<EventDetail>('/events', { method: 'POST', body }),
  update: (id: string, version: number, body: UpdateEventBody) => api<EventDetail>(path(id), { method: 'PATCH', body, headers: { 'if-match': `"${version}"` } }),
  publish: (id: string) => api<EventDetail>(`${path(id)}/publish`, { method: 'POST' }),
  cancel: (id: string, reason: string) => api<EventDetail>(`${path(id)}/cancel`, { method: 'POST', body: reason ? { reason } : {} }),
  register: (id: string, organisationId: string | null) => api<EventDetail>(`${path(id)}/registration`, { method: 'PUT', body: organisationId ? { organisationId } : {} }),
  unregister: (id: string) => api<EventDetail>(`${path(id)}/registration`, { method: 'DELETE' }),
  registrants: (id: string) => api<EventRegistrants>(`${path(id)}/registrations`),
  attendance: (id: string, items: Array<{ userId: string; attended: boolean | null }>) => api<EventRegistrants>(`${path(id)}/attendance`, { method: 'PUT', body: { items } }),
  minutes: (id: string, minutes: string) => api<EventDetail>(`${path(id)}/minutes`, { method: 'PUT', body: { minutes } }),
  linkIdea: (id: string, ideaId: string) => api<EventDetail>(`${path(id)}/ideas`, { method: 'POST', body: { ideaId } }),
  unlinkIdea: (id: string, ideaId: string) => api<EventDetail>(`${path(id)}/ideas/${enc(ideaId)}`, { method: 'DELETE' }),
  /** A plain link: calendar apps and browsers fetch it without the app's token (published events are public). */
  icsUrl: (id: string) => `/api/v1/events/${enc(id)}.ics`,
  feedUrl: (organisationId?: string) => `/api/v1/events.ics${organisationId ? `?organisation=${enc(organisationId)}` : ''}`,
};
