import type { FilterInput } from '../filter/parse';

/**
 * The search engine contract, shaped after Meilisearch's HTTP API so the Meilisearch adapter is a thin
 * translation and the embedded engine is held to the same behaviour (one conformance suite checks both).
 */

export type Document = Record<string, unknown> & { id: string };

export interface TypoTolerance {
  enabled?: boolean;
  /** Meilisearch's defaults: one typo from 5 letters, two from 9. */
  minWordSizeForTypos?: { oneTypo?: number; twoTypos?: number };
  disableOnAttributes?: string[];
  disableOnWords?: string[];
}

export interface IndexSettings {
  /** Attribute order is the attribute ranking order, as in Meilisearch. */
  searchableAttributes: string[];
  filterableAttributes: string[];
  sortableAttributes?: string[];
  displayedAttributes?: string[];
  rankingRules?: string[];
  stopWords?: string[];
  /** word → words that may stand for it (one direction; list both ways for mutual synonyms). */
  synonyms?: Record<string, string[]>;
  typoTolerance?: TypoTolerance;
  /** Locales (ISO 639-3) per attribute pattern, e.g. [{ attributePatterns: ['*_bg'], locales: ['bul'] }]. */
  localizedAttributes?: Array<{ attributePatterns: string[]; locales: string[] }>;
  faceting?: { maxValuesPerFacet?: number };
  pagination?: { maxTotalHits?: number };
}

export type MatchingStrategy = 'last' | 'all' | 'frequency';

export interface SearchParams {
  q?: string;
  filter?: FilterInput;
  facets?: string[];
  /** "attribute:asc" | "attribute:desc". */
  sort?: string[];
  limit?: number;
  offset?: number;
  matchingStrategy?: MatchingStrategy;
  attributesToSearchOn?: string[];
  attributesToRetrieve?: string[];
  attributesToHighlight?: string[];
  highlightPreTag?: string;
  highlightPostTag?: string;
  attributesToCrop?: string[];
  cropLength?: number;
  cropMarker?: string;
  showRankingScore?: boolean;
  locales?: string[];
}

export type Hit<T = Document> = T & {
  _formatted?: Record<string, unknown>;
  /** 0–1, higher is better; comparable within one query only. */
  _rankingScore?: number;
};

export interface SearchResponse<T = Document> {
  hits: Array<Hit<T>>;
  query: string;
  offset: number;
  limit: number;
  estimatedTotalHits: number;
  processingTimeMs: number;
  facetDistribution?: Record<string, Record<string, number>>;
  facetStats?: Record<string, { min: number; max: number }>;
}

export type MultiSearchQuery = SearchParams & { indexUid: string };

export type TaskStatus = 'enqueued' | 'processing' | 'succeeded' | 'failed' | 'canceled';

export interface EnqueuedTask {
  taskUid: number;
  indexUid: string | null;
  status: TaskStatus;
  type: string;
}

export interface Task extends EnqueuedTask {
  error?: { code: string; message: string } | null;
}

export interface IndexStats {
  numberOfDocuments: number;
}

export interface EngineHealth {
  status: 'available' | 'unavailable';
  detail?: string;
}

export interface SearchEngine {
  /** Which implementation this is, for health and logs. */
  readonly kind: 'embedded' | 'meilisearch';
  /** Creates the index when missing and applies the settings (a task). */
  ensureIndex(uid: string, settings: IndexSettings): Promise<EnqueuedTask>;
  deleteIndex(uid: string): Promise<EnqueuedTask>;
  indexExists(uid: string): Promise<boolean>;
  /** Upserts documents by `id` (Meilisearch's "add or replace"). */
  addDocuments(uid: string, documents: Document[]): Promise<EnqueuedTask>;
  deleteDocuments(uid: string, ids: string[]): Promise<EnqueuedTask>;
  /** Deletes every document the filter matches (the attributes must be filterable). */
  deleteDocumentsByFilter(uid: string, filter: FilterInput): Promise<EnqueuedTask>;
  /** Exchanges the contents of two indexes atomically (rebuild-and-swap). */
  swapIndexes(pairs: Array<[string, string]>): Promise<EnqueuedTask>;
  waitForTask(task: EnqueuedTask, options?: { timeoutMs?: number }): Promise<Task>;
  search<T = Document>(uid: string, params: SearchParams): Promise<SearchResponse<T>>;
  multiSearch(queries: MultiSearchQuery[]): Promise<{ results: SearchResponse[] }>;
  stats(uid: string): Promise<IndexStats>;
  health(): Promise<EngineHealth>;
  close(): Promise<void>;
}
