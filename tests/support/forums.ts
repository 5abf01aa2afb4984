import { randomUUID } from 'node:crypto';
import type { Db } from '@partnera/db';
import type { App } from '@partnera/server';
import type { ForumCategory, ForumPost, ForumThread } from '@partnera/server/api-types';
import { sql } from 'kysely';
import { uniqueEmail, type TestUser } from './factories';

export const uniqueSlug = (label = 'cat') => `${label}-${randomUUID().slice(0, 8)}`;

/** A category created by a platform moderator or admin. */
export async function createCategory(app: App, staff: TestUser, overrides: Record<string, unknown> = {}): Promise<ForumCategory> {
  const slug = uniqueSlug();
  const res = await app.inject({ method: 'POST', url: '/api/v1/forums/categories', headers: staff.auth, payload: { slug, title: `Rubric ${slug}`, description: 'Talk about it', ...overrides } });
  if (res.statusCode !== 201) throw new Error(`create category failed: ${res.statusCode} ${res.body}`);
  return res.json<ForumCategory>();
}

export async function createThread(app: App, user: TestUser, slug: string, body = 'First post of the thread', title = `Thread ${randomUUID().slice(0, 6)}`): Promise<{ thread: ForumThread; post: ForumPost }> {
  const res = await app.inject({ method: 'POST', url: `/api/v1/forums/categories/${slug}/threads`, headers: user.auth, payload: { title, body } });
  if (res.statusCode !== 201) throw new Error(`create thread failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function reply(app: App, user: TestUser, threadId: string, payload: Record<string, unknown> | string) {
  return app.inject({ method: 'POST', url: `/api/v1/forums/threads/${threadId}/posts`, headers: user.auth, payload: typeof payload === 'string' ? { body: payload } : payload });
}

export async function postOk(app: App, user: TestUser, threadId: string, body: string): Promise<ForumPost> {
  const res = await reply(app, user, threadId, body);
  if (res.statusCode !== 201) throw new Error(`post failed: ${res.statusCode} ${res.body}`);
  return res.json<ForumPost>();
}

/**
 * Makes an account established (two days old, three earlier posts), so the new-account posting limits no
 * longer apply: tests that post often use it; the limits have their own test.
 */
export async function makeEstablished(db: Db, userId: string): Promise<void> {
  await sql`update users set created_at = now() - interval '2 days' where id = ${userId}`.execute(db);
  const category = await sql<{ id: string }>`
    insert into forum_categories (slug, title) values (${uniqueSlug('history')}, 'History') returning id`.execute(db);
  const thread = await sql<{ id: string }>`
    insert into forum_threads (category_id, title, author_id) values (${category.rows[0]!.id}, 'Earlier', ${userId}) returning id`.execute(db);
  for (let i = 0; i < 3; i++) {
    await sql`insert into forum_posts (thread_id, author_id, body, created_at) values (${thread.rows[0]!.id}, ${userId}, ${`earlier ${i}`}, now() - interval '1 hour')`.execute(db);
  }
}

/**
 * A user written straight to the database with an access token signed by the app: no password hashing,
 * so tests that need many people (the moderation matrix) stay fast. They cannot sign in with a password.
 */
export async function quickUser(app: App, db: Db, displayName: string): Promise<TestUser> {
  const email = uniqueEmail('quick');
  const row = await sql<{ id: string }>`
    insert into users (email, display_name, password_hash, locale) values (${email}, ${displayName}, 'not-a-hash', 'en') returning id`.execute(db);
  const id = row.rows[0]!.id;
  const token = app.jwt.sign({ sub: id });
  return { id, email, password: '', token, refresh: '', auth: { authorization: `Bearer ${token}` } };
}
