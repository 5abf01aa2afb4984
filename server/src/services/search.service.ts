import { linkRepository, planRepository, type Db, type IdeaListRow, type PlanItem } from '@partnera/db';
import {
  SearchEngineError,
  textAttributes,
  text as searchText,
  type Document,
  type Match,
  type MultiSearchQuery,
  type SearchResponse,
  type SearchRuntime,
  type Segment,
} from '@partnera/search';
import type { Actor } from '../domain/policy';
import { AppError, notFound } from '../errors';
import type * as S from '../schemas/search';
import type { IdeaService } from './idea.service';
import type { PlanService } from './plan.service';
import type { TerritoryService } from './territory.service';

// Private-use characters as highlight tags: they cannot occur in user text, so the split is exact.
const PRE = '\u{F0001}';
const POST = '\u{F0002}';
const BAND_ORDER = { strong: 0, possible: 1, weak: 2 } as const;
/** Plans with more measures than this are matched objective by objective (one query profile each). */
const PER_MEASURE_LIMIT = 40;

type GlobalKind = Exclude<S.SearchQuery['type'], 'all' | undefined>;
const GLOBAL_KINDS: GlobalKind[] = ['ideas', 'measures', 'organisations', 'events', 'news'];
type Field = (name: string) => Segment[];
const orNull = <T>(v: unknown) => (v ?? null) as T | null;
const isoOrNull = (v: unknown) => (typeof v === 'number' ? new Date(v).toISOString() : null);

/** What the global search asks of each index and how a hit is shown (the second highlighted field is cropped). */
type Hit<K extends GlobalKind> = NonNullable<S.SearchResult[K]>['items'][number];
const SEARCHED: { [K in GlobalKind]: { themed: boolean; facets: string[]; highlight: string[]; hit: (h: Document, f: Field) => Hit<K> } } = {
  ideas: {
    themed: true,
    facets: ['themes', 'countries', 'language'],
    highlight: ['title', 'summary'],
    hit: (h, f) => ({
      id: h.id,
      title: f('title'),
      summary: f('summary'),
      organisation: { id: String(h.organisationId), name: String(h.organisationName) },
      themes: (h.themes as string[]) ?? [],
      places: (h.places as string[]) ?? [],
      language: String(h.language),
    }),
  },
  measures: {
    themed: true,
    facets: ['themes', 'country', 'language'],
    highlight: ['title', 'description'],
    hit: (h, f) => ({
      id: h.id,
      code: String(h.code),
      title: f('title'),
      description: f('description'),
      plan: { id: String(h.planId), title: String(h.planTitle) },
      organisation: { id: String(h.organisationId), name: String(h.organisationName) },
      municipality: orNull<string>(h.municipality),
      themes: (h.themes as string[]) ?? [],
    }),
  },
  organisations: {
    themed: false,
    facets: ['kind', 'country'],
    highlight: ['name', 'description'],
    hit: (h, f) => ({
      id: h.id,
      name: f('name'),
      description: f('description'),
      kind: String(h.kind),
      country: String(h.country),
      territoryCode: orNull<string>(h.territoryCode),
      verified: h.verified === true,
    }),
  },
  events: {
    themed: false,
    facets: ['kind', 'country'],
    highlight: ['title', 'description'],
    hit: (h, f) => ({
      id: h.id,
      title: f('title'),
      description: f('description'),
      kind: h.kind as Hit<'events'>['kind'],
      status: h.status as Hit<'events'>['status'],
      startsAt: isoOrNull(h.startsAt) ?? '',
      endsAt: isoOrNull(h.endsAt) ?? '',
      timeZone: String(h.timeZone),
      organisation: { id: String(h.organisationId), name: String(h.organisationName) },
      country: String(h.country),
      municipality: orNull<string>(h.municipality),
    }),
  },
  news: {
    themed: false,
    facets: ['country', 'language'],
    highlight: ['title', 'summary'],
    hit: (h, f) => ({
      id: h.id,
      title: f('title'),
      summary: f('summary'),
      publishedAt: isoOrNull(h.publishedAt),
      organisation: h.organisationId ? { id: String(h.organisationId), name: String(h.organisationName) } : null,
      language: String(h.language),
    }),
  },
};

export interface SearchServiceDeps {
  db: Db;
  search: SearchRuntime;
  ideas: IdeaService;
  plans: PlanService;
  territories: TerritoryService;
}

/** Global search and explained matching between ideas and plan measures. */
export class SearchService {
  constructor(private readonly deps: SearchServiceDeps) {}

  private get runtime() {
    return this.deps.search;
  }

  /** Engine failures: a bad request stays 400, an unreachable engine is 503 (never the internals). */
  private async engine<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof SearchEngineError && !error.transient && error.code.startsWith('invalid_')) throw new AppError(400, 'invalid_search', error.message);
      if (error instanceof SearchEngineError || (error instanceof Error && /fetch|ECONNREFUSED|timeout/i.test(error.message))) {
        throw new AppError(503, 'search_unavailable', 'Search is unavailable right now; try again in a moment');
      }
      throw error;
    }
  }

  async search(query: S.SearchQuery): Promise<S.SearchResult> {
    const q = (query.q ?? '').trim();
    const type = query.type ?? 'all';
    const limit = query.limit ?? 5;
    // A chosen theme leaves out the kinds that have none (organisations, events, news).
    const kinds = (type === 'all' ? GLOBAL_KINDS : [type]).filter((kind) => !query.theme || SEARCHED[kind].themed);
    const filters = (kind: GlobalKind) => {
      const f: string[] = [];
      if (query.theme) f.push(`themes = "${query.theme}"`);
      if (query.country) f.push(kind === 'ideas' ? `countries = "${query.country}"` : `country = "${query.country}"`);
      return f.length ? f.join(' AND ') : undefined;
    };
    const queries: MultiSearchQuery[] = kinds.map((kind) => ({
      indexUid: this.runtime.indexer.uid(kind),
      q: searchQuery(q),
      filter: filters(kind),
      facets: SEARCHED[kind].facets,
      limit,
      attributesToSearchOn: textAttributes(kind),
      attributesToHighlight: SEARCHED[kind].highlight,
      attributesToCrop: [SEARCHED[kind].highlight[1]!],
      cropLength: 30,
      highlightPreTag: PRE,
      highlightPostTag: POST,
    }));
    const { results } = await this.engine(() => this.runtime.engine.multiSearch(queries));
    const out: S.SearchResult = { query: q };
    kinds.forEach((kind, i) => {
      const r = results[i] as SearchResponse;
      const f = (h: Document) => (field: string) => segments(String((h._formatted as Record<string, unknown> | undefined)?.[field] ?? h[field] ?? ''));
      (out as Record<GlobalKind, unknown>)[kind] = { total: r.estimatedTotalHits, facets: r.facetDistribution ?? {}, items: r.hits.map((h) => SEARCHED[kind].hit(h, f(h))) };
    });
    return out;
  }

  // ---- idea → measures ----

  async ideaMatches(actor: Actor | null, ideaId: string, query: S.IdeaMatchesQuery): Promise<S.IdeaMatches> {
    const { idea } = await this.deps.ideas.readable(this.deps.db, actor, ideaId);
    const filters: { municipalities?: string[]; regions?: string[]; year?: number } = { year: query.year };
    if (query.municipality) filters.municipalities = [query.municipality];
    else if (query.region) filters.regions = [query.region];
    else if ((query.scope ?? 'places') === 'places' && idea.places.length) {
      // The idea's own municipalities and regions: a regional council's plan serves its municipalities too.
      filters.municipalities = [...new Set(idea.places.flatMap((code) => [code, this.deps.territories.get(code)?.parent_code ?? code]))];
    }
    const result = await this.engine(() => this.runtime.matcher.matchIdeaToMeasures(ideaInput(idea), filters, query.limit ?? 10));
    const links = new Map((await linkRepository.listLinksOfIdea(this.deps.db, ideaId)).map((l) => [l.measure_id, { id: l.id, status: l.status }]));
    return {
      idea: { id: idea.id, title: idea.title },
      items: result.matches.map((m) => ({
        measure: {
          id: m.id,
          code: String(m.document.code),
          title: m.highlights.title,
          description: m.highlights.description,
          plan: { id: String(m.document.planId), title: String(m.document.planTitle), periodStart: Number(m.document.periodStart), periodEnd: Number(m.document.periodEnd) },
          organisation: { id: String(m.document.organisationId), name: String(m.document.organisationName) },
          municipality: (m.document.municipality as string | null) ?? null,
        },
        explanation: explain(m),
        link: links.get(m.id) ?? null,
      })),
    };
  }

  // ---- measure / plan → ideas ----

  async measureMatches(actor: Actor | null, planId: string, itemId: string, query: S.IdeasForMeasureQuery): Promise<S.IdeasForPlan> {
    const { plan } = await this.deps.plans.readable(this.deps.db, actor, planId);
    const items = await planRepository.listPlanItems(this.deps.db, planId);
    const item = items.find((i) => i.id === itemId);
    if (!item) throw notFound('Plan item');
    const filters = this.ideaScope(plan.territory_code, plan.country, query.scope ?? 'region');
    const result = await this.engine(() =>
      this.runtime.matcher.matchMeasureToIdeas(this.measureInput(item, items, plan.language, plan.territory_code), filters, query.limit ?? 10),
    );
    const links = await this.planLinks(planId);
    return {
      plan: { id: plan.id, title: plan.title },
      item: { id: item.id, code: item.code, title: item.title },
      items: result.matches.map((m) => this.ideaMatch(m, [{ id: item.id, code: item.code, title: item.title, band: m.band }], links.get(`${m.id}:${item.id}`) ?? null)),
    };
  }

  async planMatches(actor: Actor | null, planId: string, query: S.IdeasForMeasureQuery): Promise<S.IdeasForPlan> {
    const { plan } = await this.deps.plans.readable(this.deps.db, actor, planId);
    const ranked = await this.planIdeaMatches(planId, plan.language, plan.territory_code, plan.country, query.scope ?? 'region');
    const links = await this.planLinks(planId);
    return {
      plan: { id: plan.id, title: plan.title },
      items: ranked.slice(0, query.limit ?? 10).map(({ best, measures }) => {
        const link = measures.map((ms) => links.get(`${best.id}:${ms.id}`)).find(Boolean) ?? null;
        return this.ideaMatch(best, measures.slice(0, 3), link);
      }),
    };
  }

  async coverage(actor: Actor | null, planId: string): Promise<S.PlanCoverage> {
    const { plan } = await this.deps.plans.readable(this.deps.db, actor, planId);
    const items = await planRepository.listPlanItems(this.deps.db, planId);
    const confirmed = await linkRepository.confirmedCountsByMeasure(this.deps.db, planId);
    const ranked = await this.planIdeaMatches(planId, plan.language, plan.territory_code, plan.country, 'region');
    const strong = new Map<string, Array<{ id: string; title: string }>>();
    for (const { best, measures } of ranked) {
      for (const m of measures) {
        if (m.band !== 'strong') continue;
        const list = strong.get(m.id) ?? [];
        list.push({ id: best.id, title: String(best.document.title) });
        strong.set(m.id, list);
      }
    }
    const children = (parentId: string) => items.filter((i) => i.parent_id === parentId);
    const measureRow = (m: PlanItem) => {
      const confirmedIdeas = confirmed.get(m.id) ?? 0;
      const strongIdeas = (strong.get(m.id) ?? []).slice(0, 5);
      const status = confirmedIdeas > 0 ? ('confirmed' as const) : strongIdeas.length ? ('strong' as const) : ('none' as const);
      return { id: m.id, code: m.code, title: m.title, status, confirmedIdeas, strongIdeas };
    };
    const count = (measures: Array<ReturnType<typeof measureRow>>) => ({
      measures: measures.length,
      confirmed: measures.filter((m) => m.status === 'confirmed').length,
      strong: measures.filter((m) => m.status === 'strong').length,
      none: measures.filter((m) => m.status === 'none').length,
    });
    const priorities = items
      .filter((i) => i.level === 'priority')
      .map((p) => {
        const objectives = children(p.id).map((o) => ({ id: o.id, code: o.code, title: o.title, measures: children(o.id).filter((m) => m.level === 'measure').map(measureRow) }));
        return { id: p.id, code: p.code, title: p.title, totals: count(objectives.flatMap((o) => o.measures)), objectives };
      });
    return { plan: { id: plan.id, title: plan.title }, totals: count(priorities.flatMap((p) => p.objectives.flatMap((o) => o.measures))), priorities };
  }

  /**
   * Ideas for a whole plan: each measure (or, in large plans, each objective) is matched, and every idea
   * keeps its best measures; ideas are ordered by their best band, then by how well they fit.
   */
  private async planIdeaMatches(planId: string, language: string, territory: string | null, country: string, scope: 'region' | 'country' | 'all') {
    const items = await planRepository.listPlanItems(this.deps.db, planId);
    const measures = items.filter((i) => i.level === 'measure');
    const filters = this.ideaScope(territory, country, scope);
    const groups: Array<{ input: PlanItem; measures: PlanItem[] }> =
      measures.length <= PER_MEASURE_LIMIT
        ? measures.map((m) => ({ input: m, measures: [m] }))
        : items.filter((i) => i.level === 'objective').map((o) => ({ input: o, measures: measures.filter((m) => m.parent_id === o.id) }));
    const byIdea = new Map<string, { best: Match; measures: Array<{ id: string; code: string; title: string; band: S.IdeaMatch['measures'][number]['band']; score: number }> }>();
    for (const group of groups) {
      const result = await this.engine(() => this.runtime.matcher.matchMeasureToIdeas(this.measureInput(group.input, items, language, territory), filters, 20));
      for (const m of result.matches) {
        const entry = byIdea.get(m.id) ?? { best: m, measures: [] };
        if (BAND_ORDER[m.band] < BAND_ORDER[entry.best.band] || (m.band === entry.best.band && m.score > entry.best.score)) entry.best = m;
        for (const ms of group.measures.slice(0, 3)) entry.measures.push({ id: ms.id, code: ms.code, title: ms.title, band: m.band, score: m.score });
        byIdea.set(m.id, entry);
      }
    }
    return [...byIdea.values()]
      .map((e) => ({ best: e.best, measures: e.measures.sort((a, b) => BAND_ORDER[a.band] - BAND_ORDER[b.band] || b.score - a.score).map(({ score: _s, ...rest }) => rest) }))
      .sort((a, b) => BAND_ORDER[a.best.band] - BAND_ORDER[b.best.band] || b.best.score - a.best.score);
  }

  private ideaScope(territory: string | null, country: string, scope: 'region' | 'country' | 'all') {
    if (scope === 'all') return {};
    if (scope === 'country' || !territory) return { countries: [country] };
    const t = this.deps.territories.get(territory);
    const region = t?.level === 'municipality' ? (t.parent_code ?? territory) : territory;
    return { regions: [region] };
  }

  private measureInput(item: PlanItem, items: PlanItem[], language: string, territory: string | null) {
    const parent = items.find((i) => i.id === item.parent_id);
    const grandparent = parent ? items.find((i) => i.id === parent.parent_id) : undefined;
    // A priority or objective is described by the measures under it.
    const below = item.level === 'measure' ? [] : items.filter((i) => i.parent_id === item.id || items.some((c) => c.parent_id === item.id && i.parent_id === c.id));
    const t = territory ? this.deps.territories.get(territory) : undefined;
    return {
      title: item.title,
      description: [item.description, ...below.map((b) => b.title)].filter(Boolean).join('\n'),
      objectiveTitle: parent?.title ?? '',
      priorityTitle: grandparent?.title ?? '',
      language,
      municipality: territory,
      region: t?.level === 'municipality' ? t.parent_code : territory,
    };
  }

  private async planLinks(planId: string) {
    const links = await linkRepository.listLinksOfPlan(this.deps.db, planId);
    return new Map(links.map((l) => [`${l.idea_id}:${l.measure_id}`, { id: l.id, status: l.status }]));
  }

  private ideaMatch(m: Match, measures: S.IdeaMatch['measures'], link: { id: string; status: string } | null): S.IdeaMatch {
    return {
      idea: {
        id: m.id,
        title: m.highlights.title,
        summary: m.highlights.description,
        organisation: { id: String(m.document.organisationId), name: String(m.document.organisationName) },
        places: (m.document.places as string[]) ?? [],
        themes: (m.document.themes as string[]) ?? [],
      },
      explanation: explain(m),
      measures,
      link,
    };
  }
}

function ideaInput(idea: IdeaListRow) {
  return {
    title: idea.title,
    summary: idea.summary,
    problem: idea.problem,
    overallObjective: idea.overall_objective,
    specificObjectives: idea.specific_objectives,
    targetGroups: idea.target_groups,
    expectedResults: idea.expected_results,
    mainActivities: idea.main_activities,
    themes: idea.themes,
    language: idea.language,
  };
}

/** The explanation a person reads: words, topics, themes and parts; never the numbers behind them. */
function explain(m: Match): S.IdeaMatches['items'][number]['explanation'] {
  // One word per matched stem (its first spelling in the text), not every inflection.
  const words = m.evidence.filter((e) => e.kind === 'word').map((e) => e.surface[0] ?? e.term);
  const topics = new Map<string, string[]>();
  for (const e of m.evidence) {
    if (e.kind === 'concept' && e.conceptId) topics.set(e.conceptId, [...new Map([...(topics.get(e.conceptId) ?? []), ...e.surface].map((w) => [w.toLocaleLowerCase(), w])).values()]);
  }
  return {
    band: m.band,
    matchedWords: [...new Map(words.map((w) => [w.toLocaleLowerCase(), w])).values()].slice(0, 12),
    sharedTopics: [...topics].slice(0, 8).map(([topic, sourceWords]) => ({ topic, sourceWords: sourceWords.slice(0, 4) })),
    sharedThemes: m.sharedThemes,
    fromParts: m.parts.slice(0, 4),
  };
}

/** A person's query as sent to the engine: Cyrillic words stemmed (the index holds stemmed copies), the last word kept whole for prefix search. */
function searchQuery(q: string): string {
  const tokens = searchText.tokenize(q);
  if (tokens.length === 0) return '';
  const words = tokens.map((t, i) => (i === tokens.length - 1 ? t.raw : searchText.stem(t.norm)));
  return words.join(' ') + (/[^\p{L}\p{N}]$/u.test(q) ? ' ' : '');
}

/** Splits engine output with our private-use tags into plain and matched segments. */
export function segments(formatted: string): Segment[] {
  const out: Segment[] = [];
  let rest = formatted;
  while (rest.length) {
    const start = rest.indexOf(PRE);
    if (start < 0) {
      out.push({ text: rest, match: false });
      break;
    }
    if (start > 0) out.push({ text: rest.slice(0, start), match: false });
    const end = rest.indexOf(POST, start);
    const stop = end < 0 ? rest.length : end;
    out.push({ text: rest.slice(start + PRE.length, stop), match: true });
    rest = end < 0 ? '' : rest.slice(end + POST.length);
  }
  return out.filter((s) => s.text.length > 0);
}
