/**
 * Light stemmers for the search copy of a text. Bulgarian gets real suffix stripping in the spirit of
 * the published BulStem rules (definite articles first, then inflectional and common derivational
 * endings, never leaving a stem without a vowel or shorter than three letters); English drops plural
 * and verbal endings. Azerbaijani and Albanian get a few rounds of stripping of the commonest case,
 * possessive, plural and definite endings (on the diacritic-folded form), never below four letters
 * for Albanian and three for Azerbaijani: enough to make "mərkəzinin" meet "mərkəz" and "rrugët"
 * meet "rrugë".
 * Input is one normalised (lower-case) word.
 */

const BG_VOWEL = /[аеиоуъюяѝ]/;

/** Definite articles and the long forms of adjectives, longest first. */
const BG_ARTICLES = ['ият', 'ия', 'ът', 'ят', 'та', 'то', 'те'];

/** Inflectional and frequent derivational endings, longest first (checked in this order). */
const BG_SUFFIXES = [
  'ования', 'ование', 'ениета',
  'ения', 'ение', 'ания', 'ание', 'ости', 'остта', 'ство', 'ства', 'ската', 'ското', 'ските', 'ския', 'ският',
  'ове', 'еве', 'ски', 'ска', 'ско', 'ния', 'ние', 'ане', 'яне', 'ене', 'ост', 'ова', 'ово', 'ови', 'ева', 'ево', 'еви',
  'ки', 'ка', 'ко', 'ен', 'на', 'но', 'ни', 'ия', 'ие', 'ии', 'ва', 'ят', 'ем', 'ат',
  'а', 'я', 'о', 'е', 'и', 'у', 'ъ', 'ю',
];

function bgStrip(word: string, suffixes: readonly string[]): string {
  for (const suffix of suffixes) {
    if (word.length - suffix.length >= 3 && word.endsWith(suffix)) {
      const stem = word.slice(0, -suffix.length);
      if (BG_VOWEL.test(stem)) return stem;
    }
  }
  return word;
}

export function stemBulgarian(word: string): string {
  if (word.length < 4 || !/^[\u0400-\u04ff]+$/.test(word)) return word;
  let stem = bgStrip(word, BG_ARTICLES);
  stem = bgStrip(stem, BG_SUFFIXES);
  // Adjectival -н (читалищн-ия, ефективн-ост) and the fleeting ъ/е of the base form (туризъм/туризма,
  // читалищен/читалищния) would otherwise split one word into two stems.
  if (stem.length >= 6 && stem.endsWith('н') && !BG_VOWEL.test(stem.at(-2)!)) stem = stem.slice(0, -1);
  if (stem.length >= 6 && /[бвгдзжлмнпрстфхцчшщ]к$/.test(stem)) stem = stem.slice(0, -1);
  if (stem.length >= 5) stem = stem.replace(/ъ([бвгдзклмнпрстфхцчшщж])$/, '$1').replace(/е([нлр])$/, '$1');
  return stem.replace(/ь$/, '');
}

export function stemEnglish(word: string): string {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (/(ch|sh|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) word = word.slice(0, -1);
  if (word.endsWith('ing') && word.length >= 7) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length >= 6) return word.slice(0, -2);
  return word;
}

const AZ_SUFFIXES = ['larinin', 'lerinin', 'larina', 'lerine', 'larini', 'lerini', 'larida', 'leride', 'lardan', 'lerden', 'lari', 'leri', 'lar', 'ler', 'nin', 'nun', 'dan', 'den', 'in', 'un', 'da', 'de', 'ya', 'ye', 'si', 'su', 'ni', 'nu', 'a', 'e', 'i', 'u'];
const SQ_SUFFIXES = ['ave', 'eve', 'ive', 'ite', 'ate', 'ete', 'ine', 'in', 'it', 've', 'te', 'ne', 'at', 'et', 'ja', 'je', 'a', 'e', 'i'];

function stripRounds(word: string, suffixes: readonly string[], minStem: number, rounds: number): string {
  let current = word;
  for (let round = 0; round < rounds; round++) {
    const suffix = suffixes.find((x) => current.length - x.length >= minStem && current.endsWith(x));
    if (!suffix) break;
    current = current.slice(0, -suffix.length);
  }
  return current;
}

export function stemAzerbaijani(word: string): string {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return word;
  return stripRounds(word, AZ_SUFFIXES, 3, 3);
}

export function stemAlbanian(word: string): string {
  if (word.length < 5 || !/^[a-z]+$/.test(word)) return word;
  return stripRounds(word, SQ_SUFFIXES, 4, 2);
}

/** The stem of a normalised word in the text's language; Cyrillic words always take the Bulgarian rules. */
export function stem(word: string, language?: string): string {
  if (/[\u0400-\u04ff]/.test(word)) return stemBulgarian(word);
  if (language === 'en') return stemEnglish(word);
  if (language === 'az') return stemAzerbaijani(word);
  if (language === 'sq') return stemAlbanian(word);
  return word;
}
