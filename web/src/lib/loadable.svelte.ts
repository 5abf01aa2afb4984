/** Loading/error/data state of one async read, ignoring answers that arrive after a newer load started. */
export class Loadable<T> {
  data = $state<T | undefined>(undefined);
  error = $state<unknown>(null);
  loading = $state(false);
  #seq = 0;
  #fetch: () => Promise<T>;

  constructor(fetch: () => Promise<T>) {
    this.#fetch = fetch;
  }

  async load(): Promise<void> {
    const seq = ++this.#seq;
    this.loading = true;
    this.error = null;
    try {
      const data = await this.#fetch();
      if (seq === this.#seq) this.data = data;
    } catch (err) {
      if (seq === this.#seq) this.error = err;
    } finally {
      if (seq === this.#seq) this.loading = false;
    }
  }
}
