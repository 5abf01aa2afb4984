import type {
  CreateShortlistRoundBody,
  PageOf,
  ShortlistCoverage,
  ShortlistDecision,
  ShortlistEntry,
  ShortlistEntryReviews,
  ShortlistRanking,
  ShortlistReport,
  ShortlistReviewBody,
  ShortlistRound,
  ShortlistRoundDetail,
  ShortlistStatus,
  ShortlistSuggestions,
} from '@partnera/server/api-types';
import { api } from './client';
import { downloadFile } from './download';

export const SHORTLIST_STATUSES: readonly ShortlistStatus[] = ['collecting', 'reviewing', 'decided', 'published'];
export const SHORTLIST_DECISIONS: readonly ShortlistDecision[] = ['shortlisted', 'rejected', 'deferred'];
/** Limits from server/src/schemas/shortlists.ts, shown in the forms. */
export const SHORTLIST_LIMITS = { titleMin: 3, titleMax: 200, descriptionMax: 4000, criterionNameMax: 200, criteriaMax: 12, commentMax: 2000, reasonMax: 2000 } as const;
/** Must match DISAGREEMENT_SHARE in server/src/domain/shortlist-ranking.ts (also sent with the ranking). */
export type ExportFormat = 'pdf' | 'docx' | 'csv';

const path = (id: string) => `/shortlists/${encodeURIComponent(id)}`;
const entryPath = (id: string, entryId: string) => `${path(id)}/entries/${encodeURIComponent(entryId)}`;

export const shortlistsApi = {
  list: (query: { status?: ShortlistStatus; limit?: number; cursor?: string }, signal?: AbortSignal) =>
    api<PageOf<ShortlistRound>>('/shortlists', { query, signal }),
  openForIdea: (ideaId: string) => api<{ items: ShortlistRound[] }>('/shortlists/open', { query: { ideaId } }).then((r) => r.items),
  get: (id: string) => api<ShortlistRoundDetail>(path(id)),
  create: (body: CreateShortlistRoundBody) => api<ShortlistRoundDetail>('/shortlists', { method: 'POST', body }),
  setStatus: (id: string, status: ShortlistStatus) => api<ShortlistRoundDetail>(`${path(id)}/status`, { method: 'POST', body: { status } }),
  addEntry: (id: string, ideaId: string) => api<ShortlistEntry>(`${path(id)}/entries`, { method: 'POST', body: { ideaId } }),
  removeEntry: (id: string, entryId: string) => api<void>(entryPath(id, entryId), { method: 'DELETE' }),
  suggestions: (id: string) => api<ShortlistSuggestions>(`${path(id)}/suggestions`),
  coverage: (id: string) => api<ShortlistCoverage>(`${path(id)}/coverage`),
  review: (id: string, entryId: string, body: ShortlistReviewBody) => api<ShortlistEntryReviews>(`${entryPath(id, entryId)}/review`, { method: 'PUT', body }),
  reviews: (id: string, entryId: string) => api<ShortlistEntryReviews>(`${entryPath(id, entryId)}/reviews`),
  declareConflict: (id: string, entryId: string, note: string) => api<ShortlistEntry>(`${entryPath(id, entryId)}/conflict`, { method: 'PUT', body: { note } }),
  withdrawConflict: (id: string, entryId: string) => api<ShortlistEntry>(`${entryPath(id, entryId)}/conflict`, { method: 'DELETE' }),
  ranking: (id: string) => api<ShortlistRanking>(`${path(id)}/ranking`),
  breakTie: (id: string, entryIds: string[]) => api<ShortlistRanking>(`${path(id)}/tie-break`, { method: 'PUT', body: { entryIds } }),
  decide: (id: string, entryId: string, decision: ShortlistDecision, reason: string) =>
    api<ShortlistEntry>(`${entryPath(id, entryId)}/decision`, { method: 'POST', body: { decision, reason } }),
  report: (id: string) => api<ShortlistReport>(`${path(id)}/report`),
  /** Saves an export with the caller's session (reports are private before publishing). */
  download: (id: string, format: ExportFormat, lang: string) => downloadFile(`${path(id)}/export`, { format, lang }, `report.${format}`),
};
