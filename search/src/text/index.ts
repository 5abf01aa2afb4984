import { normalize, tokenize, type Token } from './normalize';
import { stem } from './stem';
import { isStopWord } from './stopwords';

export { lowerCase, normalize, placeKey, tokenize, words, type Token } from './normalize';
export { stem, stemAlbanian, stemAzerbaijani, stemBulgarian, stemEnglish } from './stem';
export { allStopWords, isStopWord, stopWords, type StopLanguage } from './stopwords';

/** Content words of a text (normalised, stop words and single letters dropped). */
export function contentTokens(text: string): Token[] {
  return tokenize(text).filter((t) => t.norm.length > 1 && !isStopWord(t.norm) && !/^\d+$/.test(t.norm));
}

/** The stemmed search copy of a text: content words, normalised and stemmed, space-separated. */
export function stemmedCopy(text: string, language?: string): string {
  return contentTokens(text)
    .map((t) => stem(t.norm, language))
    .join(' ');
}

/** Normalises a whole query string the way documents are normalised. */
export const normalizeQuery = (q: string) => normalize(q);
