import { describe, expect, it } from 'vitest';
import { SearchEngineError } from '../engine/errors';
import { matchesFilter } from './evaluate';
import { filterAttributes, parseFilter } from './parse';

const doc = { id: '1', country: 'BG', themes: ['youth', 'culture'], year: 2022, title: 'Çay evi', empty: [], nothing: null };
const test = (filter: Parameters<typeof parseFilter>[0]) => matchesFilter(parseFilter(filter), doc);

describe('Meilisearch filter expressions', () => {
  it('compares strings case- and diacritic-insensitively, numbers by value', () => {
    expect(test('country = bg')).toBe(true);
    expect(test('title = "cay evi"')).toBe(true);
    expect(test('year = 2022.0')).toBe(true);
    expect(test('year > 2021 AND year <= 2022')).toBe(true);
    expect(test('year >= 2023')).toBe(false);
  });

  it('matches arrays when any element matches, and != when none does', () => {
    expect(test('themes = youth')).toBe(true);
    expect(test('themes != youth')).toBe(false);
    expect(test('themes != water')).toBe(true);
    expect(test('missing != x')).toBe(true);
  });

  it('supports IN, NOT IN, TO, EXISTS, IS NULL, IS EMPTY and precedence', () => {
    expect(test('themes IN [water, culture]')).toBe(true);
    expect(test('themes NOT IN [water, culture]')).toBe(false);
    expect(test('year 2020 TO 2022')).toBe(true);
    expect(test('title EXISTS AND missing NOT EXISTS')).toBe(true);
    expect(test('nothing IS NULL AND empty IS EMPTY AND title IS NOT EMPTY')).toBe(true);
    expect(test('country = AL OR country = BG AND year = 1999')).toBe(false);
    expect(test('(country = AL OR country = BG) AND NOT year = 1999')).toBe(true);
  });

  it('accepts the array form: outer AND, inner OR', () => {
    expect(test([['country = AL', 'country = BG'], 'themes = youth'])).toBe(true);
    expect(test([['country = AL', 'country = AZ'], 'themes = youth'])).toBe(false);
  });

  it('names the attributes it uses', () => {
    expect([...filterAttributes(parseFilter('a = 1 AND (b IN [2] OR NOT c EXISTS)'))].sort()).toEqual(['a', 'b', 'c']);
  });

  it('reports bad syntax as invalid_search_filter', () => {
    for (const bad of ['country =', 'country = "BG', '(country = BG', 'themes IN [a, b', 'country ! BG', 'AND']) {
      expect(() => parseFilter(bad), bad).toThrow(SearchEngineError);
    }
  });
});
