import type { CountryCode } from '@partnera/db';

export type LegalIdResult = { ok: true; value: string } | { ok: false; message: string };

const digits = (s: string) => [...s].map(Number);

/** Weighted sum mod 11 with Bulgaria's fallback: a remainder of 10 retries with the second weights, then 0. */
function bulstatCheck(ds: number[], first: number[], second: number[]): number {
  const sum = (w: number[]) => w.reduce((acc, weight, i) => acc + weight * (ds[i] ?? 0), 0) % 11;
  const r = sum(first);
  if (r !== 10) return r;
  const r2 = sum(second);
  return r2 === 10 ? 0 : r2;
}

/** BG EIK / BULSTAT: 9 digits (legal entities) or 13 (branches), each with a check digit. */
function checkEik(raw: string): LegalIdResult {
  const value = raw.replace(/^BG/, '');
  if (!/^(\d{9}|\d{13})$/.test(value)) return { ok: false, message: 'EIK/BULSTAT must have 9 or 13 digits' };
  const ds = digits(value);
  if (bulstatCheck(ds, [1, 2, 3, 4, 5, 6, 7, 8], [3, 4, 5, 6, 7, 8, 9, 10]) !== ds[8]) {
    return { ok: false, message: 'EIK/BULSTAT check digit does not match' };
  }
  if (value.length === 13) {
    const tail = ds.slice(8, 12);
    if (bulstatCheck(tail, [2, 7, 3, 5], [4, 9, 5, 7]) !== ds[12]) {
      return { ok: false, message: 'EIK/BULSTAT check digit does not match' };
    }
  }
  return { ok: true, value };
}

/** AL NIPT: a letter, eight digits, a letter (e.g. K12345678A). */
function checkNipt(value: string): LegalIdResult {
  return /^[A-Z]\d{8}[A-Z]$/.test(value)
    ? { ok: true, value }
    : { ok: false, message: 'NIPT must be a letter, 8 digits and a letter, e.g. K12345678A' };
}

/** AZ VÖEN: ten digits. */
function checkVoen(value: string): LegalIdResult {
  return /^\d{10}$/.test(value) ? { ok: true, value } : { ok: false, message: 'VÖEN must have 10 digits' };
}

const checks: Record<CountryCode, (value: string) => LegalIdResult> = { BG: checkEik, AL: checkNipt, AZ: checkVoen };

/** Normalises (spaces and dashes removed, upper case) and checks a legal id for its country. */
export function checkLegalId(country: CountryCode, raw: string): LegalIdResult {
  return checks[country](raw.replace(/[\s-]/g, '').toUpperCase());
}

/** Computes the 9th digit for 8 digits: used by the demo seed and tests to make valid EIKs. */
export function eikCheckDigit(first8: string): number {
  return bulstatCheck(digits(first8), [1, 2, 3, 4, 5, 6, 7, 8], [3, 4, 5, 6, 7, 8, 9, 10]);
}
