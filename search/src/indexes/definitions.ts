import type { IndexSettings } from '../engine/types';
import { allStopWords } from '../text/stopwords';
import type { Thesaurus } from '../thesaurus/thesaurus';

/** The languages content is written in; each document fills the stemmed copy of its own language. */
export const CONTENT_LANGUAGES = ['bg', 'sq', 'az', 'en'] as const;
export const STEM_FIELDS = CONTENT_LANGUAGES.map((l) => `stem_${l}`);
export const stemField = (language: string) => (CONTENT_LANGUAGES.includes(language as 'bg') ? `stem_${language}` : 'stem_en');

export type IndexKind = 'ideas' | 'measures' | 'organisations' | 'posts' | 'events' | 'news';
export const INDEX_KINDS: IndexKind[] = ['ideas', 'measures', 'organisations', 'posts', 'events', 'news'];

/** Index names carry a prefix, so several deployments (or test runs) can share one Meilisearch. */
export const indexUid = (prefix: string, kind: IndexKind) => `${prefix}${kind}`;

const SEARCH_TEXT: Record<IndexKind, string[]> = {
  ideas: ['title', 'summary', 'body', 'organisationName', 'placeNames'],
  measures: ['title', 'description', 'context', 'placeNames', 'planTitle'],
  organisations: ['name', 'description', 'placeNames'],
  posts: ['threadTitle', 'body'],
  events: ['title', 'description', 'organisationName', 'placeNames'],
  news: ['title', 'summary', 'body', 'organisationName'],
};

/** The attributes a person's query is searched on (not the matcher's concept and place-key fields). */
export const textAttributes = (kind: IndexKind) => [...SEARCH_TEXT[kind], ...STEM_FIELDS];

const FILTERABLE: Record<IndexKind, string[]> = {
  ideas: ['organisationId', 'places', 'regions', 'countries', 'themes', 'language', 'concepts', 'syncStamp'],
  measures: ['planId', 'organisationId', 'municipality', 'region', 'country', 'periodStart', 'periodEnd', 'language', 'themes', 'concepts', 'syncStamp'],
  organisations: ['kind', 'country', 'territoryCode', 'region', 'verified'],
  posts: ['threadId', 'categoryId', 'categorySlug'],
  events: ['organisationId', 'kind', 'status', 'country', 'municipality', 'region', 'language', 'startsAt'],
  news: ['organisationId', 'country', 'language', 'publishedAt'],
};

const SORTABLE: Record<IndexKind, string[]> = {
  ideas: ['publishedAt', 'title'],
  measures: ['code', 'periodStart'],
  organisations: ['name'],
  posts: ['createdAt'],
  events: ['startsAt'],
  news: ['publishedAt'],
};

/** The kinds the matcher compares (their documents carry concept tokens and place keys). */
const MATCHED_KINDS: IndexKind[] = ['ideas', 'measures'];

/**
 * Settings shared by both engines. Stemmed copies are tagged with their language for Meilisearch's
 * tokenizer (Albanian has no Meilisearch locale and is left to detection); concept tokens and place
 * keys are exact codes, so typos are off there.
 */
export function indexSettings(kind: IndexKind, thesaurus: Thesaurus): IndexSettings {
  return {
    searchableAttributes: [...SEARCH_TEXT[kind], ...STEM_FIELDS, ...(MATCHED_KINDS.includes(kind) ? ['concepts', 'placeKeys'] : [])],
    filterableAttributes: FILTERABLE[kind],
    sortableAttributes: SORTABLE[kind],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
    stopWords: [...allStopWords],
    synonyms: thesaurus.synonyms(),
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnAttributes: ['concepts', 'placeKeys'] },
    localizedAttributes: [
      { attributePatterns: ['stem_bg'], locales: ['bul'] },
      { attributePatterns: ['stem_az'], locales: ['aze'] },
      { attributePatterns: ['stem_en'], locales: ['eng'] },
    ],
    faceting: { maxValuesPerFacet: 100 },
    pagination: { maxTotalHits: 1000 },
  };
}
