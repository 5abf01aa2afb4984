import {
  forumRepository,
  membershipRepository,
  moderationRepository,
  searchOutboxRepository,
  userRepository,
  type Db,
  type ForumCategory as CategoryRecord,
  type ForumCategoryRow,
  type ForumPostRow,
  type ForumThreadRow,
  type NotificationInput,
} from '@partnera/db';
import { textAttributes, type SearchRuntime } from '@partnera/search';
import { ALLOWED_FILES, sniffType, type AllowedType } from '../domain/file-types';
import { findMentions, mentionedIds } from '../domain/mentions';
import { policy, type Actor, type ModerationRole } from '../domain/policy';
import { AppError, fieldError, forbidden, isUniqueViolation, notFound } from '../errors';
import * as S from '../schemas/forums';
import type { NotificationService } from './notification.service';
import { excerpt } from './room-dto';
import { assertNotSuspended } from './suspension';
import type { TerritoryService } from './territory.service';
import { inTransaction } from './transaction';

/** New accounts (younger than a day, or with fewer than 3 posts) post at most 3 times per 10 minutes, with at most 2 links. */
/** Uploads wait at most a day for their post, and nobody keeps more than 20 waiting (5 MB each). */
export const LOOSE_UPLOADS = { maxAgeMs: 24 * 3600_000, maxPerPerson: 20 } as const;

export const NEW_ACCOUNT = { ageMs: 24 * 3600_000, minPosts: 3, maxPosts: 3, windowMs: 10 * 60_000, maxLinks: 2 } as const;
const LINK = /\bhttps?:\/\/|\bwww\./gi;

/** Announces forum changes to live readers of a thread (socket.io, after commit). */
export interface ForumEvents {
  postCreated(post: S.ForumPost): void;
  postUpdated(threadId: string, postId: string): void;
  /** The thread itself changed (locked, pinned, moved, merged): readers fetch it again. */
  threadUpdated(threadId: string): void;
}

export interface ForumServiceDeps {
  db: Db;
  notifications: NotificationService;
  territories: TerritoryService;
  search: SearchRuntime;
  clock: () => Date;
}

export interface StoredFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

/** Forums: categories (rubrics), threads, posts, reactions, subscriptions, read markers, attachments and search. */
export class ForumService {
  events: ForumEvents = { postCreated: () => {}, postUpdated: () => {}, threadUpdated: () => {} };

  constructor(private readonly deps: ForumServiceDeps) {}

  private get db() {
    return this.deps.db;
  }

  /** The actor's moderation role for a category (platform role, or moderator of that category). */
  async roleIn(actor: Actor | null, categoryId: string | null): Promise<ModerationRole> {
    if (!actor) return 'member';
    if (policy.isModerator(actor)) return policy.moderationRole(actor, false);
    const ids = categoryId ? await forumRepository.moderatedCategoryIds(this.db, actor.userId) : [];
    return policy.moderationRole(actor, categoryId !== null && ids.includes(categoryId));
  }

  private async assertPlatform(actor: Actor, action: 'manage_categories' | 'assign_moderators') {
    if (!policy.moderate(await this.roleIn(actor, null), action)) throw forbidden('Only platform moderators and admins manage forum categories');
  }

  private async categoryDto(actor: Actor | null, row: ForumCategoryRow): Promise<S.ForumCategory> {
    const role = await this.roleIn(actor, row.id);
    const member = row.scope_organisation_id && actor ? Boolean(await membershipRepository.findMembership(this.db, row.scope_organisation_id, actor.userId)) : false;
    const moderators = await forumRepository.listCategoryModerators(this.db, row.id);
    return {
      id: row.id,
      slug: row.slug,
      title: row.title,
      description: row.description,
      scopeTerritory: row.scope_territory,
      scopeOrganisationId: row.scope_organisation_id,
      position: row.position,
      threadCount: row.thread_count,
      postCount: row.post_count,
      newPosts: row.new_posts,
      moderators: moderators.map((m) => ({ userId: m.user_id, displayName: m.display_name })),
      canModerate: policy.moderate(role, 'hide'),
      canPost: actor !== null && policy.postInForum(row.scope_organisation_id !== null, member, role),
    };
  }

  async listCategories(actor: Actor | null): Promise<S.ForumCategory[]> {
    const rows = await forumRepository.listCategories(this.db, actor?.userId ?? null);
    return Promise.all(rows.map((r) => this.categoryDto(actor, r)));
  }

  private async categoryRow(actor: Actor | null, by: { id?: string; slug?: string }): Promise<ForumCategoryRow> {
    const rows = await forumRepository.listCategories(this.db, actor?.userId ?? null);
    const row = rows.find((r) => (by.id ? r.id === by.id : r.slug === by.slug));
    if (!row) throw notFound('Forum category');
    return row;
  }

  async getCategory(actor: Actor | null, slug: string): Promise<S.ForumCategory> {
    return this.categoryDto(actor, await this.categoryRow(actor, { slug }));
  }

  private checkScope(body: S.UpdateCategoryBody) {
    if (body.scopeTerritory && !this.deps.territories.get(body.scopeTerritory)) {
      throw fieldError(422, 'invalid_territory', '/scopeTerritory', 'No such country or region code');
    }
    if (body.scopeTerritory && body.scopeOrganisationId) {
      throw fieldError(422, 'invalid_scope', '/scopeOrganisationId', 'Scope a category to a territory or to an organisation, not both');
    }
  }

  async createCategory(actor: Actor, body: S.CreateCategoryBody): Promise<S.ForumCategory> {
    await this.assertPlatform(actor, 'manage_categories');
    this.checkScope(body);
    try {
      const row = await forumRepository.insertCategory(this.db, {
        slug: body.slug,
        title: body.title.trim(),
        description: body.description?.trim() ?? '',
        scopeTerritory: body.scopeTerritory ?? null,
        scopeOrganisationId: body.scopeOrganisationId ?? null,
        position: body.position ?? 0,
      });
      return this.categoryDto(actor, { ...row, thread_count: 0, post_count: 0, new_posts: 0 });
    } catch (error) {
      if (isUniqueViolation(error)) throw fieldError(409, 'slug_taken', '/slug', 'Another category has this slug');
      throw error;
    }
  }

  async updateCategory(actor: Actor, id: string, body: S.UpdateCategoryBody): Promise<S.ForumCategory> {
    await this.assertPlatform(actor, 'manage_categories');
    this.checkScope(body);
    try {
      const row = await forumRepository.updateCategory(this.db, id, body);
      if (!row) throw notFound('Forum category');
    } catch (error) {
      if (isUniqueViolation(error)) throw fieldError(409, 'slug_taken', '/slug', 'Another category has this slug');
      throw error;
    }
    return this.categoryDto(actor, await this.categoryRow(actor, { id }));
  }

  async setCategoryModerator(actor: Actor, categoryId: string, userId: string, on: boolean): Promise<S.ForumCategory> {
    await this.assertPlatform(actor, 'assign_moderators');
    const category = await forumRepository.findCategory(this.db, { id: categoryId });
    if (!category) throw notFound('Forum category');
    if (on) {
      if (!(await userRepository.findUserById(this.db, userId))) throw notFound('User');
      await forumRepository.addCategoryModerator(this.db, categoryId, userId);
    } else {
      await forumRepository.removeCategoryModerator(this.db, categoryId, userId);
    }
    return this.categoryDto(actor, await this.categoryRow(actor, { id: categoryId }));
  }

  private threadDto(row: ForumThreadRow, role: ModerationRole, canPost: boolean): S.ForumThread {
    return {
      id: row.id,
      categoryId: row.category_id,
      categorySlug: row.category_slug,
      categoryTitle: row.category_title,
      title: row.title,
      authorId: row.author_id,
      authorName: row.author_name,
      pinned: row.pinned,
      locked: row.locked,
      postCount: row.post_count,
      lastPostAt: row.last_post_at.toISOString(),
      createdAt: row.created_at.toISOString(),
      mergedInto: row.merged_into,
      newPosts: row.new_posts,
      subscribed: row.subscribed,
      canModerate: policy.moderate(role, 'lock'),
      canPost: canPost && (!row.locked || policy.moderate(role, 'lock')) && row.merged_into === null,
    };
  }

  async listThreads(actor: Actor | null, slug: string, limit: number, cursor?: string): Promise<S.ForumThreadPage> {
    const categoryRow = await this.categoryRow(actor, { slug });
    const category = await this.categoryDto(actor, categoryRow);
    const page = await forumRepository.listThreads(this.db, categoryRow.id, actor?.userId ?? null, limit, cursor);
    if (!page) throw new AppError(400, 'invalid_cursor', 'The page cursor is not valid');
    const role = await this.roleIn(actor, categoryRow.id);
    return { category, items: page.items.map((t) => this.threadDto(t, role, category.canPost)), nextCursor: page.nextCursor };
  }

  async getThread(actor: Actor | null, threadId: string): Promise<S.ForumThread> {
    const row = await forumRepository.findThread(this.db, threadId, actor?.userId ?? null);
    if (!row) throw notFound('Thread');
    const category = await this.categoryDto(actor, await this.categoryRow(actor, { id: row.category_id }));
    return this.threadDto(row, await this.roleIn(actor, row.category_id), category.canPost);
  }

  /** A page of posts, oldest first; reading a thread moves the reader's "seen up to" marker. */
  async listPosts(actor: Actor | null, threadId: string, limit: number, cursor?: string): Promise<S.ForumPostPage> {
    const thread = await this.getThread(actor, threadId);
    const page = await forumRepository.listPosts(this.db, threadId, actor?.userId ?? null, limit, cursor);
    if (!page) throw new AppError(400, 'invalid_cursor', 'The page cursor is not valid');
    const role = await this.roleIn(actor, thread.categoryId);
    const items = await this.postDtos(actor, role, page.items);
    if (actor) {
      const newest = page.items.at(-1)?.created_at;
      if (newest) await forumRepository.markThreadRead(this.db, threadId, actor.userId, newest);
    }
    return { thread: { ...thread, newPosts: 0 }, items, nextCursor: page.nextCursor };
  }

  async getPost(actor: Actor | null, postId: string): Promise<S.ForumPost> {
    const ctx = await forumRepository.findPostContext(this.db, postId);
    if (!ctx) throw notFound('Post');
    const row = await forumRepository.findPost(this.db, postId, actor?.userId ?? null);
    if (!row) throw notFound('Post');
    const [dto] = await this.postDtos(actor, await this.roleIn(actor, ctx.category.id), [row]);
    return dto!;
  }

  /** What a reader sees of posts: hidden text only for its author and moderators. */
  private async postDtos(actor: Actor | null, role: ModerationRole, rows: ForumPostRow[]): Promise<S.ForumPost[]> {
    const hidden = rows.filter((r) => r.hidden_at !== null).map((r) => r.id);
    const hideActions = new Map<string, { id: string; appeal: S.ForumPost['appealStatus'] }>();
    for (const id of hidden) {
      const log = await moderationRepository.listActions(this.db, { categoryIds: null, targetId: id }, 20);
      const hide = log?.items.find((a) => a.action === 'hide' || a.action === 'auto_hide');
      if (hide) {
        const appeal = await moderationRepository.findAppealOfAction(this.db, hide.id);
        hideActions.set(id, { id: hide.id, appeal: appeal?.status ?? null });
      }
    }
    const seeHidden = policy.moderate(role, 'hide');
    return rows.map((r) => toPostDto(r, actor?.userId ?? null, seeHidden, hideActions.get(r.id) ?? null));
  }

  /** Everything that must hold before the actor writes in a category (or thread). */
  private async assertCanWrite(actor: Actor, category: CategoryRecord, thread: { locked: boolean; merged_into: string | null } | null, body: string): Promise<ModerationRole> {
    const now = this.deps.clock();
    await assertNotSuspended(this.db, actor.userId, now);
    const role = await this.roleIn(actor, category.id);
    const member = category.scope_organisation_id ? Boolean(await membershipRepository.findMembership(this.db, category.scope_organisation_id, actor.userId)) : false;
    if (!policy.postInForum(category.scope_organisation_id !== null, member, role)) {
      throw forbidden('This category is for the members of its organisation');
    }
    if (thread?.merged_into) throw new AppError(409, 'thread_merged', 'This thread was merged into another one; post there');
    if (thread?.locked && !policy.moderate(role, 'lock')) throw new AppError(409, 'thread_locked', 'This thread is locked; no new posts');
    if (role === 'member') await this.assertNewAccountLimits(actor.userId, body, now);
    return role;
  }

  private async assertNewAccountLimits(userId: string, body: string, now: Date): Promise<void> {
    const user = await userRepository.findUserById(this.db, userId);
    if (!user) throw notFound('User');
    const activity = await forumRepository.postActivity(this.db, userId, new Date(now.getTime() - NEW_ACCOUNT.windowMs));
    const isNew = now.getTime() - user.created_at.getTime() < NEW_ACCOUNT.ageMs || activity.total < NEW_ACCOUNT.minPosts;
    if (!isNew) return;
    const links = body.match(LINK)?.length ?? 0;
    if (links > NEW_ACCOUNT.maxLinks) {
      throw fieldError(422, 'too_many_links_for_new_account', '/body', `New accounts may put at most ${NEW_ACCOUNT.maxLinks} links in a post; this one has ${links}`);
    }
    if (activity.recent >= NEW_ACCOUNT.maxPosts) {
      throw new AppError(429, 'new_account_rate_limited', `New accounts may post ${NEW_ACCOUNT.maxPosts} times per 10 minutes; please wait a little`);
    }
  }

  private checkBody(raw: string): string {
    const text = raw.trim();
    if (!text) throw fieldError(422, 'post_empty', '/body', 'Write something before posting');
    if (text.includes('\u0000')) throw fieldError(422, 'invalid_characters', '/body', 'The text contains a NUL character');
    if ([...text].length > S.POST_MAX_CHARS) throw fieldError(422, 'post_too_long', '/body', `A post can have at most ${S.POST_MAX_CHARS} characters`);
    return text;
  }

  async createThread(actor: Actor, slug: string, body: S.CreateThreadBody): Promise<{ thread: S.ForumThread; post: S.ForumPost }> {
    const category = await forumRepository.findCategory(this.db, { slug });
    if (!category) throw notFound('Forum category');
    const title = body.title.trim();
    if (!title) throw fieldError(422, 'title_empty', '/title', 'Give the thread a title');
    const text = this.checkBody(body.body);
    await this.assertCanWrite(actor, category, null, text);
    const { threadId, postId, announce } = await inTransaction(this.db, async (trx) => {
      const thread = await forumRepository.insertThread(trx, { categoryId: category.id, title, authorId: actor.userId });
      const written = await this.writePost(trx, actor, thread.id, title, text, null, null, body.attachmentIds ?? []);
      return { threadId: thread.id, postId: written.postId, announce: written.announce };
    });
    announce();
    return { thread: await this.getThread(actor, threadId), post: await this.getPost(actor, postId) };
  }

  async createPost(actor: Actor, threadId: string, body: S.CreatePostBody): Promise<S.ForumPost> {
    const thread = await forumRepository.findThread(this.db, threadId);
    if (!thread) throw notFound('Thread');
    const category = (await forumRepository.findCategory(this.db, { id: thread.category_id }))!;
    const text = this.checkBody(body.body);
    await this.assertCanWrite(actor, category, thread, text);
    for (const [field, id] of [['/quoteOf', body.quoteOf], ['/replyTo', body.replyTo]] as const) {
      if (!id) continue;
      const target = await forumRepository.findPostContext(this.db, id);
      if (!target || target.post.thread_id !== threadId) throw fieldError(422, 'invalid_reference', field, 'That post is not in this thread');
    }
    const written = await inTransaction(this.db, (trx) => this.writePost(trx, actor, threadId, thread.title, text, body.quoteOf ?? null, body.replyTo ?? null, body.attachmentIds ?? []));
    const post = await this.getPost(null, written.postId);
    this.events.postCreated(post);
    written.announce();
    return this.getPost(actor, written.postId);
  }

  /** Stores a post with its attachments, mentions and subscriber notices, in the caller's transaction. */
  private async writePost(trx: Db, actor: Actor, threadId: string, threadTitle: string, text: string, quoteOf: string | null, replyTo: string | null, attachmentIds: string[]) {
    const mentions = await this.mentionsIn(trx, threadId, text, actor.userId);
    const post = await forumRepository.insertPost(trx, { threadId, authorId: actor.userId, body: text, quoteOf, replyTo, mentions });
    if (attachmentIds.length) {
      const attached = await forumRepository.attachToPost(trx, post.id, actor.userId, attachmentIds);
      if (attached !== attachmentIds.length) throw fieldError(422, 'invalid_attachment', '/attachmentIds', 'Attach only files you uploaded and have not attached yet');
    }
    const subscribers = await forumRepository.subscriberIds(trx, threadId);
    // Authors and repliers follow the thread from now on.
    await forumRepository.subscribe(trx, threadId, actor.userId);
    await forumRepository.markThreadRead(trx, threadId, actor.userId, post.created_at);
    await searchOutboxRepository.enqueueSearchSync(trx, 'forum_post', post.id);
    const { data, link } = await this.postNotice(trx, actor, threadId, threadTitle, post.id, text);
    const notices: NotificationInput[] = [
      ...mentions.map((userId) => ({ userId, kind: 'forum.mention', data, link })),
      ...subscribers.filter((id) => id !== actor.userId && !mentions.includes(id)).map((userId) => ({ userId, kind: 'forum.post', data, link })),
    ];
    const announce = await this.deps.notifications.notify(trx, notices);
    return { postId: post.id, announce };
  }

  /** The people a text mentions by name among those who can be mentioned in the thread (never the author). */
  private async mentionsIn(trx: Db, threadId: string, text: string, authorId: string): Promise<string[]> {
    if (!text.includes('@')) return [];
    const candidates = await forumRepository.mentionCandidates(trx, threadId, text, mentionedIds(text));
    return findMentions(text, candidates.map((c) => ({ id: c.user_id, displayName: c.display_name })), authorId);
  }

  private async postNotice(trx: Db, actor: Actor, threadId: string, threadTitle: string, postId: string, text: string) {
    const author = await userRepository.findUserById(trx, actor.userId);
    return {
      data: { threadId, threadTitle, postId, authorName: author?.display_name ?? '', excerpt: excerpt(text) },
      link: `/forums/threads/${threadId}#post-${postId}`,
    };
  }

  private async ownPost(actor: Actor, postId: string) {
    const ctx = await forumRepository.findPostContext(this.db, postId);
    if (!ctx) throw notFound('Post');
    if (ctx.post.author_id !== actor.userId) throw forbidden('You can only change your own posts');
    return ctx;
  }

  async editPost(actor: Actor, postId: string, body: string): Promise<S.ForumPost> {
    const ctx = await this.ownPost(actor, postId);
    const text = this.checkBody(body);
    await assertNotSuspended(this.db, actor.userId, this.deps.clock());
    if (ctx.post.deleted_at) throw new AppError(409, 'post_deleted', 'This post was deleted');
    if (ctx.post.hidden_at) throw new AppError(409, 'post_hidden', 'A moderator hid this post; it cannot be edited');
    if (ctx.thread.locked) throw new AppError(409, 'thread_locked', 'This thread is locked');
    const announce = await inTransaction(this.db, async (trx) => {
      const mentions = await this.mentionsIn(trx, ctx.thread.id, text, actor.userId);
      await forumRepository.updatePost(trx, postId, { body: text, edited_at: this.deps.clock(), mentions });
      await searchOutboxRepository.enqueueSearchSync(trx, 'forum_post', postId);
      // Only people the edit mentions for the first time hear about it.
      const added = mentions.filter((id) => !ctx.post.mentions.includes(id));
      if (added.length === 0) return () => {};
      const { data, link } = await this.postNotice(trx, actor, ctx.thread.id, ctx.thread.title, postId, text);
      return this.deps.notifications.notify(trx, added.map((userId) => ({ userId, kind: 'forum.mention', data, link })));
    });
    this.events.postUpdated(ctx.thread.id, postId);
    announce();
    return this.getPost(actor, postId);
  }

  async deleteOwnPost(actor: Actor, postId: string): Promise<S.ForumPost> {
    const ctx = await this.ownPost(actor, postId);
    if (!ctx.post.deleted_at) {
      await inTransaction(this.db, async (trx) => {
        await forumRepository.updatePost(trx, postId, { deleted_at: this.deps.clock(), body: '', mentions: [] });
        await forumRepository.recountThread(trx, ctx.thread.id);
        await searchOutboxRepository.enqueueSearchSync(trx, 'forum_post', postId);
      });
      this.events.postUpdated(ctx.thread.id, postId);
    }
    return this.getPost(actor, postId);
  }

  async react(actor: Actor, postId: string, emoji: S.Reaction): Promise<S.ForumPost> {
    const ctx = await forumRepository.findPostContext(this.db, postId);
    if (!ctx) throw notFound('Post');
    if (ctx.post.deleted_at || ctx.post.hidden_at) throw new AppError(409, 'post_unavailable', 'This post cannot take reactions');
    await assertNotSuspended(this.db, actor.userId, this.deps.clock());
    await forumRepository.toggleReaction(this.db, postId, actor.userId, emoji);
    this.events.postUpdated(ctx.thread.id, postId);
    return this.getPost(actor, postId);
  }

  async setSubscribed(actor: Actor, threadId: string, subscribed: boolean): Promise<S.ForumThread> {
    if (!(await forumRepository.findThread(this.db, threadId))) throw notFound('Thread');
    if (subscribed) await forumRepository.subscribe(this.db, threadId, actor.userId);
    else await forumRepository.unsubscribe(this.db, threadId, actor.userId);
    return this.getThread(actor, threadId);
  }

  /** Stores an uploaded file once its content proves to be an allowed type; it is attached with a post. */
  async upload(actor: Actor, body: S.UploadBody): Promise<S.AttachmentInfo> {
    await assertNotSuspended(this.db, actor.userId, this.deps.clock());
    if (!/^[A-Za-z0-9+/=\s]+$/.test(body.data)) throw fieldError(422, 'invalid_file', '/data', 'The file must be sent base64-encoded');
    const data = Buffer.from(body.data, 'base64');
    if (data.length === 0) throw fieldError(422, 'invalid_file', '/data', 'The file is empty');
    if (data.length > S.ATTACHMENT_MAX_BYTES) {
      throw fieldError(413, 'file_too_large', '/data', `A file may be at most ${S.ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`);
    }
    const sniffed = sniffType(data);
    const claimed = body.contentType.toLowerCase().split(';')[0]!.trim();
    const ext = /\.[a-z0-9]+$/i.exec(body.filename)?.[0].toLowerCase() ?? '';
    if (!sniffed || !(claimed in ALLOWED_FILES)) {
      throw fieldError(415, 'file_type_not_allowed', '/contentType', 'Attach PDF, DOCX, XLSX, ODT, PNG, JPEG or WEBP files only');
    }
    if (sniffed !== claimed || !(ALLOWED_FILES[sniffed] as readonly string[]).includes(ext)) {
      throw fieldError(415, 'file_type_mismatch', '/data', 'The file content does not match its name or type');
    }
    if ((await forumRepository.countLooseAttachments(this.db, actor.userId)) >= LOOSE_UPLOADS.maxPerPerson) {
      throw new AppError(429, 'too_many_uploads', `You have ${LOOSE_UPLOADS.maxPerPerson} files waiting to be posted; post them first (unposted files are removed after a day)`);
    }
    const filename = body.filename.replace(/[\\/\u0000-\u001f"]/g, '_').slice(0, 200);
    const row = await forumRepository.insertAttachment(this.db, { uploaderId: actor.userId, filename, contentType: sniffed as AllowedType, data });
    return { id: row.id, filename: row.filename, contentType: row.content_type, size: row.size, url: attachmentUrl(row.id) };
  }

  /** A file for download: whoever can read the post (hidden posts: author and moderators), or its uploader before posting. */
  /** Deletes uploads that never made it into a post within a day. */
  async sweepLooseAttachments(): Promise<number> {
    return forumRepository.deleteLooseAttachments(this.db, new Date(this.deps.clock().getTime() - LOOSE_UPLOADS.maxAgeMs));
  }

  async attachment(actor: Actor | null, id: string): Promise<StoredFile> {
    const file = await forumRepository.findAttachment(this.db, id);
    if (!file) throw notFound('File');
    if (file.post_id === null) {
      if (!actor || actor.userId !== file.uploader_id) throw notFound('File');
    } else {
      const ctx = await forumRepository.findPostContext(this.db, file.post_id);
      if (!ctx || ctx.post.deleted_at) throw notFound('File');
      if (ctx.post.hidden_at && ctx.post.author_id !== actor?.userId && !policy.moderate(await this.roleIn(actor, ctx.category.id), 'hide')) throw notFound('File');
    }
    return { filename: file.filename, contentType: file.content_type, data: Buffer.from(file.data) };
  }

  /** Search within forums, through the search engine's posts index. */
  async search(query: { q: string; category?: string; limit?: number }): Promise<S.ForumSearchHit[]> {
    const { engine, indexer } = this.deps.search;
    const filter = query.category ? `categorySlug = ${JSON.stringify(query.category)}` : undefined;
    const result = await engine.search<{ id: string; threadId: string; threadTitle: string; categorySlug: string; body: string; createdAt: number }>(indexer.uid('posts'), {
      q: query.q,
      ...(filter && { filter }),
      limit: query.limit ?? 20,
      attributesToSearchOn: textAttributes('posts'),
    });
    return result.hits.map((h) => ({
      postId: h.id,
      threadId: h.threadId,
      threadTitle: h.threadTitle,
      categorySlug: h.categorySlug,
      excerpt: excerpt(h.body),
      createdAt: new Date(h.createdAt).toISOString(),
    }));
  }
}

export const attachmentUrl = (id: string) => `/api/v1/forums/attachments/${id}`;

export function toPostDto(r: ForumPostRow, viewerId: string | null, seeHidden: boolean, hide: { id: string; appeal: S.ForumPost['appealStatus'] } | null): S.ForumPost {
  const mine = viewerId !== null && r.author_id === viewerId;
  const hidden = r.hidden_at !== null;
  const showText = !r.deleted_at && (!hidden || mine || seeHidden);
  return {
    id: r.id,
    threadId: r.thread_id,
    authorId: r.author_id,
    authorName: r.author_name,
    body: showText ? r.body : '',
    quoteOf: r.quote_of,
    quote: r.quote_of ? { authorName: r.quote_author_name, excerpt: r.quote_body === null ? null : excerpt(r.quote_body) } : null,
    replyTo: r.reply_to,
    mentions: r.mentions,
    createdAt: r.created_at.toISOString(),
    editedAt: r.edited_at?.toISOString() ?? null,
    editReason: r.edit_reason,
    deleted: r.deleted_at !== null,
    hidden,
    hiddenReason: hidden && (mine || seeHidden) ? r.hidden_reason : null,
    hideActionId: hidden && (mine || seeHidden) ? (hide?.id ?? null) : null,
    appealStatus: hidden && (mine || seeHidden) ? (hide?.appeal ?? null) : null,
    reactions: r.reactions,
    attachments: r.deleted_at || (hidden && !mine && !seeHidden) ? [] : r.attachments.map((a) => ({ id: a.id, filename: a.filename, contentType: a.content_type, size: a.size, url: attachmentUrl(a.id) })),
    mine,
  };
}
