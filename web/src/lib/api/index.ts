import type {
  Country,
  CreateOrganisationBody,
  Invitation,
  InvitationCreated,
  InvitationPreview,
  Locale,
  Me,
  Member,
  MemberRole,
  NotificationPage,
  Organisation,
  PageOf,
  Session,
  Territory,
  UpdateOrganisationBody,
} from '@partnera/server/api-types';
import { api, request } from './client';

export { ApiError, refreshSession, setAccessToken, onSessionRefreshed } from './client';

export type OrganisationKind = Organisation['kind'];
export type VerificationStatus = Organisation['verification']['status'];
export const ORGANISATION_KINDS: readonly OrganisationKind[] = ['ngo', 'municipality', 'regional_council', 'other'];
export const COUNTRIES: readonly Country[] = ['BG', 'AL', 'AZ'];
export const MEMBER_ROLES: readonly MemberRole[] = ['owner', 'editor', 'member'];
export const VERIFICATION_STATUSES: readonly VerificationStatus[] = ['unverified', 'pending', 'verified', 'rejected'];

export const authApi = {
  register: (body: { email: string; password: string; displayName: string; locale?: Locale }) =>
    api<Session>('/auth/register', { method: 'POST', body }),
  login: (body: { email: string; password: string }) => api<Session>('/auth/login', { method: 'POST', body }),
  logout: () => api<void>('/auth/logout', { method: 'POST' }),
};

export const meApi = {
  get: () => api<Me>('/me'),
  update: (body: { displayName?: string; locale?: Locale }) => api<Me>('/me', { method: 'PATCH', body }),
  changePassword: (body: { currentPassword: string; newPassword: string }) =>
    api<void>('/me/password', { method: 'POST', body }),
};

const territoryCache = new Map<string, Promise<Territory[]>>();

export const territoriesApi = {
  /** Regions of a country or children of a territory; cached for the page's lifetime (the list rarely changes). */
  list(query: { country?: Country; level?: 'country' | 'region' | 'municipality'; parent?: string }) {
    const key = JSON.stringify(query);
    let hit = territoryCache.get(key);
    if (!hit) {
      hit = api<{ items: Territory[] }>('/territories', { query }).then((r) => r.items);
      hit.catch(() => territoryCache.delete(key));
      territoryCache.set(key, hit);
    }
    return hit;
  },
};

export interface OrganisationFilters {
  kind?: string;
  country?: string;
  region?: string;
  municipality?: string;
  verification?: string;
  q?: string;
  mine?: boolean;
  limit?: number;
  cursor?: string;
}

export const organisationsApi = {
  list: (filters: OrganisationFilters, signal?: AbortSignal) =>
    api<PageOf<Organisation>>('/organisations', { query: { ...filters, mine: filters.mine || undefined }, signal }),
  get: (id: string) => api<Organisation>(`/organisations/${encodeURIComponent(id)}`),
  create: (body: CreateOrganisationBody) => api<Organisation>('/organisations', { method: 'POST', body }),
  update: (id: string, version: number, body: UpdateOrganisationBody) =>
    api<Organisation>(`/organisations/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body,
      headers: { 'if-match': `"${version}"` },
    }),
  requestVerification: (id: string) =>
    api<Organisation>(`/organisations/${encodeURIComponent(id)}/verification-request`, { method: 'POST' }),
  members: (id: string) =>
    api<{ items: Member[] }>(`/organisations/${encodeURIComponent(id)}/members`).then((r) => r.items),
  changeRole: (id: string, userId: string, role: MemberRole) =>
    api<Member>(`/organisations/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`, {
      method: 'PATCH',
      body: { role },
    }),
  removeMember: (id: string, userId: string) =>
    api<void>(`/organisations/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`, {
      method: 'DELETE',
    }),
  invitations: (id: string) =>
    api<{ items: Invitation[] }>(`/organisations/${encodeURIComponent(id)}/invitations`).then((r) => r.items),
  invite: (id: string, body: { email: string; role: MemberRole }) =>
    api<InvitationCreated>(`/organisations/${encodeURIComponent(id)}/invitations`, { method: 'POST', body }),
  revokeInvitation: (id: string, invitationId: string) =>
    api<void>(`/organisations/${encodeURIComponent(id)}/invitations/${encodeURIComponent(invitationId)}`, {
      method: 'DELETE',
    }),
};

export const invitationsApi = {
  preview: (token: string) => api<InvitationPreview>(`/invitations/${encodeURIComponent(token)}`),
  accept: (token: string) =>
    api<{ organisationId: string; role: MemberRole }>(`/invitations/${encodeURIComponent(token)}/accept`, {
      method: 'POST',
    }),
};

export const adminApi = {
  verificationQueue: () => api<{ items: Organisation[] }>('/admin/verification-queue').then((r) => r.items),
  decide: (id: string, body: { decision: 'verified' | 'rejected'; reason?: string }) =>
    api<Organisation>(`/admin/organisations/${encodeURIComponent(id)}/verification`, { method: 'POST', body }),
};

export const notificationsApi = {
  list: (query: { limit?: number; cursor?: string } = {}) => api<NotificationPage>('/notifications', { query }),
  unreadCount: () => api<{ unread: number }>('/notifications/unread-count'),
  markRead: (ids?: string[]) =>
    api<{ unread: number }>('/notifications/read', { method: 'POST', body: ids ? { ids } : {} }),
};

/** Raw access for callers that need response headers. */
export { request };
