import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, Paged, Timestamp, Uuid } from './common';

export const ShortlistStatus = Type.Union([Type.Literal('collecting'), Type.Literal('reviewing'), Type.Literal('decided'), Type.Literal('published')]);
export type ShortlistStatus = Static<typeof ShortlistStatus>;
export const ShortlistDecision = Type.Union([Type.Literal('shortlisted'), Type.Literal('rejected'), Type.Literal('deferred')]);
export type ShortlistDecision = Static<typeof ShortlistDecision>;
const DateOnly = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const COMMENT_MAX_CHARS = 2000;

export const CriterionInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    description: Type.Optional(Type.String({ maxLength: 1000 })),
    weight: Type.Integer({ minimum: 1, maximum: 100 }),
  },
  { additionalProperties: false },
);

const SetupFields = {
  title: Type.String({ minLength: 3, maxLength: 200, pattern: '\\S' }),
  description: Type.String({ maxLength: 4000 }),
  regionCode: Nullable(Type.String({ maxLength: 40 })),
  planIds: Type.Array(Uuid, { maxItems: 20 }),
  callStart: Nullable(DateOnly),
  callEnd: Nullable(DateOnly),
  /** Weights are percentages that sum to 100. */
  criteria: Type.Array(CriterionInput, { minItems: 1, maxItems: 12 }),
  scale: Type.Union([Type.Literal(5), Type.Literal(10)]),
  blind: Type.Boolean(),
  reviewerIds: Type.Array(Uuid, { maxItems: 50 }),
};

export const CreateRoundBody = Type.Composite(
  [
    Type.Object({ organisationId: Uuid, title: SetupFields.title, criteria: SetupFields.criteria, scale: SetupFields.scale }),
    Type.Partial(Type.Omit(Type.Object(SetupFields), ['title', 'criteria', 'scale'])),
  ],
  { additionalProperties: false },
);
export type CreateRoundBody = Static<typeof CreateRoundBody>;

export const UpdateRoundBody = Type.Partial(Type.Object(SetupFields), { additionalProperties: false, minProperties: 1 });
export type UpdateRoundBody = Static<typeof UpdateRoundBody>;

export const StatusBody = Type.Object({ status: ShortlistStatus }, { additionalProperties: false });
export const AddEntryBody = Type.Object({ ideaId: Uuid }, { additionalProperties: false });
export const EntryParams = Type.Object({ id: Uuid, entryId: Uuid });
export const ReviewBody = Type.Object(
  {
    scores: Type.Array(
      Type.Object({ criterionId: Uuid, score: Type.Integer({ minimum: 0, maximum: 10 }), comment: Type.Optional(Type.String({ maxLength: COMMENT_MAX_CHARS })) }, { additionalProperties: false }),
      { minItems: 1, maxItems: 12 },
    ),
  },
  { additionalProperties: false },
);
export type ReviewBody = Static<typeof ReviewBody>;
export const ConflictBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false });
export const DecisionBody = Type.Object({ decision: ShortlistDecision, reason: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export type DecisionBody = Static<typeof DecisionBody>;
export const TieBreakBody = Type.Object({ entryIds: Type.Array(Uuid, { minItems: 2, maxItems: 100 }) }, { additionalProperties: false });
export const RoundListQuery = Type.Object(
  {
    status: Type.Optional(ShortlistStatus),
    region: Type.Optional(Type.String({ maxLength: 40 })),
    organisation: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type RoundListQuery = Static<typeof RoundListQuery>;
export const OpenRoundsQuery = Type.Object({ ideaId: Uuid }, { additionalProperties: false });
export const ExportQuery = Type.Object(
  { format: Type.Union([Type.Literal('pdf'), Type.Literal('docx'), Type.Literal('csv'), Type.Literal('md')]), lang: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('bg'), Type.Literal('sq'), Type.Literal('az')])) },
  { additionalProperties: false },
);

const Ref = Type.Object({ id: Uuid, name: Type.String() });

export const RoundSummary = Type.Object({
  id: Uuid,
  title: Type.String(),
  organisation: Ref,
  regionCode: Nullable(Type.String()),
  callStart: Nullable(Type.String()),
  callEnd: Nullable(Type.String()),
  status: ShortlistStatus,
  scale: Type.Integer(),
  blind: Type.Boolean(),
  entryCount: Type.Integer(),
  publishedAt: Nullable(Timestamp),
  createdAt: Timestamp,
});
export type RoundSummary = Static<typeof RoundSummary>;
export const RoundPage = Paged(RoundSummary);

export const Criterion = Type.Object({ id: Uuid, name: Type.String(), description: Type.String(), weight: Type.Integer() });
export type Criterion = Static<typeof Criterion>;

export const ReviewerProgress = Type.Object({
  id: Uuid,
  displayName: Type.String(),
  /** Entries this reviewer submitted scores for. */
  submitted: Type.Integer(),
  /** Entries they cannot score (declared or automatic conflict of interest). */
  conflicts: Type.Integer(),
  /** Entries they are expected to score: all minus conflicts. */
  expected: Type.Integer(),
});

export const Entry = Type.Object({
  id: Uuid,
  subjectKind: Type.Literal('idea'),
  idea: Type.Object({ id: Uuid, title: Type.String(), organisation: Ref }),
  addedSide: Type.Union([Type.Literal('owner'), Type.Literal('council')]),
  decision: Nullable(ShortlistDecision),
  decisionReason: Type.String(),
  createdAt: Timestamp,
  /** The caller's part as a reviewer: none when they are not one. */
  myReview: Type.Union([Type.Literal('none'), Type.Literal('pending'), Type.Literal('submitted'), Type.Literal('conflict')]),
  /** Why the caller is in conflict: declared (with their note) or automatic (member of the idea's organisation). */
  myConflict: Nullable(Type.Object({ automatic: Type.Boolean(), note: Type.String() })),
  reviewCount: Type.Integer(),
  canRemove: Type.Boolean(),
});
export type Entry = Static<typeof Entry>;

export const RoundDetail = Type.Intersect([
  RoundSummary,
  Type.Object({
    description: Type.String(),
    plans: Type.Array(Type.Object({ id: Uuid, title: Type.String(), periodStart: Type.Integer(), periodEnd: Type.Integer() })),
    criteria: Type.Array(Criterion),
    reviewers: Type.Array(ReviewerProgress),
    entries: Type.Array(Entry),
    version: Type.Integer(),
    updatedAt: Timestamp,
    myRole: Nullable(Type.Union([Type.Literal('owner'), Type.Literal('editor'), Type.Literal('member')])),
    canManage: Type.Boolean(),
    isReviewer: Type.Boolean(),
  }),
]);
export type RoundDetail = Static<typeof RoundDetail>;

export const Review = Type.Object({
  reviewer: Ref,
  submittedAt: Timestamp,
  scores: Type.Array(Type.Object({ criterionId: Uuid, score: Type.Integer(), comment: Type.String() })),
});
export const EntryReviews = Type.Object({
  entryId: Uuid,
  /** True when others' reviews are withheld until the caller submits (blind mode). */
  hidden: Type.Boolean(),
  items: Type.Array(Review),
});
export type EntryReviews = Static<typeof EntryReviews>;

export const RankingRow = Type.Object({
  entryId: Uuid,
  idea: Type.Object({ id: Uuid, title: Type.String(), organisation: Ref }),
  rank: Nullable(Type.Integer()),
  total: Nullable(Type.Number()),
  /** Mean score per criterion (same order as the round's criteria); null where no one scored it or it is hidden. */
  means: Type.Array(Nullable(Type.Number())),
  reviewCount: Type.Integer(),
  tie: Nullable(Type.Union([Type.Literal('resolved'), Type.Literal('unresolved')])),
  /** Criteria ids whose scores disagree strongly: a consensus discussion is due. */
  disagreement: Type.Array(Uuid),
  decision: Nullable(ShortlistDecision),
  decisionReason: Type.String(),
  /** Blind mode: the caller must submit their own review first. */
  hidden: Type.Boolean(),
});
export type RankingRow = Static<typeof RankingRow>;
export const Ranking = Type.Object({
  criteria: Type.Array(Criterion),
  scale: Type.Integer(),
  /** Share of the scale at which reviewers' scores count as disagreeing. */
  disagreementShare: Type.Number(),
  rows: Type.Array(RankingRow),
  unresolvedTies: Type.Array(Type.Array(Uuid)),
});
export type Ranking = Static<typeof Ranking>;

export const Suggestion = Type.Object({
  idea: Type.Object({ id: Uuid, title: Type.String(), organisation: Ref }),
  plan: Type.Object({ id: Uuid, title: Type.String() }),
  measures: Type.Array(Type.Object({ id: Uuid, code: Type.String(), title: Type.String() })),
});
export const Suggestions = Type.Object({ items: Type.Array(Suggestion), matchingAvailable: Type.Boolean() });
export type Suggestions = Static<typeof Suggestions>;

export const CoverageRow = Type.Object({
  plan: Type.Object({ id: Uuid, title: Type.String() }),
  priority: Type.Object({ id: Uuid, code: Type.String(), title: Type.String() }),
  /** Entries whose idea has a confirmed link to a measure under this priority. */
  confirmed: Type.Integer(),
  /** Entries the matcher finds a strong match for under this priority (and no confirmed link). */
  strong: Type.Integer(),
  entries: Type.Integer(),
});
export const Coverage = Type.Object({ items: Type.Array(CoverageRow), matchingAvailable: Type.Boolean() });
export type Coverage = Static<typeof Coverage>;

export const Report = Type.Object({
  round: RoundSummary,
  description: Type.String(),
  plans: Type.Array(Type.Object({ id: Uuid, title: Type.String() })),
  criteria: Type.Array(Criterion),
  rows: Type.Array(RankingRow),
  coverage: Coverage,
  counts: Type.Object({ entries: Type.Integer(), shortlisted: Type.Integer(), rejected: Type.Integer(), deferred: Type.Integer() }),
});
export type Report = Static<typeof Report>;
