import { sql } from 'kysely';
import type { NewsPost, NewsStatus } from '../tables';
import { decodeCursor, encodeCursor, likePattern, type Db } from './db';

export interface NewsRow extends NewsPost {
  organisation_name: string | null;
  author_name: string | null;
  idea_title: string | null;
  plan_title: string | null;
}

export interface NewsFilter {
  organisationId?: string;
  language?: string;
  q?: string;
  /** 'draft': only drafts the viewer may see (see `draftsOf`). */
  status: NewsStatus;
  /** Pinned posts first (the front page); an organisation's own feed is simply newest first. */
  pinnedFirst: boolean;
  /** For drafts: organisations whose drafts the viewer sees, and whether platform drafts too. */
  draftsOf?: { organisationIds: string[]; platform: boolean };
}

export interface NewsInput {
  organisationId: string | null;
  authorId: string;
  title: string;
  summary: string;
  body: string;
  language: string;
  ideaId: string | null;
  planId: string | null;
  status: NewsStatus;
  publishedAt: Date | null;
}

function newsQuery(db: Db) {
  return db
    .selectFrom('news_posts as n')
    .leftJoin('organisations as o', 'o.id', 'n.organisation_id')
    .leftJoin('users as u', 'u.id', 'n.author_id')
    .leftJoin('ideas as i', 'i.id', 'n.idea_id')
    .leftJoin('plans as p', 'p.id', 'n.plan_id')
    .selectAll('n')
    .select(['o.name as organisation_name', 'u.display_name as author_name', 'i.title as idea_title', 'p.title as plan_title']);
}

const NONE = '00000000-0000-0000-0000-000000000000';

/** A feed page: visible posts, pinned first (if asked) then newest; keyset over (pinned, published_at or created_at, id). */
export async function listNews(db: Db, filter: NewsFilter, limit: number, cursor?: string): Promise<{ items: NewsRow[]; nextCursor: string | null } | null> {
  // Drafts have no publication date yet: they sort by when they were written.
  const at = filter.status === 'published' ? sql.ref('n.published_at') : sql.ref('n.created_at');
  let q = newsQuery(db).where('n.status', '=', filter.status).where('n.hidden_at', 'is', null);
  if (filter.organisationId) q = q.where('n.organisation_id', '=', filter.organisationId);
  if (filter.language) q = q.where('n.language', '=', filter.language);
  if (filter.q) {
    const pattern = likePattern(filter.q);
    q = q.where((eb) => eb.or([eb('n.title', 'ilike', pattern), eb('n.summary', 'ilike', pattern), eb('n.body', 'ilike', pattern)]));
  }
  if (filter.status === 'draft') {
    const scope = filter.draftsOf ?? { organisationIds: [], platform: false };
    q = q.where((eb) =>
      eb.or([
        eb('n.organisation_id', 'in', scope.organisationIds.length ? scope.organisationIds : [NONE]),
        ...(scope.platform ? [eb('n.organisation_id', 'is', null)] : []),
      ]),
    );
  }
  if (cursor) {
    const after = decodeCursor(cursor);
    const [flag, iso] = after ? after[0].split('|') : [];
    const when = new Date(iso ?? '');
    if (!after || Number.isNaN(when.getTime()) || (flag !== '0' && flag !== '1')) return null;
    const pinned = flag === '1';
    const id = after[1];
    const older = sql<boolean>`(${at} < ${when} or (${at} = ${when} and n.id < ${id}))`;
    q = filter.pinnedFirst
      ? q.where((eb) => eb.or([eb('n.pinned', '<', pinned), eb.and([eb('n.pinned', '=', pinned), older])]))
      : q.where(older);
  }
  if (filter.pinnedFirst) q = q.orderBy('n.pinned', 'desc');
  const rows = await q.orderBy(at, 'desc').orderBy('n.id', 'desc').limit(limit + 1).execute();
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const lastAt = last ? (filter.status === 'published' ? last.published_at : last.created_at) : null;
  return {
    items,
    nextCursor: rows.length > limit && last && lastAt ? encodeCursor(`${filter.pinnedFirst && last.pinned ? 1 : 0}|${lastAt.toISOString()}`, last.id) : null,
  };
}

export function findNews(db: Db, id: string): Promise<NewsRow | undefined> {
  return newsQuery(db).where('n.id', '=', id).executeTakeFirst();
}

export function insertNews(db: Db, input: NewsInput): Promise<NewsPost> {
  return db
    .insertInto('news_posts')
    .values({
      organisation_id: input.organisationId,
      author_id: input.authorId,
      title: input.title,
      summary: input.summary,
      body: input.body,
      language: input.language,
      idea_id: input.ideaId,
      plan_id: input.planId,
      status: input.status,
      published_at: input.publishedAt,
      hidden_at: null,
      hidden_by: null,
      hidden_reason: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type NewsChanges = Partial<Pick<NewsPost, 'title' | 'summary' | 'body' | 'language' | 'idea_id' | 'plan_id' | 'status' | 'published_at' | 'pinned'>>;

/** Applies changes if the stored version is still `expectedVersion` (undefined: any); bumps the version. */
export function updateNews(db: Db, id: string, changes: NewsChanges, at: Date, expectedVersion?: number): Promise<NewsPost | undefined> {
  let q = db
    .updateTable('news_posts')
    .set({ ...changes, updated_at: at, version: sql`version + 1` })
    .where('id', '=', id);
  if (expectedVersion !== undefined) q = q.where('version', '=', expectedVersion);
  return q.returningAll().executeTakeFirst();
}

/** Hides or shows a post (moderation); the version stays, it is not an edit. */
export function setNewsHidden(db: Db, id: string, hidden: { at: Date; by: string | null; reason: string } | null): Promise<NewsPost | undefined> {
  return db
    .updateTable('news_posts')
    .set(hidden ? { hidden_at: hidden.at, hidden_by: hidden.by, hidden_reason: hidden.reason } : { hidden_at: null, hidden_by: null, hidden_reason: null })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteNews(db: Db, id: string): Promise<boolean> {
  const r = await db.deleteFrom('news_posts').where('id', '=', id).executeTakeFirst();
  return r.numDeletedRows > 0n;
}
