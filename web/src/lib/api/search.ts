import type {
  HighlightSegment,
  IdeaMatches,
  IdeasForPlan,
  PlanCoverage,
  SearchResult,
} from '@partnera/server/api-types';
import { api } from './client';

export type { HighlightSegment, IdeaMatches, IdeasForPlan, PlanCoverage, SearchResult };

/** The kinds of result the global search groups, in the order they are shown. */
export const SEARCH_KINDS = ['ideas', 'measures', 'organisations', 'events', 'news'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export type SearchType = 'all' | SearchKind;
export type MatchBand = 'strong' | 'possible' | 'weak';

export interface SearchParams {
  q: string;
  type?: SearchType;
  theme?: string;
  country?: string;
  limit?: number;
}

export const searchApi = {
  search: (params: SearchParams, signal?: AbortSignal) =>
    api<SearchResult>('/search', { query: { ...params, type: params.type === 'all' ? undefined : params.type }, signal }),
  ideaMatches: (ideaId: string, query: { scope?: 'places' | 'all'; limit?: number } = {}) =>
    api<IdeaMatches>(`/ideas/${encodeURIComponent(ideaId)}/matches`, { query }),
  measureMatches: (planId: string, itemId: string, query: { scope?: 'region' | 'country' | 'all'; limit?: number } = {}) =>
    api<IdeasForPlan>(`/plans/${encodeURIComponent(planId)}/items/${encodeURIComponent(itemId)}/matches`, { query }),
  coverage: (planId: string) => api<PlanCoverage>(`/plans/${encodeURIComponent(planId)}/coverage`),
};

/** The plain text of highlighted segments. */
export const segmentsText = (segments: readonly HighlightSegment[]): string => segments.map((s) => s.text).join('');
