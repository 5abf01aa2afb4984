import { randomUUID } from 'node:crypto';
import type { App } from '@partnera/server';
import type { EventDetail } from '@partnera/server/api-types';
import type { TestUser } from './factories';

/** A wall-clock time in UTC, `hours` from now, as the event form sends it ("YYYY-MM-DDTHH:MM"). */
export const wallUtc = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString().slice(0, 16);

export function eventBody(organisationIds: string[], overrides: Record<string, unknown> = {}) {
  return {
    organisationIds,
    title: `Working meeting ${randomUUID().slice(0, 8)}`,
    description: 'We plan the **next call** together.',
    kind: 'working_meeting',
    startsAt: wallUtc(48),
    endsAt: wallUtc(50),
    timeZone: 'UTC',
    placeAddress: 'Town hall, room 2',
    municipalityCode: 'BG-15-09',
    language: 'en',
    ...overrides,
  };
}

export async function createEvent(app: App, user: TestUser, organisationIds: string[], overrides: Record<string, unknown> = {}): Promise<EventDetail> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/events', headers: user.auth, payload: eventBody(organisationIds, overrides) });
  if (res.statusCode !== 201) throw new Error(`create event failed: ${res.statusCode} ${res.body}`);
  return res.json<EventDetail>();
}

/** A published event, created by an owner or editor of the first organisation. */
export async function publishedEvent(app: App, user: TestUser, organisationIds: string[], overrides: Record<string, unknown> = {}): Promise<EventDetail> {
  const event = await createEvent(app, user, organisationIds, overrides);
  const res = await app.inject({ method: 'POST', url: `/api/v1/events/${event.id}/publish`, headers: user.auth });
  if (res.statusCode !== 200) throw new Error(`publish failed: ${res.statusCode} ${res.body}`);
  return res.json<EventDetail>();
}
