import { searchOutboxRepository, type Db } from '@partnera/db';
import type { SearchEngine } from './engine/types';
import { describeCounts, type RebuildProgress } from './engine/rebuild';
import { Matcher } from './matcher/matcher';
import { OutboxRelay } from './sync/outbox-relay';
import { SearchIndexer } from './sync/search-indexer';
import { defaultThesaurus, type Thesaurus } from './thesaurus/thesaurus';

export interface SearchLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface SearchRuntimeOptions {
  engine: SearchEngine;
  db: Db;
  /** Prefix of the index names. */
  indexPrefix: string;
  log: SearchLog;
  relayIntervalMs?: number;
  retryBaseMs?: number;
  clock?: () => Date;
}

/** Everything search needs at run time, wired once: engine, indexer, outbox relay and matcher. */
export class SearchRuntime {
  readonly engine: SearchEngine;
  readonly thesaurus: Thesaurus;
  readonly indexer: SearchIndexer;
  readonly relay: OutboxRelay;
  readonly matcher: Matcher;

  constructor(private readonly options: SearchRuntimeOptions) {
    this.engine = options.engine;
    this.thesaurus = defaultThesaurus();
    this.indexer = new SearchIndexer(options.engine, this.thesaurus, options.indexPrefix);
    this.relay = new OutboxRelay({
      db: options.db,
      indexer: this.indexer,
      intervalMs: options.relayIntervalMs,
      baseBackoffMs: options.retryBaseMs,
      clock: options.clock,
      log: options.log,
      mode: options.engine.kind === 'embedded' ? 'follow' : 'claim',
    });
    this.matcher = new Matcher({
      engine: options.engine,
      thesaurus: this.thesaurus,
      stats: this.indexer.stats,
      measuresIndex: this.indexer.uid('measures'),
      ideasIndex: this.indexer.uid('ideas'),
    });
  }

  /**
   * The embedded engine starts empty, so it is rebuilt from the database (with a progress line in the
   * log); a Meilisearch keeps its indexes, so only settings and the matcher's statistics are loaded —
   * unless its indexes are missing, then it is rebuilt too. The relay then applies what changed since.
   */
  async start(): Promise<void> {
    const { log, db } = this.options;
    try {
      if (this.engine.kind !== 'embedded') {
        // The statistics come from the database alone, so matching works even while Meilisearch is down.
        await this.indexer.loadStats(db);
      }
      const missing = this.engine.kind === 'embedded' || !(await this.engine.indexExists(this.indexer.uid('measures')));
      // Changes written while the index is being built are applied again afterwards (they are idempotent).
      if (this.engine.kind === 'embedded') this.relay.followFrom(await searchOutboxRepository.lastSearchSyncId(db));
      if (missing) {
        const started = performance.now();
        let lastLogged = 0;
        const counts = await this.indexer.rebuildAll(db, (p: RebuildProgress) => {
          const now = performance.now();
          if (p.done === p.total || now - lastLogged > 1000) {
            lastLogged = now;
            log.info({ index: p.index, done: p.done, total: p.total }, `search: indexing ${p.index} ${p.done}/${p.total}`);
          }
        });
        log.info(
          { ...counts, ms: Math.round(performance.now() - started) },
          `search: ${this.engine.kind} index built from the database (${describeCounts(counts)})`,
        );
      } else {
        await this.indexer.setup();
        log.info({ measures: this.indexer.stats.documentCount }, 'search: using the existing Meilisearch indexes');
      }
    } catch (error) {
      // Search down at boot must not keep the API down: the relay retries and health reports it.
      log.warn({ err: error }, 'search: could not prepare the indexes at boot; the outbox relay will keep retrying');
    }
    this.relay.start();
  }

  async close(): Promise<void> {
    await this.relay.stop();
    await this.engine.close();
  }
}
