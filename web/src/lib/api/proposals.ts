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
import { api } from './client';
import { downloadFile } from './download';

const base = (id: string) => `/proposals/${encodeURIComponent(id)}`;

export type ExportFormat = 'docx' | 'pdf' | 'md';

/** Joint proposals over REST; the co-edited body itself goes through the socket (lib/proposals). */
export const proposalsApi = {
  listMine: (query: { limit?: number; cursor?: string; ideaId?: string } = {}, signal?: AbortSignal) =>
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
  /** Saves the submission document in the given format. */
  exportFile: (id: string, format: ExportFormat) => downloadFile(`${base(id)}/export`, { format }, `proposal.${format}`),
};
