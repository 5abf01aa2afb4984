import { SearchEngineError } from '../engine/errors';
import type {
  Document,
  EngineHealth,
  EnqueuedTask,
  IndexSettings,
  IndexStats,
  MultiSearchQuery,
  SearchEngine,
  SearchParams,
  SearchResponse,
  Task,
} from '../engine/types';
import { parseFilter, type FilterInput } from '../filter/parse';
import { EmbeddedIndex } from './embedded-index';

const ID = /^[A-Za-z0-9_-]{1,511}$/;
const DEFAULT_SETTINGS: IndexSettings = { searchableAttributes: ['*'], filterableAttributes: [] };

/**
 * The in-process engine (the default when no Meilisearch is configured). Writes are tasks like in
 * Meilisearch: they run in order, record success or failure on the task, and never throw at the caller
 * for a bad document, so code written against one engine behaves the same against the other.
 */
export class EmbeddedSearchEngine implements SearchEngine {
  readonly kind = 'embedded' as const;
  private readonly indexes = new Map<string, EmbeddedIndex>();
  private readonly tasks = new Map<number, Task>();
  private nextTaskUid = 0;

  private run(type: string, indexUid: string | null, work: () => void): Promise<EnqueuedTask> {
    const task: Task = { taskUid: this.nextTaskUid++, indexUid, type, status: 'succeeded', error: null };
    try {
      work();
    } catch (error) {
      task.status = 'failed';
      task.error =
        error instanceof SearchEngineError ? { code: error.code, message: error.message } : { code: 'internal', message: String(error) };
    }
    this.tasks.set(task.taskUid, task);
    // Keep the task log bounded: only recent tasks can be waited for, as with Meilisearch's task pruning.
    if (this.tasks.size > 10_000) this.tasks.delete(task.taskUid - 10_000);
    return Promise.resolve({ taskUid: task.taskUid, indexUid, status: 'enqueued', type });
  }

  private index(uid: string): EmbeddedIndex {
    const index = this.indexes.get(uid);
    if (!index) throw new SearchEngineError('index_not_found', `Index \`${uid}\` not found.`);
    return index;
  }

  private indexOrCreate(uid: string): EmbeddedIndex {
    let index = this.indexes.get(uid);
    if (!index) {
      index = new EmbeddedIndex(uid, DEFAULT_SETTINGS);
      this.indexes.set(uid, index);
    }
    return index;
  }

  ensureIndex(uid: string, settings: IndexSettings) {
    return this.run('settingsUpdate', uid, () => {
      const existing = this.indexes.get(uid);
      if (existing) existing.applySettings(settings);
      else this.indexes.set(uid, new EmbeddedIndex(uid, settings));
    });
  }

  deleteIndex(uid: string) {
    return this.run('indexDeletion', uid, () => {
      if (!this.indexes.delete(uid)) throw new SearchEngineError('index_not_found', `Index \`${uid}\` not found.`);
    });
  }

  async indexExists(uid: string) {
    return this.indexes.has(uid);
  }

  addDocuments(uid: string, documents: Document[]) {
    return this.run('documentAdditionOrUpdate', uid, () => {
      const bad = documents.find((d) => typeof d.id !== 'string' || !ID.test(d.id));
      if (bad) throw new SearchEngineError('invalid_document_id', `Document identifier \`${String(bad.id)}\` is invalid.`);
      this.indexOrCreate(uid).upsert(documents);
    });
  }

  deleteDocuments(uid: string, ids: string[]) {
    return this.run('documentDeletion', uid, () => void this.index(uid).remove(ids));
  }

  deleteDocumentsByFilter(uid: string, filter: FilterInput) {
    return this.run('documentDeletion', uid, () => void this.index(uid).removeByFilter(parseFilter(filter)));
  }

  swapIndexes(pairs: Array<[string, string]>) {
    return this.run('indexSwap', null, () => {
      const resolved = pairs.map(([a, b]) => [this.index(a), this.index(b)] as const);
      for (const [a, b] of resolved) a.swapWith(b);
    });
  }

  async waitForTask(task: EnqueuedTask, _options?: { timeoutMs?: number }): Promise<Task> {
    const done = this.tasks.get(task.taskUid);
    if (!done) throw new SearchEngineError('task_not_found', `Task \`${task.taskUid}\` not found.`);
    return done;
  }

  async search<T = Document>(uid: string, params: SearchParams): Promise<SearchResponse<T>> {
    return this.index(uid).search(params) as SearchResponse<T>;
  }

  async multiSearch(queries: MultiSearchQuery[]) {
    return { results: queries.map(({ indexUid, ...params }) => this.index(indexUid).search(params)) };
  }

  async stats(uid: string): Promise<IndexStats> {
    return { numberOfDocuments: this.index(uid).docs.size };
  }

  async health(): Promise<EngineHealth> {
    return { status: 'available' };
  }

  async close() {
    this.indexes.clear();
  }
}
