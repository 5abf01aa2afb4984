import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { PageQuery, Paged, Timestamp, Uuid } from './common';
import { ContentLanguage } from './plans';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const ProposalStatus = Type.Union([Type.Literal('drafting'), Type.Literal('ready'), Type.Literal('submitted'), Type.Literal('withdrawn')]);
export type ProposalStatus = Static<typeof ProposalStatus>;
export const PartnerRole = Type.Union([Type.Literal('lead'), Type.Literal('partner'), Type.Literal('associate')]);
export type PartnerRole = Static<typeof PartnerRole>;
export const PartnerState = Type.Union([Type.Literal('invited'), Type.Literal('accepted'), Type.Literal('declined')]);
export type PartnerState = Static<typeof PartnerState>;
export const BudgetCategory = Type.Union([
  Type.Literal('staff'),
  Type.Literal('travel'),
  Type.Literal('equipment'),
  Type.Literal('services'),
  Type.Literal('works'),
  Type.Literal('other'),
]);
export type BudgetCategory = Static<typeof BudgetCategory>;
export const ProposalCurrency = Type.Union([Type.Literal('BGN'), Type.Literal('EUR'), Type.Literal('ALL'), Type.Literal('AZN'), Type.Literal('USD')]);

// ---- the plain JSON view of the co-edited body (see domain/proposal-doc.ts for the Y.Doc shape) ----

const Str = Type.String({ maxLength: 20_000 });
const ShortId = Type.String({ minLength: 1, maxLength: 64 });

export const Indicator = Type.Object({ id: ShortId, name: Str, baseline: Str, target: Str, verification: Str });
export type Indicator = Static<typeof Indicator>;

export const Level = Type.Object({ id: ShortId, text: Str, assumptions: Str, indicators: Type.Array(Indicator, { maxItems: 50 }) });
export type Level = Static<typeof Level>;

export const OutputLevel = Type.Composite([Level, Type.Object({ objectiveId: Nullable(ShortId) })]);
export type OutputLevel = Static<typeof OutputLevel>;

export const Activity = Type.Object({
  id: ShortId,
  outputId: Nullable(ShortId),
  text: Str,
  partnerId: Nullable(Type.String({ maxLength: 64 })),
  startMonth: Nullable(Type.Integer()),
  endMonth: Nullable(Type.Integer()),
  assumptions: Str,
});
export type Activity = Static<typeof Activity>;

export const BudgetLine = Type.Object({
  id: ShortId,
  category: BudgetCategory,
  description: Str,
  partnerId: Nullable(Type.String({ maxLength: 64 })),
  amount: Type.Number(),
  cofinancing: Type.Number(),
});
export type BudgetLine = Static<typeof BudgetLine>;

export const ProposalSummaryFields = Type.Object({
  description: Str,
  targetGroups: Str,
  place: Str,
  /** Decimal digits, e.g. "120000.50" (free text while being typed; checks report malformed values). */
  totalValue: Str,
  /** BGN | EUR | ALL | AZN | USD (free text in the doc; checks report unknown values). */
  currency: Str,
  /** Digits. */
  durationMonths: Str,
  period: Str,
});
export type ProposalSummaryFields = Static<typeof ProposalSummaryFields>;

export const ProposalContent = Type.Object({
  summary: ProposalSummaryFields,
  overall: Level,
  objectives: Type.Array(Level),
  outputs: Type.Array(OutputLevel),
  activities: Type.Array(Activity),
  budget: Type.Array(BudgetLine),
});
export type ProposalContent = Static<typeof ProposalContent>;

export const CompletenessCheck = Type.Object({
  code: Type.String(),
  section: Type.String(),
  ok: Type.Boolean(),
  message: Type.String(),
  params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
});
export type CompletenessCheck = Static<typeof CompletenessCheck>;

export const ProposalEditor = Type.Object({
  userId: Uuid,
  displayName: Type.String(),
  section: Nullable(Type.String()),
  field: Type.Optional(Type.String()),
  index: Type.Optional(Type.Integer()),
  length: Type.Optional(Type.Integer()),
});
export type ProposalEditor = Static<typeof ProposalEditor>;

// ---- REST shapes ----

export const ProposalOrgRef = Type.Object({ id: Uuid, name: Type.String(), kind: Type.String() });
export type ProposalOrgRef = Static<typeof ProposalOrgRef>;

export const ProposalCall = Type.Object({
  title: Type.String(),
  programme: Type.String(),
  /** YYYY-MM-DD */
  deadline: Nullable(Type.String()),
});
export type ProposalCall = Static<typeof ProposalCall>;

export const ProposalPartner = Type.Object({ organisation: ProposalOrgRef, role: PartnerRole, state: PartnerState });
export type ProposalPartner = Static<typeof ProposalPartner>;

export const ProposalMeasure = Type.Object({ id: Uuid, code: Type.String(), title: Type.String(), planId: Uuid, planTitle: Type.String() });
export type ProposalMeasure = Static<typeof ProposalMeasure>;

export const ProposalAccess = Type.Union([Type.Literal('edit'), Type.Literal('read')]);

export const ProposalSummary = Type.Object({
  id: Uuid,
  ideaId: Uuid,
  title: Type.String(),
  language: Type.String(),
  status: ProposalStatus,
  call: ProposalCall,
  lead: ProposalOrgRef,
  partnerCount: Type.Integer(),
  myAccess: ProposalAccess,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ProposalSummary = Static<typeof ProposalSummary>;
export const ProposalPage = Paged(ProposalSummary);

export const ProposalReader = Type.Object({ userId: Uuid, displayName: Type.String(), email: Type.String() });
export type ProposalReader = Static<typeof ProposalReader>;

export const ProposalDetail = Type.Object({
  id: Uuid,
  ideaId: Uuid,
  title: Type.String(),
  language: Type.String(),
  status: ProposalStatus,
  call: ProposalCall,
  lead: ProposalOrgRef,
  partners: Type.Array(ProposalPartner),
  measures: Type.Array(ProposalMeasure),
  /** People granted read access (visible to those who can manage; empty otherwise). */
  readers: Type.Array(ProposalReader),
  roomId: Nullable(Uuid),
  myAccess: ProposalAccess,
  canManage: Type.Boolean(),
  /** Organisation ids of invitations the caller may accept or decline. */
  canRespond: Type.Array(Uuid),
  content: ProposalContent,
  checks: Type.Array(CompletenessCheck),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ProposalDetail = Static<typeof ProposalDetail>;

export const ProposalListQuery = Type.Object({ mine: Type.Optional(Type.Boolean()), ideaId: Type.Optional(Uuid), ...PageQuery }, { additionalProperties: false });
export type ProposalListQuery = Static<typeof ProposalListQuery>;

const DateOnly = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 });

export const UpdateProposalBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 5, maxLength: 200, pattern: '\\S' })),
    language: Type.Optional(ContentLanguage),
    callTitle: Type.Optional(Type.String({ maxLength: 300 })),
    callProgramme: Type.Optional(Type.String({ maxLength: 300 })),
    callDeadline: Type.Optional(Nullable(DateOnly)),
    status: Type.Optional(ProposalStatus),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateProposalBody = Static<typeof UpdateProposalBody>;

export const InvitePartnerBody = Type.Object(
  { organisationId: Uuid, role: Type.Union([Type.Literal('partner'), Type.Literal('associate')]) },
  { additionalProperties: false },
);
export type InvitePartnerBody = Static<typeof InvitePartnerBody>;
export const PartnerParams = Type.Object({ id: Uuid, orgId: Uuid });

export const AddReaderBody = Type.Object({ email: Type.String({ format: 'email', maxLength: 320 }) }, { additionalProperties: false });
export type AddReaderBody = Static<typeof AddReaderBody>;
export const ReaderParams = Type.Object({ id: Uuid, userId: Uuid });

export const ProposalVersion = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  name: Type.String(),
  automatic: Type.Boolean(),
  createdBy: Nullable(Type.Object({ id: Uuid, displayName: Type.String() })),
  createdAt: Timestamp,
});
export type ProposalVersion = Static<typeof ProposalVersion>;
export const ProposalVersionList = Type.Object({ items: Type.Array(ProposalVersion) });
export const ProposalVersionDetail = Type.Composite([ProposalVersion, Type.Object({ content: ProposalContent })]);
export type ProposalVersionDetail = Static<typeof ProposalVersionDetail>;
export const CreateVersionBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }) }, { additionalProperties: false });
export type CreateVersionBody = Static<typeof CreateVersionBody>;
export const VersionParams = Type.Object({ id: Uuid, versionId: Uuid });

/** `current` or a version id. */
const VersionRef = Type.Union([Type.Literal('current'), Uuid]);
export const DiffQuery = Type.Object({ from: VersionRef, to: VersionRef }, { additionalProperties: false });
export type DiffQuery = Static<typeof DiffQuery>;

export const DiffChange = Type.Object({ op: Type.Union([Type.Literal('same'), Type.Literal('added'), Type.Literal('removed')]), text: Type.String() });
export type DiffChange = Static<typeof DiffChange>;
export const DiffSection = Type.Object({
  section: Type.String(),
  label: Type.String(),
  from: Type.String(),
  to: Type.String(),
  changes: Type.Array(DiffChange),
});
export type DiffSection = Static<typeof DiffSection>;
export const ProposalDiff = Type.Object({ sections: Type.Array(DiffSection), unchanged: Type.Integer() });
export type ProposalDiff = Static<typeof ProposalDiff>;

/** The most a comment may hold, in characters. */
export const COMMENT_MAX_CHARS = 4000 as const;
const SectionKey = Type.String({ minLength: 1, maxLength: 80, pattern: '^(summary|overall|budget|(objective|output|activity):[A-Za-z0-9_-]{1,64})$' });

export const ProposalComment = Type.Object({
  id: Uuid,
  section: Type.String(),
  body: Type.String(),
  quote: Nullable(Type.String()),
  author: Nullable(Type.Object({ id: Uuid, displayName: Type.String() })),
  resolved: Type.Boolean(),
  resolvedBy: Nullable(Type.Object({ id: Uuid, displayName: Type.String() })),
  resolvedAt: Nullable(Timestamp),
  createdAt: Timestamp,
});
export type ProposalComment = Static<typeof ProposalComment>;
export const ProposalCommentList = Type.Object({ items: Type.Array(ProposalComment) });
export const CreateCommentBody = Type.Object(
  { section: SectionKey, body: Type.String({ minLength: 1, maxLength: COMMENT_MAX_CHARS, pattern: '\\S' }), quote: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export type CreateCommentBody = Static<typeof CreateCommentBody>;
export const CommentParams = Type.Object({ id: Uuid, cid: Uuid });

export const ExportQuery = Type.Object(
  { format: Type.Union([Type.Literal('docx'), Type.Literal('pdf'), Type.Literal('md')]) },
  { additionalProperties: false },
);

// ---- socket event payloads ----

/** Binary payloads: socket.io hands Node a Buffer (a Uint8Array); checked in the handler, not by Ajv. */
export const UPDATE_MAX_BYTES = 512 * 1024;
export const ProposalRef = Type.Object({ proposalId: Uuid }, { additionalProperties: false });
export const CursorPayload = Type.Object(
  {
    proposalId: Uuid,
    section: Nullable(Type.String({ maxLength: 80 })),
    field: Type.Optional(Type.String({ maxLength: 80 })),
    index: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
    length: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
  },
  { additionalProperties: false },
);
