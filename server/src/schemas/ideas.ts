import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, Paged, Timestamp, Uuid } from './common';
import { OrganisationKind } from './organisations';
import { Amount, ContentLanguage, Currency } from './plans';

export const IdeaStatus = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('archived')]);
const Text = (max: number) => Type.String({ maxLength: max });
const List = (maxItems: number, maxLength: number) => Type.Array(Type.String({ minLength: 1, maxLength }), { maxItems });
const PlaceCode = Type.String({ maxLength: 40 });

export const PartnerSought = Type.Object(
  { kind: OrganisationKind, role: Type.String({ minLength: 1, maxLength: 300 }) },
  { additionalProperties: false },
);

/** The project-summary matrix; limits are shown in the form and enforced here. */
const IdeaFields = {
  title: Type.String({ minLength: 5, maxLength: 200, pattern: '\\S' }),
  summary: Text(2000),
  problem: Text(4000),
  overallObjective: Text(1000),
  specificObjectives: List(10, 500),
  targetGroups: List(10, 200),
  expectedResults: List(15, 500),
  mainActivities: List(20, 500),
  places: Type.Array(PlaceCode, { maxItems: 20 }),
  budget: Type.Union([Amount, Type.Null()]),
  currency: Type.Union([Currency, Type.Null()]),
  durationMonths: Type.Union([Type.Integer({ minimum: 1, maximum: 120 }), Type.Null()]),
  partnersSought: Type.Array(PartnerSought, { maxItems: 10 }),
  themes: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 5 }),
  language: ContentLanguage,
  status: IdeaStatus,
};

export const CreateIdeaBody = Type.Composite(
  [
    Type.Object({ organisationId: Uuid, title: IdeaFields.title, language: IdeaFields.language }),
    Type.Partial(Type.Omit(Type.Object(IdeaFields), ['title', 'language'])),
  ],
  { additionalProperties: false },
);
export type CreateIdeaBody = Static<typeof CreateIdeaBody>;

export const UpdateIdeaBody = Type.Partial(Type.Object(IdeaFields), { additionalProperties: false, minProperties: 1 });
export type UpdateIdeaBody = Static<typeof UpdateIdeaBody>;

const Place = Type.Object({ code: Type.String(), nameLocal: Type.String(), nameEn: Type.String(), country: Type.String() });
const OrgRef = Type.Object({ id: Uuid, name: Type.String(), kind: Type.String() });

export const IdeaSummary = Type.Object({
  id: Uuid,
  title: Type.String(),
  summary: Type.String(),
  organisation: Type.Object({ id: Uuid, name: Type.String() }),
  places: Type.Array(Place),
  themes: Type.Array(Type.String()),
  budget: Type.Union([Type.String(), Type.Null()]),
  currency: Type.Union([Type.String(), Type.Null()]),
  durationMonths: Type.Union([Type.Integer(), Type.Null()]),
  language: Type.String(),
  status: IdeaStatus,
  confirmedLinks: Type.Integer(),
  publishedAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
});
export type IdeaSummary = Static<typeof IdeaSummary>;

export const Link = Type.Object({
  id: Uuid,
  status: Type.Union([Type.Literal('proposed'), Type.Literal('confirmed'), Type.Literal('rejected')]),
  proposedBySide: Type.Union([Type.Literal('idea'), Type.Literal('plan')]),
  note: Type.String(),
  idea: Type.Object({ id: Uuid, title: Type.String() }),
  measure: Type.Object({ id: Uuid, code: Type.String(), title: Type.String() }),
  plan: Type.Object({ id: Uuid, title: Type.String(), organisationId: Uuid }),
  createdAt: Timestamp,
  decidedAt: Type.Union([Timestamp, Type.Null()]),
  /** Whether the caller may confirm or reject it (they are on the other side). */
  canDecide: Type.Boolean(),
  canWithdraw: Type.Boolean(),
});
export type Link = Static<typeof Link>;

export const IdeaDetail = Type.Intersect([
  IdeaSummary,
  Type.Object({
    problem: Type.String(),
    overallObjective: Type.String(),
    specificObjectives: Type.Array(Type.String()),
    targetGroups: Type.Array(Type.String()),
    expectedResults: Type.Array(Type.String()),
    mainActivities: Type.Array(Type.String()),
    partnersSought: Type.Array(PartnerSought),
    coauthors: Type.Array(OrgRef),
    links: Type.Array(Link),
    version: Type.Integer(),
    updatedAt: Timestamp,
    myRole: Type.Union([Type.Literal('owner'), Type.Literal('editor'), Type.Literal('member'), Type.Null()]),
    canEdit: Type.Boolean(),
  }),
]);
export type IdeaDetail = Static<typeof IdeaDetail>;

export const IdeaListQuery = Type.Object(
  {
    country: Type.Optional(Type.String({ maxLength: 2 })),
    region: Type.Optional(PlaceCode),
    municipality: Type.Optional(PlaceCode),
    theme: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 })),
    status: Type.Optional(IdeaStatus),
    organisation: Type.Optional(Uuid),
    year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    mine: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type IdeaListQuery = Static<typeof IdeaListQuery>;
export const IdeaPage = Paged(IdeaSummary);

export const CoauthorBody = Type.Object({ organisationId: Uuid }, { additionalProperties: false });
export const CoauthorParams = Type.Object({ id: Uuid, organisationId: Uuid });
export const ProposeLinkBody = Type.Object({ measureId: Uuid, note: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false });
export const LinkDecisionBody = Type.Object({ decision: Type.Union([Type.Literal('confirmed'), Type.Literal('rejected')]) }, { additionalProperties: false });
export const LinkParams = Type.Object({ linkId: Uuid });
export const PlanLinksQuery = Type.Object(
  { status: Type.Optional(Type.Union([Type.Literal('proposed'), Type.Literal('confirmed'), Type.Literal('rejected')])) },
  { additionalProperties: false },
);
export const Theme = Type.Object({ code: Type.String(), en: Type.String(), bg: Type.String(), sq: Type.String(), az: Type.String() });
