import type { Country } from '@partnera/server/api-types';

/** Format checks mirroring the server (which also verifies checksums); used for early, friendly feedback. */
const PATTERNS: Record<Country, RegExp> = {
  BG: /^(\d{9}|\d{13})$/,
  AL: /^[A-Z]\d{8}[A-Z]$/,
  AZ: /^\d{10}$/,
};

export function normaliseLegalId(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

export function legalIdLooksValid(country: Country, value: string): boolean {
  return PATTERNS[country].test(normaliseLegalId(value));
}
