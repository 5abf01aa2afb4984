import { placeKey, tokenize, type Token } from '../text/normalize';
import { stem } from '../text/stem';
import { isStopWord } from '../text/stopwords';
import type { ConceptHit, Thesaurus } from '../thesaurus/thesaurus';

export interface TextAnalysis {
  tokens: Token[];
  /** Stems of the content words, in order (repeats kept: they are term frequencies). */
  stems: string[];
  concepts: ConceptHit[];
  /** Capitalised words inside sentences that are not domain vocabulary: names of places and sites. */
  properNouns: Token[];
  /** Capitalised words opening a sentence or title: maybe names, maybe not (only a lookup can tell). */
  openingCapitals: Token[];
}

const SENTENCE_START = /(^|[.!?:;…\n(„"«—–-]\s*)$/;

export function isContent(token: Token): boolean {
  return token.norm.length > 1 && !isStopWord(token.norm) && !/^\d+$/.test(token.norm);
}

export function analyse(text: string, language: string, thesaurus: Thesaurus): TextAnalysis {
  const tokens = tokenize(text);
  const concepts = thesaurus.annotateTokens(tokens);
  const covered = new Set<number>();
  for (const hit of concepts) for (let i = hit.first; i <= hit.last; i++) covered.add(i);
  const capitals = tokens.filter((t) => t.raw.length >= 3 && /^\p{Lu}/u.test(t.raw) && !covered.has(t.index) && isContent(t));
  const opening = (t: Token) => SENTENCE_START.test(text.slice(Math.max(0, t.start - 3), t.start));
  return {
    tokens,
    stems: tokens.filter(isContent).map((t) => stem(t.norm, language)),
    concepts,
    properNouns: capitals.filter((t) => !opening(t)),
    openingCapitals: capitals.filter(opening),
  };
}

/** Spelling-independent keys of proper nouns (and of the stem, so Bulgarian adjectives meet their town). */
export function placeKeysOf(words: Token[]): string[] {
  const keys = new Set<string>();
  for (const t of words) {
    const key = placeKey(t.raw);
    if (key.length >= 3) keys.add(key);
    const stemmed = placeKey(stem(t.norm));
    if (stemmed.length >= 4) keys.add(stemmed);
  }
  return [...keys];
}

/** Words in official names that say what kind of place it is, not which one. */
const GENERIC_PLACE_WORDS = new Set(
  [
    'municipality', 'province', 'region', 'district', 'planning', 'economic', 'north', 'south', 'east', 'west', 'central', 'northern',
    'southern', 'western', 'eastern', 'county', 'city', 'town', 'village', 'община', 'област', 'район', 'град', 'село', 'bashkia', 'bashkia',
    'qarku', 'qark', 'rajoni', 'rayonu', 'rayon', 'seheri', 'iqtisadi', 'rayonu', 'and', 'the', 'of', 'na',
  ].map((w) => w.toLowerCase()),
);

/** Keys of the words of place names (municipality, region), skipping words like "Municipality". */
export function placeNameKeys(names: string[]): string[] {
  const tokens = names.flatMap((n) => tokenize(n)).filter((t) => !GENERIC_PLACE_WORDS.has(t.norm) && t.norm.length >= 3 && !/^\d+$/.test(t.norm));
  return placeKeysOf(tokens);
}

/** Marks a key as the name of the owning municipality itself (stronger evidence than a village it mentions). */
export const municipalityKey = (key: string) => `zm${key}`;
