import { forumRepository, searchSourceRepository, type Db, type OutboxEntry } from '@partnera/db';
import type { Document, SearchEngine } from '../engine/types';
import { rebuildIndex, type RebuildProgress } from '../engine/rebuild';
import { INDEX_KINDS, indexSettings, indexUid, type IndexKind } from '../indexes/definitions';
import { eventDocument, ideaDocument, measureDocument, newsDocument, organisationDocument, postDocument } from '../indexes/documents';
import { TermStats } from '../matcher/term-stats';
import type { Thesaurus } from '../thesaurus/thesaurus';
import { toEventSource, toIdeaSource, toMeasureSource, toNewsSource, toOrganisationSource, toPostSource } from './sources';

const PAGE = 500;

/**
 * Keeps the search indexes in step with the database: full rebuilds (at boot for the embedded engine,
 * `pnpm reindex` for any) and the outbox's incremental changes. It also owns the measure corpus
 * statistics the matcher weighs terms with.
 */
export class SearchIndexer {
  readonly stats = new TermStats();

  constructor(
    private readonly engine: SearchEngine,
    private readonly thesaurus: Thesaurus,
    private readonly prefix: string,
  ) {}

  uid(kind: IndexKind): string {
    return indexUid(this.prefix, kind);
  }

  /** Creates missing indexes and (re)applies settings. */
  async setup(): Promise<void> {
    for (const kind of INDEX_KINDS) {
      const task = await this.engine.waitForTask(await this.engine.ensureIndex(this.uid(kind), indexSettings(kind, this.thesaurus)));
      if (task.status !== 'succeeded') throw new Error(`search index ${this.uid(kind)}: ${task.error?.message ?? task.status}`);
    }
  }

  private async *pages<R extends { id: string }>(load: (afterId: string | undefined) => Promise<R[]>, convert: (row: R) => Document): AsyncIterable<Document[]> {
    let afterId: string | undefined;
    for (;;) {
      const rows = await load(afterId);
      if (rows.length === 0) return;
      yield rows.map(convert);
      afterId = rows.at(-1)!.id;
      if (rows.length < PAGE) return;
    }
  }

  /** Measures per plan known to the statistics, so a plan's removed measures leave them too. */
  private readonly planMeasures = new Map<string, Set<string>>();

  private measureDoc = (row: Parameters<typeof toMeasureSource>[0], stamp = 0) => {
    const doc = measureDocument(toMeasureSource(row), this.thesaurus, stamp);
    this.stats.add(doc);
    const known = this.planMeasures.get(row.plan_id) ?? new Set<string>();
    known.add(doc.id);
    this.planMeasures.set(row.plan_id, known);
    return doc;
  };

  private eventDoc = (row: Parameters<typeof toEventSource>[0]) => eventDocument(toEventSource(row), this.thesaurus);
  private newsDoc = (row: Parameters<typeof toNewsSource>[0]) => newsDocument(toNewsSource(row), this.thesaurus);

  /** Rebuilds every index from the database (rebuild-and-swap), reporting progress per index. */
  async rebuildAll(db: Db, onProgress?: (p: RebuildProgress) => void): Promise<Record<IndexKind, number>> {
    await this.setup();
    this.stats.clear();
    this.planMeasures.clear();
    const counts = {} as Record<IndexKind, number>;
    const rebuild = async <R extends { id: string }>(kind: IndexKind, load: (query: { afterId?: string; limit: number }) => Promise<R[]>, toDoc: (row: R) => Document, total: number) => {
      const pages = this.pages((afterId) => load({ afterId, limit: PAGE }), toDoc);
      counts[kind] = await rebuildIndex(this.engine, this.uid(kind), indexSettings(kind, this.thesaurus), pages, total, onProgress);
    };
    const sources = searchSourceRepository;
    await rebuild('measures', (q) => sources.listMeasureSources(db, q), (r) => this.measureDoc(r), await sources.countPublishedMeasures(db));
    await rebuild('ideas', (q) => sources.listIdeaSources(db, q), (r) => ideaDocument(toIdeaSource(r), this.thesaurus), await sources.countPublishedIdeas(db));
    await rebuild('organisations', (q) => sources.listOrganisationSources(db, q), (r) => organisationDocument(toOrganisationSource(r), this.thesaurus), await sources.countOrganisations(db));
    await rebuild('posts', (q) => forumRepository.listPostSources(db, q), (r) => postDocument(toPostSource(r)), await forumRepository.countVisiblePosts(db));
    await rebuild('events', (q) => sources.listEventSources(db, q), this.eventDoc, await sources.countSearchableEvents(db));
    await rebuild('news', (q) => sources.listNewsSources(db, q), this.newsDoc, await sources.countSearchableNews(db));
    return counts;
  }

  /** Loads the measure statistics without touching the engine (a persistent Meilisearch already holds the documents). */
  async loadStats(db: Db): Promise<void> {
    this.stats.clear();
    this.planMeasures.clear();
    for await (const _page of this.pages((afterId) => searchSourceRepository.listMeasureSources(db, { afterId, limit: PAGE }), (r) => this.measureDoc(r))) {
      // Documents are counted into the statistics as they are built.
    }
  }

  /**
   * Applies a batch of outbox entries. The current database state is read for every entity, so entries
   * are idempotent and their order does not matter; throws (leaving the entries to be retried) when the
   * engine fails.
   */
  async apply(db: Db, entries: OutboxEntry[]): Promise<void> {
    const ids = (type: OutboxEntry['entityType']) => [...new Set(entries.filter((e) => e.entityType === type).map((e) => e.entityId))];
    const orgIds = ids('organisation');
    const planIds = new Set(ids('plan'));
    const ideaIds = new Set(ids('idea'));
    const eventIds = new Set(ids('event'));
    const newsIds = new Set(ids('news'));
    for (const org of orgIds) {
      // An organisation's name and place are part of its plans' measures, ideas, events and news.
      for (const planId of await searchSourceRepository.planIdsOfOrganisation(db, org)) planIds.add(planId);
      for (const row of await searchSourceRepository.listIdeaSources(db, { organisationId: org, limit: 10_000 })) ideaIds.add(row.id);
      for (const row of await searchSourceRepository.listEventSources(db, { organisationId: org, limit: 10_000 })) eventIds.add(row.id);
      for (const row of await searchSourceRepository.listNewsSources(db, { organisationId: org, limit: 10_000 })) newsIds.add(row.id);
    }
    const itemIds = ids('plan_item');
    const stamp = Date.now();
    const pending: Array<Promise<unknown>> = [];
    const run = async (work: ReturnType<SearchEngine['addDocuments']>) => {
      const task = await this.engine.waitForTask(await work);
      if (task.status !== 'succeeded') throw new Error(`${task.type} failed: ${task.error?.message ?? task.status}`);
    };
    // Writes run side by side; if a later awaited step throws first, their failures must not go unhandled
    // (the final Promise.all still reports them when everything else succeeded).
    const inBackground = (write: Promise<unknown>) => {
      write.catch(() => {});
      pending.push(write);
    };

    // Entities indexed one document each: current rows are upserted, the rest (hidden, deleted, drafts) leave.
    const mirror = async <R extends { id: string }>(kind: IndexKind, list: string[], load: (ids: string[]) => Promise<R[]>, toDoc: (row: R) => Document) => {
      if (!list.length) return;
      const rows = await load(list);
      if (rows.length) inBackground(run(this.engine.addDocuments(this.uid(kind), rows.map(toDoc))));
      const gone = list.filter((id) => !rows.some((r) => r.id === id));
      if (gone.length) inBackground(run(this.engine.deleteDocuments(this.uid(kind), gone)));
    };
    await mirror('organisations', orgIds, (list) => searchSourceRepository.listOrganisationSources(db, { ids: list, limit: list.length }), (r) =>
      organisationDocument(toOrganisationSource(r), this.thesaurus),
    );
    await mirror('ideas', [...ideaIds], (list) => searchSourceRepository.listIdeaSources(db, { ids: list, limit: list.length }), (r) => ideaDocument(toIdeaSource(r), this.thesaurus));
    for (const planId of planIds) {
      // Upsert every current measure with a fresh stamp, then drop the plan's documents without it:
      // the index never shows the plan half-empty, and removed measures disappear.
      const rows = await searchSourceRepository.listMeasureSources(db, { planIds: [planId], limit: 100_000 });
      const docs = rows.map((r) => this.measureDoc(r, stamp));
      if (docs.length) await run(this.engine.addDocuments(this.uid('measures'), docs));
      await run(this.engine.deleteDocumentsByFilter(this.uid('measures'), `planId = "${planId}" AND syncStamp != ${stamp}`));
      this.forgetStaleMeasures(planId, new Set(docs.map((d) => d.id)));
    }
    if (itemIds.length) {
      const rows = await searchSourceRepository.listMeasureSources(db, { measureIds: itemIds, limit: itemIds.length });
      const fresh = rows.filter((r) => !planIds.has(r.plan_id));
      if (fresh.length) inBackground(run(this.engine.addDocuments(this.uid('measures'), fresh.map((r) => this.measureDoc(r, stamp)))));
      const gone = itemIds.filter((id) => !rows.some((r) => r.id === id));
      if (gone.length) {
        inBackground(run(this.engine.deleteDocuments(this.uid('measures'), gone)));
        for (const id of gone) {
          this.stats.remove(id);
          for (const set of this.planMeasures.values()) set.delete(id);
        }
      }
    }
    await mirror('posts', ids('forum_post'), (list) => forumRepository.listPostSources(db, { ids: list, limit: list.length }), (r) => postDocument(toPostSource(r)));
    await mirror('events', [...eventIds], (list) => searchSourceRepository.listEventSources(db, { ids: list, limit: list.length }), this.eventDoc);
    await mirror('news', [...newsIds], (list) => searchSourceRepository.listNewsSources(db, { ids: list, limit: list.length }), this.newsDoc);
    await Promise.all(pending);
  }

  private forgetStaleMeasures(planId: string, current: Set<string>) {
    for (const id of this.planMeasures.get(planId) ?? []) if (!current.has(id)) this.stats.remove(id);
    if (current.size) this.planMeasures.set(planId, current);
    else this.planMeasures.delete(planId);
  }
}
