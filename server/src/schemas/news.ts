import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { PageQuery, Timestamp, Uuid } from './common';
import { ContentLanguage } from './plans';

export const NEWS_TITLE_MAX = 200 as const;
export const NEWS_SUMMARY_MAX = 500 as const;
export const NEWS_BODY_MAX = 20_000 as const;

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const NewsStatus = Type.Union([Type.Literal('draft'), Type.Literal('published')]);
export type NewsStatus = Static<typeof NewsStatus>;

/** A post as listed in a feed (no body). */
export const NewsItem = Type.Object({
  id: Uuid,
  /** null: a platform announcement. */
  organisationId: Nullable(Uuid),
  organisationName: Nullable(Type.String()),
  authorName: Nullable(Type.String()),
  title: Type.String(),
  summary: Type.String(),
  language: Type.String(),
  ideaId: Nullable(Uuid),
  ideaTitle: Nullable(Type.String()),
  planId: Nullable(Uuid),
  planTitle: Nullable(Type.String()),
  status: NewsStatus,
  pinned: Type.Boolean(),
  publishedAt: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type NewsItem = Static<typeof NewsItem>;

export const NewsPost = Type.Composite([
  NewsItem,
  Type.Object({
    /** Raw Markdown; the reader renders it sanitised. */
    body: Type.String(),
    version: Type.Integer(),
    hidden: Type.Boolean(),
    /** Shown to the post's editors and moderators only. */
    hiddenReason: Nullable(Type.String()),
    canEdit: Type.Boolean(),
    canPin: Type.Boolean(),
    canModerate: Type.Boolean(),
  }),
]);
export type NewsPost = Static<typeof NewsPost>;
export const NewsPage = Type.Object({ items: Type.Array(NewsItem), nextCursor: Nullable(Type.String()) });
export type NewsPage = Static<typeof NewsPage>;

const Title = Type.String({ minLength: 1, maxLength: NEWS_TITLE_MAX });
const Summary = Type.String({ maxLength: NEWS_SUMMARY_MAX });
const Body = Type.String({ maxLength: NEWS_BODY_MAX });

export const CreateNewsBody = Type.Object(
  {
    /** null or absent: a platform post (admins only). */
    organisationId: Type.Optional(Nullable(Uuid)),
    title: Title,
    summary: Type.Optional(Summary),
    body: Body,
    language: ContentLanguage,
    ideaId: Type.Optional(Nullable(Uuid)),
    planId: Type.Optional(Nullable(Uuid)),
    status: Type.Optional(NewsStatus),
  },
  { additionalProperties: false },
);
export type CreateNewsBody = Static<typeof CreateNewsBody>;

export const UpdateNewsBody = Type.Object(
  {
    title: Type.Optional(Title),
    summary: Type.Optional(Summary),
    body: Type.Optional(Body),
    language: Type.Optional(ContentLanguage),
    ideaId: Type.Optional(Nullable(Uuid)),
    planId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);
export type UpdateNewsBody = Static<typeof UpdateNewsBody>;

export const PinBody = Type.Object({ pinned: Type.Boolean() }, { additionalProperties: false });
export const HideBody = Type.Object({ hidden: Type.Boolean(), reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false });

export const NewsListQuery = Type.Object({
  ...PageQuery,
  organisationId: Type.Optional(Uuid),
  language: Type.Optional(ContentLanguage),
  // PostgreSQL refuses NUL characters in text: they are turned away here, not as a server error.
  q: Type.Optional(Type.String({ maxLength: 200, pattern: '^[^\\u0000]*$' })),
  /** 'draft': drafts of the organisations I belong to (and platform drafts for admins). */
  status: Type.Optional(NewsStatus),
});
export type NewsListQuery = Static<typeof NewsListQuery>;
export const OrganisationNewsQuery = Type.Object({ ...PageQuery, language: Type.Optional(ContentLanguage) });
export const FeedQuery = Type.Object({ organisationId: Type.Optional(Uuid), language: Type.Optional(ContentLanguage) });
