import { normalize, tokenize } from '../text/normalize';
import type { IndexSettings } from '../engine/types';

/** Meilisearch reads at most this many words of a query; the rest is ignored. */
export const MAX_QUERY_WORDS = 10;

export interface Alternative {
  /** Normalised words that must all occur (more than one for a multi-word synonym). */
  words: string[];
  /** Synonyms match exactly; the typed word may have typos and, when last, be a prefix. */
  typed: boolean;
}

export interface QueryWord {
  word: string;
  prefix: boolean;
  /** Typos allowed for the typed word (by its length). */
  maxTypos: number;
  alternatives: Alternative[];
}

export interface PreparedSettings {
  stopWords: Set<string>;
  synonyms: Map<string, string[][]>;
  typo: { enabled: boolean; one: number; two: number; disabledWords: Set<string>; disabledAttributes: Set<string> };
  /** Longest synonym key in words, to look for multi-word keys. */
  longestSynonym: number;
}

export function prepareSettings(settings: IndexSettings): PreparedSettings {
  const synonyms = new Map<string, string[][]>();
  let longestSynonym = 1;
  for (const [key, values] of Object.entries(settings.synonyms ?? {})) {
    const normKey = tokenize(key).map((t) => t.norm).join(' ');
    if (!normKey) continue;
    longestSynonym = Math.max(longestSynonym, normKey.split(' ').length);
    const list = synonyms.get(normKey) ?? [];
    for (const value of values) {
      const normValue = tokenize(value).map((t) => t.norm);
      if (normValue.length) list.push(normValue);
    }
    synonyms.set(normKey, list);
  }
  const typo = settings.typoTolerance ?? {};
  return {
    stopWords: new Set((settings.stopWords ?? []).map(normalize)),
    synonyms,
    typo: {
      enabled: typo.enabled !== false,
      one: typo.minWordSizeForTypos?.oneTypo ?? 5,
      two: typo.minWordSizeForTypos?.twoTypos ?? 9,
      disabledWords: new Set((typo.disableOnWords ?? []).map(normalize)),
      disabledAttributes: new Set(typo.disableOnAttributes ?? []),
    },
    longestSynonym,
  };
}

/**
 * Splits a query as Meilisearch does: words normalised, stop words dropped (unless nothing else is
 * left), at most ten words, the last one a prefix unless the query ends with a separator; each word
 * carries its synonyms, including those of multi-word phrases it starts or belongs to.
 */
export function prepareQuery(q: string, settings: PreparedSettings): QueryWord[] {
  const all = tokenize(q);
  const content = all.filter((t) => !settings.stopWords.has(t.norm));
  const tokens = (content.length ? content : all).slice(0, MAX_QUERY_WORDS);
  const endsWithSeparator = /[^\p{L}\p{N}]$/u.test(q);
  const words: QueryWord[] = tokens.map((t, i) => {
    const isLast = i === tokens.length - 1;
    const allowTypos = settings.typo.enabled && !settings.typo.disabledWords.has(t.norm) && !/^\d+$/.test(t.norm);
    const len = [...t.norm].length;
    return {
      word: t.norm,
      prefix: isLast && !endsWithSeparator,
      maxTypos: !allowTypos ? 0 : len >= settings.typo.two ? 2 : len >= settings.typo.one ? 1 : 0,
      alternatives: [{ words: [t.norm], typed: true }],
    };
  });
  for (let start = 0; start < words.length; start++) {
    for (let size = 1; size <= Math.min(settings.longestSynonym, words.length - start); size++) {
      const key = words.slice(start, start + size).map((w) => w.word).join(' ');
      for (const synonym of settings.synonyms.get(key) ?? []) {
        for (let k = start; k < start + size; k++) words[k]!.alternatives.push({ words: synonym, typed: false });
      }
    }
  }
  return words;
}
