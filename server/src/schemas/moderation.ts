import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { PageQuery, Timestamp, Uuid } from './common';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const REPORT_REASONS = ['spam', 'abuse', 'off_topic', 'misinformation', 'personal_data', 'other'] as const;
export const ReportReason = Type.Union(REPORT_REASONS.map((r) => Type.Literal(r)));
export const ReportTargetKind = Type.Union([Type.Literal('forum_post'), Type.Literal('room_message'), Type.Literal('idea'), Type.Literal('news')]);
export type ReportTargetKind = Static<typeof ReportTargetKind>;
const Reason = Type.String({ maxLength: 1000 });

export const ReportBody = Type.Object(
  { targetKind: ReportTargetKind, targetId: Uuid, reasonCode: ReportReason, reasonText: Type.Optional(Reason) },
  { additionalProperties: false },
);
export type ReportBody = Static<typeof ReportBody>;
export const ReportResult = Type.Object({
  id: Uuid,
  targetKind: ReportTargetKind,
  targetId: Uuid,
  status: Type.String(),
  createdAt: Timestamp,
  /** Whether this report made the content hide automatically. */
  autoHidden: Type.Boolean(),
});
export type ReportResult = Static<typeof ReportResult>;

export const QueueItem = Type.Object({
  targetKind: ReportTargetKind,
  targetId: Uuid,
  reportCount: Type.Integer(),
  firstReportedAt: Timestamp,
  reasons: Type.Array(Type.String()),
  categoryId: Nullable(Uuid),
  threadId: Nullable(Uuid),
  /** Where to look at it in the web app. */
  link: Nullable(Type.String()),
  authorId: Nullable(Uuid),
  authorName: Nullable(Type.String()),
  excerpt: Type.String(),
  hidden: Type.Boolean(),
});
export type QueueItem = Static<typeof QueueItem>;
export const Queue = Type.Object({ items: Type.Array(QueueItem) });
export type Queue = Static<typeof Queue>;

export const ContentAction = Type.Union([Type.Literal('hide'), Type.Literal('unhide'), Type.Literal('edit'), Type.Literal('delete'), Type.Literal('dismiss')]);
export type ContentAction = Static<typeof ContentAction>;
export const ContentActionBody = Type.Object(
  { action: ContentAction, reason: Type.String({ minLength: 1, maxLength: 1000 }), body: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000 })) },
  { additionalProperties: false },
);
export type ContentActionBody = Static<typeof ContentActionBody>;
export const TargetParams = Type.Object({ kind: ReportTargetKind, id: Uuid });

export const ThreadAction = Type.Union([
  Type.Literal('lock'), Type.Literal('unlock'), Type.Literal('pin'), Type.Literal('unpin'), Type.Literal('move'), Type.Literal('merge'),
]);
export type ThreadAction = Static<typeof ThreadAction>;
export const ThreadActionBody = Type.Object(
  { action: ThreadAction, reason: Type.Optional(Reason), categoryId: Type.Optional(Uuid), intoThreadId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export type ThreadActionBody = Static<typeof ThreadActionBody>;

export const UserAction = Type.Union([Type.Literal('warn'), Type.Literal('suspend'), Type.Literal('ban'), Type.Literal('lift')]);
export type UserAction = Static<typeof UserAction>;
export const UserActionBody = Type.Object(
  {
    action: UserAction,
    reason: Type.String({ minLength: 1, maxLength: 1000 }),
    /** Suspensions: when it ends. */
    until: Type.Optional(Timestamp),
    /** Category moderators warn within one of their categories. */
    categoryId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type UserActionBody = Static<typeof UserActionBody>;

export const ModerationLogEntry = Type.Object({
  id: Uuid,
  actorId: Nullable(Uuid),
  actorName: Nullable(Type.String()),
  action: Type.String(),
  targetKind: Type.String(),
  targetId: Uuid,
  targetUserId: Nullable(Uuid),
  targetUserName: Nullable(Type.String()),
  categoryId: Nullable(Uuid),
  reason: Type.String(),
  createdAt: Timestamp,
});
export type ModerationLogEntry = Static<typeof ModerationLogEntry>;
export const ModerationLogPage = Type.Object({ items: Type.Array(ModerationLogEntry), nextCursor: Nullable(Type.String()) });
export type ModerationLogPage = Static<typeof ModerationLogPage>;
export const LogQuery = Type.Object({ ...PageQuery, targetId: Type.Optional(Uuid) });

export const CategorySummary = Type.Object({ categoryId: Uuid, actions: Type.Array(Type.Object({ action: Type.String(), count: Type.Integer() })) });
export type CategorySummary = Static<typeof CategorySummary>;

export const AppealStatus = Type.Union([Type.Literal('open'), Type.Literal('upheld'), Type.Literal('reversed')]);
export const Appeal = Type.Object({
  id: Uuid,
  actionId: Uuid,
  action: Type.String(),
  actionReason: Type.String(),
  targetKind: Type.String(),
  targetId: Uuid,
  userId: Nullable(Uuid),
  userName: Nullable(Type.String()),
  text: Type.String(),
  status: AppealStatus,
  resolutionNote: Nullable(Type.String()),
  createdAt: Timestamp,
  resolvedAt: Nullable(Timestamp),
});
export type Appeal = Static<typeof Appeal>;
export const AppealList = Type.Object({ items: Type.Array(Appeal) });
export const AppealBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
export const ResolveAppealBody = Type.Object(
  { decision: Type.Union([Type.Literal('uphold'), Type.Literal('reverse')]), note: Type.Optional(Reason) },
  { additionalProperties: false },
);
export type ResolveAppealBody = Static<typeof ResolveAppealBody>;
export const AppealQuery = Type.Object({ mine: Type.Optional(Type.Boolean()) });

export const Suspension = Type.Object({
  id: Uuid,
  userId: Uuid,
  userName: Type.String(),
  reason: Type.String(),
  endsAt: Nullable(Timestamp),
  createdAt: Timestamp,
});
export type Suspension = Static<typeof Suspension>;
export const SuspensionList = Type.Object({ items: Type.Array(Suspension) });

export const ModerationMe = Type.Object({
  role: Type.Union([Type.Literal('member'), Type.Literal('category_moderator'), Type.Literal('platform_moderator'), Type.Literal('admin')]),
  categoryIds: Type.Array(Uuid),
  suspendedUntil: Nullable(Timestamp),
  suspended: Type.Boolean(),
});
export type ModerationMe = Static<typeof ModerationMe>;
