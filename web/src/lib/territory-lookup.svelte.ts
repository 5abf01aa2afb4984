import type { Country, Territory } from '@partnera/server/api-types';
import { SvelteMap } from 'svelte/reactivity';
import { COUNTRIES, territoriesApi } from './api';
import { territoryName } from './i18n/index.svelte';

const known = new SvelteMap<string, Territory>();
const requested = new Set<string>();

/**
 * A territory by code, for labels (plan municipalities, idea places). Each country's list is fetched
 * once (the territories API caches it); until then this returns undefined and labels show the code.
 */
export function territoryByCode(code: string | null | undefined): Territory | undefined {
  if (!code) return undefined;
  const hit = known.get(code);
  if (hit) return hit;
  const country = code.slice(0, 2).toUpperCase() as Country;
  if ((COUNTRIES as readonly string[]).includes(country) && !requested.has(country)) {
    requested.add(country);
    territoriesApi
      .list({ country })
      .then((items) => items.forEach((t) => known.set(t.code, t)))
      .catch(() => requested.delete(country));
  }
  return undefined;
}

/** A territory's name in the UI language, or its code while the list loads. */
export function territoryLabel(code: string | null | undefined): string {
  if (!code) return '';
  const t = territoryByCode(code);
  return t ? territoryName(t) : code;
}
