import type { PageOf } from '@partnera/server/api-types';

/** A cursor-paged list whose reload aborts the previous one, so pages of an old query never mix into a new one. */
export class PagedList<T> {
  items = $state<T[]>([]);
  nextCursor = $state<string | null>(null);
  loading = $state(false);
  loadingMore = $state(false);
  error = $state<unknown>(null);
  moreError = $state<unknown>(null);
  #controller: AbortController | undefined;
  #fetch: (cursor: string | undefined, signal: AbortSignal | undefined) => Promise<PageOf<T>>;

  constructor(fetch: (cursor: string | undefined, signal: AbortSignal | undefined) => Promise<PageOf<T>>) {
    this.#fetch = fetch;
  }

  // Arrow functions, so pages can pass them straight to event handlers.
  reload = async (): Promise<void> => {
    this.#controller?.abort();
    const c = new AbortController();
    this.#controller = c;
    this.loading = true;
    this.error = null;
    this.moreError = null;
    try {
      const result = await this.#fetch(undefined, c.signal);
      if (c.signal.aborted) return;
      this.items = result.items;
      this.nextCursor = result.nextCursor;
    } catch (err) {
      if (c.signal.aborted) return;
      this.error = err;
      this.items = [];
      this.nextCursor = null;
    } finally {
      if (!c.signal.aborted) this.loading = false;
    }
  };

  loadMore = async (): Promise<void> => {
    if (!this.nextCursor || this.loadingMore) return;
    this.loadingMore = true;
    this.moreError = null;
    const c = this.#controller;
    try {
      const result = await this.#fetch(this.nextCursor, c?.signal);
      if (c?.signal.aborted) return;
      this.items = [...this.items, ...result.items];
      this.nextCursor = result.nextCursor;
    } catch (err) {
      if (!c?.signal.aborted) this.moreError = err;
    } finally {
      this.loadingMore = false;
    }
  };
}
