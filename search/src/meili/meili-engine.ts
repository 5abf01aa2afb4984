import { Meilisearch, MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError, type Settings } from 'meilisearch';
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
import type { FilterInput } from '../filter/parse';

export interface MeiliOptions {
  url: string;
  apiKey?: string;
  /** Per-request timeout; a search engine that hangs must not hang the API. */
  timeoutMs?: number;
}

/**
 * The Meilisearch adapter: our interface is Meilisearch's own, so this mostly forwards, translating
 * errors into SearchEngineError (network failures and timeouts are transient, API errors are not).
 */
export class MeiliSearchEngine implements SearchEngine {
  readonly kind = 'meilisearch' as const;
  private readonly client: Meilisearch;

  constructor(options: MeiliOptions) {
    this.client = new Meilisearch({ host: options.url, apiKey: options.apiKey, timeout: options.timeoutMs ?? 10_000 });
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw translate(error);
    }
  }

  private static enqueued(task: { taskUid: number; indexUid: string | null; status: string; type: string }): EnqueuedTask {
    return { taskUid: task.taskUid, indexUid: task.indexUid, status: task.status as EnqueuedTask['status'], type: task.type };
  }

  async ensureIndex(uid: string, settings: IndexSettings) {
    return this.call(async () => {
      if (!(await this.indexExists(uid))) {
        const created = await this.client.createIndex(uid, { primaryKey: 'id' }).waitTask();
        if (created.status === 'failed' && created.error?.code !== 'index_already_exists') throw new SearchEngineError(created.error?.code ?? 'internal', created.error?.message ?? 'index creation failed');
      }
      return MeiliSearchEngine.enqueued(await this.client.index(uid).updateSettings(toMeiliSettings(settings)));
    });
  }

  async deleteIndex(uid: string) {
    return this.call(async () => MeiliSearchEngine.enqueued(await this.client.deleteIndex(uid)));
  }

  async indexExists(uid: string) {
    return this.call(async () => {
      try {
        await this.client.index(uid).getRawInfo();
        return true;
      } catch (error) {
        if (error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found') return false;
        throw error;
      }
    });
  }

  async addDocuments(uid: string, documents: Document[]) {
    return this.call(async () => MeiliSearchEngine.enqueued(await this.client.index(uid).addDocuments(documents, { primaryKey: 'id' })));
  }

  async deleteDocuments(uid: string, ids: string[]) {
    return this.call(async () => MeiliSearchEngine.enqueued(await this.client.index(uid).deleteDocuments(ids)));
  }

  async deleteDocumentsByFilter(uid: string, filter: FilterInput) {
    return this.call(async () => MeiliSearchEngine.enqueued(await this.client.index(uid).deleteDocuments({ filter })));
  }

  async swapIndexes(pairs: Array<[string, string]>) {
    return this.call(async () => MeiliSearchEngine.enqueued(await this.client.swapIndexes(pairs.map((indexes) => ({ indexes, rename: false })))));
  }

  async waitForTask(task: EnqueuedTask, options: { timeoutMs?: number } = {}): Promise<Task> {
    return this.call(async () => {
      const done = await this.client.tasks.waitForTask(task.taskUid, { timeout: options.timeoutMs ?? 60_000, interval: 50 });
      return {
        taskUid: done.uid,
        indexUid: done.indexUid ?? null,
        status: done.status as Task['status'],
        type: done.type,
        error: done.error ? { code: done.error.code, message: done.error.message } : null,
      };
    });
  }

  async search<T = Document>(uid: string, params: SearchParams): Promise<SearchResponse<T>> {
    return this.call(async () => (await this.client.index(uid).search(params.q ?? '', toMeiliParams(params))) as unknown as SearchResponse<T>);
  }

  async multiSearch(queries: MultiSearchQuery[]) {
    return this.call(async () => {
      const response = await this.client.multiSearch({ queries: queries.map(({ indexUid, ...params }) => ({ indexUid, q: params.q ?? '', ...toMeiliParams(params) })) });
      return { results: response.results as unknown as SearchResponse[] };
    });
  }

  async stats(uid: string): Promise<IndexStats> {
    return this.call(async () => ({ numberOfDocuments: (await this.client.index(uid).getStats()).numberOfDocuments }));
  }

  async health(): Promise<EngineHealth> {
    try {
      await this.client.health();
      return { status: 'available' };
    } catch (error) {
      return { status: 'unavailable', detail: error instanceof Error ? error.message : String(error) };
    }
  }

  async close() {}
}

function toMeiliSettings(s: IndexSettings): Settings {
  return {
    searchableAttributes: s.searchableAttributes,
    filterableAttributes: s.filterableAttributes,
    sortableAttributes: s.sortableAttributes ?? [],
    displayedAttributes: s.displayedAttributes ?? ['*'],
    rankingRules: s.rankingRules ?? ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
    stopWords: s.stopWords ?? [],
    synonyms: s.synonyms ?? {},
    typoTolerance: s.typoTolerance ?? { enabled: true },
    localizedAttributes: s.localizedAttributes ?? null,
    faceting: s.faceting ?? {},
    pagination: s.pagination ?? {},
  };
}

function toMeiliParams(p: SearchParams) {
  const { q: _q, ...rest } = p;
  return rest;
}

function translate(error: unknown): Error {
  if (error instanceof SearchEngineError) return error;
  if (error instanceof MeilisearchApiError) {
    const code = error.cause?.code ?? 'internal';
    return new SearchEngineError(code, error.message, (error.response?.status ?? 500) >= 500);
  }
  if (error instanceof MeilisearchRequestError || error instanceof MeilisearchRequestTimeOutError) {
    return new SearchEngineError('engine_unreachable', error.message, true);
  }
  return error instanceof Error ? error : new Error(String(error));
}
