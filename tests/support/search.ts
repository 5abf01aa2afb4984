import { EmbeddedSearchEngine, SearchEngineError, type SearchEngine } from '@partnera/search';
import type { App } from '@partnera/server';

/**
 * The embedded engine behind a switch: while `down`, every call fails as an unreachable Meilisearch
 * would (a transient SearchEngineError), so tests can take search away and bring it back.
 */
export class SwitchableEngine implements SearchEngine {
  readonly kind = 'embedded' as const;
  down = false;
  readonly inner = new EmbeddedSearchEngine();

  private guard<T>(work: () => Promise<T>): Promise<T> {
    if (this.down) return Promise.reject(new SearchEngineError('engine_unreachable', 'connect ECONNREFUSED 127.0.0.1:7700', true));
    return work();
  }

  ensureIndex: SearchEngine['ensureIndex'] = (...a) => this.guard(() => this.inner.ensureIndex(...a));
  deleteIndex: SearchEngine['deleteIndex'] = (...a) => this.guard(() => this.inner.deleteIndex(...a));
  indexExists: SearchEngine['indexExists'] = (...a) => this.guard(() => this.inner.indexExists(...a));
  addDocuments: SearchEngine['addDocuments'] = (...a) => this.guard(() => this.inner.addDocuments(...a));
  deleteDocuments: SearchEngine['deleteDocuments'] = (...a) => this.guard(() => this.inner.deleteDocuments(...a));
  deleteDocumentsByFilter: SearchEngine['deleteDocumentsByFilter'] = (...a) => this.guard(() => this.inner.deleteDocumentsByFilter(...a));
  swapIndexes: SearchEngine['swapIndexes'] = (...a) => this.guard(() => this.inner.swapIndexes(...a));
  waitForTask: SearchEngine['waitForTask'] = (...a) => this.guard(() => this.inner.waitForTask(...a));
  search: SearchEngine['search'] = (...a) => this.guard(() => this.inner.search(...a));
  multiSearch: SearchEngine['multiSearch'] = (...a) => this.guard(() => this.inner.multiSearch(...a));
  stats: SearchEngine['stats'] = (...a) => this.guard(() => this.inner.stats(...a));
  health: SearchEngine['health'] = async () => (this.down ? { status: 'unavailable', detail: 'down for the test' } : this.inner.health());
  close = () => this.inner.close();
}

/** Waits until the outbox relay has applied every change written so far (retries included). */
export async function searchCaughtUp(app: App, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await app.searchRuntime.relay.drain();
    const pending = await app.searchRuntime.relay.pending();
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`search outbox still has ${pending} entries to apply`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
