import { searchOutboxRepository, type Db } from '@partnera/db';
import type { SearchIndexer } from './search-indexer';

export interface RelayOptions {
  db: Db;
  indexer: SearchIndexer;
  /**
   * claim: a shared engine (Meilisearch): entries are claimed, applied once by whichever process, then
   * deleted. follow: an engine inside this process (embedded): every process applies every entry, so
   * each follows the outbox from its own position and old entries are pruned after a grace period.
   */
  mode?: 'claim' | 'follow';
  /** How often to look for due entries when idle. */
  intervalMs?: number;
  batchSize?: number;
  /** First retry delay; doubles per failed attempt up to `maxBackoffMs`. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  clock?: () => Date;
  log?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

/** How long applied entries stay for other processes following the outbox. */
const FOLLOW_GRACE_MS = 10 * 60_000;

/**
 * Pushes outbox entries to the search engine in batches. A failed batch is retried with exponential
 * back-off, so the index converges once the engine is back; an entry is done only after the engine
 * confirmed the change.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = true;
  private failing = false;
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly baseBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly clock: () => Date;
  private readonly mode: 'claim' | 'follow';
  /** follow mode: the last entry applied, the next retry time and how many tries failed in a row. */
  private cursor = '0';
  private retryAt = 0;
  private failures = 0;
  private lastPrune = 0;

  constructor(private readonly options: RelayOptions) {
    this.intervalMs = options.intervalMs ?? 500;
    this.batchSize = options.batchSize ?? 200;
    this.baseBackoffMs = options.baseBackoffMs ?? 1000;
    this.maxBackoffMs = options.maxBackoffMs ?? 5 * 60_000;
    this.clock = options.clock ?? (() => new Date());
    this.mode = options.mode ?? 'claim';
  }

  /** follow mode: entries after this id are applied (the index was built from the database up to it). */
  followFrom(id: string): void {
    this.cursor = id;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => 0);
  }

  private schedule(delay: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.tick().then((n) => this.schedule(n === this.batchSize ? 0 : this.intervalMs));
    }, delay);
    this.timer.unref?.();
  }

  private async tick(): Promise<number> {
    try {
      return await this.runOnce();
    } catch (error) {
      // Database trouble: log and try again on the next tick.
      this.options.log?.warn({ err: error }, 'search outbox: relay tick failed');
      return 0;
    }
  }

  /** Processes one batch of due entries; returns how many were claimed. Concurrent calls share one run. */
  runOnce(): Promise<number> {
    this.running ??= this.process().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private backoff(attempts: number): number {
    return Math.min(this.maxBackoffMs, this.baseBackoffMs * 2 ** Math.max(0, attempts - 1));
  }

  private process(): Promise<number> {
    return this.mode === 'follow' ? this.follow() : this.claim();
  }

  private async follow(): Promise<number> {
    const { db, indexer } = this.options;
    const now = this.clock();
    if (now.getTime() < this.retryAt) return 0;
    const entries = await searchOutboxRepository.listSearchSyncAfter(db, this.cursor, this.batchSize);
    if (entries.length === 0) return 0;
    try {
      await indexer.apply(db, entries);
      this.cursor = entries.at(-1)!.id;
      if (this.failures > 0) this.options.log?.info({ entries: entries.length }, 'search outbox: engine reachable again, catching up');
      this.failures = 0;
      this.retryAt = 0;
    } catch (error) {
      this.failures++;
      const delay = this.backoff(this.failures);
      this.retryAt = now.getTime() + delay;
      if (this.failures === 1) this.options.log?.warn({ err: error, entries: entries.length, retryInMs: delay }, 'search outbox: engine write failed, will retry');
      return entries.length;
    }
    if (now.getTime() - this.lastPrune > 60_000) {
      this.lastPrune = now.getTime();
      await searchOutboxRepository.pruneSearchSync(db, this.cursor, new Date(now.getTime() - FOLLOW_GRACE_MS));
    }
    return entries.length;
  }

  private async claim(): Promise<number> {
    const { db, indexer } = this.options;
    const now = this.clock();
    const entries = await searchOutboxRepository.claimDueSearchSync(db, this.batchSize, now, 60_000);
    if (entries.length === 0) return 0;
    const ids = entries.map((e) => e.id);
    try {
      await indexer.apply(db, entries);
      await searchOutboxRepository.completeSearchSync(db, ids);
      if (this.failing) this.options.log?.info({ entries: entries.length }, 'search outbox: engine reachable again, catching up');
      this.failing = false;
    } catch (error) {
      const delay = this.backoff(Math.max(...entries.map((e) => e.attempts)) + 1);
      await searchOutboxRepository.deferSearchSync(db, ids, error instanceof Error ? error.message : String(error), new Date(now.getTime() + delay));
      if (!this.failing) this.options.log?.warn({ err: error, entries: entries.length, retryInMs: delay }, 'search outbox: engine write failed, will retry');
      this.failing = true;
    }
    return entries.length;
  }

  /** Entries this relay has yet to apply (in follow mode: after its position; in claim mode: all left). */
  async pending(): Promise<number> {
    if (this.mode === 'follow') return (await searchOutboxRepository.listSearchSyncAfter(this.options.db, this.cursor, 10_000)).length;
    return (await searchOutboxRepository.pendingSearchSync(this.options.db)).pending;
  }

  /**
   * Processes until nothing is due (tests and the CLI use it to wait for the index to catch up).
   * Entries waiting for a later retry are not waited for.
   */
  async drain(maxRounds = 1000): Promise<void> {
    for (let round = 0; round < maxRounds; round++) {
      if ((await this.runOnce()) === 0) return;
    }
  }
}
