import type {
  CreateCommentBody,
  PageOf,
  ProposalComment,
  ProposalDetail,
  ProposalDiff,
  ProposalSummary,
  ProposalVersion,
  ProposalVersionDetail,
  UpdateProposalBody,
} from '@partnera/server/api-types';
import { api, request } from './client';

const base = (id: string) => `/proposals/${encodeURIComponent(id)}`;

export type ExportFormat = 'docx' | 'pdf' | 'md';

/** Joint proposals over REST; the co-edited body itself goes through the socket (lib/proposals). */
export const proposalsApi = {
  listMine: (query: { limit?: number; cursor?: string } = {}, signal?: AbortSignal) =>
    api<PageOf<ProposalSummary>>('/proposals', { query: { mine: true, ...query }, signal }),
  createFromIdea: (ideaId: string) => api<ProposalDetail>(`/ideas/${encodeURIComponent(ideaId)}/proposal`, { method: 'POST' }),
  get: (id: string) => api<ProposalDetail>(base(id)),
  update: (id: string, version: number, body: UpdateProposalBody) =>
    api<ProposalDetail>(base(id), { method: 'PATCH', body, headers: { 'if-match': `"${version}"` } }),
  invite: (id: string, organisationId: string, role: 'partner' | 'associate') =>
    api<ProposalDetail>(`${base(id)}/partners`, { method: 'POST', body: { organisationId, role } }),
  accept: (id: string, orgId: string) => api<ProposalDetail>(`${base(id)}/partners/${encodeURIComponent(orgId)}/accept`, { method: 'POST' }),
  /** Undefined (204) when declining leaves the caller without access to the proposal. */
  decline: (id: string, orgId: string) => api<ProposalDetail | undefined>(`${base(id)}/partners/${encodeURIComponent(orgId)}/decline`, { method: 'POST' }),
  removePartner: (id: string, orgId: string) => api<void>(`${base(id)}/partners/${encodeURIComponent(orgId)}`, { method: 'DELETE' }),
  addReader: (id: string, email: string) => api<ProposalDetail>(`${base(id)}/readers`, { method: 'POST', body: { email } }),
  removeReader: (id: string, userId: string) => api<void>(`${base(id)}/readers/${encodeURIComponent(userId)}`, { method: 'DELETE' }),
  versions: (id: string) => api<{ items: ProposalVersion[] }>(`${base(id)}/versions`).then((r) => r.items),
  saveVersion: (id: string, name: string) => api<ProposalVersion>(`${base(id)}/versions`, { method: 'POST', body: { name } }),
  version: (id: string, versionId: string) => api<ProposalVersionDetail>(`${base(id)}/versions/${encodeURIComponent(versionId)}`),
  diff: (id: string, from: string, to: string) => api<ProposalDiff>(`${base(id)}/diff`, { query: { from, to } }),
  restore: (id: string, versionId: string) =>
    api<ProposalVersion>(`${base(id)}/versions/${encodeURIComponent(versionId)}/restore`, { method: 'POST' }),
  comments: (id: string) => api<{ items: ProposalComment[] }>(`${base(id)}/comments`).then((r) => r.items),
  comment: (id: string, body: CreateCommentBody) => api<ProposalComment>(`${base(id)}/comments`, { method: 'POST', body }),
  resolve: (id: string, commentId: string, resolved: boolean) =>
    api<ProposalComment>(`${base(id)}/comments/${encodeURIComponent(commentId)}/${resolved ? 'resolve' : 'reopen'}`, { method: 'POST' }),
  /** The submission document as a file (fetched with the access token, like every API call). */
  async exportFile(id: string, format: ExportFormat): Promise<{ blob: Blob; filename: string }> {
    const res = await request(`${base(id)}/export`, { query: { format }, headers: { accept: '*/*' } });
    const blob = await res.blob();
    return { blob, filename: filenameFrom(res.headers.get('content-disposition')) ?? `proposal.${format}` };
  },
};

/** The file name from a Content-Disposition header (RFC 6266: `filename*` wins over `filename`). */
export function filenameFrom(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() ?? null;
}
