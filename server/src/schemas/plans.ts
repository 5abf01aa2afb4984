import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, Paged, Timestamp, Uuid } from './common';

export const PlanStatus = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('archived')]);
export const ContentLanguage = Type.Union([Type.Literal('bg'), Type.Literal('sq'), Type.Literal('az'), Type.Literal('en')]);
export const Currency = Type.Union([Type.Literal('BGN'), Type.Literal('EUR'), Type.Literal('ALL'), Type.Literal('AZN'), Type.Literal('USD')]);
/** A money amount as a decimal string, so no precision is lost on the way. */
export const Amount = Type.String({ pattern: '^\\d{1,13}(\\.\\d{1,2})?$', maxLength: 16 });
const Year = Type.Integer({ minimum: 1990, maximum: 2100 });
/** Dotted plan code: "2" priority, "2.3" objective, "2.3.1" measure. */
export const ItemCode = Type.String({ pattern: '^[0-9A-Za-z]{1,10}(\\.[0-9A-Za-z]{1,10}){0,2}$', maxLength: 32 });
export const ItemLevel = Type.Union([Type.Literal('priority'), Type.Literal('objective'), Type.Literal('measure')]);

export const PlanSummary = Type.Object({
  id: Uuid,
  organisation: Type.Object({ id: Uuid, name: Type.String(), kind: Type.String(), country: Type.String(), territoryCode: Type.Union([Type.String(), Type.Null()]) }),
  title: Type.String(),
  description: Type.String(),
  language: Type.String(),
  periodStart: Type.Integer(),
  periodEnd: Type.Integer(),
  status: PlanStatus,
  measureCount: Type.Integer(),
  version: Type.Integer(),
  publishedAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  canEdit: Type.Boolean(),
});
export type PlanSummary = Static<typeof PlanSummary>;

export const PlanItem = Type.Object({
  id: Uuid,
  parentId: Type.Union([Uuid, Type.Null()]),
  level: ItemLevel,
  code: Type.String(),
  title: Type.String(),
  description: Type.String(),
  indicators: Type.Array(Type.String()),
  budget: Type.Union([Type.String(), Type.Null()]),
  currency: Type.Union([Type.String(), Type.Null()]),
  position: Type.Integer(),
  version: Type.Integer(),
  /** Published ideas confirmed to serve this measure. */
  linkedIdeas: Type.Integer(),
});
export type PlanItem = Static<typeof PlanItem>;

export const PlanDetail = Type.Intersect([PlanSummary, Type.Object({ items: Type.Array(PlanItem) })]);
export type PlanDetail = Static<typeof PlanDetail>;

export const PlanListQuery = Type.Object(
  {
    organisation: Type.Optional(Uuid),
    country: Type.Optional(Type.String({ maxLength: 2 })),
    region: Type.Optional(Type.String({ maxLength: 40 })),
    municipality: Type.Optional(Type.String({ maxLength: 40 })),
    status: Type.Optional(PlanStatus),
    year: Type.Optional(Year),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type PlanListQuery = Static<typeof PlanListQuery>;
export const PlanPage = Paged(PlanSummary);

const PlanFields = {
  title: Type.String({ minLength: 3, maxLength: 300, pattern: '\\S' }),
  description: Type.String({ maxLength: 10_000 }),
  language: ContentLanguage,
  periodStart: Year,
  periodEnd: Year,
};

export const CreatePlanBody = Type.Object(
  { organisationId: Uuid, ...PlanFields, description: Type.Optional(PlanFields.description) },
  { additionalProperties: false },
);
export type CreatePlanBody = Static<typeof CreatePlanBody>;

export const UpdatePlanBody = Type.Partial(Type.Object({ ...PlanFields, status: PlanStatus }), { additionalProperties: false, minProperties: 1 });
export type UpdatePlanBody = Static<typeof UpdatePlanBody>;

const ItemFields = {
  title: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }),
  description: Type.String({ maxLength: 10_000 }),
  indicators: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 30 }),
  budget: Type.Union([Amount, Type.Null()]),
  currency: Type.Union([Currency, Type.Null()]),
};

export const CreateItemBody = Type.Object(
  {
    code: ItemCode,
    title: ItemFields.title,
    description: Type.Optional(ItemFields.description),
    indicators: Type.Optional(ItemFields.indicators),
    budget: Type.Optional(ItemFields.budget),
    currency: Type.Optional(ItemFields.currency),
  },
  { additionalProperties: false },
);
export type CreateItemBody = Static<typeof CreateItemBody>;

export const UpdateItemBody = Type.Partial(Type.Object(ItemFields), { additionalProperties: false, minProperties: 1 });
export type UpdateItemBody = Static<typeof UpdateItemBody>;

export const ItemParams = Type.Object({ id: Uuid, itemId: Uuid });
export const ReorderBody = Type.Object(
  { parentId: Type.Union([Uuid, Type.Null()]), orderedIds: Type.Array(Uuid, { minItems: 1, maxItems: 1000 }) },
  { additionalProperties: false },
);

export const ImportResult = Type.Object({
  total: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
});
export type ImportResult = Static<typeof ImportResult>;

/** JSON import: the same rows as the CSV columns. */
export const ImportJsonBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          code: Type.String({ maxLength: 100 }),
          title: Type.String({ maxLength: 1000 }),
          description: Type.Optional(Type.String({ maxLength: 20_000 })),
          indicators: Type.Optional(Type.Array(Type.String({ maxLength: 1000 }), { maxItems: 100 })),
          budget: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Number(), Type.Null()])),
          currency: Type.Optional(Type.Union([Type.String({ maxLength: 10 }), Type.Null()])),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20_000 },
    ),
  },
  { additionalProperties: false },
);
export type ImportJsonBody = Static<typeof ImportJsonBody>;
