/**
 * Text normalisation shared by indexing and querying, so a word typed without diacritics still
 * finds the word written with them: lower-casing that knows the Turkic dotted/dotless i, folding of
 * Latin diacritics (Azerbaijani ə ı ğ ş ç ö ü, Albanian ë ç, and the rest of Latin via NFD), while
 * Cyrillic letters keep their identity (й is not и in Bulgarian) except the stress-marked ѝ.
 */

/** Letters NFD does not decompose, or that must fold to a letter other than their base. */
const LATIN_FOLD: Record<string, string> = {
  ə: 'e',
  ı: 'i',
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ł: 'l',
  þ: 'th',
};

const CYRILLIC_FOLD: Record<string, string> = { ѝ: 'и', ё: 'е' };

const LATIN_WITH_MARKS = /[\u00C0-\u024F\u1E00-\u1EFF]/;
const COMBINING = /[\u0300-\u036f]/g;

/**
 * Lower-cases with the Turkic capitals handled: in Azerbaijani text I → ı and İ → i; elsewhere İ → i
 * (never i + a combining dot). Search folds ı to i afterwards, so both spellings meet.
 */
export function lowerCase(text: string, language?: string): string {
  if (language === 'az') return text.toLocaleLowerCase('az');
  return text.replace(/İ/g, 'i').toLowerCase();
}

/** Folds one lower-case character to its search form. */
function foldChar(ch: string): string {
  const mapped = LATIN_FOLD[ch] ?? CYRILLIC_FOLD[ch];
  if (mapped !== undefined) return mapped;
  if (LATIN_WITH_MARKS.test(ch)) return ch.normalize('NFD').replace(COMBINING, '');
  return ch;
}

/** The search form of a piece of text: lower-cased and diacritic-folded, same length class of words. */
export function normalize(text: string): string {
  const lower = lowerCase(text.normalize('NFC'));
  let out = '';
  for (const ch of lower) out += foldChar(ch);
  // A stray combining mark (e.g. the dot left by a decomposed İ) carries no meaning for search.
  return out.replace(COMBINING, '');
}

export interface Token {
  /** The word as written. */
  raw: string;
  /** Its normalised form. */
  norm: string;
  start: number;
  end: number;
  /** Position among the words of the text. */
  index: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Splits text into words with their offsets; apostrophes inside a word keep it whole (e.g. "don't"). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    tokens.push({ raw, norm: normalize(raw).replace(/['’]/g, ''), start: m.index, end: m.index + raw.length, index: index++ });
  }
  return tokens;
}

/** Normalised words of a text, in order. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.norm);
}

const CYR_TO_LAT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sht', ъ: 'a',
  ь: 'y', ю: 'yu', я: 'ya',
};

/**
 * A spelling-independent key for proper names, so "Горна Оряховица", "Gorna Oryahovitsa" and
 * Azerbaijani "Çıraqqala" / English "Chiraggala" meet: Bulgarian Cyrillic is transliterated (the
 * official streamlined system), then digraphs and letters that differ between romanisations collapse.
 */
export function placeKey(word: string): string {
  const lower = lowerCase(word.normalize('NFC'));
  let latin = '';
  for (const ch of lower) {
    if (ch === 'ç' || ch === 'č') latin += 'ch';
    else if (ch === 'ş' || ch === 'š') latin += 'sh';
    else if (ch === 'ž') latin += 'zh';
    else if (ch === 'ğ') latin += 'gh';
    else latin += CYR_TO_LAT[ch] ?? foldChar(ch);
  }
  return latin
    .replace(/[^a-z0-9]/g, '')
    .replace(/sht/g, 'st')
    .replace(/ch|c/g, 'c')
    .replace(/sh/g, 's')
    .replace(/zh|j/g, 'z')
    .replace(/kh|x|gh|h/g, 'h')
    .replace(/q/g, 'g')
    .replace(/ts|tz/g, 'c')
    .replace(/y/g, 'i')
    .replace(/ia|ya/g, 'a')
    .replace(/(.)\1+/g, '$1');
}
