import { themeCodes } from '@partnera/db';
import { describe, expect, it } from 'vitest';
import { defaultThesaurus, parseConcepts, Thesaurus } from './thesaurus';

describe('thesaurus', () => {
  const thesaurus = defaultThesaurus();
  const concepts = (text: string) => [...new Set(thesaurus.annotate(text).map((h) => h.concept.id))];

  it('has concept groups in all four languages, with unique ids and known themes', () => {
    expect(thesaurus.concepts.length).toBeGreaterThanOrEqual(190);
    expect(new Set(thesaurus.concepts.map((c) => c.id)).size).toBe(thesaurus.concepts.length);
    for (const c of thesaurus.concepts) {
      expect(new Set(c.terms.map((t) => t.language)), c.id).toEqual(new Set(['en', 'bg', 'sq', 'az']));
      expect(c.themes.length, c.id).toBeGreaterThan(0);
      for (const theme of c.themes) expect(themeCodes, `${c.id}: ${theme}`).toContain(theme);
    }
  });

  it('finds one concept in the four languages, inflected', () => {
    expect(concepts('a youth club')).toContain('youth');
    expect(concepts('за младежите от селото')).toContain('youth');
    expect(concepts('për të rinjtë e fshatit')).toContain('youth');
    expect(concepts('kənd gənclərinin')).toContain('youth');
    expect(concepts('Енергийната ефективност на сградите')).toContain('energy_efficiency');
    expect(concepts('efiçencë energjetike')).toContain('energy_efficiency');
    expect(concepts('enerji səmərəliliyi')).toContain('energy_efficiency');
  });

  it('matches multi-word terms only as whole phrases', () => {
    expect(concepts('drinking water for the village')).toContain('water_supply');
    expect(concepts('water for drinking')).not.toContain('water_supply');
  });

  it('gives offsets of what it found', () => {
    const text = 'Ремонт на читалището';
    const hit = thesaurus.annotate(text).find((h) => h.concept.id === 'community_centres')!;
    expect(text.slice(hit.start, hit.end)).toBe('читалището');
  });

  it('exports the leading terms as mutual synonyms', () => {
    const synonyms = thesaurus.synonyms();
    expect(synonyms.youth).toEqual(expect.arrayContaining(['младеж', 'gencler']));
    expect(synonyms['младеж']).toContain('youth');
  });

  it('rejects a malformed data line', () => {
    expect(() => new Thesaurus(parseConcepts('x [youth]\n  xx: nope'))).toThrow(/line 2/);
  });
});
