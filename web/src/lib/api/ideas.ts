import type {
  CreateIdeaBody,
  IdeaDetail,
  IdeaStatus,
  IdeaSummary,
  MeasureLink,
  PageOf,
  Theme,
  UpdateIdeaBody,
} from '@partnera/server/api-types';
import { api } from './client';

export const IDEA_STATUSES: readonly IdeaStatus[] = ['draft', 'published', 'archived'];

/** Limits from server/src/schemas/ideas.ts; the form shows them as counters. */
export const IDEA_LIMITS = {
  titleMin: 5,
  titleMax: 200,
  summaryMax: 2000,
  problemMax: 4000,
  overallObjectiveMax: 1000,
  specificObjectives: { items: 10, chars: 500 },
  targetGroups: { items: 10, chars: 200 },
  expectedResults: { items: 15, chars: 500 },
  mainActivities: { items: 20, chars: 500 },
  places: 20,
  partners: 10,
  partnerRoleMax: 300,
  themes: 5,
  durationMin: 1,
  durationMax: 120,
  noteMax: 1000,
} as const;

export interface IdeaFilters {
  country?: string;
  region?: string;
  municipality?: string;
  theme?: string[];
  status?: string;
  organisation?: string;
  year?: number;
  q?: string;
  mine?: boolean;
  limit?: number;
  cursor?: string;
}

const ideaPath = (id: string) => `/ideas/${encodeURIComponent(id)}`;

export const ideasApi = {
  list: (filters: IdeaFilters, signal?: AbortSignal) =>
    api<PageOf<IdeaSummary>>('/ideas', { query: { ...filters, mine: filters.mine || undefined }, signal }),
  get: (id: string) => api<IdeaDetail>(ideaPath(id)),
  create: (body: CreateIdeaBody) => api<IdeaDetail>('/ideas', { method: 'POST', body }),
  update: (id: string, version: number, body: UpdateIdeaBody) =>
    api<IdeaDetail>(ideaPath(id), { method: 'PATCH', body, headers: { 'if-match': `"${version}"` } }),
  remove: (id: string) => api<void>(ideaPath(id), { method: 'DELETE' }),
  addCoauthor: (id: string, organisationId: string) =>
    api<IdeaDetail>(`${ideaPath(id)}/coauthors`, { method: 'POST', body: { organisationId } }),
  removeCoauthor: (id: string, organisationId: string) =>
    api<void>(`${ideaPath(id)}/coauthors/${encodeURIComponent(organisationId)}`, { method: 'DELETE' }),
  /** Opens (on first use) and returns the idea's discussion room. */
  room: (id: string) => api<{ roomId: string }>(`${ideaPath(id)}/room`, { method: 'POST' }),
  proposeLink: (id: string, measureId: string, note?: string) =>
    api<MeasureLink>(`${ideaPath(id)}/links`, { method: 'POST', body: { measureId, ...(note ? { note } : {}) } }),
};

let themeList: Promise<Theme[]> | null = null;

export const themesApi = {
  /** The theme list rarely changes; fetched once per page load. */
  list(): Promise<Theme[]> {
    themeList ??= api<{ items: Theme[] }>('/themes').then((r) => r.items);
    themeList.catch(() => (themeList = null));
    return themeList;
  },
};
