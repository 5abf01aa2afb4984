import { sql } from 'kysely';
import type { Attachment, ForumCategory, ForumPost, ForumThread } from '../tables';
import { decodeCursor, encodeCursor, type Db } from './db';

export interface CategoryRow extends ForumCategory {
  thread_count: number;
  post_count: number;
  /** Posts by others since the user's last visit of each thread (0 for anonymous readers). */
  new_posts: number;
}

export interface ThreadRow extends ForumThread {
  author_name: string | null;
  category_slug: string;
  category_title: string;
  new_posts: number;
  subscribed: boolean;
}

export interface PostRow extends ForumPost {
  author_name: string | null;
  quote_author_name: string | null;
  quote_body: string | null;
  quote_hidden: boolean;
  reactions: Array<{ emoji: string; count: number; mine: boolean }>;
  attachments: Array<{ id: string; filename: string; content_type: string; size: number }>;
}

export interface PostContext {
  post: ForumPost;
  thread: ForumThread;
  category: ForumCategory;
}

const count = (n: unknown) => Number(n ?? 0);

export async function listCategories(db: Db, userId: string | null): Promise<CategoryRow[]> {
  const rows = await sql<ForumCategory & { thread_count: string; post_count: string; new_posts: string }>`
    select c.*,
      (select count(*) from forum_threads t where t.category_id = c.id and t.merged_into is null) as thread_count,
      (select coalesce(sum(t.post_count), 0) from forum_threads t where t.category_id = c.id and t.merged_into is null) as post_count,
      (select count(*) from forum_posts p join forum_threads t on t.id = p.thread_id
         left join forum_thread_reads r on r.thread_id = t.id and r.user_id = ${userId}
         where ${userId}::uuid is not null and t.category_id = c.id and t.merged_into is null and p.deleted_at is null
           and p.author_id is distinct from ${userId}::uuid and p.created_at > coalesce(r.last_read_at, '-infinity'::timestamptz)) as new_posts
    from forum_categories c
    order by c.position, c.title, c.id`.execute(db);
  return rows.rows.map((r) => ({ ...r, thread_count: count(r.thread_count), post_count: count(r.post_count), new_posts: count(r.new_posts) }));
}

export function findCategory(db: Db, idOrSlug: { id?: string; slug?: string }): Promise<ForumCategory | undefined> {
  let q = db.selectFrom('forum_categories').selectAll();
  if (idOrSlug.id) q = q.where('id', '=', idOrSlug.id);
  else q = q.where('slug', '=', idOrSlug.slug ?? '');
  return q.executeTakeFirst();
}

export interface CategoryInput {
  slug: string;
  title: string;
  description: string;
  scopeTerritory: string | null;
  scopeOrganisationId: string | null;
  position: number;
}

export function insertCategory(db: Db, input: CategoryInput): Promise<ForumCategory> {
  return db
    .insertInto('forum_categories')
    .values({
      slug: input.slug,
      title: input.title,
      description: input.description,
      scope_territory: input.scopeTerritory,
      scope_organisation_id: input.scopeOrganisationId,
      position: input.position,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateCategory(db: Db, id: string, input: Partial<CategoryInput>): Promise<ForumCategory | undefined> {
  return db
    .updateTable('forum_categories')
    .set({
      ...(input.slug !== undefined && { slug: input.slug }),
      ...(input.title !== undefined && { title: input.title }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.scopeTerritory !== undefined && { scope_territory: input.scopeTerritory }),
      ...(input.scopeOrganisationId !== undefined && { scope_organisation_id: input.scopeOrganisationId }),
      ...(input.position !== undefined && { position: input.position }),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function addCategoryModerator(db: Db, categoryId: string, userId: string): Promise<void> {
  await db.insertInto('forum_category_moderators').values({ category_id: categoryId, user_id: userId }).onConflict((oc) => oc.doNothing()).execute();
}

export async function removeCategoryModerator(db: Db, categoryId: string, userId: string): Promise<boolean> {
  const r = await db.deleteFrom('forum_category_moderators').where('category_id', '=', categoryId).where('user_id', '=', userId).executeTakeFirst();
  return r.numDeletedRows > 0n;
}

export function listCategoryModerators(db: Db, categoryId: string): Promise<Array<{ user_id: string; display_name: string }>> {
  return db
    .selectFrom('forum_category_moderators as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.display_name'])
    .where('m.category_id', '=', categoryId)
    .orderBy('u.display_name')
    .execute();
}

/** The categories a user moderates. */
export async function moderatedCategoryIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('forum_category_moderators').select('category_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.category_id);
}

function threadQuery(db: Db, userId: string | null) {
  return db
    .selectFrom('forum_threads as t')
    .innerJoin('forum_categories as c', 'c.id', 't.category_id')
    .leftJoin('users as u', 'u.id', 't.author_id')
    .selectAll('t')
    .select((eb) => [
      'u.display_name as author_name',
      'c.slug as category_slug',
      'c.title as category_title',
      sql<string>`(select count(*) from forum_posts p left join forum_thread_reads r on r.thread_id = t.id and r.user_id = ${userId}
        where ${userId}::uuid is not null and p.thread_id = t.id and p.deleted_at is null and p.author_id is distinct from ${userId}::uuid
          and p.created_at > coalesce(r.last_read_at, '-infinity'::timestamptz))`.as('new_posts'),
      eb
        .exists(eb.selectFrom('forum_subscriptions as s').select('s.user_id').whereRef('s.thread_id', '=', 't.id').where('s.user_id', '=', userId ?? '00000000-0000-0000-0000-000000000000'))
        .as('subscribed'),
    ]);
}

function toThreadRow(r: Record<string, unknown>): ThreadRow {
  return { ...(r as unknown as ThreadRow), new_posts: count(r.new_posts), subscribed: Boolean(r.subscribed) };
}

/** Threads of a category: pinned first, then most recently active; keyset over (pinned, last_post_at, id). */
export async function listThreads(db: Db, categoryId: string, userId: string | null, limit: number, cursor?: string): Promise<{ items: ThreadRow[]; nextCursor: string | null } | null> {
  let q = threadQuery(db, userId).where('t.category_id', '=', categoryId).where('t.merged_into', 'is', null);
  if (cursor) {
    const after = decodeCursor(cursor);
    const [flag, iso] = after ? after[0].split('|') : [];
    const at = new Date(iso ?? '');
    if (!after || Number.isNaN(at.getTime()) || (flag !== '0' && flag !== '1')) return null;
    const pinned = flag === '1';
    const id = after[1];
    q = q.where((eb) =>
      eb.or([
        eb('t.pinned', '<', pinned),
        eb.and([eb('t.pinned', '=', pinned), eb.or([eb('t.last_post_at', '<', at), eb.and([eb('t.last_post_at', '=', at), eb('t.id', '<', id)])])]),
      ]),
    );
  }
  const rows = await q.orderBy('t.pinned', 'desc').orderBy('t.last_post_at', 'desc').orderBy('t.id', 'desc').limit(limit + 1).execute();
  const items = rows.slice(0, limit).map(toThreadRow);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(`${last.pinned ? 1 : 0}|${last.last_post_at.toISOString()}`, last.id) : null };
}

export async function findThread(db: Db, id: string, userId: string | null = null): Promise<ThreadRow | undefined> {
  const row = await threadQuery(db, userId).where('t.id', '=', id).executeTakeFirst();
  return row ? toThreadRow(row) : undefined;
}

export function insertThread(db: Db, input: { categoryId: string; title: string; authorId: string }): Promise<ForumThread> {
  return db.insertInto('forum_threads').values({ category_id: input.categoryId, title: input.title, author_id: input.authorId, merged_into: null }).returningAll().executeTakeFirstOrThrow();
}

export function updateThread(db: Db, id: string, changes: Partial<Pick<ForumThread, 'title' | 'pinned' | 'locked' | 'category_id' | 'merged_into'>>): Promise<ForumThread | undefined> {
  return db.updateTable('forum_threads').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Recounts a thread's visible posts and its latest activity. */
export async function recountThread(db: Db, id: string): Promise<void> {
  await sql`update forum_threads t set
      post_count = (select count(*) from forum_posts p where p.thread_id = t.id and p.deleted_at is null),
      last_post_at = coalesce((select max(p.created_at) from forum_posts p where p.thread_id = t.id), t.created_at)
    where t.id = ${id}`.execute(db);
}

export interface NewPostInput {
  threadId: string;
  authorId: string;
  body: string;
  quoteOf: string | null;
  replyTo: string | null;
  mentions: string[];
}

/** Stores a post and moves its thread's counters, in the caller's transaction. */
export async function insertPost(db: Db, input: NewPostInput): Promise<ForumPost> {
  const post = await db
    .insertInto('forum_posts')
    .values({
      thread_id: input.threadId,
      author_id: input.authorId,
      body: input.body,
      quote_of: input.quoteOf,
      reply_to: input.replyTo,
      mentions: JSON.stringify(input.mentions),
      edited_at: null,
      edit_reason: null,
      deleted_at: null,
      hidden_at: null,
      hidden_by: null,
      hidden_reason: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .updateTable('forum_threads')
    .set({ post_count: sql`post_count + 1`, last_post_at: post.created_at })
    .where('id', '=', input.threadId)
    .execute();
  return post;
}

export function updatePost(
  db: Db,
  id: string,
  changes: Partial<Pick<ForumPost, 'body' | 'edited_at' | 'edit_reason' | 'deleted_at' | 'hidden_at' | 'hidden_by' | 'hidden_reason'>> & { mentions?: string[] },
): Promise<ForumPost | undefined> {
  const { mentions, ...rest } = changes;
  return db
    .updateTable('forum_posts')
    .set({ ...rest, ...(mentions !== undefined && { mentions: JSON.stringify(mentions) }) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function findPostContext(db: Db, postId: string): Promise<PostContext | undefined> {
  const post = await db.selectFrom('forum_posts').selectAll().where('id', '=', postId).executeTakeFirst();
  if (!post) return undefined;
  const thread = await db.selectFrom('forum_threads').selectAll().where('id', '=', post.thread_id).executeTakeFirstOrThrow();
  const category = await db.selectFrom('forum_categories').selectAll().where('id', '=', thread.category_id).executeTakeFirstOrThrow();
  return { post, thread, category };
}

async function decoratePosts(db: Db, posts: Array<ForumPost & { author_name: string | null; quote_author_name: string | null; quote_body: string | null; quote_hidden_at: Date | null; quote_deleted_at: Date | null }>, userId: string | null): Promise<PostRow[]> {
  if (posts.length === 0) return [];
  const ids = posts.map((p) => p.id);
  const reactions = await db
    .selectFrom('forum_post_reactions')
    .select((eb) => ['post_id', 'emoji', eb.fn.countAll<string>().as('n'), sql<boolean>`bool_or(user_id = ${userId})`.as('mine')])
    .where('post_id', 'in', ids)
    .groupBy(['post_id', 'emoji'])
    .orderBy('emoji')
    .execute();
  const files = await db
    .selectFrom('attachments')
    .select(['id', 'post_id', 'filename', 'content_type', 'size'])
    .where('post_id', 'in', ids)
    .orderBy('created_at')
    .execute();
  return posts.map(({ quote_hidden_at, quote_deleted_at, ...p }) => ({
    ...p,
    quote_hidden: quote_hidden_at !== null || quote_deleted_at !== null,
    quote_body: quote_hidden_at !== null || quote_deleted_at !== null ? null : p.quote_body,
    reactions: reactions.filter((r) => r.post_id === p.id).map((r) => ({ emoji: r.emoji, count: count(r.n), mine: Boolean(r.mine) })),
    attachments: files.filter((f) => f.post_id === p.id).map(({ post_id: _post, ...f }) => f),
  }));
}

function postQuery(db: Db) {
  return db
    .selectFrom('forum_posts as p')
    .leftJoin('users as u', 'u.id', 'p.author_id')
    .leftJoin('forum_posts as q', 'q.id', 'p.quote_of')
    .leftJoin('users as qu', 'qu.id', 'q.author_id')
    .selectAll('p')
    .select(['u.display_name as author_name', 'qu.display_name as quote_author_name', 'q.body as quote_body', 'q.hidden_at as quote_hidden_at', 'q.deleted_at as quote_deleted_at']);
}

/** Posts of a thread, oldest first; keyset over (created_at, id). */
export async function listPosts(db: Db, threadId: string, userId: string | null, limit: number, cursor?: string): Promise<{ items: PostRow[]; nextCursor: string | null } | null> {
  let q = postQuery(db).where('p.thread_id', '=', threadId);
  if (cursor) {
    const after = decodeCursor(cursor);
    const at = after ? new Date(after[0]) : new Date(NaN);
    if (!after || Number.isNaN(at.getTime())) return null;
    const id = after[1];
    q = q.where((eb) => eb.or([eb('p.created_at', '>', at), eb.and([eb('p.created_at', '=', at), eb('p.id', '>', id)])]));
  }
  const rows = await q.orderBy('p.created_at').orderBy('p.id').limit(limit + 1).execute();
  const items = await decoratePosts(db, rows.slice(0, limit), userId);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.created_at.toISOString(), last.id) : null };
}

export async function findPost(db: Db, id: string, userId: string | null): Promise<PostRow | undefined> {
  const row = await postQuery(db).where('p.id', '=', id).executeTakeFirst();
  return row ? (await decoratePosts(db, [row], userId))[0] : undefined;
}

/** Adds the reaction, or takes it back if the user had it; true when it is now on. */
export async function toggleReaction(db: Db, postId: string, userId: string, emoji: string): Promise<boolean> {
  const removed = await db.deleteFrom('forum_post_reactions').where('post_id', '=', postId).where('user_id', '=', userId).where('emoji', '=', emoji).executeTakeFirst();
  if (removed.numDeletedRows > 0n) return false;
  await db.insertInto('forum_post_reactions').values({ post_id: postId, user_id: userId, emoji }).onConflict((oc) => oc.doNothing()).execute();
  return true;
}

export async function subscribe(db: Db, threadId: string, userId: string): Promise<void> {
  await db.insertInto('forum_subscriptions').values({ thread_id: threadId, user_id: userId }).onConflict((oc) => oc.doNothing()).execute();
}

export async function unsubscribe(db: Db, threadId: string, userId: string): Promise<void> {
  await db.deleteFrom('forum_subscriptions').where('thread_id', '=', threadId).where('user_id', '=', userId).execute();
}

export async function subscriberIds(db: Db, threadId: string): Promise<string[]> {
  const rows = await db.selectFrom('forum_subscriptions').select('user_id').where('thread_id', '=', threadId).execute();
  return rows.map((r) => r.user_id);
}

/** Records that the user has seen the thread up to `at` (never moves back). */
export async function markThreadRead(db: Db, threadId: string, userId: string, at: Date): Promise<void> {
  await db
    .insertInto('forum_thread_reads')
    .values({ thread_id: threadId, user_id: userId, last_read_at: at })
    .onConflict((oc) => oc.columns(['thread_id', 'user_id']).doUpdateSet({ last_read_at: sql`greatest(forum_thread_reads.last_read_at, excluded.last_read_at)` }))
    .execute();
}

/** Moves every post of `fromId` into `intoId` and recounts both threads. */
export async function mergeThreads(db: Db, fromId: string, intoId: string): Promise<void> {
  await db.updateTable('forum_posts').set({ thread_id: intoId }).where('thread_id', '=', fromId).execute();
  await sql`insert into forum_subscriptions (thread_id, user_id)
    select ${intoId}, user_id from forum_subscriptions where thread_id = ${fromId} on conflict do nothing`.execute(db);
  await db.updateTable('forum_threads').set({ merged_into: intoId, locked: true }).where('id', '=', fromId).execute();
  await recountThread(db, fromId);
  await recountThread(db, intoId);
}

/** Posts a user wrote (all time, and since `since`): the new-account limits look at both. */
export async function postActivity(db: Db, userId: string, since: Date): Promise<{ total: number; recent: number }> {
  const row = await db
    .selectFrom('forum_posts')
    .select([sql<string>`count(*)`.as('total'), sql<string>`count(*) filter (where created_at > ${since})`.as('recent')])
    .where('author_id', '=', userId)
    .executeTakeFirstOrThrow();
  return { total: count(row.total), recent: count(row.recent) };
}

export function insertAttachment(db: Db, input: { uploaderId: string; filename: string; contentType: string; data: Buffer }): Promise<Pick<Attachment, 'id' | 'filename' | 'content_type' | 'size'>> {
  return db
    .insertInto('attachments')
    .values({ uploader_id: input.uploaderId, filename: input.filename, content_type: input.contentType, size: input.data.length, data: input.data, post_id: null })
    .returning(['id', 'filename', 'content_type', 'size'])
    .executeTakeFirstOrThrow();
}

/** Attaches the uploader's own loose files to a post; returns how many were attached. */
export async function attachToPost(db: Db, postId: string, uploaderId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db.updateTable('attachments').set({ post_id: postId }).where('id', 'in', ids).where('uploader_id', '=', uploaderId).where('post_id', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Files not attached to any post yet, uploaded by this person. */
export async function countLooseAttachments(db: Db, uploaderId: string): Promise<number> {
  const row = await db.selectFrom('attachments').select((eb) => eb.fn.countAll<string>().as('n')).where('uploader_id', '=', uploaderId).where('post_id', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Removes files never attached to a post that were uploaded before `before`; returns how many. */
export async function deleteLooseAttachments(db: Db, before: Date): Promise<number> {
  const r = await db.deleteFrom('attachments').where('post_id', 'is', null).where('created_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export function findAttachment(db: Db, id: string): Promise<Attachment | undefined> {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface PostSourceRow {
  id: string;
  body: string;
  thread_id: string;
  thread_title: string;
  category_id: string;
  category_slug: string;
  created_at: Date;
}

/** Visible posts for the search index (hidden, deleted and merged-away content stays out). */
export function listPostSources(db: Db, query: { ids?: string[]; afterId?: string; limit: number }): Promise<PostSourceRow[]> {
  let q = db
    .selectFrom('forum_posts as p')
    .innerJoin('forum_threads as t', 't.id', 'p.thread_id')
    .innerJoin('forum_categories as c', 'c.id', 't.category_id')
    .select(['p.id', 'p.body', 'p.thread_id', 't.title as thread_title', 't.category_id', 'c.slug as category_slug', 'p.created_at'])
    .where('p.deleted_at', 'is', null)
    .where('p.hidden_at', 'is', null);
  if (query.ids) q = q.where('p.id', 'in', query.ids.length ? query.ids : ['00000000-0000-0000-0000-000000000000']);
  if (query.afterId) q = q.where('p.id', '>', query.afterId);
  return q.orderBy('p.id').limit(query.limit).execute();
}

export async function countVisiblePosts(db: Db): Promise<number> {
  const row = await db.selectFrom('forum_posts').select((eb) => eb.fn.countAll<string>().as('n')).where('deleted_at', 'is', null).where('hidden_at', 'is', null).executeTakeFirstOrThrow();
  return count(row.n);
}

export async function postIdsOfThread(db: Db, threadId: string): Promise<string[]> {
  const rows = await db.selectFrom('forum_posts').select('id').where('thread_id', '=', threadId).execute();
  return rows.map((r) => r.id);
}

/** People who took part in a thread (authors and subscribers) whose name or id the text mentions. */
export function mentionCandidates(db: Db, threadId: string, text: string, ids: string[]) {
  return db
    .selectFrom('users as u')
    .select(['u.id as user_id', 'u.display_name'])
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('forum_posts as p').select('p.id').whereRef('p.author_id', '=', 'u.id').where('p.thread_id', '=', threadId)),
        eb.exists(eb.selectFrom('forum_subscriptions as s').select('s.user_id').whereRef('s.user_id', '=', 'u.id').where('s.thread_id', '=', threadId)),
      ]),
    )
    .where((eb) => {
      const byName = sql<boolean>`strpos(lower(${text}), '@' || lower(u.display_name)) > 0`;
      return ids.length > 0 ? eb.or([byName, eb('u.id', 'in', ids)]) : byName;
    })
    .limit(200)
    .execute();
}
