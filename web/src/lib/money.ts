import { i18n } from './i18n/index.svelte';

/** "125000.50" + "BGN" → "125 000,50 лв." in the UI language's number format. */
export function formatMoney(amount: string | null | undefined, currency: string | null | undefined): string {
  if (!amount) return '';
  const value = Number(amount);
  if (!Number.isFinite(value)) return `${amount} ${currency ?? ''}`.trim();
  const fraction = Number.isInteger(value) ? 0 : 2;
  try {
    return new Intl.NumberFormat(i18n.intlTag, {
      ...(currency ? { style: 'currency', currency } : {}),
      minimumFractionDigits: fraction,
      maximumFractionDigits: 2,
    }).format(value);
  } catch {
    return `${amount} ${currency ?? ''}`.trim();
  }
}

/**
 * Accepts amounts as people type them ("125 000,50", "125,000.50", "125000") and returns the API's
 * form ("125000.50"), or null when it cannot be read.
 */
export function normaliseAmount(input: string): string | null {
  let s = input.replace(/[\s\u00a0\u202f']/g, '');
  if (!s) return null;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma > lastDot) {
    // Comma is the decimal separator only when followed by one or two digits.
    s = /,\d{1,2}$/.test(s) ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else {
    s = s.replace(/,/g, '');
  }
  return /^\d{1,13}(\.\d{1,2})?$/.test(s) ? s : null;
}
