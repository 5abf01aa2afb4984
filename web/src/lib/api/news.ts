import type { CreateNewsBody, NewsListQuery, NewsPage, NewsPost, UpdateNewsBody } from '@partnera/server/api-types';
import { api } from './client';

const enc = encodeURIComponent;

/** News: feeds, one post, writing, publishing, pinning. */
export const newsApi = {
  list: (query: NewsListQuery = {}, signal?: AbortSignal) => api<NewsPage>('/news', { query, signal }),
  ofOrganisation: (organisationId: string, query: { limit?: number; cursor?: string } = {}, signal?: AbortSignal) =>
    api<NewsPage>(`/organisations/${enc(organisationId)}/news`, { query, signal }),
  get: (id: string) => api<NewsPost>(`/news/${enc(id)}`),
  create: (body: CreateNewsBody) => api<NewsPost>('/news', { method: 'POST', body }),
  update: (id: string, version: number, body: UpdateNewsBody) =>
    api<NewsPost>(`/news/${enc(id)}`, { method: 'PATCH', body, headers: { 'if-match': `"${version}"` } }),
  publish: (id: string, published: boolean) => api<NewsPost>(`/news/${enc(id)}/${published ? 'publish' : 'unpublish'}`, { method: 'POST' }),
  pin: (id: string, pinned: boolean) => api<NewsPost>(`/news/${enc(id)}/pin`, { method: 'PUT', body: { pinned } }),
  remove: (id: string) => api<void>(`/news/${enc(id)}`, { method: 'DELETE' }),
  /** The Atom feed's address (all news, or one organisation's). */
  feedUrl: (organisationId?: string) => `/api/v1/news/feed.xml${organisationId ? `?organisationId=${enc(organisationId)}` : ''}`,
};
