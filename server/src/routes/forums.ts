import { Type } from '@sinclair/typebox';
import type { App } from '../app';
import { IdParams } from '../schemas/common';
import * as S from '../schemas/forums';
import { problemResponses } from '../schemas/responses';

const tags = ['forums'];
const security = [{ bearer: [] }];

/** Forums over HTTP; readers of a thread get new posts live through socket.io ('forum:watch'). */
export default async function forumRoutes(app: App) {
  const { forums } = app.services;
  const auth = { preHandler: app.authenticate };
  const open = { preHandler: app.identify };
  const rateLimit = { max: app.config.postRateLimit, timeWindow: '1 minute' };

  app.get(
    '/api/v1/forums/categories',
    { ...open, schema: { tags, summary: 'Forum categories with thread counts and new posts since my last visit', response: { 200: S.ForumCategoryList, ...problemResponses } } },
    async (request) => ({ items: await forums.listCategories(request.actor) }),
  );

  app.post(
    '/api/v1/forums/categories',
    { ...auth, config: { rateLimit }, schema: { tags, security, summary: 'Create a category (platform moderators and admins)', body: S.CreateCategoryBody, response: { 201: S.ForumCategory, ...problemResponses } } },
    async (request, reply) => reply.status(201).send(await forums.createCategory(request.actor!, request.body)),
  );

  app.get(
    '/api/v1/forums/categories/:slug',
    { ...open, schema: { tags, summary: 'One category', params: S.SlugParams, response: { 200: S.ForumCategory, ...problemResponses } } },
    async (request) => forums.getCategory(request.actor, request.params.slug),
  );

  app.patch(
    '/api/v1/forums/categories/:id',
    { ...auth, schema: { tags, security, summary: 'Change a category (platform moderators and admins)', params: IdParams, body: S.UpdateCategoryBody, response: { 200: S.ForumCategory, ...problemResponses } } },
    async (request) => forums.updateCategory(request.actor!, request.params.id, request.body),
  );

  app.put(
    '/api/v1/forums/categories/:id/moderators/:userId',
    { ...auth, schema: { tags, security, summary: 'Make someone a moderator of the category (platform moderators)', params: S.CategoryModeratorParams, response: { 200: S.ForumCategory, ...problemResponses } } },
    async (request) => forums.setCategoryModerator(request.actor!, request.params.id, request.params.userId, true),
  );

  app.delete(
    '/api/v1/forums/categories/:id/moderators/:userId',
    { ...auth, schema: { tags, security, summary: 'Remove a category moderator (platform moderators)', params: S.CategoryModeratorParams, response: { 200: S.ForumCategory, ...problemResponses } } },
    async (request) => forums.setCategoryModerator(request.actor!, request.params.id, request.params.userId, false),
  );

  app.get(
    '/api/v1/forums/categories/:slug/threads',
    { ...open, schema: { tags, summary: 'Threads of a category, pinned first, then most recently active', params: S.SlugParams, querystring: S.ThreadListQuery, response: { 200: S.ForumThreadPage, ...problemResponses } } },
    async (request) => forums.listThreads(request.actor, request.params.slug, request.query.limit ?? 20, request.query.cursor),
  );

  app.post(
    '/api/v1/forums/categories/:slug/threads',
    { ...auth, config: { rateLimit }, schema: { tags, security, summary: 'Start a thread with its first post', params: S.SlugParams, body: S.CreateThreadBody, response: { 201: Type.Object({ thread: S.ForumThread, post: S.ForumPost }), ...problemResponses } } },
    async (request, reply) => {
      const created = await forums.createThread(request.actor!, request.params.slug, request.body);
      return reply.status(201).header('location', `/api/v1/forums/threads/${created.thread.id}`).send(created);
    },
  );

  app.get(
    '/api/v1/forums/threads/:id',
    { ...open, schema: { tags, summary: 'A thread and a page of its posts, oldest first (marks them read)', params: IdParams, querystring: S.PostListQuery, response: { 200: S.ForumPostPage, ...problemResponses } } },
    async (request) => forums.listPosts(request.actor, request.params.id, request.query.limit ?? 50, request.query.cursor),
  );

  app.post(
    '/api/v1/forums/threads/:id/posts',
    { ...auth, config: { rateLimit }, schema: { tags, security, summary: 'Reply in a thread', params: IdParams, body: S.CreatePostBody, response: { 201: S.ForumPost, ...problemResponses } } },
    async (request, reply) => reply.status(201).send(await forums.createPost(request.actor!, request.params.id, request.body)),
  );

  app.put(
    '/api/v1/forums/threads/:id/subscription',
    { ...auth, schema: { tags, security, summary: 'Subscribe to (or unsubscribe from) new posts in a thread', params: IdParams, body: S.SubscribeBody, response: { 200: S.ForumThread, ...problemResponses } } },
    async (request) => forums.setSubscribed(request.actor!, request.params.id, request.body.subscribed),
  );

  app.get(
    '/api/v1/forums/posts/:id',
    { ...open, schema: { tags, summary: 'One post', params: IdParams, response: { 200: S.ForumPost, ...problemResponses } } },
    async (request) => forums.getPost(request.actor, request.params.id),
  );

  app.patch(
    '/api/v1/forums/posts/:id',
    { ...auth, schema: { tags, security, summary: 'Edit my post', params: IdParams, body: S.EditPostBody, response: { 200: S.ForumPost, ...problemResponses } } },
    async (request) => forums.editPost(request.actor!, request.params.id, request.body.body),
  );

  app.delete(
    '/api/v1/forums/posts/:id',
    { ...auth, schema: { tags, security, summary: 'Delete my post (its place stays, marked deleted)', params: IdParams, response: { 200: S.ForumPost, ...problemResponses } } },
    async (request) => forums.deleteOwnPost(request.actor!, request.params.id),
  );

  app.post(
    '/api/v1/forums/posts/:id/reactions',
    { ...auth, schema: { tags, security, summary: 'Toggle a reaction on a post', params: IdParams, body: S.ReactBody, response: { 200: S.ForumPost, ...problemResponses } } },
    async (request) => forums.react(request.actor!, request.params.id, request.body.emoji),
  );

  // Files arrive base64-encoded in JSON (no multipart parser is installed); the route allows a larger body.
  app.post(
    '/api/v1/forums/attachments',
    {
      ...auth,
      bodyLimit: Math.ceil((S.ATTACHMENT_MAX_BYTES * 4) / 3) + 64 * 1024,
      config: { rateLimit },
      schema: { tags, security, summary: 'Upload a file (PDF, DOCX, XLSX, ODT, PNG, JPEG, WEBP; at most 5 MB) to attach to a post', body: S.UploadBody, response: { 201: S.AttachmentInfo, ...problemResponses } },
    },
    async (request, reply) => reply.status(201).send(await forums.upload(request.actor!, request.body)),
  );

  app.get(
    '/api/v1/forums/attachments/:id',
    { ...open, schema: { tags, summary: 'Download an attached file', params: IdParams } },
    async (request, reply) => {
      const file = await forums.attachment(request.actor, request.params.id);
      const inline = file.contentType.startsWith('image/');
      const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_');
      return reply
        .header('content-type', file.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .send(file.data);
    },
  );

  app.get(
    '/api/v1/forums/search',
    { ...open, schema: { tags, summary: 'Search forum posts', querystring: S.ForumSearchQuery, response: { 200: S.ForumSearchResult, ...problemResponses } } },
    async (request) => ({ items: await forums.search(request.query) }),
  );
}
