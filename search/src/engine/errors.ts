/**
 * An error from a search engine with Meilisearch's error code (e.g. `invalid_search_filter`,
 * `index_not_found`), so callers handle both engines alike. `transient` marks failures worth retrying
 * (engine unreachable, timeouts) as opposed to requests the engine will never accept.
 */
export class SearchEngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly transient = false,
  ) {
    super(message);
    this.name = 'SearchEngineError';
  }
}

export const isInvalidRequest = (error: unknown): error is SearchEngineError =>
  error instanceof SearchEngineError && !error.transient && error.code.startsWith('invalid_');
