import type { Country, Locale } from '@partnera/server/api-types';
import { az } from './az';
import { bg } from './bg';
import { en, type MessageKey, type Messages } from './en';
import { sq } from './sq';

export type { MessageKey } from './en';

const dictionaries: Record<Locale, Messages> = { en, bg, sq, az };

export const LOCALES: readonly Locale[] = ['bg', 'sq', 'az', 'en'];

/** Each language named in itself, as shown in the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  bg: 'Български',
  sq: 'Shqip',
  az: 'Azərbaycan',
  en: 'English',
};

/** BCP 47 tags for Intl formatting. */
const INTL_TAGS: Record<Locale, string> = { bg: 'bg-BG', sq: 'sq-AL', az: 'az-Latn-AZ', en: 'en-GB' };

/** The UI language in which each country's local names are written. */
export const COUNTRY_LOCALE: Record<Country, Locale> = { BG: 'bg', AL: 'sq', AZ: 'az' };

const STORAGE_KEY = 'partnera.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function initialLocale(): Locale {
  if (typeof window === 'undefined') return 'en';
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage may be blocked (private mode); fall back to the browser language.
  }
  for (const lang of navigator.languages ?? [navigator.language]) {
    const base = lang.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

let current = $state<Locale>(initialLocale());

export const i18n = {
  get locale(): Locale {
    return current;
  },
  /** Changes the UI language and remembers it on this device. */
  set locale(value: Locale) {
    current = value;
    try {
      window.localStorage.setItem(STORAGE_KEY, value);
    } catch {
      // Not fatal: the choice just won't survive a reload.
    }
  },
  get intlTag(): string {
    return INTL_TAGS[current];
  },
};

export type Params = Record<string, string | number>;

/** Translates `key` into the current language, filling `{name}` placeholders from `params`. */
export function t(key: MessageKey, params?: Params): string {
  const template = dictionaries[current][key] ?? en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

/** Whether `key` exists in the dictionaries (for codes coming from the server). */
export function hasKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(INTL_TAGS[current], { dateStyle: 'medium' }).format(date);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(INTL_TAGS[current], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A territory's name in the UI language: local name when the UI speaks the country's language. */
export function territoryName(
  territory: { code: string; nameLocal: string; nameEn: string } | null | undefined,
  country?: Country,
): string {
  if (!territory) return '';
  // Codes start with the ISO country code (e.g. BG-01), so the country can be derived when not given.
  const c = country ?? (territory.code.slice(0, 2).toUpperCase() as Country);
  return COUNTRY_LOCALE[c] === current ? territory.nameLocal : territory.nameEn;
}

/** Label for an organisation kind (falls back to the raw value for kinds added later). */
export function kindLabel(kind: string): string {
  const key = `kind.${kind}`;
  return hasKey(key) ? t(key) : kind;
}

export function roleLabel(role: string): string {
  const key = `role.${role}`;
  return hasKey(key) ? t(key) : role;
}

export function countryLabel(country: string): string {
  const key = `country.${country}`;
  return hasKey(key) ? t(key) : country;
}

/** Name of a content language (bg, sq, az, en) in the UI language. */
export function languageLabel(code: string): string {
  const key = `language.${code}`;
  return hasKey(key) ? t(key) : code;
}

/** Message keys that come as a `.one` / `.other` pair. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.one` ? Base : never) : never;

/**
 * `{count}` messages with the right plural form. Bulgarian, Albanian, Azerbaijani and English all
 * need just "one" and "other" for whole numbers.
 */
export function tp(key: PluralKey, count: number, params?: Params): string {
  const form = new Intl.PluralRules(INTL_TAGS[current]).select(count) === 'one' ? 'one' : 'other';
  return t(`${key}.${form}` as MessageKey, { count, ...params });
}
