export type * from './engine/types';
export { SearchEngineError, isInvalidRequest } from './engine/errors';
export { EmbeddedSearchEngine } from './embedded/embedded-engine';
export { MeiliSearchEngine, type MeiliOptions } from './meili/meili-engine';
export { parseFilter, type FilterInput, type FilterNode } from './filter/parse';
export { matchesFilter } from './filter/evaluate';
export * as text from './text/index';
export { Thesaurus, defaultThesaurus, conceptToken, parseConcepts, type Concept } from './thesaurus/thesaurus';
export { indexSettings, indexUid, textAttributes, INDEX_KINDS, STEM_FIELDS, type IndexKind } from './indexes/definitions';
export {
  ideaDocument,
  measureDocument,
  organisationDocument,
  postDocument,
  eventDocument,
  newsDocument,
  type PostSource,
  type EventSource,
  type NewsSource,
  type IdeaSource,
  type MeasureSource,
  type OrganisationSource,
} from './indexes/documents';
export { TermStats } from './matcher/term-stats';
export {
  Matcher,
  type IdeaInput,
  type MeasureInput,
  type MeasureFilters,
  type IdeaFilters,
  type Match,
  type MatchResult,
  type Evidence,
} from './matcher/matcher';
export type { Band, Segment } from './matcher/explain';
export { describeCounts, rebuildIndex, type RebuildProgress } from './engine/rebuild';
export { SearchIndexer } from './sync/search-indexer';
export { OutboxRelay, type RelayOptions } from './sync/outbox-relay';
export { SearchRuntime, type SearchRuntimeOptions, type SearchLog } from './runtime';
export { BAND_THRESHOLDS } from './matcher/explain';
