import { Type, type Static } from '@sinclair/typebox';
import { Uuid } from './common';
import { EventKind } from './events';

/** A piece of text, marked when it is a matched word: rendered as text, never as HTML. */
export const Segment = Type.Object({ text: Type.String(), match: Type.Boolean() });
export type Segment = Static<typeof Segment>;
const Segments = Type.Array(Segment);
export const Band = Type.Union([Type.Literal('strong'), Type.Literal('possible'), Type.Literal('weak')]);
const SearchType = Type.Union([Type.Literal('all'), Type.Literal('ideas'), Type.Literal('measures'), Type.Literal('organisations'), Type.Literal('events'), Type.Literal('news')]);
const Facets = Type.Record(Type.String(), Type.Record(Type.String(), Type.Integer()));
const PlaceCode = Type.String({ minLength: 2, maxLength: 40, pattern: '^[A-Za-z0-9-]+$' });

export const SearchQuery = Type.Object(
  {
    q: Type.String({ maxLength: 200, default: '' }),
    type: Type.Optional(SearchType),
    theme: Type.Optional(Type.String({ maxLength: 40, pattern: '^[a-z_]+$' })),
    country: Type.Optional(Type.Union([Type.Literal('BG'), Type.Literal('AL'), Type.Literal('AZ')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

const IdeaHit = Type.Object({
  id: Uuid,
  title: Segments,
  summary: Segments,
  organisation: Type.Object({ id: Uuid, name: Type.String() }),
  themes: Type.Array(Type.String()),
  places: Type.Array(Type.String()),
  language: Type.String(),
});
const MeasureHit = Type.Object({
  id: Uuid,
  code: Type.String(),
  title: Segments,
  description: Segments,
  plan: Type.Object({ id: Uuid, title: Type.String() }),
  organisation: Type.Object({ id: Uuid, name: Type.String() }),
  municipality: Type.Union([Type.String(), Type.Null()]),
  themes: Type.Array(Type.String()),
});
const OrganisationHit = Type.Object({
  id: Uuid,
  name: Segments,
  description: Segments,
  kind: Type.String(),
  country: Type.String(),
  territoryCode: Type.Union([Type.String(), Type.Null()]),
  verified: Type.Boolean(),
});
const EventHit = Type.Object({
  id: Uuid,
  title: Segments,
  description: Segments,
  kind: EventKind,
  status: Type.Union([Type.Literal('published'), Type.Literal('cancelled')]),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  timeZone: Type.String(),
  organisation: Type.Object({ id: Uuid, name: Type.String() }),
  country: Type.String(),
  municipality: Type.Union([Type.String(), Type.Null()]),
});
const NewsHit = Type.Object({
  id: Uuid,
  title: Segments,
  summary: Segments,
  publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** Null for the platform's own news. */
  organisation: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
  language: Type.String(),
});
const Group = <T extends ReturnType<typeof Type.Object>>(hit: T) => Type.Object({ total: Type.Integer(), items: Type.Array(hit), facets: Facets });

export const SearchResult = Type.Object({
  query: Type.String(),
  ideas: Type.Optional(Group(IdeaHit)),
  measures: Type.Optional(Group(MeasureHit)),
  organisations: Type.Optional(Group(OrganisationHit)),
  events: Type.Optional(Group(EventHit)),
  news: Type.Optional(Group(NewsHit)),
});
export type SearchResult = Static<typeof SearchResult>;

/** Why a match was made, in words: no scores. */
export const Explanation = Type.Object({
  band: Band,
  /** Words of the source text that found this match. */
  matchedWords: Type.Array(Type.String()),
  /** Topics both sides share, as the words each side uses for them. */
  sharedTopics: Type.Array(Type.Object({ topic: Type.String(), sourceWords: Type.Array(Type.String()) })),
  sharedThemes: Type.Array(Type.String()),
  /** Parts of the source text the match came from, strongest first (title, summary, activities …). */
  fromParts: Type.Array(Type.String()),
});

const LinkState = Type.Union([Type.Object({ id: Uuid, status: Type.String() }), Type.Null()]);

export const IdeaMatchesQuery = Type.Object(
  {
    municipality: Type.Optional(PlaceCode),
    region: Type.Optional(PlaceCode),
    year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
    /** "places" (default): plans of the idea's own municipalities and regions; "all": every plan. */
    scope: Type.Optional(Type.Union([Type.Literal('places'), Type.Literal('all')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  },
  { additionalProperties: false },
);
export type IdeaMatchesQuery = Static<typeof IdeaMatchesQuery>;

export const MeasureMatch = Type.Object({
  measure: Type.Object({
    id: Uuid,
    code: Type.String(),
    title: Segments,
    description: Segments,
    plan: Type.Object({ id: Uuid, title: Type.String(), periodStart: Type.Integer(), periodEnd: Type.Integer() }),
    organisation: Type.Object({ id: Uuid, name: Type.String() }),
    municipality: Type.Union([Type.String(), Type.Null()]),
  }),
  explanation: Explanation,
  link: LinkState,
});

export const IdeaMatches = Type.Object({
  idea: Type.Object({ id: Uuid, title: Type.String() }),
  items: Type.Array(MeasureMatch),
});
export type IdeaMatches = Static<typeof IdeaMatches>;

export const IdeasForMeasureQuery = Type.Object(
  {
    /** "region" (default): ideas set in the plan's region or municipality; "country"; "all". */
    scope: Type.Optional(Type.Union([Type.Literal('region'), Type.Literal('country'), Type.Literal('all')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  },
  { additionalProperties: false },
);
export type IdeasForMeasureQuery = Static<typeof IdeasForMeasureQuery>;

export const IdeaMatch = Type.Object({
  idea: Type.Object({
    id: Uuid,
    title: Segments,
    summary: Segments,
    organisation: Type.Object({ id: Uuid, name: Type.String() }),
    places: Type.Array(Type.String()),
    themes: Type.Array(Type.String()),
  }),
  explanation: Explanation,
  /** The plan's measures this idea fits best (plan-wide matching), best first. */
  measures: Type.Array(Type.Object({ id: Uuid, code: Type.String(), title: Type.String(), band: Band })),
  link: LinkState,
});
export type IdeaMatch = Static<typeof IdeaMatch>;

export const IdeasForPlan = Type.Object({
  plan: Type.Object({ id: Uuid, title: Type.String() }),
  item: Type.Optional(Type.Object({ id: Uuid, code: Type.String(), title: Type.String() })),
  items: Type.Array(IdeaMatch),
});
export type IdeasForPlan = Static<typeof IdeasForPlan>;

const CoverageIdea = Type.Object({ id: Uuid, title: Type.String() });
const CoverageMeasure = Type.Object({
  id: Uuid,
  code: Type.String(),
  title: Type.String(),
  /** confirmed: a published idea's link is confirmed; strong: an idea matches strongly; none: neither. */
  status: Type.Union([Type.Literal('confirmed'), Type.Literal('strong'), Type.Literal('none')]),
  confirmedIdeas: Type.Integer(),
  strongIdeas: Type.Array(CoverageIdea),
});
const CoverageCounts = { measures: Type.Integer(), confirmed: Type.Integer(), strong: Type.Integer(), none: Type.Integer() };

export const PlanCoverage = Type.Object({
  plan: Type.Object({ id: Uuid, title: Type.String() }),
  totals: Type.Object(CoverageCounts),
  priorities: Type.Array(
    Type.Object({
      id: Uuid,
      code: Type.String(),
      title: Type.String(),
      totals: Type.Object(CoverageCounts),
      objectives: Type.Array(Type.Object({ id: Uuid, code: Type.String(), title: Type.String(), measures: Type.Array(CoverageMeasure) })),
    }),
  ),
});
export type PlanCoverage = Static<typeof PlanCoverage>;

export const ItemParams = Type.Object({ id: Uuid, itemId: Uuid });
