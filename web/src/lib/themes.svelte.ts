import type { Theme } from '@partnera/server/api-types';
import { themesApi } from './api/ideas';
import { i18n } from './i18n/index.svelte';

let list = $state<Theme[]>([]);
let error = $state<unknown>(null);
let started = false;

/** The theme list, loaded once; names follow the UI language. */
export const themes = {
  get list(): Theme[] {
    return list;
  },
  get error(): unknown {
    return error;
  },
  load(): void {
    if (started) return;
    started = true;
    error = null;
    themesApi
      .list()
      .then((items) => (list = items))
      .catch((err: unknown) => {
        error = err;
        started = false;
      });
  },
};

/** A theme's name in the UI language (the code until the list has loaded). */
export function themeName(code: string): string {
  const theme = list.find((t) => t.code === code);
  return theme ? theme[i18n.locale] : code.replace(/_/g, ' ');
}
