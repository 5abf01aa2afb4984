import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedSearchEngine } from '../embedded/embedded-engine';
import { SearchEngineError } from '../engine/errors';
import { rebuildIndex } from '../engine/rebuild';
import type { Document, SearchEngine, SearchParams } from '../engine/types';
import { MeiliSearchEngine } from '../meili/meili-engine';
import { fixtureDocuments, fixtureSettings } from './fixtures';

/**
 * One conformance suite for every engine: the embedded engine always, Meilisearch whenever MEILI_URL
 * is set (same fixtures, same expectations).
 */
function conformance(name: string, create: () => SearchEngine) {
  describe(`search engine conformance: ${name}`, () => {
    // Created when the suite runs, not when it is collected (Meilisearch's is collected without MEILI_URL too).
    let engine: SearchEngine;
    const uid = `conf_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const ids = (hits: Array<{ id: string }>) => hits.map((h) => h.id).sort();
    const search = (params: SearchParams) => engine.search(uid, params);

    beforeAll(async () => {
      engine = create();
      const settings = await engine.waitForTask(await engine.ensureIndex(uid, fixtureSettings()));
      expect(settings.status).toBe('succeeded');
      const added = await engine.waitForTask(await engine.addDocuments(uid, fixtureDocuments()));
      expect(added.status).toBe('succeeded');
    }, 120_000);

    afterAll(async () => {
      for (const index of [uid, `${uid}_swap`, `${uid}__rebuild`]) {
        if (await engine.indexExists(index)) await engine.waitForTask(await engine.deleteIndex(index));
      }
      await engine.close();
    });

    it('is healthy and counts its documents', async () => {
      expect((await engine.health()).status).toBe('available');
      expect((await engine.stats(uid)).numberOfDocuments).toBe(7);
    });

    it('finds Latin words with one typo from five letters and two from nine', async () => {
      expect(ids((await search({ q: 'scool' })).hits)).toEqual(['m6']);
      expect(ids((await search({ q: 'enviromnent' })).hits)).toEqual(['m6']);
      expect(ids((await search({ q: 'turism' })).hits)).toContain('m7');
    });

    it('allows no typo in short words, and counts a wrong first letter twice', async () => {
      expect((await search({ q: 'tree ' })).hits.map((h) => h.id)).toEqual(['m6']);
      expect((await search({ q: 'trea ' })).hits).toEqual([]);
      expect((await search({ q: 'xchool ' })).hits).toEqual([]);
    });

    it('finds Cyrillic words with a typo', async () => {
      expect(ids((await search({ q: 'читалише' })).hits)).toEqual(['m1']);
      expect(ids((await search({ q: 'водоснабдяванне' })).hits)).toEqual(['m3']);
    });

    it('finds words typed without diacritics (Azerbaijani, Albanian)', async () => {
      // "gənclər" (youth) also has Bulgarian synonyms, so the Bulgarian youth measure comes too.
      expect(ids((await search({ q: 'gencler' })).hits)).toContain('m4');
      expect(ids((await search({ q: 'ismayilli' })).hits)).toEqual(['m4']);
      expect(ids((await search({ q: 'ujesjellesit shkoder' })).hits)).toEqual(['m5']);
    });

    it('treats the last word as a prefix, and only the last', async () => {
      expect(ids((await search({ q: 'читал' })).hits)).toEqual(['m1']);
      expect(ids((await search({ q: 'school envir' })).hits)).toEqual(['m6']);
      expect((await search({ q: 'envir school', matchingStrategy: 'all' })).hits).toEqual([]);
    });

    it('uses the thesaurus synonyms across languages', async () => {
      expect(ids((await search({ q: 'youth ' })).hits)).toEqual(expect.arrayContaining(['m2', 'm4']));
    });

    it('filters with Meilisearch syntax', async () => {
      const filtered = async (filter: SearchParams['filter']) => ids((await search({ q: '', filter, limit: 50 })).hits);
      expect(await filtered('country = BG')).toEqual(['m1', 'm2', 'm3']);
      expect(await filtered('country != BG')).toEqual(['m4', 'm5', 'm6', 'm7']);
      expect(await filtered('municipality IN ["BG-TST-1", "AL-TST-1"]')).toEqual(['m1', 'm2', 'm5', 'm6']);
      expect(await filtered('country = BG AND NOT municipality = "BG-TST-1"')).toEqual(['m3']);
      expect(await filtered('(country = AZ OR country = AL) AND periodStart > 2022')).toEqual(['m4', 'm7']);
      expect(await filtered('periodStart 2022 TO 2023')).toEqual(['m4', 'm5', 'm6']);
      expect(await filtered('periodStart < 2022')).toEqual(['m1', 'm2']);
      expect(await filtered([['country = AZ', 'country = AL'], 'periodEnd >= 2031'])).toEqual(['m7']);
    });

    it('rejects a filter on an attribute that is not filterable, and bad syntax', async () => {
      await expect(search({ q: '', filter: 'title = x' })).rejects.toMatchObject({ code: 'invalid_search_filter' });
      await expect(search({ q: '', filter: 'country = ' })).rejects.toBeInstanceOf(SearchEngineError);
    });

    it('counts facets over every match, not just the page', async () => {
      const r = await search({ q: '', facets: ['country', 'language'], limit: 1 });
      expect(r.hits).toHaveLength(1);
      expect(r.facetDistribution?.country).toEqual({ AL: 2, AZ: 2, BG: 3 });
      expect(r.facetDistribution?.language).toEqual({ az: 1, bg: 3, en: 2, sq: 1 });
      const filtered = await search({ q: '', facets: ['country'], filter: 'language = en' });
      expect(filtered.facetDistribution?.country).toEqual({ AL: 1, AZ: 1 });
    });

    it('highlights the matched words in _formatted', async () => {
      const r = await search({ q: 'environment', attributesToHighlight: ['title'], highlightPreTag: '[', highlightPostTag: ']' });
      expect((r.hits[0]!._formatted as { title: string }).title).toBe('[Environment] education in every school');
      const typo = await search({ q: 'читалише', attributesToHighlight: ['title'] });
      expect((typo.hits[0]!._formatted as { title: string }).title).toContain('<em>читалище</em>');
    });

    it('gives a ranking score in 0–1, best first, exact above typo', async () => {
      const r = await search({ q: 'school education', showRankingScore: true, matchingStrategy: 'last' });
      const scores = r.hits.map((h) => h._rankingScore!);
      expect(scores.length).toBeGreaterThan(0);
      for (const s of scores) expect(s).toBeGreaterThanOrEqual(0), expect(s).toBeLessThanOrEqual(1);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      const exact = (await search({ q: 'school', showRankingScore: true })).hits[0]!._rankingScore!;
      const typo = (await search({ q: 'scool', showRankingScore: true })).hits[0]!._rankingScore!;
      expect(exact).toBeGreaterThan(typo);
    });

    it('pages with limit and offset, and sorts', async () => {
      const all = await search({ q: '', sort: ['periodStart:desc'], limit: 50 });
      expect(all.hits[0]!.id).toBe('m7');
      const page = await search({ q: '', sort: ['periodStart:desc'], limit: 2, offset: 2 });
      expect(page.hits.map((h) => h.id)).toEqual(all.hits.slice(2, 4).map((h) => h.id));
      expect(page.estimatedTotalHits).toBe(7);
    });

    it('searches only the attributes asked for', async () => {
      expect((await search({ q: 'покрив', attributesToSearchOn: ['title'] })).hits).toEqual([]);
      expect(ids((await search({ q: 'покрив', attributesToSearchOn: ['description'] })).hits)).toEqual(['m1']);
    });

    it('answers several queries in one multi-search', async () => {
      const { results } = await engine.multiSearch([
        { indexUid: uid, q: 'school' },
        { indexUid: uid, q: 'читалище' },
      ]);
      expect(results.map((r) => r.hits.map((h) => h.id))).toEqual([['m6'], ['m1']]);
    });

    it('upserts, deletes by id and by filter, and waits for tasks', async () => {
      const extra: Document = { ...fixtureDocuments()[5]!, id: 'm8', title: 'Extra measure about bicycles', syncStamp: 1 };
      expect((await engine.waitForTask(await engine.addDocuments(uid, [extra]))).status).toBe('succeeded');
      expect(ids((await search({ q: 'bicycles' })).hits)).toEqual(['m8']);
      await engine.waitForTask(await engine.addDocuments(uid, [{ ...extra, title: 'Extra measure about boats' }]));
      expect((await search({ q: 'bicycles ' })).hits).toEqual([]);
      await engine.waitForTask(await engine.deleteDocumentsByFilter(uid, 'syncStamp = 1'));
      expect((await search({ q: 'boats' })).hits).toEqual([]);
      await engine.waitForTask(await engine.addDocuments(uid, [extra]));
      await engine.waitForTask(await engine.deleteDocuments(uid, ['m8']));
      expect((await engine.stats(uid)).numberOfDocuments).toBe(7);
    });

    it('rebuilds into a twin index and swaps it in', async () => {
      const swap = `${uid}_swap`;
      async function* batches() {
        yield fixtureDocuments().slice(0, 2);
      }
      const seen: number[] = [];
      await rebuildIndex(engine, swap, fixtureSettings(), batches(), 2, (p) => seen.push(p.done));
      expect(seen).toEqual([0, 2]);
      expect((await engine.stats(swap)).numberOfDocuments).toBe(2);
      expect(await engine.indexExists(`${swap}__rebuild`)).toBe(false);
    });
  });
}

conformance('embedded', () => new EmbeddedSearchEngine());

const meiliUrl = process.env.MEILI_URL;
describe.runIf(Boolean(meiliUrl))('with Meilisearch (MEILI_URL)', () => {
  conformance('meilisearch', () => new MeiliSearchEngine({ url: meiliUrl!, apiKey: process.env.MEILI_MASTER_KEY }));
});
