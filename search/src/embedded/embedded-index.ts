import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import { SearchEngineError } from '../engine/errors';
import type { Document, Hit, IndexSettings, SearchParams, SearchResponse } from '../engine/types';
import { matchesFilter } from '../filter/evaluate';
import { filterAttributes, parseFilter, type FilterNode } from '../filter/parse';
import { normalize } from '../text/normalize';
import { formatValue, type MatchedTerms } from './format';
import { typoCost } from './levenshtein';
import { prepareQuery, prepareSettings, type PreparedSettings, type QueryWord } from './query';
import { globalScore, relevanceStep, RELEVANCE_STEPS } from './ranking';

const ALL = '_all';
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const DEFAULT_MAX_TOTAL_HITS = 1000;

interface Candidate {
  id: string;
  matched: boolean[];
  typos: number;
  score: number;
  /** Indexed words each query word matched; turned into highlights only for the hits shown. */
  hits: Array<[number, string[]]>;
}

interface WordHit {
  score: number;
  typos: number;
  terms: string[];
}

type Ranked = { id: string; score: number; terms: () => MatchedTerms };
const NO_TERMS = () => new Map() as MatchedTerms;

function fieldText(doc: Document, field: string): string {
  if (field === ALL) {
    return Object.entries(doc)
      .filter(([key]) => key !== 'id')
      .map(([, v]) => fieldText({ id: '', v } as unknown as Document, 'v'))
      .join(' ');
  }
  const value = doc[field];
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string' || typeof v === 'number').join(' \n ');
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return '';
}

/** One index of the embedded engine: documents, settings and a MiniSearch inverted index. */
export class EmbeddedIndex {
  readonly docs = new Map<string, Document>();
  private mini!: MiniSearch<Document>;
  private prepared!: PreparedSettings;
  private fields!: string[];
  readonly createdAt = new Date();

  constructor(
    readonly uid: string,
    private settingsValue: IndexSettings,
  ) {
    this.rebuild();
  }

  get settings(): IndexSettings {
    return this.settingsValue;
  }

  applySettings(settings: IndexSettings): void {
    this.settingsValue = settings;
    this.rebuild();
  }

  private rebuild(): void {
    this.prepared = prepareSettings(this.settingsValue);
    const searchable = this.settingsValue.searchableAttributes;
    this.fields = searchable.length === 0 || searchable.includes('*') ? [ALL] : [...searchable];
    const stop = this.prepared.stopWords;
    this.mini = new MiniSearch<Document>({
      fields: this.fields,
      idField: 'id',
      extractField: (doc, field) => (field === 'id' ? doc.id : fieldText(doc, field)),
      tokenize: (text) => text.match(WORD) ?? [],
      processTerm: (term) => {
        const norm = normalize(term).replace(/['’]/g, '');
        return norm && !stop.has(norm) ? norm : null;
      },
      autoVacuum: { minDirtCount: 1000, minDirtFactor: 0.2, batchSize: 5000, batchWait: 5 },
    });
    if (this.docs.size) this.mini.addAll([...this.docs.values()]);
  }

  upsert(documents: Document[]): void {
    for (const doc of documents) {
      if (this.docs.has(doc.id)) this.mini.discard(doc.id);
      this.docs.set(doc.id, doc);
      this.mini.add(doc);
    }
  }

  remove(ids: Iterable<string>): number {
    let removed = 0;
    for (const id of ids) {
      if (!this.docs.delete(id)) continue;
      this.mini.discard(id);
      removed++;
    }
    return removed;
  }

  removeByFilter(filter: FilterNode | null): number {
    this.checkFilterable(filter);
    const ids = [...this.docs.values()].filter((d) => matchesFilter(filter, d)).map((d) => d.id);
    return this.remove(ids);
  }

  /** Moves another index's contents into this one and this one's into it (index swap). */
  swapWith(other: EmbeddedIndex): void {
    for (const key of ['docs', 'mini', 'prepared', 'fields', 'settingsValue'] as const) {
      const mine = this[key as keyof this];
      (this as Record<string, unknown>)[key] = other[key as keyof EmbeddedIndex];
      (other as unknown as Record<string, unknown>)[key] = mine;
    }
  }

  private checkFilterable(filter: FilterNode | null): void {
    const allowed = this.settingsValue.filterableAttributes;
    for (const attribute of filterAttributes(filter)) {
      if (!allowed.includes(attribute)) {
        throw new SearchEngineError(
          'invalid_search_filter',
          `Attribute \`${attribute}\` is not filterable. Available filterable attributes are: \`${allowed.join(', ')}\`.`,
        );
      }
    }
  }

  search(params: SearchParams): SearchResponse {
    const started = performance.now();
    const filter = parseFilter(params.filter);
    this.checkFilterable(filter);
    const limit = params.limit ?? 20;
    const offset = params.offset ?? 0;
    if (!Number.isInteger(limit) || limit < 0) throw new SearchEngineError('invalid_search_limit', '`limit` must be a positive whole number');
    if (!Number.isInteger(offset) || offset < 0) throw new SearchEngineError('invalid_search_offset', '`offset` must be a positive whole number');
    const sort = this.parseSort(params.sort);
    const facets = params.facets ?? [];
    for (const facet of facets) {
      if (!this.settingsValue.filterableAttributes.includes(facet)) {
        throw new SearchEngineError('invalid_search_facets', `Attribute \`${facet}\` is not filterable, so it cannot be a facet.`);
      }
    }
    const q = params.q ?? '';
    const words = prepareQuery(q, this.prepared);

    let ranked: Ranked[];
    if (words.length === 0) {
      const ids = [...this.docs.values()].filter((d) => matchesFilter(filter, d)).map((d) => d.id);
      if (sort.length) ids.sort((a, b) => this.compareSort(sort, a, b));
      ranked = ids.map((id) => ({ id, score: 1, terms: NO_TERMS }));
    } else {
      ranked = this.rankQuery(words, params, filter, sort);
    }

    const maxTotalHits = this.settingsValue.pagination?.maxTotalHits ?? DEFAULT_MAX_TOTAL_HITS;
    const page = ranked.slice(offset, Math.max(offset, Math.min(offset + limit, maxTotalHits)));
    const response: SearchResponse = {
      hits: page.map((r) => this.toHit(r, params)),
      query: q,
      offset,
      limit,
      estimatedTotalHits: ranked.length,
      processingTimeMs: 0,
    };
    if (facets.length) Object.assign(response, this.facetCounts(facets, ranked));
    response.processingTimeMs = Math.round(performance.now() - started);
    return response;
  }

  private rankQuery(words: QueryWord[], params: SearchParams, filter: FilterNode | null, sort: Array<[string, 1 | -1]>) {
    const fields = this.searchFields(params.attributesToSearchOn);
    const typoFields = fields.filter((f) => !this.prepared.typo.disabledAttributes.has(f));
    const exactFields = fields.filter((f) => this.prepared.typo.disabledAttributes.has(f));
    const boost = Object.fromEntries(fields.map((f) => [f, 1 + (this.fields.length - 1 - this.fields.indexOf(f)) * 0.5]));
    const candidates = new Map<string, Candidate>();
    const frequency: number[] = [];

    words.forEach((word, i) => {
      const found = new Map<string, WordHit>();
      if (typoFields.length) this.collect(word, typoFields, boost, true, found);
      if (exactFields.length) this.collect(word, exactFields, boost, false, found);
      frequency[i] = found.size;
      for (const [id, hit] of found) {
        let c = candidates.get(id);
        if (!c) {
          c = { id, matched: words.map(() => false), typos: 0, score: 0, hits: [] };
          candidates.set(id, c);
        }
        c.matched[i] = true;
        c.typos += hit.typos;
        c.score += hit.score;
        c.hits.push([i, hit.terms]);
      }
    });

    // The words rule: which words a document must contain depends on the matching strategy.
    const strategy = params.matchingStrategy ?? 'last';
    const order = words.map((_, i) => i);
    if (strategy === 'frequency') order.sort((a, b) => frequency[a]! - frequency[b]! || a - b);
    const leading = (c: Candidate) => {
      let k = 0;
      while (k < order.length && c.matched[order[k]!]) k++;
      return k;
    };
    const totalTypos = words.reduce((sum, w) => sum + w.maxTypos, 0);
    const kept: Array<Candidate & { words: number }> = [];
    for (const c of candidates.values()) {
      const k = strategy === 'all' ? (c.matched.every(Boolean) ? words.length : 0) : leading(c);
      if (k === 0) continue;
      if (filter && !matchesFilter(filter, this.docs.get(c.id)!)) continue;
      kept.push({ ...c, words: k });
    }
    const best = new Map<number, number>();
    for (const c of kept) best.set(c.words, Math.max(best.get(c.words) ?? 0, c.score));
    const withSteps = kept.map((c) => ({ ...c, step: relevanceStep(c.score, best.get(c.words) ?? c.score) }));
    withSteps.sort(
      (a, b) =>
        b.words - a.words || a.typos - b.typos || b.step - a.step || (sort.length ? this.compareSort(sort, a.id, b.id) : 0) || b.score - a.score,
    );
    const highlightTerms = (c: Candidate) => () => {
      const terms: MatchedTerms = new Map();
      for (const [i, list] of c.hits) {
        const word = words[i]!;
        for (const term of list) {
          const how = word.prefix && term !== word.word && term.startsWith(word.word) ? word.word.length : 'full';
          if (terms.get(term) !== 'full') terms.set(term, how);
        }
      }
      return terms;
    };
    return withSteps.map((c) => ({
      id: c.id,
      terms: highlightTerms(c),
      score: globalScore([
        { rank: c.words, max: words.length },
        { rank: totalTypos - Math.min(c.typos, totalTypos) + 1, max: totalTypos + 1 },
        { rank: c.step, max: RELEVANCE_STEPS },
      ]),
    }));
  }

  /** Documents containing one query word (or one of its synonyms) in the given fields. */
  private collect(
    word: QueryWord,
    fields: string[],
    boost: Record<string, number>,
    allowTypos: boolean,
    into: Map<string, WordHit>,
  ): void {
    const maxTypos = allowTypos ? word.maxTypos : 0;
    const synonymWords = new Set(word.alternatives.filter((a) => !a.typed).flatMap((a) => a.words));
    const queries: Query[] = word.alternatives.map((alt) =>
      alt.typed
        ? { queries: [alt.words[0]!], fuzzy: maxTypos > 0 ? maxTypos : false, prefix: word.prefix }
        : { queries: alt.words, combineWith: 'AND', fuzzy: false, prefix: false },
    );
    const results: SearchResult[] = this.mini.search({ queries, combineWith: 'OR' }, { fields, boost, maxFuzzy: 2, weights: { fuzzy: 0.5, prefix: 0.6 } });
    // The same indexed words come back for many documents: their typo cost is computed once.
    const costs = new Map<string, number>();
    const costOf = (term: string) => {
      let cost = costs.get(term);
      if (cost === undefined) {
        cost = synonymWords.has(term) ? 0 : typoCost(word.word, term, word.prefix, maxTypos);
        costs.set(term, cost);
      }
      return cost;
    };
    for (const r of results) {
      let typos = Infinity;
      const terms: string[] = [];
      for (const term of r.terms) {
        const cost = costOf(term);
        if (cost > maxTypos) continue;
        typos = Math.min(typos, cost);
        terms.push(term);
      }
      if (typos === Infinity) continue;
      // A word found in typo-tolerant and in exact-only fields counts once, with both contributions.
      const previous = into.get(String(r.id));
      into.set(String(r.id), {
        score: r.score + (previous?.score ?? 0),
        typos: Math.min(typos, previous?.typos ?? Infinity),
        terms: previous ? [...previous.terms, ...terms] : terms,
      });
    }
  }

  private searchFields(requested: string[] | undefined): string[] {
    if (!requested || requested.length === 0 || requested.includes('*')) return this.fields;
    for (const field of requested) {
      if (!this.fields.includes(field)) {
        throw new SearchEngineError('invalid_search_attributes_to_search_on', `Attribute \`${field}\` is not searchable.`);
      }
    }
    return requested;
  }

  private parseSort(sort: string[] | undefined): Array<[string, 1 | -1]> {
    return (sort ?? []).map((rule) => {
      const [attribute, direction] = rule.split(':');
      if (!attribute || (direction !== 'asc' && direction !== 'desc')) {
        throw new SearchEngineError('invalid_search_sort', `Sort rule \`${rule}\` must look like \`attribute:asc\` or \`attribute:desc\`.`);
      }
      if (!(this.settingsValue.sortableAttributes ?? []).includes(attribute)) {
        throw new SearchEngineError('invalid_search_sort', `Attribute \`${attribute}\` is not sortable.`);
      }
      return [attribute, direction === 'asc' ? 1 : -1];
    });
  }

  private compareSort(sort: Array<[string, 1 | -1]>, a: string, b: string): number {
    const da = this.docs.get(a)!;
    const db = this.docs.get(b)!;
    for (const [attribute, direction] of sort) {
      const va = da[attribute];
      const vb = db[attribute];
      // Documents missing the attribute go last, whichever the direction (as in Meilisearch).
      if (va === undefined || va === null) {
        if (vb !== undefined && vb !== null) return 1;
        continue;
      }
      if (vb === undefined || vb === null) return -1;
      const cmp = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
      if (cmp !== 0) return cmp * direction;
    }
    return 0;
  }

  private facetCounts(facets: string[], ranked: Array<{ id: string }>) {
    const facetDistribution: Record<string, Record<string, number>> = {};
    const facetStats: Record<string, { min: number; max: number }> = {};
    const maxValues = this.settingsValue.faceting?.maxValuesPerFacet ?? 100;
    for (const facet of facets) {
      const counts = new Map<string, number>();
      for (const { id } of ranked) {
        const raw = this.docs.get(id)![facet];
        const values = new Set((Array.isArray(raw) ? raw : [raw]).filter((v) => v !== undefined && v !== null && typeof v !== 'object').map(String));
        for (const value of values) {
          counts.set(value, (counts.get(value) ?? 0) + 1);
          const n = Number(value);
          if (typeof (Array.isArray(raw) ? raw[0] : raw) === 'number' && !Number.isNaN(n)) {
            const s = facetStats[facet] ?? { min: n, max: n };
            facetStats[facet] = { min: Math.min(s.min, n), max: Math.max(s.max, n) };
          }
        }
      }
      // Meilisearch orders facet values alphabetically by default.
      facetDistribution[facet] = Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).slice(0, maxValues));
    }
    return { facetDistribution, ...(Object.keys(facetStats).length && { facetStats }) };
  }

  private toHit(r: Ranked, params: SearchParams): Hit {
    const doc = this.docs.get(r.id)!;
    const displayed = this.settingsValue.displayedAttributes;
    const visible = displayed && !displayed.includes('*') ? displayed : Object.keys(doc);
    const retrieve = params.attributesToRetrieve && !params.attributesToRetrieve.includes('*') ? params.attributesToRetrieve : visible;
    const hit: Hit = { id: doc.id } as Hit;
    for (const key of retrieve) if (visible.includes(key) && key in doc) (hit as Record<string, unknown>)[key] = doc[key];
    const toHighlight = params.attributesToHighlight ?? [];
    const toCrop = params.attributesToCrop ?? [];
    if (toHighlight.length || toCrop.length) {
      const options = {
        preTag: params.highlightPreTag ?? '<em>',
        postTag: params.highlightPostTag ?? '</em>',
        cropLength: params.cropLength ?? 10,
        cropMarker: params.cropMarker ?? '…',
      };
      const formatted: Record<string, unknown> = {};
      let matched: MatchedTerms | undefined;
      for (const key of retrieve) {
        if (!visible.includes(key) || !(key in doc)) continue;
        const highlightIt = toHighlight.includes('*') || toHighlight.includes(key);
        const cropIt = toCrop.includes('*') || toCrop.includes(key);
        formatted[key] = formatValue(doc[key], (matched ??= r.terms()), options, highlightIt, cropIt);
      }
      hit._formatted = formatted;
    }
    if (params.showRankingScore) hit._rankingScore = r.score;
    return hit;
  }
}
