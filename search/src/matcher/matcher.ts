import type { Document, MultiSearchQuery, SearchEngine, SearchResponse } from '../engine/types';
import type { FilterInput } from '../filter/parse';
import { municipalityKey } from '../indexes/analysis';
import { STEM_FIELDS } from '../indexes/definitions';
import { ideaText, type IdeaSource, type MeasureSource } from '../indexes/documents';
import type { Thesaurus } from '../thesaurus/thesaurus';
import { bandOf, highlightSegments, type Band, type Segment } from './explain';
import { fuse, type RankedList } from './fusion';
import { buildProfile, type Profile, type TextPart, type WeightedTerm } from './profile';
import type { TermStats } from './term-stats';

/** How many stems and concepts of a text become queries (each a short query in one multi-search). */
const MAX_TERMS = 14;
const MAX_CONCEPTS = 10;
const CANDIDATES_PER_QUERY = 150;
/** Concepts cross languages, so they weigh a little more than a same-language word. */
const CONCEPT_FACTOR = 1.25;
/** The title phrase query rewards the title's words appearing together in one candidate. */
const TITLE_FACTOR = 1.5;
/** The least total query weight a text is judged against (about six distinctive words and two concepts). */
const EVIDENCE_FLOOR = 50;
/** Share of the score a full overlap of themes adds. */
const THEME_BONUS = 0.1;

export type IdeaInput = Pick<
  IdeaSource,
  'title' | 'summary' | 'problem' | 'overallObjective' | 'specificObjectives' | 'targetGroups' | 'expectedResults' | 'mainActivities' | 'themes' | 'language'
>;

export type MeasureInput = Pick<MeasureSource, 'title' | 'description' | 'priorityTitle' | 'objectiveTitle' | 'language'> & {
  municipality?: string | null;
  region?: string | null;
};

export interface MeasureFilters {
  municipalities?: string[];
  regions?: string[];
  countries?: string[];
  /** Only plans whose period covers this year. */
  year?: number;
  /** Only these plans. */
  planIds?: string[];
}

export interface IdeaFilters {
  places?: string[];
  regions?: string[];
  countries?: string[];
}

export interface Evidence {
  kind: 'word' | 'concept' | 'title';
  /** Words of the source text that produced it. */
  surface: string[];
  parts: string[];
  conceptId?: string;
  term: string;
}

export interface Match {
  id: string;
  document: Document;
  band: Band;
  /** Internal ordering value; never shown (the band is). */
  score: number;
  evidence: Evidence[];
  sharedThemes: string[];
  /** Parts of the source text that produced the match, strongest first. */
  parts: string[];
  highlights: { title: Segment[]; description: Segment[] };
}

export interface MatchResult {
  matches: Match[];
  /** Municipalities the text itself named, when no filter said where. */
  inferredMunicipalities: string[];
  /** The text names only places no plan knows. */
  elsewhere: boolean;
}

const escapeValue = (v: string) => `"${v.replace(/["\\]/g, '\\$&')}"`;
const inList = (attribute: string, values: string[]) => `${attribute} IN [${values.map(escapeValue).join(', ')}]`;

export function ideaParts(idea: IdeaInput): TextPart[] {
  return [
    { part: 'title', text: idea.title, weight: 2 },
    { part: 'summary', text: idea.summary, weight: 1.5 },
    { part: 'objectives', text: [idea.overallObjective, ...idea.specificObjectives].join('\n'), weight: 1.2 },
    { part: 'activities', text: idea.mainActivities.join('\n'), weight: 1 },
    { part: 'problem', text: idea.problem, weight: 0.8 },
    { part: 'targetGroups', text: idea.targetGroups.join('\n'), weight: 0.8 },
    { part: 'results', text: idea.expectedResults.join('\n'), weight: 0.8 },
  ];
}

export function measureParts(measure: MeasureInput): TextPart[] {
  return [
    { part: 'title', text: measure.title, weight: 2 },
    { part: 'description', text: measure.description, weight: 1.3 },
    { part: 'context', text: [measure.objectiveTitle, measure.priorityTitle].join('\n'), weight: 0.6 },
  ];
}

interface Query {
  evidence: Evidence;
  weight: number;
  params: MultiSearchQuery;
}

export interface MatcherOptions {
  engine: SearchEngine;
  thesaurus: Thesaurus;
  /** Term statistics of the measure corpus. */
  stats: TermStats;
  measuresIndex: string;
  ideasIndex: string;
}

/**
 * Matches ideas and plan measures through the search engine: a text becomes a profile of its most
 * distinctive stems and thesaurus concepts, each sent as a short query in one multi-search, and the
 * rankings are fused; shared themes add a bonus; each match is explained.
 */
export class Matcher {
  constructor(private readonly options: MatcherOptions) {}

  private queriesFor(profile: Profile, indexUid: string, filter: FilterInput | undefined, retrieve: string[]): Query[] {
    const queries: Query[] = [];
    const base = { indexUid, filter, limit: CANDIDATES_PER_QUERY, attributesToRetrieve: retrieve, showRankingScore: true };
    const word = (t: WeightedTerm): Query => ({
      evidence: { kind: 'word', surface: t.surface, parts: t.parts, term: t.term },
      weight: t.weight,
      // Long stems stay prefixes (the document may hold a longer form); short ones must match whole.
      params: { ...base, q: t.term.length >= 5 ? t.term : `${t.term} `, attributesToSearchOn: STEM_FIELDS, matchingStrategy: 'all' },
    });
    const words = profile.terms.slice(0, MAX_TERMS).map(word);
    queries.push(...words);
    for (const c of profile.concepts.slice(0, MAX_CONCEPTS)) {
      queries.push({
        evidence: { kind: 'concept', surface: c.surface, parts: c.parts, conceptId: c.conceptId, term: c.term },
        weight: c.weight * CONCEPT_FACTOR,
        params: { ...base, q: `${c.term} `, attributesToSearchOn: ['concepts'], matchingStrategy: 'all' },
      });
    }
    const titleWords = words.filter((q) => profile.titleStems.includes(q.evidence.term));
    if (titleWords.length >= 2) {
      const mean = titleWords.reduce((s, q) => s + q.weight, 0) / titleWords.length;
      queries.push({
        evidence: { kind: 'title', surface: titleWords.flatMap((q) => q.evidence.surface), parts: ['title'], term: titleWords.map((q) => q.evidence.term).join(' ') },
        weight: mean * TITLE_FACTOR,
        params: { ...base, q: titleWords.map((q) => q.evidence.term).join(' '), attributesToSearchOn: STEM_FIELDS, matchingStrategy: 'frequency' },
      });
    }
    return queries;
  }

  /** Runs a profile's queries and fuses them into scored, explained matches. */
  private async rank(
    profile: Profile,
    language: string,
    indexUid: string,
    filter: FilterInput | undefined,
    retrieve: string[],
    limit: number,
    elsewhere: boolean,
    bonus?: (doc: Document) => number,
  ) {
    const queries = this.queriesFor(profile, indexUid, filter, retrieve);
    if (queries.length === 0) return [];
    const { results } = await this.options.engine.multiSearch(queries.map((q) => q.params));
    const docs = new Map<string, Document>();
    const lists: Array<RankedList<Query>> = results.map((r: SearchResponse, i) => {
      for (const hit of r.hits) docs.set(String(hit.id), hit as Document);
      return { weight: queries[i]!.weight, ids: r.hits.map((h) => String(h.id)), scores: r.hits.map((h) => h._rankingScore ?? 1), tag: queries[i]! };
    });
    // Coverage is the share of the text's evidence a candidate shows. A short text has little to give, so
    // its total is floored (two words cannot look like a full match); a candidate in another language can
    // only show concepts, so it is judged against the concept share of that total.
    const sum = (kind?: Evidence['kind']) => queries.filter((q) => !kind || q.evidence.kind === kind).reduce((s, q) => s + q.weight, 0);
    const all = sum();
    const floored = Math.max(all, EVIDENCE_FLOOR);
    const conceptShare = all > 0 ? sum('concept') / all : 0;
    const denominator = (doc: Document) => (String(doc.language) === language || conceptShare === 0 ? floored : floored * conceptShare);
    const fused = fuse(lists);
    const scored = fused.map((f) => {
      const doc = docs.get(f.id)!;
      const themes = (doc.themes as string[] | undefined) ?? (doc.topics as string[] | undefined) ?? [];
      const sharedThemes = profile.themes.filter((t) => themes.includes(t) || ((doc.topics as string[] | undefined) ?? []).includes(t));
      const themeBonus = (THEME_BONUS * sharedThemes.length) / Math.max(1, profile.themes.length) + (bonus?.(doc) ?? 0);
      // Ranking compares candidates on one scale; the band judges each against what it could have shown.
      const score = f.score / floored + themeBonus;
      const coverage = Math.min(1, f.score / denominator(doc)) + themeBonus;
      return { f, doc, sharedThemes, coverage, score };
    });
    scored.sort((a, b) => b.score - a.score || a.f.id.localeCompare(b.f.id));
    return scored.slice(0, limit).map(({ f, doc, sharedThemes, score, coverage }): Match => {
      const sources = [...f.sources].sort((a, b) => b.contribution - a.contribution);
      const evidence = sources.map((s) => s.tag.evidence);
      const partWeights = new Map<string, number>();
      for (const s of sources) for (const [i, part] of s.tag.evidence.parts.entries()) partWeights.set(part, (partWeights.get(part) ?? 0) + s.contribution / (i + 1));
      const distinct = new Set(evidence.filter((e) => e.kind !== 'title').map((e) => e.conceptId ?? e.term)).size;
      return {
        id: f.id,
        document: doc,
        band: bandOf(coverage, distinct, elsewhere),
        score,
        evidence,
        sharedThemes,
        parts: [...partWeights].sort((a, b) => b[1] - a[1]).map(([p]) => p),
        highlights: this.highlights(doc, evidence),
      };
    });
  }

  private highlights(doc: Document, evidence: Evidence[]) {
    const stems = new Set(evidence.filter((e) => e.kind === 'word').map((e) => e.term.trim()));
    const concepts = new Set(evidence.filter((e) => e.kind === 'concept').map((e) => e.conceptId!));
    const language = String(doc.language ?? 'en');
    const text = (field: string) => (typeof doc[field] === 'string' ? (doc[field] as string) : '');
    const secondary = text('description') || text('summary');
    return {
      title: highlightSegments(text('title'), language, stems, concepts, this.options.thesaurus),
      description: highlightSegments(secondary, language, stems, concepts, this.options.thesaurus),
    };
  }

  /**
   * Where the text says it is: its proper nouns looked up among the place keys of the measures
   * (municipality names and the villages, rivers and sites plans mention). A key found in one
   * municipality's measures only places the text there.
   */
  private async locate(profile: Profile, filter: FilterInput | undefined): Promise<{ municipalities: string[]; elsewhere: boolean }> {
    const keys = [...profile.placeKeys.slice(0, 8).map((key) => ({ key, opening: false })), ...profile.openingKeys.slice(0, 4).map((key) => ({ key, opening: true }))];
    if (keys.length === 0) return { municipalities: [], elsewhere: false };
    const probe = (q: string) => ({ indexUid: this.options.measuresIndex, q: `${q} `, attributesToSearchOn: ['placeKeys'], facets: ['municipality'], limit: 0, filter, matchingStrategy: 'all' as const });
    const { results } = await this.options.engine.multiSearch(keys.flatMap(({ key }) => [probe(municipalityKey(key)), probe(key)]));
    const found = (i: number) => Object.keys(results[i]?.facetDistribution?.municipality ?? {});
    const votes = new Map<string, number>();
    let known = 0;
    let named = 0;
    keys.forEach(({ opening }, k) => {
      // A municipality's own name outweighs a village or river its plan mentions (which a neighbour may share).
      const asName = found(2 * k);
      const asPlace = found(2 * k + 1);
      if (asPlace.length) known++;
      if (!opening) named++;
      const [set, weight] = asName.length ? [asName, 2] : [asPlace, 1];
      if (set.length === 0 || set.length > 2) return;
      for (const m of set) votes.set(m, (votes.get(m) ?? 0) + weight / set.length);
    });
    const ranked = [...votes].sort((a, b) => b[1] - a[1]);
    const top = ranked[0]?.[1] ?? 0;
    const second = ranked.find(([, v]) => v < top)?.[1] ?? 0;
    const municipalities = top >= 1 && top >= 2 * second ? ranked.filter(([, v]) => v === top).map(([m]) => m) : [];
    // Named places, none of which any plan knows: the text is about somewhere else.
    return { municipalities, elsewhere: named > 0 && known === 0 };
  }

  async matchIdeaToMeasures(idea: IdeaInput, filters: MeasureFilters = {}, limit = 10): Promise<MatchResult> {
    const { thesaurus, stats } = this.options;
    const profile = buildProfile(ideaParts(idea), idea.language, thesaurus, stats);
    for (const theme of idea.themes) if (!profile.themes.includes(theme)) profile.themes.push(theme);
    const base: string[] = [];
    if (filters.regions?.length) base.push(inList('region', filters.regions));
    if (filters.countries?.length) base.push(inList('country', filters.countries));
    if (filters.planIds?.length) base.push(inList('planId', filters.planIds));
    if (filters.year !== undefined) base.push(`periodStart <= ${filters.year} AND periodEnd >= ${filters.year}`);
    let inferred: string[] = [];
    let elsewhere = false;
    const filter = [...base];
    if (filters.municipalities?.length) {
      filter.push(inList('municipality', filters.municipalities));
    } else if (!filters.regions?.length) {
      const located = await this.locate(profile, base.length ? base.join(' AND ') : undefined);
      inferred = located.municipalities;
      elsewhere = located.elsewhere;
      if (inferred.length) filter.push(inList('municipality', inferred));
    }
    const matches = await this.rank(profile, idea.language, this.options.measuresIndex, filter.length ? filter.join(' AND ') : undefined, MEASURE_FIELDS, limit, elsewhere);
    return { matches, inferredMunicipalities: inferred, elsewhere };
  }

  async matchMeasureToIdeas(measure: MeasureInput, filters: IdeaFilters = {}, limit = 10): Promise<MatchResult> {
    const profile = buildProfile(measureParts(measure), measure.language, this.options.thesaurus, this.options.stats);
    const filter: string[] = [];
    if (filters.places?.length) filter.push(inList('places', filters.places));
    if (filters.regions?.length) filter.push(inList('regions', filters.regions));
    if (filters.countries?.length) filter.push(inList('countries', filters.countries));
    // Ideas set in the measure's own municipality (or region) are the ones that can serve it.
    const near = (doc: Document) => {
      const places = (doc.places as string[] | undefined) ?? [];
      const regions = (doc.regions as string[] | undefined) ?? [];
      if (measure.municipality && places.includes(measure.municipality)) return 0.12;
      if (measure.region && (regions.includes(measure.region) || places.includes(measure.region))) return 0.06;
      return 0;
    };
    const matches = await this.rank(profile, measure.language, this.options.ideasIndex, filter.length ? filter.join(' AND ') : undefined, IDEA_FIELDS, limit, false, near);
    return { matches, inferredMunicipalities: [], elsewhere: false };
  }
}

export const MEASURE_FIELDS = [
  'id', 'planId', 'planTitle', 'code', 'title', 'description', 'context', 'municipality', 'region', 'country', 'periodStart', 'periodEnd',
  'themes', 'language', 'organisationId', 'organisationName', 'placeNames',
];
export const IDEA_FIELDS = ['id', 'title', 'summary', 'organisationId', 'organisationName', 'places', 'regions', 'countries', 'themes', 'topics', 'language', 'publishedAt'];

export { ideaText };
