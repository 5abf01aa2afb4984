import { randomUUID } from 'node:crypto';
import type { Db } from '@partnera/db';
import { eikCheckDigit, type App } from '@partnera/server';

export const uniqueEmail = (label = 'user') => `${label}-${randomUUID().slice(0, 12)}@example.test`;

/** A valid, unique-enough Bulgarian EIK (9 digits with its check digit). */
export function uniqueEik(): string {
  const first8 = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  return first8 + String(eikCheckDigit(first8));
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
  /** The refresh cookie value. */
  refresh: string;
  auth: { authorization: string };
}

export function refreshCookieOf(headers: Record<string, unknown>): string {
  const raw = headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : [raw];
  const cookie = list.find((c) => typeof c === 'string' && c.startsWith('partnera_refresh='));
  return cookie ? String(cookie).split(';')[0]!.slice('partnera_refresh='.length) : '';
}

export async function registerUser(app: App, overrides: { email?: string; displayName?: string } = {}): Promise<TestUser> {
  const email = overrides.email ?? uniqueEmail();
  const password = 'correct horse battery';
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, password, displayName: overrides.displayName ?? 'Test Person' },
  });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { accessToken: string; user: { id: string } };
  return {
    id: body.user.id,
    email,
    password,
    token: body.accessToken,
    refresh: refreshCookieOf(res.headers),
    auth: { authorization: `Bearer ${body.accessToken}` },
  };
}

export async function makePlatformRole(db: Db, userId: string, role: 'admin' | 'moderator') {
  await db.updateTable('users').set({ platform_role: role }).where('id', '=', userId).execute();
}

export async function createOrganisation(app: App, user: TestUser, overrides: Record<string, unknown> = {}) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/organisations',
    headers: user.auth,
    payload: { kind: 'ngo', name: `Org ${randomUUID().slice(0, 8)}`, country: 'BG', territoryCode: 'BG-01', legalId: uniqueEik(), ...overrides },
  });
  if (res.statusCode !== 201) throw new Error(`create organisation failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number; name: string };
}

/** Adds `member` to the organisation with `role` through the real invitation flow. */
export async function addMember(app: App, owner: TestUser, orgId: string, member: TestUser, role: 'owner' | 'editor' | 'member') {
  const invite = await app.inject({
    method: 'POST',
    url: `/api/v1/organisations/${orgId}/invitations`,
    headers: owner.auth,
    payload: { email: member.email, role },
  });
  if (invite.statusCode !== 201) throw new Error(`invite failed: ${invite.statusCode} ${invite.body}`);
  const token = String(invite.json().inviteUrl).split('/').pop();
  const accept = await app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, headers: member.auth });
  if (accept.statusCode !== 200) throw new Error(`accept failed: ${accept.statusCode} ${accept.body}`);
}
