import {
  ideaRepository,
  membershipRepository,
  newsRepository,
  organisationRepository,
  planRepository,
  searchOutboxRepository,
  type Db,
  type MembershipRole,
  type NewsRow,
} from '@partnera/db';
import { atomFeed } from '../domain/news-feed';
import { policy, type Actor } from '../domain/policy';
import { AppError, fieldError, forbidden, notFound } from '../errors';
import type * as S from '../schemas/news';
import { versionConflict } from './plan.service';
import { excerpt } from './room-dto';
import { assertNotSuspended } from './suspension';
import { inTransaction } from './transaction';

export interface NewsServiceDeps {
  db: Db;
  clock: () => Date;
  /** Absolute links in the Atom feed. */
  publicUrl: string;
}

const FEED_ENTRIES = 30;

/** News posts by organisations and the platform: feeds, drafts, publishing, pinning and the Atom feed. */
export class NewsService {
  constructor(private readonly deps: NewsServiceDeps) {}

  private get db() {
    return this.deps.db;
  }

  private async orgRole(actor: Actor | null, organisationId: string | null): Promise<MembershipRole | null> {
    if (!actor || !organisationId) return null;
    return (await membershipRepository.findMembership(this.db, organisationId, actor.userId))?.role ?? null;
  }

  async list(actor: Actor | null, query: S.NewsListQuery): Promise<S.NewsPage> {
    const status = query.status ?? 'published';
    let draftsOf: { organisationIds: string[]; platform: boolean } | undefined;
    if (status === 'draft') {
      if (!actor) throw new AppError(401, 'unauthorized', 'Sign in to see drafts');
      const memberships = await membershipRepository.listMembershipsOfUser(this.db, actor.userId);
      // Drafts are seen inside their organisation (any member), platform drafts by admins.
      draftsOf = { organisationIds: memberships.filter((m) => policy.seeDraft(m.role)).map((m) => m.id), platform: policy.isAdmin(actor) };
    }
    const page = await newsRepository.listNews(
      this.db,
      { organisationId: query.organisationId, language: query.language, q: query.q?.trim() || undefined, status, pinnedFirst: !query.organisationId && status === 'published', draftsOf },
      query.limit ?? 20,
      query.cursor,
    );
    if (!page) throw new AppError(400, 'invalid_cursor', 'The page cursor is not valid');
    return { items: page.items.map(toItem), nextCursor: page.nextCursor };
  }

  async listOfOrganisation(actor: Actor | null, organisationId: string, query: { limit?: number; cursor?: string; language?: S.NewsListQuery['language'] }): Promise<S.NewsPage> {
    if (!(await organisationRepository.findOrganisation(this.db, organisationId))) throw notFound('Organisation');
    return this.list(actor, { ...query, organisationId });
  }

  /** Published posts for everyone; drafts for the organisation's members (platform drafts: admins); hidden ones for editors and moderators. */
  async get(actor: Actor | null, id: string): Promise<S.NewsPost> {
    const row = await newsRepository.findNews(this.db, id);
    if (!row) throw notFound('News post');
    const role = await this.orgRole(actor, row.organisation_id);
    const canEdit = policy.writeNews(role, actor, row.organisation_id === null);
    const canModerate = policy.isModerator(actor);
    const seesDraft = row.organisation_id === null ? policy.isAdmin(actor) : policy.seeDraft(role) || policy.isAdmin(actor);
    if (row.status === 'draft' && !seesDraft) throw notFound('News post');
    if (row.hidden_at && !canEdit && !canModerate) throw notFound('News post');
    return {
      ...toItem(row),
      body: row.body,
      version: row.version,
      hidden: row.hidden_at !== null,
      hiddenReason: row.hidden_at && (canEdit || canModerate) ? row.hidden_reason : null,
      canEdit,
      canPin: policy.pinNews(actor),
      canModerate,
    };
  }

  private async assertMayWrite(actor: Actor, organisationId: string | null): Promise<void> {
    const role = await this.orgRole(actor, organisationId);
    if (!policy.writeNews(role, actor, organisationId === null)) {
      throw forbidden(organisationId === null ? 'Only platform admins write platform news' : "Only the organisation's owners and editors write its news");
    }
    await assertNotSuspended(this.db, actor.userId, this.deps.clock());
  }

  /** Linked ideas and plans must be published: a news post must not reveal a draft. */
  private async checkLinks(body: { ideaId?: string | null; planId?: string | null }): Promise<void> {
    if (body.ideaId) {
      const idea = await ideaRepository.findIdea(this.db, body.ideaId);
      if (!idea || idea.status !== 'published') throw fieldError(422, 'invalid_idea', '/ideaId', 'Link a published idea');
    }
    if (body.planId) {
      const plan = await planRepository.findPlan(this.db, body.planId);
      if (!plan || plan.status !== 'published') throw fieldError(422, 'invalid_plan', '/planId', 'Link a published plan');
    }
  }

  private checkText(body: { title?: string; body?: string; summary?: string }, publishing: boolean, current?: { body: string }): void {
    if (body.title !== undefined && !body.title.trim()) throw fieldError(422, 'title_empty', '/title', 'Give the post a title');
    for (const [path, text] of [['/title', body.title], ['/summary', body.summary], ['/body', body.body]] as const) {
      if (text?.includes('\u0000')) throw fieldError(422, 'invalid_characters', path, 'The text contains a NUL character');
    }
    const text = body.body ?? current?.body ?? '';
    if (publishing && !text.trim()) throw fieldError(422, 'body_empty', '/body', 'Write the article before publishing it');
  }

  async create(actor: Actor, body: S.CreateNewsBody): Promise<S.NewsPost> {
    const organisationId = body.organisationId ?? null;
    if (organisationId && !(await organisationRepository.findOrganisation(this.db, organisationId))) {
      throw fieldError(422, 'invalid_organisation', '/organisationId', 'No such organisation');
    }
    await this.assertMayWrite(actor, organisationId);
    const status = body.status ?? 'draft';
    this.checkText(body, status === 'published');
    await this.checkLinks(body);
    const row = await this.write((trx) =>
      newsRepository.insertNews(trx, {
        organisationId,
        authorId: actor.userId,
        title: body.title.trim(),
        summary: body.summary?.trim() ?? '',
        body: body.body,
        language: body.language,
        ideaId: body.ideaId ?? null,
        planId: body.planId ?? null,
        status,
        publishedAt: status === 'published' ? this.deps.clock() : null,
      }),
    );
    return this.get(actor, row.id);
  }

  private async editable(actor: Actor, id: string): Promise<NewsRow> {
    const row = await newsRepository.findNews(this.db, id);
    if (!row) throw notFound('News post');
    const role = await this.orgRole(actor, row.organisation_id);
    if (!policy.writeNews(role, actor, row.organisation_id === null)) {
      // Outsiders learn nothing about drafts.
      if (row.status === 'draft' && !policy.seeDraft(role)) throw notFound('News post');
      throw forbidden(row.organisation_id === null ? 'Only platform admins change platform news' : "Only the organisation's owners and editors change its news");
    }
    await assertNotSuspended(this.db, actor.userId, this.deps.clock());
    return row;
  }

  async update(actor: Actor, id: string, expectedVersion: number, body: S.UpdateNewsBody): Promise<S.NewsPost> {
    const row = await this.editable(actor, id);
    if (row.hidden_at) throw new AppError(409, 'news_hidden', 'A moderator hid this post; it cannot be edited');
    this.checkText(body, row.status === 'published', row);
    await this.checkLinks(body);
    const updated = await this.write((trx) =>
      newsRepository.updateNews(
        trx,
        id,
        {
          ...(body.title !== undefined && { title: body.title.trim() }),
          ...(body.summary !== undefined && { summary: body.summary.trim() }),
          ...(body.body !== undefined && { body: body.body }),
          ...(body.language !== undefined && { language: body.language }),
          ...(body.ideaId !== undefined && { idea_id: body.ideaId }),
          ...(body.planId !== undefined && { plan_id: body.planId }),
        },
        this.deps.clock(),
        expectedVersion,
      ),
    );
    if (!updated) throw versionConflict('news post');
    return this.get(actor, id);
  }

  /** Publishing keeps the first publication date, so a correction does not jump to the top of the feed. */
  async setPublished(actor: Actor, id: string, published: boolean): Promise<S.NewsPost> {
    const row = await this.editable(actor, id);
    if (published) this.checkText({}, true, row);
    const now = this.deps.clock();
    await this.write((trx) =>
      newsRepository.updateNews(trx, id, { status: published ? 'published' : 'draft', published_at: published ? (row.published_at ?? now) : row.published_at, ...(!published && { pinned: false }) }, now),
    );
    return this.get(actor, id);
  }

  async setPinned(actor: Actor, id: string, pinned: boolean): Promise<S.NewsPost> {
    if (!policy.pinNews(actor)) throw forbidden('Only platform admins pin news on the front page');
    const row = await newsRepository.findNews(this.db, id);
    if (!row) throw notFound('News post');
    if (pinned && row.status !== 'published') throw new AppError(409, 'news_not_published', 'Publish the post before pinning it');
    await newsRepository.updateNews(this.db, id, { pinned }, this.deps.clock());
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.editable(actor, id);
    await this.write((trx) => newsRepository.deleteNews(trx, id), id);
  }

  /** A change to a post and its search index entry, in one transaction (the post's id, if not the result's). */
  private write<T extends { id: string } | boolean | undefined>(change: (trx: Db) => Promise<T>, id?: string): Promise<T> {
    return inTransaction(this.db, async (trx) => {
      const result = await change(trx);
      const target = id ?? (typeof result === 'object' ? result?.id : undefined);
      if (target) await searchOutboxRepository.enqueueSearchSync(trx, 'news', target);
      return result;
    });
  }

  /** Atom feed of the newest published posts (all, or one organisation's), optionally in one language. */
  async feed(query: S.NewsListQuery & { selfPath: string }): Promise<string> {
    let title = 'Partnera news';
    if (query.organisationId) {
      const org = await organisationRepository.findOrganisation(this.db, query.organisationId);
      if (!org) throw notFound('Organisation');
      title = `${org.name} — Partnera news`;
    }
    const page = await newsRepository.listNews(this.db, { organisationId: query.organisationId, language: query.language, status: 'published', pinnedFirst: false }, FEED_ENTRIES);
    const rows = page?.items ?? [];
    const base = this.deps.publicUrl;
    return atomFeed({
      id: `${base}${query.selfPath}`,
      title,
      selfUrl: `${base}${query.selfPath}`,
      siteUrl: query.organisationId ? `${base}/organisations/${query.organisationId}` : `${base}/news`,
      updated: rows.reduce((max, r) => (r.updated_at > max ? r.updated_at : max), rows[0]?.updated_at ?? this.deps.clock()),
      entries: rows.map((r) => ({
        id: r.id,
        title: r.title,
        summary: r.summary || excerpt(r.body),
        link: `${base}/news/${r.id}`,
        author: r.organisation_name ?? 'Partnera',
        language: r.language,
        published: r.published_at ?? r.created_at,
        updated: r.updated_at,
      })),
    });
  }
}

function toItem(r: NewsRow): S.NewsItem {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    authorName: r.author_name,
    title: r.title,
    summary: r.summary,
    language: r.language,
    ideaId: r.idea_id,
    ideaTitle: r.idea_title,
    planId: r.plan_id,
    planTitle: r.plan_title,
    status: r.status,
    pinned: r.pinned,
    publishedAt: r.published_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
