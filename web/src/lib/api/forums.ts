import type {
  Appeal,
  AttachmentInfo,
  CategorySummary,
  ContentActionBody,
  CreateCategoryBody,
  ForumCategory,
  ForumPost,
  ForumPostPage,
  ForumSearchHit,
  ForumThread,
  ForumThreadPage,
  ModerationLogEntry,
  ModerationLogPage,
  ModerationMe,
  Queue,
  Reaction,
  ReportBody,
  ReportResult,
  ReportTargetKind,
  Suspension,
  ThreadActionBody,
  UpdateCategoryBody,
  UserActionBody,
} from '@partnera/server/api-types';
import { api } from './client';

const enc = encodeURIComponent;

/** Forums: categories, threads, posts, reactions, subscriptions, attachments and search. */
export const forumsApi = {
  categories: () => api<{ items: ForumCategory[] }>('/forums/categories').then((r) => r.items),
  category: (slug: string) => api<ForumCategory>(`/forums/categories/${enc(slug)}`),
  createCategory: (body: CreateCategoryBody) => api<ForumCategory>('/forums/categories', { method: 'POST', body }),
  updateCategory: (id: string, body: UpdateCategoryBody) => api<ForumCategory>(`/forums/categories/${enc(id)}`, { method: 'PATCH', body }),
  threads: (slug: string, query: { limit?: number; cursor?: string } = {}) => api<ForumThreadPage>(`/forums/categories/${enc(slug)}/threads`, { query }),
  createThread: (slug: string, body: { title: string; body: string; attachmentIds?: string[] }) =>
    api<{ thread: ForumThread; post: ForumPost }>(`/forums/categories/${enc(slug)}/threads`, { method: 'POST', body }),
  posts: (threadId: string, query: { limit?: number; cursor?: string } = {}) => api<ForumPostPage>(`/forums/threads/${enc(threadId)}`, { query }),
  post: (id: string) => api<ForumPost>(`/forums/posts/${enc(id)}`),
  reply: (threadId: string, body: { body: string; quoteOf?: string | null; replyTo?: string | null; attachmentIds?: string[] }) =>
    api<ForumPost>(`/forums/threads/${enc(threadId)}/posts`, { method: 'POST', body }),
  edit: (id: string, body: string) => api<ForumPost>(`/forums/posts/${enc(id)}`, { method: 'PATCH', body: { body } }),
  remove: (id: string) => api<ForumPost>(`/forums/posts/${enc(id)}`, { method: 'DELETE' }),
  react: (id: string, emoji: Reaction) => api<ForumPost>(`/forums/posts/${enc(id)}/reactions`, { method: 'POST', body: { emoji } }),
  subscribe: (threadId: string, subscribed: boolean) => api<ForumThread>(`/forums/threads/${enc(threadId)}/subscription`, { method: 'PUT', body: { subscribed } }),
  upload: (body: { filename: string; contentType: string; data: string }) => api<AttachmentInfo>('/forums/attachments', { method: 'POST', body }),
  search: (q: string, category?: string) => api<{ items: ForumSearchHit[] }>('/forums/search', { query: { q, category } }).then((r) => r.items),
  summary: (slug: string) => api<CategorySummary>(`/forums/categories/${enc(slug)}/moderation-summary`),
};

/** Reports, the review queue, moderators' actions, the log, appeals and suspensions. */
export const moderationApi = {
  me: () => api<ModerationMe>('/moderation/me'),
  report: (body: ReportBody) => api<ReportResult>('/reports', { method: 'POST', body }),
  queue: () => api<Queue>('/moderation/queue').then((r) => r.items),
  act: (kind: ReportTargetKind, id: string, body: ContentActionBody) => api<ModerationLogEntry>(`/moderation/targets/${kind}/${enc(id)}/actions`, { method: 'POST', body }),
  actOnThread: (id: string, body: ThreadActionBody) => api<ModerationLogEntry>(`/moderation/threads/${enc(id)}/actions`, { method: 'POST', body }),
  actOnUser: (id: string, body: UserActionBody) => api<ModerationLogEntry>(`/moderation/users/${enc(id)}/actions`, { method: 'POST', body }),
  log: (query: { limit?: number; cursor?: string } = {}) => api<ModerationLogPage>('/moderation/log', { query }),
  notices: () => api<{ items: ModerationLogEntry[] }>('/moderation/notices').then((r) => r.items),
  appeal: (actionId: string, text: string) => api<Appeal>(`/moderation/actions/${enc(actionId)}/appeal`, { method: 'POST', body: { text } }),
  appeals: (mine = false) => api<{ items: Appeal[] }>('/moderation/appeals', { query: { mine: mine || undefined } }).then((r) => r.items),
  resolveAppeal: (id: string, decision: 'uphold' | 'reverse', note: string) => api<Appeal>(`/moderation/appeals/${enc(id)}/resolve`, { method: 'POST', body: { decision, note } }),
  suspensions: () => api<{ items: Suspension[] }>('/moderation/suspensions').then((r) => r.items),
};
