import { describe, expect, it } from 'vitest';
import { contentTokens, lowerCase, normalize, placeKey, stem, stemAlbanian, stemAzerbaijani, stemBulgarian, stemEnglish, stemmedCopy, tokenize } from './index';

describe('normalize', () => {
  it('folds Azerbaijani letters so text typed without them matches', () => {
    expect(normalize('Gənclər üçün Şəki, Ağdam, Göygöl, İsmayıllı')).toBe('gencler ucun seki, agdam, goygol, ismayilli');
  });

  it('folds Albanian ë and ç', () => {
    expect(normalize('Shkodër, çështje, Këshilli')).toBe('shkoder, ceshtje, keshilli');
  });

  it('lower-cases the Turkic capital dotted and dotless I without stray marks', () => {
    expect(lowerCase('İSMAYILLI', 'az')).toBe('ismayıllı');
    expect(lowerCase('İSMAYILLI')).toBe('ismayilli');
    expect(normalize('İSMAYILLI')).toBe('ismayilli');
    expect(normalize('İ')).toHaveLength(1);
  });

  it('keeps Cyrillic letters apart (й is not и) but drops the stress mark of ѝ', () => {
    expect(normalize('Майка ѝ ЙОРДАНКА')).toBe('майка и йорданка');
  });

  it('tokenizes with offsets into the original text', () => {
    const tokens = tokenize('Ремонт на „Читалище“, 2024 г.');
    expect(tokens.map((t) => t.raw)).toEqual(['Ремонт', 'на', 'Читалище', '2024', 'г']);
    const t = tokens[2]!;
    expect('Ремонт на „Читалище“, 2024 г.'.slice(t.start, t.end)).toBe('Читалище');
  });

  it('drops stop words of every language and numbers from content words', () => {
    expect(contentTokens('The youth centre и читалището në qytet və kənd 2024').map((t) => t.norm)).toEqual(['youth', 'centre', 'читалището', 'qytet', 'kend']);
  });
});

describe('stemmers', () => {
  it('brings Bulgarian inflections to one stem', () => {
    for (const group of [
      ['младежи', 'младежите', 'младежки', 'младежка', 'младежкия', 'младежта'],
      ['читалище', 'читалища', 'читалищата', 'читалищния', 'читалищен'],
      ['туризъм', 'туризма'],
      ['отпадъци', 'отпадъците'],
      ['възрастни', 'възрастните'],
    ]) {
      expect(new Set(group.map(stemBulgarian)).size, group.join(',')).toBe(1);
    }
  });

  it('leaves short Bulgarian words and other scripts alone', () => {
    expect(stemBulgarian('път')).toBe('път');
    expect(stemBulgarian('school')).toBe('school');
  });

  it('strips English plurals and verb endings', () => {
    expect(stemEnglish('villages')).toBe('village');
    expect(stemEnglish('libraries')).toBe('library');
    expect(stemEnglish('training')).toBe('train');
    expect(stemEnglish('bus')).toBe('bus');
  });

  it('strips common Azerbaijani and Albanian endings', () => {
    expect(stemAzerbaijani(normalize('mərkəzinin'))).toBe(stemAzerbaijani(normalize('mərkəz')));
    expect(stemAzerbaijani(normalize('gənclərin'))).toBe(stemAzerbaijani(normalize('gənclər')));
    expect(stemAlbanian(normalize('rrugët'))).toBe(stemAlbanian(normalize('rrugë')));
    expect(stemAlbanian(normalize('shkollat'))).toBe(stemAlbanian(normalize('shkolla')));
  });

  it('chooses by script and language', () => {
    expect(stem('училищата', 'en')).toBe(stemBulgarian('училищата'));
    expect(stem('villages', 'en')).toBe('village');
    expect(stem('villages', 'sq')).not.toBe('village');
  });

  it('makes a stemmed search copy of a text', () => {
    expect(stemmedCopy('Младежите в читалищата', 'bg')).toBe('младеж читалищ');
  });
});

describe('placeKey', () => {
  it('meets Cyrillic and Latin spellings of one name', () => {
    expect(placeKey('Оряховица')).toBe(placeKey('Oryahovitsa'));
    expect(placeKey('Ямбол')).toBe(placeKey('Yambol'));
    expect(placeKey('Тунджа')).toBe(placeKey('Tundzha'));
  });

  it('meets Azerbaijani and English romanisations', () => {
    expect(placeKey('Çıraqqala')).toBe(placeKey('Chiraggala'));
    expect(placeKey('Xaçmaz')).toBe(placeKey('Khachmaz'));
    expect(placeKey('Şabran')).toBe(placeKey('Shabran'));
  });
});
