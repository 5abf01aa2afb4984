import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { PageQuery, Timestamp, Uuid } from './common';

/** The most a forum post may hold, in characters. */
export const POST_MAX_CHARS = 20_000 as const;
export const THREAD_TITLE_MAX = 200 as const;
/** Reactions are a small fixed set, so they stay meaningful and cannot carry text. */
export const REACTIONS = ['thumbs_up', 'heart', 'laugh', 'idea', 'thanks'] as const;
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENTS_PER_POST = 5;

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Slug = Type.String({ minLength: 2, maxLength: 60, pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' });

export const Reaction = Type.Union(REACTIONS.map((r) => Type.Literal(r)));
export type Reaction = Static<typeof Reaction>;

export const ForumCategory = Type.Object({
  id: Uuid,
  slug: Type.String(),
  title: Type.String(),
  description: Type.String(),
  scopeTerritory: Nullable(Type.String()),
  scopeOrganisationId: Nullable(Uuid),
  position: Type.Integer(),
  threadCount: Type.Integer(),
  postCount: Type.Integer(),
  /** Posts by others since the caller last looked at each thread. */
  newPosts: Type.Integer(),
  moderators: Type.Array(Type.Object({ userId: Uuid, displayName: Type.String() })),
  canModerate: Type.Boolean(),
  canPost: Type.Boolean(),
});
export type ForumCategory = Static<typeof ForumCategory>;
export const ForumCategoryList = Type.Object({ items: Type.Array(ForumCategory) });

export const CreateCategoryBody = Type.Object(
  {
    slug: Slug,
    title: Type.String({ minLength: 1, maxLength: 120 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    scopeTerritory: Type.Optional(Nullable(Type.String({ minLength: 2, maxLength: 20 }))),
    scopeOrganisationId: Type.Optional(Nullable(Uuid)),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  },
  { additionalProperties: false },
);
export type CreateCategoryBody = Static<typeof CreateCategoryBody>;
export const UpdateCategoryBody = Type.Partial(CreateCategoryBody, { additionalProperties: false });
export type UpdateCategoryBody = Static<typeof UpdateCategoryBody>;

export const ForumThread = Type.Object({
  id: Uuid,
  categoryId: Uuid,
  categorySlug: Type.String(),
  categoryTitle: Type.String(),
  title: Type.String(),
  authorId: Nullable(Uuid),
  authorName: Nullable(Type.String()),
  pinned: Type.Boolean(),
  locked: Type.Boolean(),
  postCount: Type.Integer(),
  lastPostAt: Timestamp,
  createdAt: Timestamp,
  mergedInto: Nullable(Uuid),
  newPosts: Type.Integer(),
  subscribed: Type.Boolean(),
  canModerate: Type.Boolean(),
  canPost: Type.Boolean(),
});
export type ForumThread = Static<typeof ForumThread>;
export const ForumThreadPage = Type.Object({ category: ForumCategory, items: Type.Array(ForumThread), nextCursor: Nullable(Type.String()) });
export type ForumThreadPage = Static<typeof ForumThreadPage>;

export const AttachmentInfo = Type.Object({ id: Uuid, filename: Type.String(), contentType: Type.String(), size: Type.Integer(), url: Type.String() });
export type AttachmentInfo = Static<typeof AttachmentInfo>;

export const ForumPost = Type.Object({
  id: Uuid,
  threadId: Uuid,
  authorId: Nullable(Uuid),
  authorName: Nullable(Type.String()),
  /** Empty when deleted, or hidden from this reader. */
  body: Type.String(),
  quoteOf: Nullable(Uuid),
  quote: Nullable(Type.Object({ authorName: Nullable(Type.String()), excerpt: Nullable(Type.String()) })),
  replyTo: Nullable(Uuid),
  mentions: Type.Array(Uuid),
  createdAt: Timestamp,
  editedAt: Nullable(Timestamp),
  /** A moderator's reason when they edited the post. */
  editReason: Nullable(Type.String()),
  deleted: Type.Boolean(),
  hidden: Type.Boolean(),
  /** Shown to the author and moderators only. */
  hiddenReason: Nullable(Type.String()),
  /** The moderation action that hid the post (author: to appeal it), and the appeal's state. */
  hideActionId: Nullable(Uuid),
  appealStatus: Nullable(Type.Union([Type.Literal('open'), Type.Literal('upheld'), Type.Literal('reversed')])),
  reactions: Type.Array(Type.Object({ emoji: Type.String(), count: Type.Integer(), mine: Type.Boolean() })),
  attachments: Type.Array(AttachmentInfo),
  mine: Type.Boolean(),
});
export type ForumPost = Static<typeof ForumPost>;
export const ForumPostPage = Type.Object({ thread: ForumThread, items: Type.Array(ForumPost), nextCursor: Nullable(Type.String()) });
export type ForumPostPage = Static<typeof ForumPostPage>;

const Body = Type.String({ minLength: 1, maxLength: POST_MAX_CHARS });
const AttachmentIds = Type.Array(Uuid, { maxItems: ATTACHMENTS_PER_POST, uniqueItems: true });

export const CreateThreadBody = Type.Object(
  { title: Type.String({ minLength: 1, maxLength: THREAD_TITLE_MAX }), body: Body, attachmentIds: Type.Optional(AttachmentIds) },
  { additionalProperties: false },
);
export type CreateThreadBody = Static<typeof CreateThreadBody>;
export const CreatePostBody = Type.Object(
  { body: Body, quoteOf: Type.Optional(Nullable(Uuid)), replyTo: Type.Optional(Nullable(Uuid)), attachmentIds: Type.Optional(AttachmentIds) },
  { additionalProperties: false },
);
export type CreatePostBody = Static<typeof CreatePostBody>;
export const EditPostBody = Type.Object({ body: Body }, { additionalProperties: false });
export const ReactBody = Type.Object({ emoji: Reaction }, { additionalProperties: false });
export const SubscribeBody = Type.Object({ subscribed: Type.Boolean() }, { additionalProperties: false });

export const UploadBody = Type.Object(
  {
    filename: Type.String({ minLength: 1, maxLength: 200 }),
    contentType: Type.String({ minLength: 3, maxLength: 120 }),
    /** The file, base64-encoded (the route's body limit bounds it; the service checks the decoded size). */
    data: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);
export type UploadBody = Static<typeof UploadBody>;

export const SlugParams = Type.Object({ slug: Type.String({ maxLength: 60 }) });
export const CategoryModeratorParams = Type.Object({ id: Uuid, userId: Uuid });
export const ThreadListQuery = Type.Object({ ...PageQuery });
export const PostListQuery = Type.Object({ ...PageQuery });

export const ForumSearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 200 }),
  category: Type.Optional(Type.String({ maxLength: 60 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
});
export const ForumSearchHit = Type.Object({
  postId: Uuid,
  threadId: Uuid,
  threadTitle: Type.String(),
  categorySlug: Type.String(),
  excerpt: Type.String(),
  createdAt: Timestamp,
});
export type ForumSearchHit = Static<typeof ForumSearchHit>;
export const ForumSearchResult = Type.Object({ items: Type.Array(ForumSearchHit) });
